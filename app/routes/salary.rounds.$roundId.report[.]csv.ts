import type { LoaderFunctionArgs } from "@remix-run/node";
import { resultKeyLabel } from "~/domain/salary-review";
import { roundReportPage } from "~/models/salary/pages.server";
import { salaryActor } from "~/utils/salary-route.server";
import { requireRole } from "~/utils/auth.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { loadOrRefuse } from "~/utils/route.server";
import { idParam } from "~/utils/params.server";

// One row per division and result, then the appeal counts: aggregates only, no names.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const report = await loadOrRefuse(() => roundReportPage(idParam(params.roundId), salaryActor(user, context)));
  const rows: unknown[][] = [];
  for (const d of report.divisions) {
    for (const key of report.resultKeys) {
      if (d.byResult[key]) rows.push([report.round.title, d.division, resultKeyLabel(key), d.byResult[key], ""]);
    }
    rows.push([report.round.title, d.division, "รวม", d.people, d.amountBaht]);
  }
  const a = report.appealCounts;
  rows.push(
    [report.round.title, "อุทธรณ์", "ยื่นทั้งหมด", a.filed, ""],
    [report.round.title, "อุทธรณ์", "ยืนตามผลเดิม", a.rejected, ""],
    [report.round.title, "อุทธรณ์", "แก้ไขผล", a.changed, ""],
    [report.round.title, "อุทธรณ์", "รอพิจารณา", a.pending, ""],
  );
  return csvResponse(
    `salary-round-${report.round.id}.csv`,
    toCsv(["รอบ", "สำนัก/กอง", "ผล", "จำนวนคน", "จำนวนเงิน (บาท)"], rows),
  );
}
