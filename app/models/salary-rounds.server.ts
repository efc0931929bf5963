import { roundEffectiveDate, roundTitle, capViolation, poolViolation, increaseAmountBaht, appealDeadlineAfter, type IncreaseType } from "~/domain/salary-review";
import { isActiveOn } from "~/domain/personnel";
import type { Role } from "~/domain/roles";
import { percentToBasisPoints, type AppraisalInput, type RoundInput } from "~/schemas/salary";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { divisionAndDescendantIds } from "~/models/people/organization.server";
import { mayAppraisePerson, mayReviseProposal, NOT_SUPERVISOR_MESSAGE, OTHER_APPRAISER_MESSAGE, type Supervisee, type Supervisor } from "~/domain/supervision";

// The one module that writes salary rounds and appraisals (plan item 19). Committees live in
// salary-committees.server.ts, appeals in salary-appeals.server.ts.

export class SalaryError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 = 400,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type Actor = { personId: number; ip: string | null; roles?: readonly Role[] };

const SURVEY_DAYS = 30;

export async function createRound(input: RoundInput, actor: Actor, now = new Date()) {
  const half = Number(input.half) as 1 | 2;
  const effectiveDate = roundEffectiveDate(input.fiscalYear, half);
  if (await db.salaryRound.findUnique({ where: { effectiveDate } })) {
    throw new SalaryError(`มีรอบการเลื่อนขั้นเงินเดือน ครั้งที่ ${half} ของปีงบประมาณ ${input.fiscalYear} อยู่แล้ว`, 409, "half");
  }
  const divisionIds = input.scopeDivisionIds.length ? (await Promise.all(input.scopeDivisionIds.map((id) => divisionAndDescendantIds(id)))).flat() : null;
  const people = await db.person.findMany({ where: { personnelType: { in: input.scopeTypes }, ...(divisionIds ? { divisionId: { in: divisionIds } } : {}) } });
  const inScope = people.filter((p) => isActiveOn(p, effectiveDate) || isActiveOn(p, now));
  if (!inScope.length) throw new SalaryError("ไม่มีบุคลากรประเภทที่เลือกซึ่งปฏิบัติงานอยู่ในรอบนี้", 400, "scopeTypes");
  return db.$transaction(async (tx) => {
    const round = await tx.salaryRound.create({
      data: {
        fiscalYear: input.fiscalYear,
        effectiveDate,
        title: roundTitle(input.fiscalYear, half),
        stepPersonnelTypes: JSON.stringify(input.stepTypes),
        stepCapHalfSteps: Number(input.stepCapHalfSteps),
        percentCapBasisPoints: percentToBasisPoints(input.percentCap),
        poolBaht: input.poolBaht,
        appealDays: input.appealDays,
        createdAt: now,
        createdById: actor.personId,
      },
    });
    await tx.salaryAppraisal.createMany({
      data: inScope.map((p) => ({ roundId: round.id, personId: p.id, increaseType: input.stepTypes.includes(p.personnelType as never) ? "steps" : "percent", baseSalaryBaht: 0 })),
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "salary_round.created",
      entityType: "SalaryRound",
      entityId: round.id,
      after: { title: round.title, people: inScope.length, poolBaht: round.poolBaht, stepCapHalfSteps: round.stepCapHalfSteps, percentCapBasisPoints: round.percentCapBasisPoints },
    });
    return round;
  });
}

export async function requireRound(roundId: number) {
  const round = await db.salaryRound.findUnique({ where: { id: roundId } });
  if (!round) throw new SalaryError("ไม่พบรอบการเลื่อนขั้นเงินเดือนนี้", 404);
  return round;
}

/** The supervision facts for the actor (decision 025): their own unit and position, and the unit tree. */
export async function supervisionOf(actor: Actor, client: Pick<Tx, "person" | "division"> = db) {
  const [me, units] = await Promise.all([
    client.person.findUnique({ where: { id: actor.personId }, select: { divisionId: true, position: true } }),
    client.division.findMany({ select: { id: true, parentId: true } }),
  ]);
  const supervisor: Supervisor = { personId: actor.personId, divisionId: me?.divisionId ?? -1, position: me?.position ?? "", roles: actor.roles ?? [] };
  return { supervisor, units, may: (person: Supervisee) => mayAppraisePerson(supervisor, person, units) };
}

