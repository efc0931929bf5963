import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatThaiDate } from "~/domain/thai-date";
import { casesPage } from "~/models/complaints/cases.server";
import { requireRole } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "เรื่องร้องเรียนการทุจริต · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "integrity");
  return json(await loadOrRefuse(() => casesPage({ personId: user.id, roles: user.roles, ip: clientIp(context) })));
}

export default function ComplaintsPage() {
  const { rows, rules } = useLoaderData<typeof loader>();
  const open = rows.filter((r) => r.status !== "closed");
  return (
    <>
      <h1>เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h1>
      <p className="muted">
        {`เปิดอยู่ ${open.length} เรื่อง · เกินกำหนด ${open.filter((r) => r.overdue).length} เรื่อง · กำหนด: ตรวจรับภายใน ${rules.acknowledgeDays} วัน, แจ้งความคืบหน้าทุก ${rules.progressReportDays} วัน, ยุติภายใน ${rules.closeDays} วัน`}
      </p>
      <p>
        <a href="/report">หน้าแจ้งเรื่องสำหรับประชาชน</a> · <a href="/report/stats">สถิติที่เผยแพร่</a>
      </p>
      <div className="table-wrap card">
        <table>
          <thead>
            <tr>
              <th scope="col">เลขที่</th>
              <th scope="col">รับเมื่อ</th>
              <th scope="col">เรื่อง</th>
              <th scope="col">ประเภท</th>
              <th scope="col">สถานะ</th>
              <th scope="col">กำหนดถัดไป</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted">
                  ยังไม่มีเรื่องร้องเรียน
                </td>
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{`${r.id}/${r.fiscalYear}`}</td>
                <td>{formatThaiDate(r.receivedAt)}</td>
                <td>
                  <Link to={`/complaints/${r.id}`}>{r.subject}</Link>
                  {r.reporterMessages > 0 ? (
                    <span className="muted">{` · ผู้ร้องส่งข้อความ ${r.reporterMessages}`}</span>
                  ) : null}
                  {r.mine ? <span className="badge">ท่านเป็นผู้ตรวจสอบ</span> : null}
                </td>
                <td>{r.categoryLabel ?? "—"}</td>
                <td>{r.statusLabel}</td>
                <td>
                  {r.nextDeadline ? `${formatThaiDate(r.nextDeadline.lastDay)} ` : "—"}
                  {r.overdue ? <span className="badge badge--bad">เกินกำหนด</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
