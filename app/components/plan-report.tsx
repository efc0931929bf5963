import { Form } from "@remix-run/react";
import { IndicatorBadge } from "~/components/indicator-badge";
import {
  NO_DATA_TEXT,
  NOT_YET_TEXT,
  bahtText,
  satangText,
  type PlanReport,
  type ReportItem,
} from "~/domain/plan-report";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";

// The plan report in the Thai official layout: one block per item that never splits across printed pages.

type FrozenInfo = { frozenAt: string; frozenByName?: string; sha256: string; intact?: boolean } | null;

export function PlanReportView({
  report,
  frozen,
  editable,
}: {
  report: PlanReport;
  frozen: FrozenInfo;
  editable: boolean;
}) {
  return (
    <article className="plan-report" aria-label="รายงานฉบับพิมพ์">
      <header className="plan-report__head">
        <p>เทศบาลนครลำปาง</p>
        <h1>{report.title}</h1>
        <p>{`ระยะเวลารายงาน ${report.periodText}`}</p>
        <p className="muted">
          {frozen
            ? `ฉบับส่ง บันทึกเมื่อ ${formatThaiDateTime(frozen.frozenAt)}${frozen.frozenByName ? ` โดย ${frozen.frozenByName}` : ""} · SHA-256 ${frozen.sha256.slice(0, 16)}…`
            : report.periodEnded
              ? `ฉบับร่าง ข้อมูล ณ สิ้นรอบ ${formatThaiDate(report.asOf)} (จัดทำเมื่อ ${formatThaiDateTime(report.generatedAt)})`
              : `ฉบับร่าง รอบรายงานยังไม่สิ้นสุด ข้อมูล ณ ${formatThaiDateTime(report.asOf)}`}
        </p>
        <p className="muted">
          {report.indicatorsFrom === "frozen-year"
            ? "ผลตัวชี้วัดจากผลที่บันทึกไว้เมื่อปิดปีงบประมาณ"
            : "ผลตัวชี้วัดคำนวณจากข้อมูลในระบบ ณ วันสิ้นรอบรายงาน"}
        </p>
      </header>

      <section aria-label="สรุปภาพรวม">
        <h2>สรุปภาพรวมของแผน</h2>
        <div className="table-wrap">
          <table className="report-table">
            <thead>
              <tr>
                <th>มิติ</th>
                <th className="num">รายการ</th>
                <th className="num">มีผลในระบบ</th>
                <th className="num">ตัวชี้วัดบรรลุ</th>
                <th className="num">งบประมาณตามแผน (บาท)</th>
                <th className="num">ใช้จริง (บาท)</th>
              </tr>
            </thead>
            <tbody>
              {report.dimensions.map((d) => (
                <tr key={d.number}>
                  <td>{`มิติที่ ${d.number} ${d.title}`}</td>
                  <td className="num">{d.totals.items}</td>
                  <td className="num">{d.totals.itemsWithActivity}</td>
                  <td className="num">{`${d.totals.met}/${d.totals.indicators}`}</td>
                  <td className="num">{bahtText(d.totals.plannedBaht)}</td>
                  <td className="num">
                    {d.totals.itemsWithSpending ? satangText(d.totals.spentSatang) : NOT_YET_TEXT}
                  </td>
                </tr>
              ))}
              <tr>
                <th>รวมทั้งแผน</th>
                <th className="num">{report.totals.items}</th>
                <th className="num">{report.totals.itemsWithActivity}</th>
                <th className="num">{`${report.totals.met}/${report.totals.indicators}`}</th>
                <th className="num">{bahtText(report.totals.plannedBaht)}</th>
                <th className="num">
                  {report.totals.itemsWithSpending ? satangText(report.totals.spentSatang) : NOT_YET_TEXT}
                </th>
              </tr>
            </tbody>
          </table>
        </div>
        <h2>เป้าหมายระดับแผน</h2>
        <div className="table-wrap">
          <table className="report-table">
            <thead>
              <tr>
                <th>เป้าหมาย</th>
                <th>ค่าเป้าหมายปีนี้</th>
                <th>ผล</th>
                <th>ที่มา</th>
              </tr>
            </thead>
            <tbody>
              {report.targets.map((t) => (
                <tr key={t.label}>
                  <td>{t.label}</td>
                  <td>{t.target}</td>
                  <td>{t.result}</td>
                  <td>{t.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {report.dimensions.map((d) => (
        <section key={d.number} aria-label={`มิติที่ ${d.number}`}>
          <h2>{`มิติที่ ${d.number} ${d.title}`}</h2>
          {d.items.map((item) => (
            <ReportItemBlock key={item.number} item={item} editable={editable} />
          ))}
        </section>
      ))}
    </article>
  );
}

function ReportItemBlock({ item, editable }: { item: ReportItem; editable: boolean }) {
  return (
    <div className="report-item" data-item={item.number}>
      <h3>{`${item.number}. ${item.name}`}</h3>
      <p className="muted">{`${item.kindLabel} · ผู้รับผิดชอบ: ${item.responsibleUnit}`}</p>
      <strong>ผลการดำเนินงาน</strong>
      {item.activities.length ? (
        <ul>
          {item.activities.map((a, i) => (
            <li key={i}>{a.date ? `${formatThaiDate(a.date)}: ${a.text}` : a.text}</li>
          ))}
        </ul>
      ) : (
        <p>{NO_DATA_TEXT}</p>
      )}
      <strong>ตัวชี้วัด</strong>
      <ul>
        {item.indicators.map((ind, i) => (
          <li key={i}>
            {`${ind.text} — ผล: ${ind.valueText} `}
            <IndicatorBadge status={ind.status} />
          </li>
        ))}
      </ul>
      <p>{`งบประมาณตามแผน ${bahtText(item.plannedBaht)} บาท · ใช้จริง ${item.spentSatang == null ? NOT_YET_TEXT : `${satangText(item.spentSatang)} บาท`}`}</p>
      {item.evidence.length ? (
        <p>
          {"หลักฐาน: "}
          {item.evidence.map((e, i) => (
            <span key={e.url}>
              {i ? " · " : ""}
              <a href={e.url}>{e.label}</a>
            </span>
          ))}
        </p>
      ) : null}
      {item.problems ? <p>{`ปัญหาอุปสรรค: ${item.problems}`}</p> : null}
      {item.suggestions ? <p>{`ข้อเสนอแนะ: ${item.suggestions}`}</p> : null}
      {editable ? <ReportEntryForm item={item} /> : null}
    </div>
  );
}

function ReportEntryForm({ item }: { item: ReportItem }) {
  const id = (name: string) => `${name}-${item.number}`;
  return (
    <details className="no-print">
      <summary>บันทึกงบประมาณที่ใช้จริง หลักฐาน ปัญหาและข้อเสนอแนะ</summary>
      <Form
        method="post"
        className="card report-entry-form"
        aria-label={`บันทึกรายการที่ ${item.number}`}
        preventScrollReset
      >
        <input type="hidden" name="intent" value="entry" />
        <input type="hidden" name="itemNumber" value={item.number} />
        <div className="row">
          <div className="field">
            <label htmlFor={id("spent")}>ใช้จริง (บาท)</label>
            <input
              id={id("spent")}
              name="spent"
              inputMode="decimal"
              defaultValue={item.spentSatang == null ? "" : (item.spentSatang / 100).toFixed(2)}
            />
          </div>
          <div className="field">
            <label htmlFor={id("evidenceUrl")}>ลิงก์หลักฐาน</label>
            <input id={id("evidenceUrl")} name="evidenceUrl" type="url" placeholder="https://" />
          </div>
        </div>
        <div className="field">
          <label htmlFor={id("problems")}>ปัญหาอุปสรรค</label>
          <textarea id={id("problems")} name="problems" rows={2} defaultValue={item.problems} />
        </div>
        <div className="field">
          <label htmlFor={id("suggestions")}>ข้อเสนอแนะ</label>
          <textarea id={id("suggestions")} name="suggestions" rows={2} defaultValue={item.suggestions} />
        </div>
        <button type="submit" className="btn btn--secondary">
          บันทึก
        </button>
      </Form>
    </details>
  );
}
