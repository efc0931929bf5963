import { IndicatorBadge } from "~/components/indicator-badge";
import type { IndicatorStatus } from "~/domain/indicators";
import { formatNumber } from "~/domain/numbers";

export type PlanTargetRow = {
  fiscalYear: number;
  ita: { target: number | null; why: string; score: number | null; status: IndicatorStatus };
  cases: {
    targetPercent: number | null;
    cases: number | null;
    reductionPercent: number | null;
    status: IndicatorStatus;
  };
};

// One shared formatter: toLocaleString with options builds a new one per cell.
const num = (n: number | null) => (n == null ? "—" : formatNumber(n));

/** The plan's own targets (Part 1 §4) year by year, beside what the municipality reached. */
export function PlanTargetsTable({
  rows,
  baselineYear,
  baseline,
}: {
  rows: PlanTargetRow[];
  baselineYear: number;
  baseline: { value: number } | null;
}) {
  return (
    <>
      {/* Outside the scrolling table, so it wraps on a phone. */}
      <p className="muted">
        {`คะแนน ITA จากผลที่กองการเจ้าหน้าที่บันทึก (รายการที่ 15, 17, 25) · คดีทุจริตที่ยุติว่ามีมูลจากทะเบียนเรื่องร้องเรียน เทียบกับปี ${baselineYear} (${
          baseline ? `${baseline.value.toLocaleString("th-TH")} คดี` : "ยังไม่ได้บันทึกค่าฐาน"
        })`}
      </p>
      <div className="table-wrap">
        <table data-testid="plan-targets">
          <thead>
            <tr>
              <th>ปีงบประมาณ</th>
              <th className="num">เป้าหมาย ITA</th>
              <th className="num">คะแนน ITA</th>
              <th>สถานะ ITA</th>
              <th className="num">เป้าหมายคดีลดลง</th>
              <th className="num">คดีทุจริต (ลดลง)</th>
              <th>สถานะคดี</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.fiscalYear}>
                <td>{r.fiscalYear}</td>
                <td className="num" title={r.ita.why}>
                  {r.ita.target == null ? "—" : `≥ ${r.ita.target}`}
                </td>
                <td className="num">{num(r.ita.score)}</td>
                <td>
                  <IndicatorBadge status={r.ita.status} />
                </td>
                <td className="num">{r.cases.targetPercent == null ? "—" : `ร้อยละ ${r.cases.targetPercent}`}</td>
                <td className="num">
                  {r.cases.cases == null
                    ? "—"
                    : `${num(r.cases.cases)}${r.cases.reductionPercent == null ? "" : ` (ร้อยละ ${num(r.cases.reductionPercent)})`}`}
                </td>
                <td>
                  <IndicatorBadge status={r.cases.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
