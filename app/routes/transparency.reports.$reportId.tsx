import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PlanReportView } from "~/components/plan-report";
import { publicFrozenReportPage } from "~/models/plan-reports/pages.server";
import { httpError } from "~/utils/http.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.title} · เทศบาลนครลำปาง` : "รายงาน" },
];

// Public: a frozen report exactly as it was submitted.
export async function loader({ params }: LoaderFunctionArgs) {
  const id = Number(params.reportId);
  if (!Number.isInteger(id) || id <= 0) httpError(404, "ไม่พบรายงานนี้");
  return json(await loadOrRefuse(() => publicFrozenReportPage(id)));
}

export default function PublicReport() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <div className="report-actions no-print">
        <Link to="/transparency">‹ การเปิดเผยข้อมูลสาธารณะ</Link>
        <button type="button" className="btn" onClick={() => window.print()}>
          พิมพ์ (A4)
        </button>
      </div>
      <PlanReportView report={d.report} frozen={d.frozen} editable={false} />
    </>
  );
}
