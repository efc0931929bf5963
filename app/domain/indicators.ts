import { percentOf } from "./numbers";

// How an indicator's result is judged. Pure; the rule is data on the indicator (threshold, minimum count).

export type IndicatorStatus = "met" | "not_met" | "in_progress" | "no_data" | "no_instrument";

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  met: "บรรลุ",
  not_met: "ไม่บรรลุ",
  in_progress: "อยู่ระหว่างดำเนินการ",
  no_data: "ยังไม่มีข้อมูล",
  no_instrument: "ยังไม่มีเครื่องมือวัด",
};

export const INDICATOR_KIND_LABELS: Record<string, string> = {
  knowledge: "ความรู้ (แบบทดสอบ)",
  attestation: "การรับทราบ/ยืนยัน",
  count: "จำนวน",
  survey: "แบบสำรวจ",
  manual: "บันทึกโดยเจ้าหน้าที่",
};

/** At least `thresholdPercent` of the population, decided in integers: 400 of 500 meets 80%, 399 does not. */
export function shareMeets(numerator: number, denominator: number, thresholdPercent: number): boolean {
  return denominator > 0 && numerator * 100 >= thresholdPercent * denominator;
}

/**
 * The share as shown (one decimal, rounded half-up); never used to decide. Given the threshold, a share that does
 * not meet it is never shown rounded up to it (79.99% against 80 shows 79.9, not 80).
 */
export function sharePercent(numerator: number, denominator: number, thresholdPercent?: number | null): number | null {
  const shown = percentOf(numerator, denominator);
  if (shown == null || thresholdPercent == null || shown < thresholdPercent || shareMeets(numerator, denominator, thresholdPercent)) return shown;
  return Math.floor((numerator * 1000) / denominator) / 10;
}

/** Status of a share-of-population indicator. An open year that has not met its target yet is in progress. */
export function shareStatus(r: { numerator: number; denominator: number; thresholdPercent: number; participants: number; yearClosed: boolean }): IndicatorStatus {
  if (r.denominator === 0 || r.participants === 0) return "no_data";
  if (shareMeets(r.numerator, r.denominator, r.thresholdPercent)) return "met";
  return r.yearClosed ? "not_met" : "in_progress";
}

export function countStatus(r: { count: number; minimumCount: number; yearClosed: boolean }): IndicatorStatus {
  if (r.count >= r.minimumCount) return "met";
  return r.yearClosed ? "not_met" : "in_progress";
}

export type GroupRules = { personnelTypes: string[]; divisionIds: number[] | null; positionIncludes: string | null };

export function inGroup(person: { personnelType: string; divisionId: number; position: string }, rules: GroupRules): boolean {
  if (rules.personnelTypes.length && !rules.personnelTypes.includes(person.personnelType)) return false;
  if (rules.divisionIds && !rules.divisionIds.includes(person.divisionId)) return false;
  if (rules.positionIncludes && !person.position.includes(rules.positionIncludes)) return false;
  return true;
}

/** Whether the post-test score beat the pre-test score, compared as fractions in integers (12/15 vs 9/12). */
export function improvedOnPreTest(pre: { correct: number; total: number }, post: { correct: number; total: number }): boolean {
  if (pre.total <= 0 || post.total <= 0) return false;
  return post.correct * pre.total > pre.correct * post.total;
}
