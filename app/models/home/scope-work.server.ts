import type { Actor } from "~/domain/actor";
import { isIntegrityOfficer } from "~/domain/actor";
import { isOverdue as complaintOverdue } from "~/domain/complaints";
import { mayReview } from "~/domain/declarations";
import { giftActions, giftStatus } from "~/domain/gift-rules";
import { appraisalWaiting, measureOverdue, type HomeScope } from "~/domain/home";
import { supervises, unitAndBelow, type UnitNode } from "~/domain/supervision";
import { complaintRules } from "~/content/complaint-rules.server";
import { sqlite, type SqlStatements } from "~/utils/db.server";
import { coursePopulations, yearAssignments } from "~/models/training/assignments.server";
import { listCourses } from "~/models/training/catalogue.server";
import { certificateHolders } from "~/models/training/report-queries.server";
import { rosterByIdForMembership } from "~/models/people/target-groups.server";
import { relationTo, type RegisterScope } from "../registers/scope.server";

// Read-only counts of what waits for HR, managers and integrity officers (decision 047). Each count applies the
// same rule the feature's own page uses to show its list (app/domain/*), so the home page and the list agree.
// The rows come from the direct path (decision 054): the home page is the page everyone opens, and each read through
// the client cost more CPU than the rest of the count (decision 062). The SQL only narrows the rows; the rule decides.

const dateOrNull = (text: string | null) => (text == null ? null : new Date(text));

export type Me = { personId: number; divisionId: number; position: string; roles: readonly string[] };

/** People in the viewer's scope: everyone for HR, the manager's unit and the units below it for a manager. */
export function inScope(scope: HomeScope, me: Me, units: readonly UnitNode[]): (divisionId: number) => boolean {
  if (scope === "municipality") return () => true;
  if (scope === "unit") {
    const mine = unitAndBelow(units, me.divisionId);
    return (divisionId) => mine.has(divisionId);
  }
  return () => false;
}

/** Appraisals nobody has recorded in rounds not yet published, that this viewer may record, per round. */
export async function appraisalsWaiting(scope: HomeScope, me: Me, units: readonly UnitNode[]) {
  if (scope === "self") return [];
  const open = await sqlite.read((sql) =>
    sql.all<{
      appraisedAt: string | null;
      roundId: number;
      roundTitle: string;
      roundPublishedAt: string | null;
      id: number;
      divisionId: number;
      position: string;
    }>(
      `SELECT a."appraisedAt", r."id" AS "roundId", r."title" AS "roundTitle", r."publishedAt" AS "roundPublishedAt",
              p."id", p."divisionId", p."position"
       FROM "SalaryAppraisal" a JOIN "SalaryRound" r ON r."id" = a."roundId" JOIN "Person" p ON p."id" = a."personId"
       WHERE a."appraisedAt" IS NULL AND r."publishedAt" IS NULL`,
    ),
  );
  const byRound = new Map<number, { roundId: number; roundTitle: string; waiting: number }>();
  for (const a of open) {
    if (!appraisalWaiting({ appraisedAt: a.appraisedAt, roundPublishedAt: a.roundPublishedAt })) continue;
    const mine = scope === "municipality" ? a.id !== me.personId : supervises(me, a, units);
    if (!mine) continue;
    const row = byRound.get(a.roundId) ?? { roundId: a.roundId, roundTitle: a.roundTitle, waiting: 0 };
    row.waiting += 1;
    byRound.set(a.roundId, row);
  }
  return [...byRound.values()].sort((x, y) => x.roundId - y.roundId);
}

/** Gift reports that must be reported and are neither decided nor superseded (except `exceptPersonId`'s own). */
function giftReportsAwaitingDecision(sql: SqlStatements, exceptPersonId: number | null) {
  return sql
    .all<{ personId: number; mustReport: number; reportDueOn: string | null; recordedAt: string }>(
      `SELECT "personId", "mustReport", "reportDueOn", "recordedAt" FROM "GiftReport"
       WHERE "mustReport" = 1 AND "decidedAt" IS NULL AND "supersededAt" IS NULL AND "personId" <> ?`,
      exceptPersonId ?? -1,
    )
    .map((g) => ({
      ...g,
      mustReport: g.mustReport === 1,
      recordedAt: new Date(g.recordedAt),
      decidedAt: null,
      supersededAt: null,
    }));
}

/** Gift reports the viewer decides as the head of the person's unit, and how many of them are past the 30 days. */
export async function giftsToDecide(registerScope: RegisterScope, now: Date) {
  const [pending, byId] = await Promise.all([
    sqlite.read((sql) => giftReportsAwaitingDecision(sql, registerScope.personId)),
    // Who the reporters are (unit, personnel type) from the membership snapshot, not a read per page.
    rosterByIdForMembership(),
  ]);
  const mine = pending.filter(
    (g) => byId.has(g.personId) && giftActions(g, relationTo(registerScope, byId.get(g.personId)!)).has("decide"),
  );
  return { toDecide: mine.length, overdue: mine.filter((g) => giftStatus(g, now) === "overdue").length };
}

