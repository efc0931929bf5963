import type { AppLoadContext } from "@remix-run/node";
import type { Actor } from "~/domain/actor";
import { isReportPeriod, type ReportPeriod } from "~/domain/report-periods";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import type { CurrentUser } from "./auth.server";
import { httpError } from "./http.server";
import { clientIp } from "./request.server";

// Small helpers shared by the risk-register and plan-report routes.

export function actorOf(user: CurrentUser, context: AppLoadContext): Actor {
  return { personId: user.id, roles: user.roles, ip: clientIp(context) };
}

export function reportYearParam(params: { year?: string }): number {
  const year = Number(params.year);
  if (!(PLAN_FISCAL_YEARS as readonly number[]).includes(year)) httpError(404, "ไม่มีปีงบประมาณนี้ในแผน");
  return year;
}

export function periodValue(value: unknown): ReportPeriod {
  return isReportPeriod(value) ? value : "h1";
}
