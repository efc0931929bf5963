import { bangkokCalendarDate, bangkokMidnightUtc, toBuddhistYear, toCommonEraYear } from "./thai-date";

// Thai fiscal year N (Buddhist era) runs from 1 October of N−1 to 30 September of N, in Bangkok time.

export const PLAN_FISCAL_YEARS = [2566, 2567, 2568, 2569, 2570] as const;

export function fiscalYearOf(value: Date | string | number): number {
  const { year, month } = bangkokCalendarDate(value);
  const beYear = toBuddhistYear(year);
  return month >= 10 ? beYear + 1 : beYear;
}

/** Half-open UTC range [start, end) of fiscal year `beYear`. */
export function fiscalYearRange(beYear: number): { start: Date; end: Date } {
  if (!Number.isInteger(beYear)) throw new Error(`fiscal year must be an integer, got ${beYear}`);
  const ceYear = toCommonEraYear(beYear);
  return { start: bangkokMidnightUtc(ceYear - 1, 10, 1), end: bangkokMidnightUtc(ceYear, 10, 1) };
}

export function isInFiscalYear(value: Date | string | number, beYear: number): boolean {
  const t = new Date(value).getTime();
  const { start, end } = fiscalYearRange(beYear);
  return t >= start.getTime() && t < end.getTime();
}

export function fiscalYearLabel(beYear: number): string {
  return `ปีงบประมาณ ${beYear}`;
}
