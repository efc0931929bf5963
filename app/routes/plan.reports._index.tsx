import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { REPORT_PERIOD_SHORT, reportPeriodText } from "~/domain/report-periods";
import { formatThaiDateTime } from "~/domain/thai-date";
import { reportsIndexPage } from "~/models/plan-reports/pages.server";
import { requireRole } from "~/utils/auth.server";
import { loadOrRefuse } from "~/utils/route.server";
import { actorOf } from "~/utils/risks-route.server";

export const meta: MetaFunction = () => [{ title: "รายงานผลการดำเนินการตามแผน · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  return json(await loadOrRefuse(() => reportsIndexPage(actorOf(user, context))));
}

export default function PlanReports() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/plan">‹ แผนและตัวชี้วัด</Link>
      </p>
      <h1>รายงานผลการดำเนินการตามแผน (รอบ 6 เดือน และประจำปี)</h1>
      <p className="muted">
        รายงานที่บันทึกเป็นฉบับส่งแล้วจะไม่เปลี่ยนตัวเลขอีก และแสดงที่ <Link to="/transparency">หน้าเปิดเผยข้อมูลสาธารณะ</Link>
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>ปีงบประมาณ</th>
              <th>รอบ</th>
              <th>ระยะเวลา</th>
              <th>สถานะ</th>
              <th>ดาวน์โหลด</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={`${r.fiscalYear}-${r.period}`}>
                <td>{r.fiscalYear}</td>
                <td>
                  <Link to={`/plan/reports/${r.fiscalYear}/${r.period}`}>{REPORT_PERIOD_SHORT[r.period]}</Link>
                </td>
                <td>{reportPeriodText(r.fiscalYear, r.period)}</td>
                <td>
                  {r.frozen ? (
                    <span className="badge badge--ok">{`ฉบับส่ง ${formatThaiDateTime(r.frozen.frozenAt)} โดย ${r.frozen.frozenByName}`}</span>
                  ) : r.ended ? (
                    <span className="badge badge--warn">สิ้นรอบแล้ว ยังไม่บันทึกฉบับส่ง</span>
                  ) : (
                    <span className="badge">ยังไม่สิ้นรอบ</span>
                  )}
                </td>
                <td>
                  <a href={`/plan/reports/${r.fiscalYear}/${r.period}.csv`}>CSV</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
