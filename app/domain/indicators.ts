import { percentOf } from "./numbers";

// How an indicator's result is judged. Pure; the rule is data on the indicator (threshold, minimum count).

export type IndicatorStatus =
  "met" | "not_met" | "in_progress" | "no_data" | "no_instrument" | "not_judged" | "not_applicable";

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  met: "บรรลุ",
  not_met: "ไม่บรรลุ",
  in_progress: "อยู่ระหว่างดำเนินการ",
  no_data: "ยังไม่มีข้อมูล",
  no_instrument: "ยังไม่มีเครื่องมือวัด",
  // The plan states no threshold (item 6): the value is reported, never judged, unless HR records a local target.
  not_judged: "แผนไม่ได้กำหนดเกณฑ์",
  // The plan runs the item only in some years (item 24: 2566 only).
  not_applicable: "ไม่มีกิจกรรมในปีนี้ตามแผน",
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
  if (
    shown == null ||
    thresholdPercent == null ||
    shown < thresholdPercent ||
    shareMeets(numerator, denominator, thresholdPercent)
  )
    return shown;
  return Math.floor((numerator * 1000) / denominator) / 10;
}

/**
 * Status of a share-of-population indicator. An open year that has not met its target yet is in progress; with no
 * threshold (the plan states none and HR recorded no local target) the value is shown but not judged.
 */
export function shareStatus(r: {
  numerator: number;
  denominator: number;
  thresholdPercent: number | null;
  participants: number;
  yearClosed: boolean;
}): IndicatorStatus {
  if (r.denominator === 0 || r.participants === 0) return "no_data";
  if (r.thresholdPercent == null) return "not_judged";
  if (shareMeets(r.numerator, r.denominator, r.thresholdPercent)) return "met";
  return r.yearClosed ? "not_met" : "in_progress";
}

export function countStatus(r: { count: number; minimumCount: number; yearClosed: boolean }): IndicatorStatus {
  if (r.count >= r.minimumCount) return "met";
  return r.yearClosed ? "not_met" : "in_progress";
}

export type GroupRules = { personnelTypes: string[]; divisionIds: number[] | null; positionIncludes: string | null };

export function inGroup(
  person: { personnelType: string; divisionId: number; position: string },
  rules: GroupRules,
): boolean {
  if (rules.personnelTypes.length && !rules.personnelTypes.includes(person.personnelType)) return false;
  if (rules.divisionIds && !rules.divisionIds.includes(person.divisionId)) return false;
  if (rules.positionIncludes && !person.position.includes(rules.positionIncludes)) return false;
  return true;
}

type Score = { correct: number; total: number };

/** Share of items right at or above the pass mark, in integers (12/15 against 80%: 1200 >= 1200). */
export function meetsPassMark(score: Score, passPercent: number): boolean {
  return score.total > 0 && score.correct * 100 >= passPercent * score.total;
}

/** Hake's normalised gain threshold (decision 038): the post-test closes at least 30% of the gap the pre-test left. */
export const MINIMUM_NORMALISED_GAIN_PERCENT = 30;

/**
 * Whether a person's knowledge increased (item 1's "ความรู้เพิ่มขึ้น", decision 038). Someone who already met the
 * pass mark before training cannot show a gain, so holding the pass mark after it counts; everyone else needs a
 * normalised gain (post − pre) / (1 − pre) of at least 30%, so one extra right answer is not "improvement".
 * Fractions are compared in integers: pre = a/b, post = c/d.
 */
export function improvedOnPreTest(pre: Score, post: Score, passPercent: number): boolean {
  if (pre.total <= 0 || post.total <= 0) return false;
  if (meetsPassMark(pre, passPercent)) return meetsPassMark(post, passPercent);
  const gapBefore = post.total * (pre.total - pre.correct); // d(b − a) > 0 here
  const gain = post.correct * pre.total - pre.correct * post.total; // cb − ad
  return gain * 100 >= MINIMUM_NORMALISED_GAIN_PERCENT * gapBefore;
}

/** The rule a knowledge indicator is judged by, in the words shown beside it (decision 038). */
export function knowledgeRuleText(
  passPercent: number,
  thresholdPercent: number | null,
  thresholdSource: string | null = null,
): string {
  const pass = `ผ่านแบบทดสอบหลังเรียน (ตอบถูกไม่น้อยกว่าร้อยละ ${passPercent} ตามเกณฑ์ของหลักสูตร)`;
  if (thresholdPercent == null) return `${pass} · แผนไม่ได้กำหนดเกณฑ์ร้อยละของกลุ่มเป้าหมาย จึงรายงานผลโดยไม่ตัดสิน`;
  const target = thresholdSource
    ? `ไม่น้อยกว่าร้อยละ ${thresholdPercent} ของกลุ่มเป้าหมาย (เป้าหมายที่กำหนดเอง: ${thresholdSource})`
    : `ไม่น้อยกว่าร้อยละ ${thresholdPercent} ของกลุ่มเป้าหมาย`;
  return `${pass} ${target} · ผู้ที่ยังไม่ได้ทำแบบทดสอบนับเป็นผู้ยังไม่ผ่าน`;
}

/** Extra rules an indicator carries from the plan file (content/plan/items/NN.yaml), stored as JSON. */
export type IndicatorExtra = {
  /** Fiscal years the plan runs the indicator in; absent = every year of the plan. */
  fiscalYears?: number[];
  /** A plan-level target this item's indicator relates to (shown beside it; the item's own target decides). */
  planTarget?: "ita" | "corruption-cases";
  /** Item 12: the lowest level that meets the indicator. */
  minimumLevel?: string;
  /** Item 34: every occurrence (e.g. every council meeting) must meet the rule. */
  everyOccurrence?: string;
};

export function appliesInYear(extra: IndicatorExtra, fiscalYear: number): boolean {
  return !extra.fiscalYears || extra.fiscalYears.includes(fiscalYear);
}

/** Parses the stored JSON of an indicator's extra rules; bad JSON reads as none. */
export function parseIndicatorExtra(json: string | null | undefined): IndicatorExtra {
  if (!json) return {};
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" ? (value as IndicatorExtra) : {};
  } catch {
    return {};
  }
}

/**
 * A count the app makes from its own records cannot say "0" for a year that ended before the app held any record
 * of that kind: that year has no data, not a failure.
 */
export function countIsBeforeData(count: number, fiscalYearEnd: Date, firstRecordAt: Date | null): boolean {
  return count === 0 && (firstRecordAt == null || firstRecordAt.getTime() >= fiscalYearEnd.getTime());
}
