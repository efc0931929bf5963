import type { Actor } from "~/domain/actor";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { courseDueDate, daysUntil, homeScope, waitingItems } from "~/domain/home";
import { refusal } from "~/domain/refusal";
import { sqlite } from "~/utils/db.server";
import { myCourses } from "~/models/training/my-courses.server";
import { ordersWaitingCounts } from "~/models/orders/order-queries.server";
import { allDivisions, topLevelMap } from "~/models/people/organization.server";
import { countActiveByPersonnelType } from "~/models/people/people-queries.server";
import { documentsFor } from "~/models/plan/policy-documents.server";
import { isMember } from "~/models/people/target-groups.server";
import { scopeOf } from "~/models/registers/scope.server";
import {
  appraisalsWaiting,
  complaintsOverdue,
  declarationsToReview,
  giftsToDecide,
  inScope,
  registerOversight,
  riskMeasuresOverdue,
  trainingProgress,
  type Me,
} from "./scope-work.server";

// The home page (issue 12 item 11, decision 047): everyone's own to-dos; for HR, managers and integrity officers
// also what waits for them in their scope, with counts and links, and training progress this fiscal year.
// Read-only: it counts, it never changes anything.

/** Item 16's yearly No Gift declaration: due when the person is in its target group and has not declared this year. */
async function noGiftDue(personId: number, fiscalYear: number, now: Date): Promise<boolean> {
  // One direct read (decision 062): the home page is the page everyone opens.
  const [row] = await sqlite.read((sql) =>
    sql.all<{ targetGroupCode: string | null; declared: number }>(
      `SELECT (SELECT "targetGroupCode" FROM "PlanIndicator"
               WHERE "itemNumber" = 16 AND "instrument" = 'no-gift-declaration' ORDER BY "id" LIMIT 1) AS "targetGroupCode",
              EXISTS (SELECT 1 FROM "NoGiftDeclaration" WHERE "personId" = ? AND "fiscalYear" = ?) AS "declared"`,
      personId,
      fiscalYear,
    ),
  );
  if (!row?.targetGroupCode) return false;
  return row.declared === 0 && (await isMember(row.targetGroupCode, personId, now));
}

export async function homePage(actor: Actor, now = new Date()) {
  const [[person], units] = await Promise.all([
    sqlite.read((sql) =>
      sql.all<{ firstName: string; position: string; divisionId: number }>(
        `SELECT "firstName", "position", "divisionId" FROM "Person" WHERE "id" = ?`,
        actor.personId,
      ),
    ),
    allDivisions(),
  ]);
  if (!person) throw refusal(403, "ไม่พบข้อมูลบุคลากรของท่าน");
  const fiscalYear = fiscalYearOf(now);
  const scope = homeScope(actor.roles);
  const me: Me = {
    personId: actor.personId,
    divisionId: person.divisionId,
    position: person.position,
    roles: actor.roles,
  };
  const topUnitId = topLevelMap(units).get(person.divisionId) ?? null;
  const scoped = inScope(scope, me, units);
  const scopeDivisionIds = scope === "unit" ? units.filter((u) => scoped(u.id)).map((u) => u.id) : undefined;
  const registerScope = await scopeOf(actor);

  const [
    courses,
    orders,
    documents,
    noGift,
    appraisals,
    gifts,
    declarations,
    complaints,
    measures,
    training,
    headCount,
    oversight,
  ] = await Promise.all([
    myCourses(actor.personId, fiscalYear, now),
    ordersWaitingCounts(actor.personId, now),
    documentsFor(actor.personId, now),
    noGiftDue(actor.personId, fiscalYear, now),
    appraisalsWaiting(scope, me, units),
    giftsToDecide(registerScope, now),
    declarationsToReview(registerScope),
    complaintsOverdue(actor, now),
    riskMeasuresOverdue(scope, topUnitId, fiscalYear, now),
    scope === "self" ? Promise.resolve([]) : trainingProgress(scoped, fiscalYear, now),
    scope === "self" ? Promise.resolve(null) : countActiveByPersonnelType(scopeDivisionIds),
    registerOversight(scope, now),
  ]);

  const due = courseDueDate(fiscalYear);
  const waiting = waitingItems({
    appraisals,
    ordersToSign: orders.toSign,
    ordersToAcknowledge: orders.toAcknowledge,
    giftsToDecide: gifts.toDecide,
    giftsOverdue: gifts.overdue,
    declarationsToReview: declarations,
    complaintsOverdue: complaints,
    riskMeasuresOverdue: measures,
    noGiftDeclarationYear: noGift ? fiscalYear : null,
    documentsToRead: documents.filter((d) => !d.acknowledgedAt).map((d) => ({ id: d.id, title: d.title })),
    oversight,
  });
  return {
    firstName: person.firstName,
    position: person.position,
    divisionName: units.find((u) => u.id === person.divisionId)?.name ?? "",
    today: now.toISOString(),
    fiscalYear,
    scope,
    waiting,
    courses: {
      due: due.toISOString(),
      daysLeft: daysUntil(due, now),
      notDone: courses
        .filter((c) => c.status !== "passed")
        .map((c) => ({ slug: c.slug, title: c.title, status: c.status })),
      passed: courses.filter((c) => c.status === "passed").length,
      total: courses.length,
    },
    training,
    headCount,
  };
}

export type HomePage = Awaited<ReturnType<typeof homePage>>;
