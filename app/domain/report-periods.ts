import { fiscalYearRange } from "./fiscal-year";
import { bangkokMidnightUtc, formatThaiDate, toCommonEraYear } from "./thai-date";

// The plan's two reporting periods in a fiscal year (Bangkok time, half-open UTC ranges):
// the six-month report covers 1 October – 31 March, the annual report the whole fiscal year.

export const REPORT_PERIODS = ["h1", "annual"] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export const REPORT_PERIOD_LABELS: Record<ReportPeriod, string> = {
  h1: "รายงานการกำกับติดตามการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต รอบ ๖ เดือน",
  annual: "รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ประจำปี",
};

export const REPORT_PERIOD_SHORT: Record<ReportPeriod, string> = { h1: "รอบ 6 เดือน", annual: "ประจำปี" };

export function isReportPeriod(value: unknown): value is ReportPeriod {
  return (REPORT_PERIODS as readonly unknown[]).includes(value);
}

/** [start, end) of the period: h1 ends at 1 April 00:00 Bangkok time, so all of 31 March is inside. */
export function reportPeriodRange(fiscalYear: number, period: ReportPeriod): { start: Date; end: Date } {
  const year = fiscalYearRange(fiscalYear);
  if (period === "annual") return year;
  return { start: year.start, end: bangkokMidnightUtc(toCommonEraYear(fiscalYear), 4, 1) };
}

export function inReportPeriod(value: Date | string | number, fiscalYear: number, period: ReportPeriod): boolean {
  const t = new Date(value).getTime();
  const { start, end } = reportPeriodRange(fiscalYear, period);
  return t >= start.getTime() && t < end.getTime();
}

export function reportPeriodEnded(fiscalYear: number, period: ReportPeriod, now = new Date()): boolean {
  return now.getTime() >= reportPeriodRange(fiscalYear, period).end.getTime();
}

/** "1 ตุลาคม 2569 – 31 มีนาคม 2570" (the last day shown is the day before the exclusive end). */
export function reportPeriodText(fiscalYear: number, period: ReportPeriod): string {
  const { start, end } = reportPeriodRange(fiscalYear, period);
  return `${formatThaiDate(start)} – ${formatThaiDate(new Date(end.getTime() - 1))}`;
}

/** The moment a report's numbers are taken: the period's last instant once it has ended, now while it runs. */
export function reportAsOf(fiscalYear: number, period: ReportPeriod, now = new Date()): Date {
  const { end } = reportPeriodRange(fiscalYear, period);
  return now.getTime() < end.getTime() ? now : new Date(end.getTime() - 1);
}
