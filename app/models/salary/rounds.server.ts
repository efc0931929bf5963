import {
  standingDecision,
  roundEffectiveDate,
  roundTitle,
  capViolation,
  poolViolation,
  increaseAmountBaht,
  appealDeadlineAfter,
  type IncreaseType,
} from "~/domain/salary-review";
import { isActiveOn } from "~/domain/personnel";
import { isHr, type Actor } from "~/domain/actor";
import { fieldRefusal, refusal } from "~/domain/refusal";
import { appraisalSchemaFor, percentToBasisPoints, type RoundInput } from "~/schemas/salary";
import { validate } from "~/utils/forms";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { divisionAndDescendantIds } from "~/models/people/organization.server";
import {
  mayAppraisePerson,
  mayReviseProposal,
  NOT_SUPERVISOR_MESSAGE,
  OTHER_APPRAISER_MESSAGE,
  type Supervisee,
  type Supervisor,
} from "~/domain/supervision";

// The one module that writes salary rounds and appraisals (plan item 19). Committees live in
// salary-committees.server.ts, appeals in salary-appeals.server.ts.

const SURVEY_DAYS = 30;

/** Who a round would include: every active person of the chosen types (and divisions) on its effective date. */
async function roundScope(input: RoundInput, client: Tx | typeof db, now: Date) {
  const half = Number(input.half) as 1 | 2;
  const effectiveDate = roundEffectiveDate(input.fiscalYear, half);
  if (await client.salaryRound.findUnique({ where: { effectiveDate } })) {
    throw fieldRefusal("half", `มีรอบการเลื่อนขั้นเงินเดือน ครั้งที่ ${half} ของปีงบประมาณ ${input.fiscalYear} อยู่แล้ว`);
  }
  const divisionIds = input.scopeDivisionIds.length
    ? (await Promise.all(input.scopeDivisionIds.map((id) => divisionAndDescendantIds(id)))).flat()
    : null;
  const people = await client.person.findMany({
    where: { personnelType: { in: input.scopeTypes }, ...(divisionIds ? { divisionId: { in: divisionIds } } : {}) },
  });
  const inScope = people.filter((p) => isActiveOn(p, effectiveDate) || isActiveOn(p, now));
  if (!inScope.length) throw fieldRefusal("scopeTypes", "ไม่มีบุคลากรประเภทที่เลือกซึ่งปฏิบัติงานอยู่ในรอบนี้");
  return { half, effectiveDate, inScope };
}

/**
 * What creating the round would do, for the confirmation step (issue 12): which fiscal year and round, how many
 * people, how many of them in steps, and the pool. Writes nothing.
 */
export async function previewRound(input: RoundInput, actor: Actor, now = new Date()) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะเจ้าหน้าที่งานบุคคลสร้างรอบการเลื่อนขั้นเงินเดือนได้");
  const { half, effectiveDate, inScope } = await roundScope(input, db, now);
  const inSteps = inScope.filter((p) => input.stepTypes.includes(p.personnelType as never)).length;
  return {
    title: roundTitle(input.fiscalYear, half),
    fiscalYear: input.fiscalYear,
    half,
    effectiveDate,
    people: inScope.length,
    inSteps,
    inPercent: inScope.length - inSteps,
    poolBaht: input.poolBaht,
  };
}

/**
 * Create the round and one appraisal per person in scope. Only as confirmed: `confirmedPeople` is the count the HR
 * officer saw on the confirmation step; if the scope has changed since, nothing is created and they confirm again.
 */
export async function createRound(
  input: RoundInput,
  actor: Actor,
  confirmation: { confirmedPeople: number | null },
  now = new Date(),
) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะเจ้าหน้าที่งานบุคคลสร้างรอบการเลื่อนขั้นเงินเดือนได้");
  if (confirmation.confirmedPeople == null) throw refusal(400, "กรุณาตรวจสอบจำนวนบุคลากรและยืนยันก่อนสร้างรอบ");
  const { half, effectiveDate, inScope } = await roundScope(input, db, now);
  if (inScope.length !== confirmation.confirmedPeople) {
    throw refusal(
      409,
      `จำนวนบุคลากรในรอบเปลี่ยนจาก ${confirmation.confirmedPeople.toLocaleString("th-TH")} เป็น ${inScope.length.toLocaleString("th-TH")} คน กรุณาตรวจสอบและยืนยันอีกครั้ง`,
    );
  }
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
      data: inScope.map((p) => ({
        roundId: round.id,
        personId: p.id,
        increaseType: input.stepTypes.includes(p.personnelType as never) ? "steps" : "percent",
        baseSalaryBaht: 0,
      })),
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "salary_round.created",
      entityType: "SalaryRound",
      entityId: round.id,
      after: {
        title: round.title,
        people: inScope.length,
        poolBaht: round.poolBaht,
        stepCapHalfSteps: round.stepCapHalfSteps,
        percentCapBasisPoints: round.percentCapBasisPoints,
      },
    });
    return round;
  });
}

