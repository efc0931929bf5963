import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { REPORT_PERIOD_LABELS } from "~/domain/report-periods";
import { formatThaiDate } from "~/domain/thai-date";
import { transparencyIndexPage } from "~/models/plan-reports/pages.server";

export const meta: MetaFunction = () => [{ title: "เปิดเผยข้อมูลสาธารณะ · เทศบาลนครลำปาง" }];

// Public, no sign-in: one place the municipality's website links for its ITA evidence.
export async function loader() {
  return json(await transparencyIndexPage());
}

export default function Transparency() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <h1>การเปิดเผยข้อมูลสาธารณะ: แผนปฏิบัติการป้องกันการทุจริต เทศบาลนครลำปาง</h1>
      <p className="muted">หน้านี้เปิดให้ประชาชนอ่านได้โดยไม่ต้องเข้าสู่ระบบ</p>
      <section className="card">
        <h2>ทะเบียนความเสี่ยงการทุจริตที่เผยแพร่</h2>
        {d.registers.length ? (
          <ul className="plain-list">
            {d.registers.map((r) => (
              <li key={r.fiscalYear}>
                <Link
                  to={`/transparency/risks?year=${r.fiscalYear}`}
                >{`ผลการประเมินความเสี่ยงการทุจริต ปีงบประมาณ ${r.fiscalYear}`}</Link>
                <span className="muted">{` · เผยแพร่เมื่อ ${formatThaiDate(r.publishedAt)}`}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">ยังไม่มีทะเบียนที่เผยแพร่</p>
        )}
      </section>
      <section className="card">
        <h2>รายงานผลการดำเนินการตามแผน</h2>
        {d.reports.length ? (
          <ul className="plain-list">
            {d.reports.map((r) => (
              <li key={r.id}>
                <Link
                  to={`/transparency/reports/${r.id}`}
                >{`${REPORT_PERIOD_LABELS[r.period]} ปีงบประมาณ ${r.fiscalYear}`}</Link>
                <span className="muted">{` · ฉบับส่งเมื่อ ${formatThaiDate(r.frozenAt)}`}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">ยังไม่มีรายงานฉบับส่ง</p>
        )}
      </section>
    </>
  );
}
