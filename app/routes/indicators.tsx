import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PassRateChart } from "~/components/charts";
import { IndicatorBadge, indicatorValueText, secondaryValueText } from "~/components/indicator-badge";
import { acceptsEntries } from "~/domain/indicator-entries";
import { INDICATOR_KIND_LABELS, INDICATOR_STATUS_LABELS, sharePercent, shareStatus, type IndicatorStatus } from "~/domain/indicators";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { formatThaiDateTime } from "~/domain/thai-date";
import { fullName } from "~/domain/personnel";
import { YearClosureError, closeFiscalYear, computationDate, computeIndicators, frozenResults } from "~/models/indicators.server";
import { requireRole } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { listDivisionOptions } from "~/models/people/organization.server";
import { requireUser } from "~/utils/auth.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { readFormData } from "~/utils/request-body.server";
import { parseId } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "ตัวชี้วัด · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const year = fiscalYearParam(request);
  const url = new URL(request.url);
  const dimension = Number(url.searchParams.get("dimension")) || null;
  const status = (url.searchParams.get("status") ?? "") as IndicatorStatus | "";
  const division = parseId(url.searchParams.get("division"));
  const { yearClosed } = computationDate(year);
  let results = await computeIndicators(year);
  if (division) {
    // Knowledge indicators over one unit's part of the population; other kinds are organisation-wide.
    results = results.map((r) => {
      if (r.kind !== "knowledge" || r.denominator == null) return r;
      const part = r.byDivision.find((d) => d.divisionId === division) ?? { numerator: 0, denominator: 0, participants: 0 };
      const threshold = Number(r.rule.match(/ร้อยละ (\d+)/)?.[1] ?? 80);
      return {
        ...r,
        // The pre/post-test gain is only computed for the whole population; not shown for one unit.
        secondary: undefined,
        numerator: part.numerator,
        denominator: part.denominator,
        value: sharePercent(part.numerator, part.denominator),
        status: shareStatus({ numerator: part.numerator, denominator: part.denominator, thresholdPercent: threshold, participants: part.participants, yearClosed }),
      };
    });
  }
  const frozen = await frozenResults(year);
  const filtered = results.filter((r) => (!dimension || r.dimension === dimension) && (!status || r.status === status));
  return json({
    year,
    yearClosed,
    frozen: frozen ? { closedAt: frozen.closedAt.toISOString(), closedBy: fullName(frozen.closedBy) } : null,
    filters: { dimension: dimension ?? "", status, division: division ?? "" },
    isHr: user.roles.includes("hr") || user.roles.includes("admin"),
    divisions: (await listDivisionOptions()).filter((d) => d.depth === 0),
    counts: Object.fromEntries(Object.keys(INDICATOR_STATUS_LABELS).map((s) => [s, results.filter((r) => r.status === s).length])),
    rows: filtered.map(({ missingPersonIds: _m, byDivision: _b, ...r }) => ({ ...r, enterable: acceptsEntries(r) })),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const raw = (await readFormData(request)).get("year");
  const year = typeof raw === "string" && /^[0-9]{4}$/.test(raw) ? Number(raw) : NaN;
  try {
    const count = await closeFiscalYear(year, { personId: user.id, ip: clientIp(context) });
    return json({ ok: `ปิดปีงบประมาณ ${year} และบันทึกผลตัวชี้วัด ${count} รายการแล้ว`, error: undefined as string | undefined });
  } catch (error) {
    if (!(error instanceof YearClosureError)) throw error;
    return json({ ok: undefined as string | undefined, error: error.message }, { status: error.status });
  }
}

export default function IndicatorsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const knowledge = data.rows.filter((r) => r.kind === "knowledge" && r.value != null);
  return (
    <>
      <div className="page-head">
        <h1>{`ตัวชี้วัด ปีงบประมาณ ${data.year}`}</h1>
        {data.isHr ? (
          <a className="btn btn--secondary" href={`/indicators.csv?year=${data.year}`}>
            ส่งออก (CSV)
          </a>
        ) : null}
      </div>
      {actionData?.ok ? (
        <p className="alert alert--ok" role="status">
          {actionData.ok}
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="alert alert--error" role="alert">
          {actionData.error}
        </p>
      ) : null}
      {data.frozen ? (
        <p className="alert alert--info" data-testid="frozen">{`ผลของปีงบประมาณนี้บันทึกไว้เมื่อ ${formatThaiDateTime(data.frozen.closedAt)} โดย ${data.frozen.closedBy} และไม่เปลี่ยนตามข้อมูลที่แก้ไขภายหลัง`}</p>
      ) : data.isHr && data.yearClosed ? (
        <Form method="post" className="card actions">
          <input type="hidden" name="year" value={data.year} />
          <span>ปีงบประมาณนี้สิ้นสุดแล้ว ผลด้านล่างยังคำนวณจากข้อมูลปัจจุบัน</span>
          <button type="submit" className="btn">
            ปิดปีงบประมาณและบันทึกผล
          </button>
        </Form>
      ) : null}
      <p className="muted">
        {Object.entries(data.counts)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${INDICATOR_STATUS_LABELS[s as IndicatorStatus]} ${n}`)
          .join(" · ")}
      </p>
      <Form method="get" className="card row row--end" aria-label="กรองตัวชี้วัด">
        <div className="field">
          <label htmlFor="year">ปีงบประมาณ</label>
          <select id="year" name="year" defaultValue={String(data.year)}>
            {PLAN_FISCAL_YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dimension">มิติ</label>
          <select id="dimension" name="dimension" defaultValue={String(data.filters.dimension)}>
            <option value="">ทุกมิติ</option>
            {[1, 2, 3, 4].map((d) => (
              <option key={d} value={d}>{`มิติที่ ${d}`}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">สถานะ</label>
          <select id="status" name="status" defaultValue={data.filters.status}>
            <option value="">ทุกสถานะ</option>
            {Object.entries(INDICATOR_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="division">หน่วยงาน (ตัวชี้วัดด้านความรู้)</label>
          <select id="division" name="division" defaultValue={String(data.filters.division)}>
            <option value="">ทั้งเทศบาล</option>
            {data.divisions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="btn">
            แสดง
          </button>
        </div>
      </Form>

      {knowledge.length ? (
        <section className="card" aria-labelledby="knowledge-heading">
          <h2 id="knowledge-heading">ตัวชี้วัดด้านความรู้: ร้อยละผู้ผ่านแบบทดสอบหลังเรียน เทียบเกณฑ์ร้อยละ 80</h2>
          <div className="chart-and-table">
            <PassRateChart data={knowledge.map((r) => ({ label: `ลำดับที่ ${r.itemNumber}`, percent: r.value ?? 0 }))} />
            <ul className="chart-numbers">
              {knowledge.map((r) => (
                <li key={r.id}>{`ลำดับที่ ${r.itemNumber} ${r.itemName}: ผ่าน ${r.numerator} จาก ${r.denominator} คน (${r.value}%) · ${INDICATOR_STATUS_LABELS[r.status]}`}</li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}

      {data.rows.length === 0 ? (
        <p className="card muted">ไม่มีตัวชี้วัดตามเงื่อนไขที่เลือก</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="indicators-table">
            <thead>
              <tr>
                <th>ลำดับที่</th>
                <th>ตัวชี้วัด</th>
                <th className="hide-narrow">ประเภท</th>
                <th>ผล</th>
                <th className="hide-narrow">เกณฑ์</th>
                <th>สถานะ</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id} data-item={r.itemNumber} data-kind={r.kind}>
                  <td>
                    <Link to={`/plan/items/${r.itemNumber}?year=${data.year}`}>{r.itemNumber}</Link>
                  </td>
                  <td>{r.text.length > 120 ? `${r.text.slice(0, 120)}…` : r.text}</td>
                  <td className="hide-narrow">{INDICATOR_KIND_LABELS[r.kind] ?? r.kind}</td>
                  <td className="indicator-value">
                    {indicatorValueText(r)}
                    {r.secondary ? (
                      <div className="secondary-measure">
                        {secondaryValueText(r.secondary)} <IndicatorBadge status={r.secondary.status} />
                      </div>
                    ) : null}
                    {data.isHr && r.enterable && !data.frozen ? (
                      <div>
                        <Link to={`/plan/items/${r.itemNumber}?year=${data.year}#indicator-${r.id}`}>{r.entry ? "บันทึกผลใหม่" : "บันทึกผล"}</Link>
                      </div>
                    ) : null}
                  </td>
                  <td className="hide-narrow">{r.rule}</td>
                  <td>
                    <IndicatorBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
