import type { IndicatorExtra, IndicatorStatus } from "./indicators";

// The plan's own targets (Part 1 §4 of the seed): the ITA score ramp 65→85 over 2566–2570 (90 in 2570 for an
// organisation that has already passed 85), and corruption cases down 10%→50% against the 2565 count. Pure.

export type PlanTargets = {
  itaByYear: Record<number, number>;
  /** The ITA pass mark (85) and the 2570 goal for those already past it (90). */
  itaPassMark: number;
  itaAlreadyPassedGoal: { fiscalYear: number; minimumScore: number } | null;
  caseReductionByYear: Record<number, number>;
  caseBaselineYear: number;
};

/**
 * The ITA score the plan asks for in a year. In the goal year an organisation that already reached the pass mark
 * in an earlier year is held to the higher goal (the plan's "กรณีที่ผ่านเกณฑ์ ITA แล้ว").
 */
export function itaTargetFor(
  targets: PlanTargets,
  fiscalYear: number,
  earlierScores: number[],
): { target: number | null; why: string } {
  const ramp = targets.itaByYear[fiscalYear] ?? null;
  const goal = targets.itaAlreadyPassedGoal;
  if (goal && goal.fiscalYear === fiscalYear && earlierScores.some((s) => s >= targets.itaPassMark)) {
    return {
      target: goal.minimumScore,
      why: `ผ่านเกณฑ์ ${targets.itaPassMark} คะแนนแล้วในปีก่อน จึงใช้เป้าหมาย ${goal.minimumScore} คะแนนขึ้นไป`,
    };
  }
  return { target: ramp, why: ramp == null ? "แผนไม่ได้กำหนดเป้าหมายปีนี้" : `เป้าหมายตามแผนปี ${fiscalYear}` };
}

/** Score against target in whole hundredths (84.99 does not meet 85). */
export function scoreStatus(score: number | null, target: number | null, yearClosed: boolean): IndicatorStatus {
  if (score == null) return "no_data";
  if (target == null) return "not_judged";
  if (Math.round(score * 100) >= Math.round(target * 100)) return "met";
  return yearClosed ? "not_met" : "in_progress";
}

/** Reduction against the baseline as a percent (one decimal, rounded); null without a baseline above 0. */
export function reductionPercent(baseline: number | null, cases: number | null): number | null {
  if (baseline == null || cases == null || baseline <= 0) return null;
  return Math.round(((baseline - cases) * 1000) / baseline) / 10;
}

/** Cases down by at least `targetPercent` of the baseline, decided in integers: (b − c) × 100 ≥ t × b. */
export function reductionStatus(
  baseline: number | null,
  cases: number | null,
  targetPercent: number | null,
  yearClosed: boolean,
): IndicatorStatus {
  if (baseline == null || cases == null) return "no_data";
  if (targetPercent == null) return "not_judged";
  if (baseline === 0) return cases === 0 ? "met" : yearClosed ? "not_met" : "in_progress";
  if ((baseline - cases) * 100 >= targetPercent * baseline) return "met";
  return yearClosed ? "not_met" : "in_progress";
}

/**
 * What an item indicator shows beside its own target when it restates a plan-level one (items 15, 17, 25: ITA ≥ 85
 * every year; item 35: −5%), and which of the two its status follows: always the item's own.
 */
export function planTargetNote(
  targets: PlanTargets,
  extra: IndicatorExtra,
  fiscalYear: number,
  own: { minimumScore: number | null; thresholdPercent: number | null },
): string | null {
  if (extra.planTarget === "ita") {
    const ramp = targets.itaByYear[fiscalYear];
    if (ramp == null) return null;
    return `เป้าหมายระดับแผนปี ${fiscalYear}: ITA ไม่น้อยกว่า ${ramp} คะแนน · สถานะของตัวชี้วัดนี้ตัดสินตามเป้าหมายของรายการเอง (${own.minimumScore ?? "—"} คะแนน)`;
  }
  if (extra.planTarget === "corruption-cases") {
    const percent = targets.caseReductionByYear[fiscalYear];
    if (percent == null) return null;
    return `เป้าหมายระดับแผนปี ${fiscalYear}: คดีทุจริตลดลงร้อยละ ${percent} เทียบกับปี ${targets.caseBaselineYear} · สถานะของตัวชี้วัดนี้ตัดสินตามเป้าหมายของรายการเอง (ลดลงร้อยละ ${own.thresholdPercent ?? "—"})`;
  }
  return null;
}