export async function requireRound(roundId: number) {
  const round = await db.salaryRound.findUnique({ where: { id: roundId } });
  if (!round) throw refusal(404, "ไม่พบรอบการเลื่อนขั้นเงินเดือนนี้");
  return round;
}

/** The supervision facts for the actor (decision 025): their own unit and position, and the unit tree. */
export async function supervisionOf(actor: Actor, client: Pick<Tx, "person" | "division"> = db) {
  const [me, units] = await Promise.all([
    client.person.findUnique({ where: { id: actor.personId }, select: { divisionId: true, position: true } }),
    client.division.findMany({ select: { id: true, parentId: true } }),
  ]);
  const supervisor: Supervisor = {
    personId: actor.personId,
    divisionId: me?.divisionId ?? -1,
    position: me?.position ?? "",
    roles: actor.roles,
  };
  return { supervisor, units, may: (person: Supervisee) => mayAppraisePerson(supervisor, person, units) };
}

/** HR for anyone but themselves; a manager for the people they supervise (their unit and below, never superiors). */
export async function mayAppraise(actor: Actor, person: Supervisee): Promise<boolean> {
  return (await supervisionOf(actor)).may(person);
}

/** The amount of every case's proposal except one, for the pool check. */
async function proposedTotalExcept(tx: Tx, roundId: number, appraisalId: number) {
  const rows = await tx.salaryAppraisal.findMany({
    where: { roundId, id: { not: appraisalId } },
    select: { proposedAmountBaht: true },
  });
  return rows.reduce((sum, r) => sum + (r.proposedAmountBaht ?? 0), 0);
}

/**
 * Record or revise the supervisor's appraisal and proposal, until the screening committee has decided the case.
 * The form is validated here with the round's caps, so every field error (cap included) comes back in one pass.
 */
export async function recordAppraisal(
  appraisalId: number,
  form: Record<string, unknown>,
  actor: Actor,
  now = new Date(),
) {
  const appraisal = await db.salaryAppraisal.findUnique({
    where: { id: appraisalId },
    include: { round: true, person: true, decisions: true },
  });
  if (!appraisal) throw refusal(404, "ไม่พบรายการประเมินนี้");
  if (appraisal.personId === actor.personId) throw refusal(403, "ประเมินและเสนอเลื่อนขั้นของตนเองไม่ได้");
  if (!(await mayAppraise(actor, appraisal.person))) throw refusal(403, NOT_SUPERVISOR_MESSAGE);
  if (!mayReviseProposal({ personId: actor.personId, roles: actor.roles }, appraisal.appraisedById))
    throw refusal(403, OTHER_APPRAISER_MESSAGE);
  const { round } = appraisal;
  if (round.publishedAt) throw refusal(409, "รอบนี้ประกาศผลแล้ว แก้ไขการประเมินไม่ได้");
  if (appraisal.decisions.length) throw refusal(409, "คณะกรรมการพิจารณารายการนี้แล้ว แก้ไขข้อเสนอไม่ได้");

  const increaseType = appraisal.increaseType as IncreaseType;
  const parsed = validate(appraisalSchemaFor(round, increaseType), form);
  const fieldErrors = { ...(parsed.success ? {} : parsed.fieldErrors) };
  const input = parsed.success ? parsed.data : null;
  const raw = (name: string) => (form[name] === "" || form[name] == null ? null : form[name]);
  if (increaseType === "steps" && raw("halfSteps") == null) fieldErrors.halfSteps ??= "กรุณาเลือกจำนวนขั้นที่เสนอ";
  if (increaseType === "percent" && raw("percent") == null) fieldErrors.percent ??= "กรุณากรอกร้อยละที่เสนอ";
  if (increaseType === "steps" && Number(raw("halfSteps") ?? 0) > 0 && raw("stepValueBaht") == null)
    fieldErrors.stepValueBaht ??= "กรุณากรอกมูลค่า 1 ขั้นตามบัญชีเงินเดือน";
  if (!input || Object.keys(fieldErrors).length) throw refusal(400, Object.values(fieldErrors).join(" "), fieldErrors);
  const halfSteps = increaseType === "steps" ? Number(input.halfSteps) : null;
  const basisPoints = increaseType === "percent" ? percentToBasisPoints(Number(input.percent)) : null;
  const stepValueBaht =
    increaseType === "steps" && input.stepValueBaht !== "" && input.stepValueBaht != null
      ? Number(input.stepValueBaht)
      : null;
  const capProblem = capViolation({ increaseType, halfSteps, basisPoints }, round);
  if (capProblem) throw fieldRefusal(increaseType === "steps" ? "halfSteps" : "percent", capProblem);
  const amount = increaseAmountBaht({
    increaseType,
    baseSalaryBaht: input.baseSalaryBaht,
    stepValueBaht,
    halfSteps,
    basisPoints,
  });

  return db.$transaction(async (tx) => {
    // Re-read inside the transaction: another supervisor may have recorded a proposal since the first read.
    const current = await tx.salaryAppraisal.findUniqueOrThrow({
      where: { id: appraisalId },
      select: { appraisedById: true },
    });
    if (!mayReviseProposal({ personId: actor.personId, roles: actor.roles }, current.appraisedById))
      throw refusal(403, OTHER_APPRAISER_MESSAGE);
    const poolProblem = poolViolation((await proposedTotalExcept(tx, round.id, appraisalId)) + amount, round.poolBaht);
    if (poolProblem) throw fieldRefusal(increaseType === "steps" ? "halfSteps" : "percent", poolProblem);
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
      before: appraisal.appraisedAt
        ? {
            score: appraisal.score,
            halfSteps: appraisal.proposedHalfSteps,
            basisPoints: appraisal.proposedBasisPoints,
            amount: appraisal.proposedAmountBaht,
          }
        : undefined,
      after: { score: input.score, halfSteps, basisPoints, amount },
    });
    return updated;
  });
}

