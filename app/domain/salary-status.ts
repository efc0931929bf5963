// A person's status in a salary-step round, derived in ONE place (decision 045) and used by every view that
// shows it: "ผลการพิจารณาของฉัน", the result page, HR's round table and the manager's view. Pure.
import { APPEAL_OUTCOME_LABELS, formatBaht, formatIncrease } from "./salary-review";
import { formatThaiDate } from "./thai-date";

type Decided = {
  halfSteps: number | null;
  basisPoints: number | null;
  amountBaht: number;
  reason: string | null;
  corrected?: boolean;
};

export type SalaryStatusInput = {
  round: { publishedAt: Date | string | null; appealDeadline: Date | string | null };
  increaseType: string;
  score: number | null;
  comment: string | null;
  proposed: { halfSteps: number | null; basisPoints: number | null } | null;
  /** The screening committee's standing decision, if any. */
  screened: Decided | null;
  /** The salary-step committee's standing decision: the result. */
  decided: Decided | null;
  appeals: readonly { answeredAt: Date | string | null; outcome: string | null }[];
};

export type ResultStage = "not_announced" | "promoted" | "not_promoted" | "no_decision";
export type AppealStage = "not_yet" | "open" | "pending" | "answered" | "closed";

export type SalaryStatus = {
  stage: ResultStage;
  /** Short Thai text for a table cell: never a bare dash. */
  label: string;
  /** Why: the committee's reason, or what the committees confirmed. Null only before the announcement. */
  reason: string | null;
  amountBaht: number | null;
  appeal: { stage: AppealStage; label: string; until: Date | null; mayFile: boolean };
};

/** The last day to appeal, as people read it: the deadline is the midnight after that day (Asia/Bangkok). */
export const lastAppealDay = (appealDeadline: Date | string) => new Date(new Date(appealDeadline).getTime() - 1);

const isZero = (d: { halfSteps: number | null; basisPoints: number | null }, increaseType: string) =>
  increaseType === "steps" ? (d.halfSteps ?? 0) === 0 : (d.basisPoints ?? 0) === 0;

function reasonFor(input: SalaryStatusInput, decided: Decided): string {
  if (decided.reason) return `คณะกรรมการพิจารณาเลื่อนขั้นเงินเดือน${decided.corrected ? " (มติแก้ไข)" : ""}: ${decided.reason}`;
  if (input.screened?.reason) return `คณะกรรมการกลั่นกรอง: ${input.screened.reason}`;
  const score = input.score == null ? "" : ` (คะแนนประเมิน ${input.score})`;
  if (isZero(decided, input.increaseType)) {
    return `ผู้บังคับบัญชาไม่เสนอเลื่อน${input.increaseType === "steps" ? "ขั้น" : "เงินเดือน"}${score}${input.comment ? `: ${input.comment}` : ""} และคณะกรรมการเห็นชอบ`;
  }
  return `คณะกรรมการเห็นชอบตามที่ผู้บังคับบัญชาเสนอ${score}`;
}

function appealStatus(input: SalaryStatusInput, now: Date): SalaryStatus["appeal"] {
  const { publishedAt, appealDeadline } = input.round;
  if (!publishedAt) return { stage: "not_yet", label: "อุทธรณ์ได้หลังประกาศผล", until: null, mayFile: false };
  const until = appealDeadline ? lastAppealDay(appealDeadline) : null;
  const pending = input.appeals.find((a) => !a.answeredAt);
  if (pending) return { stage: "pending", label: "อุทธรณ์อยู่ระหว่างพิจารณา", until, mayFile: false };
  const open = appealDeadline != null && now.getTime() < new Date(appealDeadline).getTime();
  const answered = input.appeals.at(-1);
  if (answered) {
    const outcome = APPEAL_OUTCOME_LABELS[answered.outcome as keyof typeof APPEAL_OUTCOME_LABELS] ?? "ตอบแล้ว";
    return { stage: "answered", label: `อุทธรณ์แล้ว: ${outcome}`, until, mayFile: open };
  }
  if (open && until) return { stage: "open", label: `อุทธรณ์ได้ถึง ${formatThaiDate(until)}`, until, mayFile: true };
  return {
    stage: "closed",
    label: until ? `พ้นกำหนดอุทธรณ์ (${formatThaiDate(until)})` : "ไม่มีกำหนดอุทธรณ์",
    until,
    mayFile: false,
  };
}

/** One person's status in one round, at `now`. */
export function salaryStatus(input: SalaryStatusInput, now: Date): SalaryStatus {
  const appeal = appealStatus(input, now);
  if (!input.round.publishedAt)
    return { stage: "not_announced", label: "ยังไม่ประกาศผล", reason: null, amountBaht: null, appeal };
  const published = formatThaiDate(input.round.publishedAt);
  const decided = input.decided;
  if (!decided) {
    return {
      stage: "no_decision",
      label: "ประกาศผลแล้ว แต่ไม่พบมติของคณะกรรมการ",
      reason: `ประกาศผลเมื่อ ${published} แต่ไม่มีมติของคณะกรรมการพิจารณาเลื่อนขั้นเงินเดือนสำหรับท่าน กรุณาติดต่องานการเจ้าหน้าที่`,
      amountBaht: null,
      appeal,
    };
  }
  const increase = formatIncrease({
    increaseType: input.increaseType,
    halfSteps: decided.halfSteps,
    basisPoints: decided.basisPoints,
  });
  if (isZero(decided, input.increaseType)) {
    return { stage: "not_promoted", label: increase, reason: reasonFor(input, decided), amountBaht: 0, appeal };
  }
  return {
    stage: "promoted",
    label: `${increase} (${formatBaht(decided.amountBaht)})${decided.corrected ? " แก้ไขตามผลอุทธรณ์" : ""}`,
    reason: reasonFor(input, decided),
    amountBaht: decided.amountBaht,
    appeal,
  };
}

/**
 * What a supervisor sees of a subordinate's status: whether the round is announced (the result itself goes only to
 * the person and HR, decision 025), so the manager's table agrees with the round's state.
 */
export function supervisorStatusLabel(input: Pick<SalaryStatusInput, "round">, appraised: boolean): string {
  if (input.round.publishedAt) return `ประกาศผลแล้ว (${formatThaiDate(input.round.publishedAt)}) แจ้งผลแก่บุคลากรโดยตรง`;
  return appraised ? "ประเมินแล้ว รอคณะกรรมการ" : "ยังไม่ประเมิน";
}
