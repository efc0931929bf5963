import type { PrismaClient } from "@prisma/client";
import { increaseAmountBaht, type IncreaseType } from "~/domain/salary-review";

// Demo appraisals and both committees' closed meetings with a decision for every appraised person (issue 12 item 1),
// so a published demo round shows real results and reasons. Raw createMany: a few statements per round.

const DAY = 86_400_000;
type ScopePerson = { id: number; employeeNumber: string; personnelType: string };

const STEP_WEIGHTS: [halfSteps: number, weight: number][] = [
  [0, 0.05],
  [1, 0.25],
  [2, 0.6],
  [3, 0.1],
];
const PERCENT_WEIGHTS: [basisPoints: number, weight: number][] = [
  [0, 0.05],
  [300, 0.25],
  [450, 0.55],
  [600, 0.15],
];
const NOT_PROPOSED = "ปฏิบัติงานไม่ครบตามตัวชี้วัดที่ตกลงไว้ และมีวันลาเกินเกณฑ์ในรอบการประเมิน";

function pick<T>(weights: [T, number][], r: number): T {
  let acc = 0;
  for (const [value, weight] of weights) if ((acc += weight) > r) return value;
  return weights[weights.length - 1]![0];
}

/** One appraised person: base salary, step value, the supervisor's score and proposal. */
export function demoAppraisal(
  roundId: number,
  p: ScopePerson,
  appraiserId: number,
  appraisedAt: Date,
  random: () => number,
) {
  const increaseType: IncreaseType = p.personnelType === "contract_employee" ? "percent" : "steps";
  const baseSalaryBaht = 12_000 + ((p.id * 37) % 30) * 1_000; // the same person keeps a similar salary across rounds
  const stepValueBaht = increaseType === "steps" ? Math.ceil((baseSalaryBaht * 0.04) / 10) * 10 : null;
  const r = random();
  const halfSteps = increaseType === "steps" ? pick(STEP_WEIGHTS, r) : null;
  const basisPoints = increaseType === "percent" ? pick(PERCENT_WEIGHTS, r) : null;
  const none = (halfSteps ?? basisPoints) === 0;
  const score = none ? 55 + Math.floor(random() * 10) : 70 + Math.floor(r * 25) + Math.floor(random() * 5);
  return {
    roundId,
    personId: p.id,
    increaseType,
    baseSalaryBaht,
    stepValueBaht,
    score,
    proposedHalfSteps: halfSteps,
    proposedBasisPoints: basisPoints,
    proposedAmountBaht: increaseAmountBaht({ increaseType, baseSalaryBaht, stepValueBaht, halfSteps, basisPoints }),
    comment: none ? NOT_PROPOSED : null,
    appraisedById: appraiserId,
    appraisedAt,
  };
}

/**
 * The screening and salary-step committees of an unpublished round, each with one closed meeting attended by all
 * members and a decision for every appraisal. The screening committee lowers a few proposals with a reason; the
 * salary-step committee confirms the screened result. Members are recused from their own cases.
 */
export async function seedCommitteeDecisions(
  db: PrismaClient,
  roundId: number,
  scope: ScopePerson[],
  appraisedAt: Date,
  random: () => number,
) {
  const appraisals = await db.salaryAppraisal.findMany({ where: { roundId }, orderBy: { id: "asc" } });
  const officers = scope.filter((p) => p.personnelType === "municipal_officer" && !p.employeeNumber.startsWith("1000"));
  const screened = new Map<
    number,
    { halfSteps: number | null; basisPoints: number | null; amountBaht: number; reason: string | null }
  >();
  for (const a of appraisals) {
    const increaseType = a.increaseType as IncreaseType;
    const lower = random() < 0.04 && ((a.proposedHalfSteps ?? 0) >= 2 || (a.proposedBasisPoints ?? 0) >= 450);
    const halfSteps = a.proposedHalfSteps == null ? null : lower ? a.proposedHalfSteps - 1 : a.proposedHalfSteps;
    const basisPoints =
      a.proposedBasisPoints == null ? null : lower ? a.proposedBasisPoints - 150 : a.proposedBasisPoints;
    screened.set(a.id, {
      halfSteps,
      basisPoints,
      amountBaht: increaseAmountBaht({
        increaseType,
        baseSalaryBaht: a.baseSalaryBaht,
        stepValueBaht: a.stepValueBaht,
        halfSteps,
        basisPoints,
      }),
      reason: lower ? "เทียบกับผู้มีผลการประเมินใกล้เคียงกันในส่วนราชการเดียวกัน ผลงานที่เสนอยังไม่ถึงระดับที่เสนอ" : null,
    });
  }

  const kinds = [
    { kind: "screening", order: "คำสั่งเทศบาลนครลำปาง ที่ 1201/", members: officers.slice(0, 5), offsetDays: 20 },
    { kind: "salary", order: "คำสั่งเทศบาลนครลำปาง ที่ 1202/", members: officers.slice(5, 10), offsetDays: 10 },
  ];
  for (const k of kinds) {
    const committee = await db.salaryCommittee.create({
      data: { roundId, kind: k.kind, appointingOrderRef: `${k.order}${roundId}` },
    });
    const roles = ["chair", "secretary", "member", "member", "member"];
    await db.committeeMember.createMany({
      data: k.members.map((m, i) => ({ committeeId: committee.id, personId: m.id, role: roles[i]! })),
    });
    const heldAt = new Date(appraisedAt.getTime() + k.offsetDays * DAY);
    const memberIds = new Set(k.members.map((m) => m.id));
    await db.committeeRecusal.createMany({
      data: appraisals
        .filter((a) => memberIds.has(a.personId))
        .map((a) => ({
          committeeId: committee.id,
          personId: a.personId,
          appraisalId: a.id,
          reason: "เป็นผู้ถูกพิจารณาในรายการนี้",
          declaredAt: heldAt,
        })),
    });
    const meeting = await db.committeeMeeting.create({
      data: {
        committeeId: committee.id,
        number: 1,
        heldAt,
        agenda:
          k.kind === "screening" ? "กลั่นกรองผลการประเมินและข้อเสนอเลื่อนขั้นเงินเดือน" : "พิจารณาเลื่อนขั้นเงินเดือนตามผลการกลั่นกรอง",
        minutes: "ที่ประชุมพิจารณาครบทุกราย มีมติตามรายการ",
        quorumPercent: 50,
      },
    });
    await db.meetingAttendee.createMany({ data: k.members.map((m) => ({ meetingId: meeting.id, personId: m.id })) });
    await db.caseDecision.createMany({
      data: appraisals.map((a) => {
        const s = screened.get(a.id)!;
        const changed = k.kind === "screening" && s.reason != null;
        return {
          meetingId: meeting.id,
          appraisalId: a.id,
          outcome: changed ? "change" : "confirm",
          halfSteps: s.halfSteps,
          basisPoints: s.basisPoints,
          amountBaht: s.amountBaht,
          reason: k.kind === "screening" ? s.reason : null,
          decidedAt: heldAt,
        };
      }),
    });
    await db.committeeMeeting.update({
      where: { id: meeting.id },
      data: { closedAt: new Date(heldAt.getTime() + 3 * 3_600_000) },
    });
  }
}
