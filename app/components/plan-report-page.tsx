import { Form, Link, useLoaderData } from "@remix-run/react";
import { PlanReportView } from "~/components/plan-report";
import { failureOf, useActionResult } from "~/components/use-action-result";
import type { PlanReport } from "~/domain/plan-report";
import { REPORT_PERIOD_SHORT } from "~/domain/report-periods";
import type { FrozenView } from "~/models/plan-reports/freeze.server";

type Data = {
  report: PlanReport;
  frozen: FrozenView | null;
  periodEnded: boolean;
  mayFreeze: boolean;
  mayEdit: boolean;
};

/** The HR page of a plan report: print, CSV, freeze; then the report itself with per-item entry forms. */
export function PlanReportPage() {
  const d = useLoaderData() as unknown as Data;
  const result = useActionResult<{ message: string }>();
  const failure = failureOf(result);
  const r = d.report;
  const base = `/plan/reports/${r.fiscalYear}/${r.period}`;
  return (
    <>
      <div className="no-print">
        <p className="breadcrumbs">
          <Link to="/plan">‹ แผนและตัวชี้วัด</Link> · <Link to="/plan/reports">รายงานทั้งหมด</Link>
        </p>
        {result?.ok ? (
          <p className="alert alert--ok" role="status">
            {result.message}
          </p>
        ) : null}
        {failure?.formError ? (
          <p className="alert alert--error" role="alert">
            {failure.formError}
          </p>
        ) : null}
        <div className="report-actions">
          <button type="button" className="btn" onClick={() => window.print()}>
            พิมพ์ (A4)
          </button>
          <a className="btn btn--secondary" href={`${base}.csv`}>
            ดาวน์โหลด CSV
          </a>
          {d.frozen ? (
            <span className="badge badge--ok">
              {d.frozen.intact ? "ฉบับส่ง (ตรวจสอบ SHA-256 ถูกต้อง)" : "ฉบับส่ง: SHA-256 ไม่ตรง"}
            </span>
          ) : (
            <Form
              method="post"
              onSubmit={(e) => {
                if (
                  !window.confirm(
                    `บันทึกรายงาน${REPORT_PERIOD_SHORT[r.period]} ปีงบประมาณ ${r.fiscalYear} เป็นฉบับส่ง? ตัวเลขจะไม่เปลี่ยนอีกและบันทึกซ้ำไม่ได้`,
                  )
                )
                  e.preventDefault();
              }}
            >
              <input type="hidden" name="intent" value="freeze" />
              <button type="submit" className="btn btn--secondary" disabled={!d.periodEnded}>
                บันทึกเป็นฉบับส่ง
              </button>
            </Form>
          )}
          {!d.periodEnded ? <span className="muted">รอบรายงานยังไม่สิ้นสุด จะบันทึกฉบับส่งได้เมื่อสิ้นรอบ</span> : null}
        </div>
      </div>
      <PlanReportView report={r} frozen={d.frozen} editable={d.mayEdit} />
    </>
  );
}
