import { loadPlan } from "~/content/plan.server";
import { INDICATOR_STATUS_LABELS } from "~/domain/indicators";
import { totalsOf, type PlanReport, type ReportItem } from "~/domain/plan-report";
import {
  REPORT_PERIOD_LABELS,
  reportAsOf,
  reportPeriodEnded,
  reportPeriodRange,
  reportPeriodText,
  type ReportPeriod,
} from "~/domain/report-periods";
import { db } from "~/utils/db.server";
import { computeIndicators, frozenResults, type IndicatorResult } from "~/models/plan/indicators.server";
import { KIND_LABELS } from "~/models/plan/plan-queries.server";
import { activitiesInPeriod } from "./activities.server";
import { planTargets } from "./targets.server";

// Assembles a plan report from live data. Freezing stores exactly this object (freeze.server.ts).

let planFile: ReturnType<typeof loadPlan>["plan"] | undefined;

/**
 * Indicators at the period's end: the six-month report computes them as of 31 March (the engine's computation
 * date); the annual report of a year HR has closed uses that year's frozen results, otherwise it computes them.
 */
async function indicatorsFor(
  fiscalYear: number,
  period: ReportPeriod,
  now: Date,
): Promise<{ results: IndicatorResult[]; from: PlanReport["indicatorsFrom"] }> {
  if (period === "annual") {
    const frozen = await frozenResults(fiscalYear);
    if (frozen) return { results: frozen.results, from: "frozen-year" };
    return { results: await computeIndicators(fiscalYear, { now, live: true }), from: "computed" };
  }
  return {
    results: await computeIndicators(fiscalYear, { now: reportAsOf(fiscalYear, period, now), live: true }),
    from: "computed",
  };
}

const valueText = (r: IndicatorResult) => {
  if (r.valueText) return r.valueText;
  if (r.value == null) return "—";
  if (r.denominator != null)
    return `ร้อยละ ${r.value} (${r.numerator?.toLocaleString("en-US")}/${r.denominator.toLocaleString("en-US")})`;
  return r.value.toLocaleString("en-US");
};

export async function buildPlanReport(fiscalYear: number, period: ReportPeriod, now = new Date()): Promise<PlanReport> {
  planFile ??= loadPlan().plan;
  const range = reportPeriodRange(fiscalYear, period);
  const asOf = reportAsOf(fiscalYear, period, now);
  const [items, activities, { results, from }, entries] = await Promise.all([
    db.planItem.findMany({ orderBy: { number: "asc" } }),
    activitiesInPeriod(fiscalYear, {
      start: range.start,
      end: new Date(Math.min(range.end.getTime(), now.getTime() + 1)),
    }),
    indicatorsFor(fiscalYear, period, now),
    db.planItemReportEntry.findMany({ where: { fiscalYear, period } }),
  ]);
  const entryOf = new Map(entries.map((e) => [e.itemNumber, e]));
  const reportItems: ReportItem[] = items.map((item) => {
    const done = activities.get(item.number);
    const entry = entryOf.get(item.number);
    const budget = JSON.parse(item.budget) as Record<string, number>;
    const evidence = [...(done?.evidence ?? [])];
    if (entry?.evidenceUrl) evidence.unshift({ label: "หลักฐานที่กองการเจ้าหน้าที่แนบกับรายงาน", url: entry.evidenceUrl });
    return {
      number: item.number,
      name: item.name,
      kindLabel: KIND_LABELS[item.kind] ?? item.kind,
      dimension: item.dimension,
      responsibleUnit: item.responsibleUnit,
      activities: done?.activities ?? [],
      indicators: results
        .filter((r) => r.itemNumber === item.number)
        .map((r) => ({
          text: r.text,
          rule: r.rule,
          valueText: valueText(r),
          status: r.status,
          statusLabel: INDICATOR_STATUS_LABELS[r.status],
        })),
      plannedBaht: budget[String(fiscalYear)] ?? 0,
      spentSatang: entry?.spentSatang ?? null,
      evidence: [...new Map(evidence.map((e) => [e.url, e])).values()],
      problems: entry?.problems ?? "",
      suggestions: entry?.suggestions ?? "",
    };
  });
  const dimensions = planFile.dimensions.map((d) => {
    const its = reportItems.filter((i) => i.dimension === d.number);
    return { number: d.number, title: d.title, items: its, totals: totalsOf(its) };
  });
  return {
    fiscalYear,
    period,
    title: `${REPORT_PERIOD_LABELS[period]} ปีงบประมาณ พ.ศ. ${fiscalYear}`,
    periodText: reportPeriodText(fiscalYear, period),
    asOf: asOf.toISOString(),
    generatedAt: now.toISOString(),
    periodEnded: reportPeriodEnded(fiscalYear, period, now),
    indicatorsFrom: from,
    dimensions,
    totals: totalsOf(reportItems),
    targets: await planTargets(planFile, fiscalYear, asOf, results),
  };
}
