import type { Actor } from "~/domain/actor";
import { isIntegrityOfficer } from "~/domain/actor";
import { isOverdue as complaintOverdue } from "~/domain/complaints";
import { mayReview } from "~/domain/declarations";
import { giftActions, giftStatus } from "~/domain/gift-rules";
import { appraisalWaiting, measureOverdue, type HomeScope } from "~/domain/home";
import { supervises, unitAndBelow, type UnitNode } from "~/domain/supervision";
import { complaintRules } from "~/content/complaint-rules.server";
import { db } from "~/utils/db.server";
import { coursePopulations, yearAssignments } from "~/models/training/assignments.server";
import { listCourses } from "~/models/training/catalogue.server";
import { certificateHolders } from "~/models/training/report-queries.server";
import { rosterByIdForMembership } from "~/models/people/target-groups.server";
import { relationTo, type RegisterScope } from "../registers/scope.server";

// Read-only counts of what waits for HR, managers and integrity officers (decision 047). Each count applies the
// same rule the feature's own page uses to show its list (app/domain/*), so the home page and the list agree.

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
  const open = await db.salaryAppraisal.findMany({
    where: { appraisedAt: null, round: { publishedAt: null } },
    select: {
      appraisedAt: true,
      round: { select: { id: true, title: true, publishedAt: true } },
      person: { select: { id: true, divisionId: true, position: true } },
    },
  });
  const byRound = new Map<number, { roundId: number; roundTitle: string; waiting: number }>();
  for (const a of open) {
    if (!appraisalWaiting({ appraisedAt: a.appraisedAt, roundPublishedAt: a.round.publishedAt })) continue;
    const mine = scope === "municipality" ? a.person.id !== me.personId : supervises(me, a.person, units);
    if (!mine) continue;
    const row = byRound.get(a.round.id) ?? { roundId: a.round.id, roundTitle: a.round.title, waiting: 0 };
    row.waiting += 1;
    byRound.set(a.round.id, row);
  }
  return [...byRound.values()].sort((x, y) => x.roundId - y.roundId);
}

/** Gift reports the viewer decides as the head of the person's unit, and how many of them are past the 30 days. */
export async function giftsToDecide(registerScope: RegisterScope, now: Date) {
  const [pending, byId] = await Promise.all([
    db.giftReport.findMany({
      where: { mustReport: true, decidedAt: null, supersededAt: null, personId: { not: registerScope.personId } },
      select: {
        personId: true,
        mustReport: true,
        reportDueOn: true,
        recordedAt: true,
        decidedAt: true,
        supersededAt: true,
      },
    }),
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
  const [pending, declarationsUnreviewed] = await Promise.all([
    db.giftReport.findMany({
      where: { mustReport: true, decidedAt: null, supersededAt: null },
      select: { mustReport: true, reportDueOn: true, recordedAt: true, decidedAt: true, supersededAt: true },
    }),
    db.conflictDeclaration.count({ where: { reviewedAt: null } }),
  ]);
  return {
    giftsAwaiting: pending.length,
    giftsOverdue: pending.filter((g) => giftStatus(g, now) === "overdue").length,
    declarationsUnreviewed,
  };
}

/** Conflict-of-interest declarations the viewer reviews (the head of the unit; HR for executives and council). */
export async function declarationsToReview(registerScope: RegisterScope) {
  const [unreviewed, byId] = await Promise.all([
    db.conflictDeclaration.findMany({
      where: { reviewedAt: null, personId: { not: registerScope.personId } },
      select: { personId: true },
    }),
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
  const open = await db.complaint.findMany({
    where: { status: { not: "closed" } },
    select: { receivedAt: true, acknowledgedAt: true, closedAt: true, lastReportedAt: true },
  });
  return open.filter((c) => complaintOverdue(c, rules, now)).length;
}

/** Measures of this year's register past their due date without a "done" follow-up, in the viewer's units. */
export async function riskMeasuresOverdue(scope: HomeScope, topUnitId: number | null, fiscalYear: number, now: Date) {
  if (scope === "self") return 0;
  const measures = await db.riskMeasure.findMany({
    where: {
      dueDate: { lt: now },
      risk: { fiscalYear, gap: false, ...(scope === "unit" ? { divisionId: topUnitId ?? -1 } : {}) },
    },
    select: { dueDate: true, followUps: { select: { status: true } } },
  });
  return measures.filter((m) =>
    measureOverdue({ dueDate: m.dueDate, followUpStatuses: m.followUps.map((f) => f.status) }, now),
  ).length;
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