/** HR's oversight of the registers: every gift report still awaiting its head's decision, and unreviewed declarations. */
export async function registerOversight(scope: HomeScope, now: Date) {
  if (scope !== "municipality") return null;
  const { pending, declarationsUnreviewed } = await sqlite.read((sql) => ({
    pending: giftReportsAwaitingDecision(sql, null),
    declarationsUnreviewed: Number(
      sql.all<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "ConflictDeclaration" WHERE "reviewedAt" IS NULL`)[0]!.n,
    ),
  }));
  return {
    giftsAwaiting: pending.length,
    giftsOverdue: pending.filter((g) => giftStatus(g, now) === "overdue").length,
    declarationsUnreviewed,
  };
}

/** Conflict-of-interest declarations the viewer reviews (the head of the unit; HR for executives and council). */
export async function declarationsToReview(registerScope: RegisterScope) {
  const [unreviewed, byId] = await Promise.all([
    sqlite.read((sql) =>
      sql.all<{ personId: number }>(
        `SELECT "personId" FROM "ConflictDeclaration" WHERE "reviewedAt" IS NULL AND "personId" <> ?`,
        registerScope.personId,
      ),
    ),
    rosterByIdForMembership(),
  ]);
  return unreviewed.filter((d) => {
    const person = byId.get(d.personId);
    return (
      person != null &&
      mayReview(
        { personId: d.personId, personnelType: person.personnelType, reviewedAt: null },
        relationTo(registerScope, person),
      )
    );
  }).length;
}

/** Open complaints past one of their deadlines, for integrity officers only (null for everyone else). */
export async function complaintsOverdue(actor: Actor, now: Date): Promise<number | null> {
  if (!isIntegrityOfficer(actor)) return null;
  const rules = complaintRules();
  const open = await sqlite.read((sql) =>
    sql.all<{
      receivedAt: string;
      acknowledgedAt: string | null;
      closedAt: string | null;
      lastReportedAt: string | null;
    }>(
      `SELECT "receivedAt", "acknowledgedAt", "closedAt", "lastReportedAt" FROM "Complaint" WHERE "status" <> 'closed'`,
    ),
  );
  return open.filter((c) =>
    complaintOverdue(
      {
        receivedAt: new Date(c.receivedAt),
        acknowledgedAt: dateOrNull(c.acknowledgedAt),
        closedAt: dateOrNull(c.closedAt),
        lastReportedAt: dateOrNull(c.lastReportedAt),
      },
      rules,
      now,
    ),
  ).length;
}

/** Measures of this year's register past their due date without a "done" follow-up, in the viewer's units. */
export async function riskMeasuresOverdue(scope: HomeScope, topUnitId: number | null, fiscalYear: number, now: Date) {
  if (scope === "self") return 0;
  const rows = await sqlite.read((sql) =>
    sql.all<{ id: number; dueDate: string; status: string | null }>(
      `SELECT m."id", m."dueDate", f."status"
       FROM "RiskMeasure" m JOIN "Risk" r ON r."id" = m."riskId" LEFT JOIN "RiskFollowUp" f ON f."measureId" = m."id"
       WHERE m."dueDate" < ? AND r."fiscalYear" = ? AND r."gap" = 0 ${scope === "unit" ? `AND r."divisionId" = ?` : ""}`,
      now,
      fiscalYear,
      ...(scope === "unit" ? [topUnitId ?? -1] : []),
    ),
  );
  const measures = new Map<number, { dueDate: Date; followUpStatuses: string[] }>();
  for (const row of rows) {
    const measure = measures.get(row.id) ?? { dueDate: new Date(row.dueDate), followUpStatuses: [] };
    if (row.status != null) measure.followUpStatuses.push(row.status);
    measures.set(row.id, measure);
  }
  return [...measures.values()].filter((m) => measureOverdue(m, now)).length;
}

/** Training this fiscal year in the viewer's scope: per assigned course, who must pass and who has passed. */
export async function trainingProgress(
  inScopeDivision: (divisionId: number) => boolean,
  fiscalYear: number,
  now: Date,
) {
  const assignments = await yearAssignments(fiscalYear);
  const courseIds = [...new Set(assignments.map((a) => a.courseId))];
  if (!courseIds.length) return [];
  // The roster from the membership snapshot and the holders as one string per course: at 50,000 people, reading
  // every person and certificate through the client was most of HR's home page.
  const [catalogue, roster, holders, populations] = await Promise.all([
    listCourses(),
    rosterByIdForMembership(),
    certificateHolders(fiscalYear, courseIds),
    coursePopulations(courseIds, fiscalYear, now),
  ]);
  const inScope = (personId: number) => {
    const person = roster.get(personId);
    return person !== undefined && inScopeDivision(person.divisionId);
  };
  const rows = [];
  // The catalogue is in the courses' order (sortOrder).
  for (const course of catalogue.filter((c) => courseIds.includes(c.id))) {
    const passed = holders.get(course.id) ?? new Set<number>();
    let required = 0;
    let passedCount = 0;
    for (const id of populations.get(course.id)!) {
      if (!inScope(id)) continue;
      required += 1;
      if (passed.has(id)) passedCount += 1;
    }
    rows.push({ slug: course.slug, title: course.title, required, passed: passedCount });
  }
  return rows;
}