/**
 * Publish a round: every case needs a standing decision of the salary-step committee and no meeting may be open.
 * Sets the appeal deadline and opens the satisfaction survey; the round is immutable afterwards (triggers).
 */
export async function publishRound(
  roundId: number,
  actor: Actor,
  confirmation: { confirmedCases: number | null },
  now = new Date(),
) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะเจ้าหน้าที่งานบุคคลประกาศผลได้");
  const round = await requireRound(roundId);
  if (round.publishedAt) throw refusal(409, "รอบนี้ประกาศผลแล้ว");
  const committees = await db.salaryCommittee.findMany({ where: { roundId }, include: { meetings: true } });
  const salary = committees.find((c) => c.kind === "salary");
  if (!salary) throw refusal(409, "ยังไม่ได้แต่งตั้งคณะกรรมการพิจารณาเลื่อนขั้นเงินเดือน");
  if (committees.some((c) => c.meetings.some((m) => !m.closedAt)))
    throw refusal(409, "ยังมีการประชุมที่ยังไม่ปิด กรุณาปิดการประชุมก่อนประกาศผล");
  const appraisals = await db.salaryAppraisal.findMany({
    where: { roundId },
    include: { decisions: { include: { meeting: true } } },
  });
  const undecided = appraisals.filter((a) => !standingDecision(a.decisions, salary.id));
  if (undecided.length) throw refusal(409, `ยังมี ${undecided.length} รายที่คณะกรรมการพิจารณาเลื่อนขั้นเงินเดือนยังไม่ได้มีมติ`);
  if (confirmation.confirmedCases == null) throw refusal(400, "กรุณายืนยันจำนวนผู้ที่จะประกาศผลก่อน");
  if (confirmation.confirmedCases !== appraisals.length) {
    throw refusal(
      409,
      `จำนวนผู้ที่จะประกาศผลเปลี่ยนจาก ${confirmation.confirmedCases.toLocaleString("th-TH")} เป็น ${appraisals.length.toLocaleString("th-TH")} คน กรุณายืนยันอีกครั้ง`,
    );
  }
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
      after: {
        cases: appraisals.length,
        appealDeadline: appealDeadline.toISOString(),
        surveyClosesAt: surveyClosesAt.toISOString(),
      },
    });
  });
}

/** The appraisal form's data, for HR or the person's supervisor (decision 025); read-only once decided or taken by another appraiser. */
export async function appraisalPage(roundId: number, appraisalId: number, actor: Actor) {
  const appraisal = await db.salaryAppraisal.findUnique({
    where: { id: appraisalId },
    include: { person: { include: { division: true } }, round: true, _count: { select: { decisions: true } } },
  });
  if (!appraisal || appraisal.roundId !== roundId) throw refusal(404, "ไม่พบรายการประเมินนี้");
  if (!(await mayAppraise(actor, appraisal.person))) throw refusal(403, NOT_SUPERVISOR_MESSAGE);
  const decided = appraisal.round.publishedAt != null || appraisal._count.decisions > 0;
  const takenByOther = !mayReviseProposal({ personId: actor.personId, roles: actor.roles }, appraisal.appraisedById);
  return {
    appraisal,
    lockReason: decided
      ? "คณะกรรมการพิจารณารายการนี้แล้ว หรือประกาศผลแล้ว จึงแก้ไขข้อเสนอไม่ได้"
      : takenByOther
        ? OTHER_APPRAISER_MESSAGE
        : null,
  };
}
