import type { LoaderFunctionArgs } from "@remix-run/node";
import { attemptsCsv } from "~/models/training/report-csv.server";
import { requireRole } from "~/utils/auth.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { loadOrRefuse } from "~/utils/route.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const csv = await loadOrRefuse(() => attemptsCsv(params.slug ?? "", fiscalYearParam(request), user));
  return csvResponse(csv.filename, toCsv(csv.header, csv.rows));
}
