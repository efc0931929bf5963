import type { PlanFile } from "~/content/plan.server";
import type { PlanTarget } from "~/domain/plan-report";
import { NOT_YET_TEXT } from "~/domain/plan-report";
import type { IndicatorResult } from "~/models/plan/indicators.server";

// The plan-level targets (Part 1, ๔. เป้าหมาย): the ITA score HR records (item 15's ITA indicator) and the number of
// corruption cases, which comes from the complaint register (items 40–41) once it exists.

/**
 * HOOK for the complaint register (built separately): the reduction in corruption cases against the base year, in
 * percent, for the fiscal year up to `asOf`. Returns null until that register is connected here.
 */
export async function corruptionCaseReduction(
  _fiscalYear: number,
  _asOf: Date,
): Promise<{ percent: number; source: string } | null> {
  return null;
}

export async function planTargets(
  plan: PlanFile,
  fiscalYear: number,
  asOf: Date,
  indicators: IndicatorResult[],
): Promise<PlanTarget[]> {
  const targets = plan.targets as {
    itaScore?: Record<string, number>;
    corruptionCaseReduction?: { byYear: Record<string, number>; baselineYear: number };
  };
  const itaTarget = targets.itaScore?.[String(fiscalYear)];
  const ita = indicators.find((r) => r.itemNumber === 15 && r.instrument === "ita-score");
  const itaValue = ita?.value ?? null;
  const caseTarget = targets.corruptionCaseReduction?.byYear[String(fiscalYear)];
  const cases = await corruptionCaseReduction(fiscalYear, asOf);
  return [
    {
      label: "คะแนน ITA",
      target: itaTarget != null ? `${itaTarget} คะแนน` : "—",
      result: itaValue != null ? `${itaValue} คะแนน` : NOT_YET_TEXT,
      status: itaValue == null || itaTarget == null ? "no_data" : itaValue >= itaTarget ? "met" : "not_met",
      source:
        itaValue != null ? "คะแนนที่กองการเจ้าหน้าที่บันทึกไว้ที่ตัวชี้วัดรายการที่ 15" : "ยังไม่ได้บันทึกคะแนน ITA ของปีนี้ (ตัวชี้วัดรายการที่ 15)",
    },
    {
      label: `จำนวนคดีทุจริตลดลง (เทียบปี ${targets.corruptionCaseReduction?.baselineYear ?? 2565})`,
      target: caseTarget != null ? `ร้อยละ ${caseTarget}` : "—",
      result: cases ? `ลดลงร้อยละ ${cases.percent}` : NOT_YET_TEXT,
      status: !cases || caseTarget == null ? "no_data" : cases.percent >= caseTarget ? "met" : "not_met",
      source: cases ? cases.source : "ยังไม่มีข้อมูล: ทะเบียนเรื่องร้องเรียนการทุจริต (รายการที่ 40–41) ยังไม่เชื่อมกับรายงานนี้",
    },
  ];
}