/** HR for anyone but themselves; a manager for the people they supervise (their unit and below, never superiors). */
export async function mayAppraise(actor: Actor, person: Supervisee): Promise<boolean> {
  return (await supervisionOf(actor)).may(person);
}

/** The amount of every case's proposal except one, for the pool check. */
async function proposedTotalExcept(tx: Tx, roundId: number, appraisalId: number) {
  const rows = await tx.salaryAppraisal.findMany({ where: { roundId, id: { not: appraisalId } }, select: { proposedAmountBaht: true } });
  return rows.reduce((sum, r) => sum + (r.proposedAmountBaht ?? 0), 0);
}

/** Record or revise the supervisor's appraisal and proposal, until the screening committee has decided the case. */
export async function recordAppraisal(appraisalId: number, input: AppraisalInput, actor: Actor, now = new Date()) {
  const appraisal = await db.salaryAppraisal.findUnique({ where: { id: appraisalId }, include: { round: true, person: true, decisions: true } });
  if (!appraisal) throw new SalaryError("ไม่พบรายการประเมินนี้", 404);
  if (appraisal.personId === actor.personId) throw new SalaryError("ประเมินและเสนอเลื่อนขั้นของตนเองไม่ได้", 403);
  if (!(await mayAppraise(actor, appraisal.person))) throw new SalaryError(NOT_SUPERVISOR_MESSAGE, 403);
  if (!mayReviseProposal({ personId: actor.personId, roles: actor.roles ?? [] }, appraisal.appraisedById)) throw new SalaryError(OTHER_APPRAISER_MESSAGE, 403);
  const { round } = appraisal;
  if (round.publishedAt) throw new SalaryError("รอบนี้ประกาศผลแล้ว แก้ไขการประเมินไม่ได้", 409);
  if (appraisal.decisions.length) throw new SalaryError("คณะกรรมการพิจารณารายการนี้แล้ว แก้ไขข้อเสนอไม่ได้", 409);

  const increaseType = appraisal.increaseType as IncreaseType;
  const halfSteps = increaseType === "steps" ? Number(input.halfSteps === "" || input.halfSteps == null ? NaN : input.halfSteps) : null;
  const basisPoints = increaseType === "percent" ? (input.percent === "" || input.percent == null ? NaN : percentToBasisPoints(input.percent)) : null;
  if (increaseType === "steps" && Number.isNaN(halfSteps)) throw new SalaryError("กรุณาเลือกจำนวนขั้นที่เสนอ", 400, "halfSteps");
  if (increaseType === "percent" && Number.isNaN(basisPoints)) throw new SalaryError("กรุณากรอกร้อยละที่เสนอ", 400, "percent");
  const stepValueBaht = increaseType === "steps" ? (input.stepValueBaht === "" || input.stepValueBaht == null ? null : Number(input.stepValueBaht)) : null;
  if (increaseType === "steps" && (halfSteps ?? 0) > 0 && !stepValueBaht) throw new SalaryError("กรุณากรอกมูลค่า 1 ขั้นตามบัญชีเงินเดือน", 400, "stepValueBaht");
  const capProblem = capViolation({ increaseType, halfSteps, basisPoints }, round);
  if (capProblem) throw new SalaryError(capProblem, 400, increaseType === "steps" ? "halfSteps" : "percent");
  const amount = increaseAmountBaht({ increaseType, baseSalaryBaht: input.baseSalaryBaht, stepValueBaht, halfSteps, basisPoints });

  return db.$transaction(async (tx) => {
    // Re-read inside the transaction: another supervisor may have recorded a proposal since the first read.
    const current = await tx.salaryAppraisal.findUniqueOrThrow({ where: { id: appraisalId }, select: { appraisedById: true } });
    if (!mayReviseProposal({ personId: actor.personId, roles: actor.roles ?? [] }, current.appraisedById)) throw new SalaryError(OTHER_APPRAISER_MESSAGE, 403);
    const poolProblem = poolViolation((await proposedTotalExcept(tx, round.id, appraisalId)) + amount, round.poolBaht);
    if (poolProblem) throw new SalaryError(poolProblem, 400, increaseType === "steps" ? "halfSteps" : "percent");
    const updated = await tx.salaryAppraisal.update({
      where: { id: appraisalId },
      data: {
        score: input.score,
        baseSalaryBaht: input.baseSalaryBaht,
        stepValueBaht,
        proposedHalfSteps: halfSteps,
        proposedBasisPoints: basisPoints,
        proposedAmountBaht: amount,
        comment: input.comment || null,
        appraisedById: actor.personId,
        appraisedAt: now,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "salary_appraisal.recorded",
      entityType: "SalaryAppraisal",
      entityId: appraisalId,
      before: appraisal.appraisedAt ? { score: appraisal.score, halfSteps: appraisal.proposedHalfSteps, basisPoints: appraisal.proposedBasisPoints, amount: appraisal.proposedAmountBaht } : undefined,
      after: { score: input.score, halfSteps, basisPoints, amount },
    });
    return updated;
  });
}

/** The decision that stands for a case in a committee: the latest in a closed meeting (corrections come later). */
export function standingDecision<T extends { id: number; correctsId: number | null; meeting: { closedAt: Date | null; committeeId: number } }>(decisions: T[], committeeId: number): T | null {
  const closed = decisions.filter((d) => d.meeting.committeeId === committeeId && d.meeting.closedAt);
  const corrected = new Set(closed.map((d) => d.correctsId).filter((id): id is number => id != null));
  const standing = closed.filter((d) => !corrected.has(d.id));
  return standing.sort((a, b) => b.id - a.id)[0] ?? null;
}

/**
 * Publish a round: every case needs a standing decision of the salary-step committee and no meeting may be open.
 * Sets the appeal deadline and opens the satisfaction survey; the round is immutable afterwards (triggers).
 */
export async function publishRound(roundId: number, actor: Actor, now = new Date()) {
  const round = await requireRound(roundId);
  if (round.publishedAt) throw new SalaryError("รอบนี้ประกาศผลแล้ว", 409);
  const committees = await db.salaryCommittee.findMany({ where: { roundId }, include: { meetings: true } });
  const salary = committees.find((c) => c.kind === "salary");
  if (!salary) throw new SalaryError("ยังไม่ได้แต่งตั้งคณะกรรมการพิจารณาเลื่อนขั้นเงินเดือน", 409);
  if (committees.some((c) => c.meetings.some((m) => !m.closedAt))) throw new SalaryError("ยังมีการประชุมที่ยังไม่ปิด กรุณาปิดการประชุมก่อนประกาศผล", 409);
  const appraisals = await db.salaryAppraisal.findMany({ where: { roundId }, include: { decisions: { include: { meeting: true } } } });
  const undecided = appraisals.filter((a) => !standingDecision(a.decisions, salary.id));
  if (undecided.length) throw new SalaryError(`ยังมี ${undecided.length} รายที่คณะกรรมการพิจารณาเลื่อนขั้นเงินเดือนยังไม่ได้มีมติ`, 409);
  const appealDeadline = appealDeadlineAfter(now, round.appealDays);
  const surveyClosesAt = new Date(now.getTime() + SURVEY_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    await tx.salaryRound.update({ where: { id: roundId }, data: { publishedAt: now, appealDeadline, surveyClosesAt } });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "salary_round.published",
      entityType: "SalaryRound",
      entityId: roundId,
      after: { cases: appraisals.length, appealDeadline: appealDeadline.toISOString(), surveyClosesAt: surveyClosesAt.toISOString() },
    });
  });
}

/** The appraisal form's data, for HR or the person's supervisor (decision 025); read-only once decided or taken by another appraiser. */
export async function appraisalPage(roundId: number, appraisalId: number, actor: Actor) {
  const appraisal = await db.salaryAppraisal.findUnique({ where: { id: appraisalId }, include: { person: { include: { division: true } }, round: true, _count: { select: { decisions: true } } } });
  if (!appraisal || appraisal.roundId !== roundId) throw new SalaryError("ไม่พบรายการประเมินนี้", 404);
  if (!(await mayAppraise(actor, appraisal.person))) throw new SalaryError(NOT_SUPERVISOR_MESSAGE, 403);
  const decided = appraisal.round.publishedAt != null || appraisal._count.decisions > 0;
  const takenByOther = !mayReviseProposal({ personId: actor.personId, roles: actor.roles ?? [] }, appraisal.appraisedById);
  return { appraisal, lockReason: decided ? "คณะกรรมการพิจารณารายการนี้แล้ว หรือประกาศผลแล้ว จึงแก้ไขข้อเสนอไม่ได้" : takenByOther ? OTHER_APPRAISER_MESSAGE : null };
}
