import type { LoaderFunctionArgs } from "@remix-run/node";
import { notPassedCsv } from "~/models/training/report.server";
import { requireRole } from "~/utils/auth.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { loadOrRefuse } from "~/utils/route.server";

// The people who must take the course and have not passed yet (not started, studying, not passed), with the
// roster page's filters (status, division, name) taken from the URL.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const csv = await loadOrRefuse(() =>
    notPassedCsv(params.slug ?? "", fiscalYearParam(request), new URL(request.url).searchParams, user),
  );
  return csvResponse(csv.filename, toCsv(csv.header, csv.rows));
}
