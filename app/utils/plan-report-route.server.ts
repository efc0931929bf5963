import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { reportCsvRows, CSV_HEADER } from "~/domain/plan-report";
import type { ReportPeriod } from "~/domain/report-periods";
import { formatThaiDate } from "~/domain/thai-date";
import { recordReportEntry } from "~/models/plan-reports/entries.server";
import { freezePlanReport } from "~/models/plan-reports/freeze.server";
import { planReportPage } from "~/models/plan-reports/pages.server";
import { reportEntrySchema } from "~/schemas/risks";
import { requireRole } from "./auth.server";
import { csvResponse, toCsv } from "./csv";
import { validateForm } from "./forms";
import { actOrRefuse, actionFailure, loadOrRefuse } from "./route.server";
import { actorOf, reportYearParam } from "./risks-route.server";

// The loader and action behind /plan/reports/<year>/h1 and …/annual (two thin route files share them).

export async function reportLoader({ request, params, context }: LoaderFunctionArgs, period: ReportPeriod) {
  const user = await requireRole(request, "hr", "admin");
  const year = reportYearParam(params);
  return json(await loadOrRefuse(() => planReportPage(actorOf(user, context), year, period)));
}

export async function reportAction({ request, params, context }: ActionFunctionArgs, period: ReportPeriod) {
  const user = await requireRole(request, "hr", "admin");
  const actor = actorOf(user, context);
  const year = reportYearParam(params);
  const formData = await request.formData();
  if (formData.get("intent") === "freeze") {
    return actOrRefuse(async () => ({
      ok: true as const,
      message: `บันทึกฉบับส่งแล้ว (SHA-256 ${(await freezePlanReport(actor, year, period)).sha256.slice(0, 16)}…)`,
    }));
  }
  const { values, result } = validateForm(reportEntrySchema, formData);
  if (!result.success)
    return actionFailure({ fieldErrors: result.fieldErrors, formError: Object.values(result.fieldErrors)[0], values });
  return actOrRefuse(
    async () => (
      await recordReportEntry(actor, year, period, result.data),
      { ok: true as const, message: `บันทึกรายการที่ ${result.data.itemNumber} แล้ว` }
    ),
    values,
  );
}

export async function reportCsv({ request, params, context }: LoaderFunctionArgs, period: ReportPeriod) {
  const user = await requireRole(request, "hr", "admin");
  const year = reportYearParam(params);
  const page = await loadOrRefuse(() => planReportPage(actorOf(user, context), year, period));
  return csvResponse(
    `plan-report-${year}-${period}.csv`,
    toCsv(CSV_HEADER, reportCsvRows(page.report, formatThaiDate)),
  );
}
