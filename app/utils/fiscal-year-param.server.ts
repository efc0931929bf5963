import { PLAN_FISCAL_YEARS, fiscalYearOf } from "~/domain/fiscal-year";

/** ?year= when it is one of the plan's years, else the current fiscal year. */
export function fiscalYearParam(request: Request): number {
  const year = Number(new URL(request.url).searchParams.get("year"));
  return (PLAN_FISCAL_YEARS as readonly number[]).includes(year) ? year : fiscalYearOf(new Date());
}
