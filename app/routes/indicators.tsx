import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatCount } from "~/domain/numbers";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PlainLink } from "~/components/plain-link";
import { PassRateChart } from "~/components/charts";
import { IndicatorBadge, indicatorValueText, secondaryValueText } from "~/components/indicator-badge";
import { INDICATOR_KIND_LABELS, INDICATOR_STATUS_LABELS, type IndicatorStatus } from "~/domain/indicators";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { formatThaiDateTime } from "~/domain/thai-date";
import { indicatorListPage } from "~/models/plan/indicator-list-page.server";
import { confirmYearClosure } from "~/models/plan/year-closure.server";
import { useActionResult } from "~/components/use-action-result";
import { actOrRefuse } from "~/utils/route.server";
import { requireRole } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { requireUser } from "~/utils/auth.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "ตัวชี้วัด · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await indicatorListPage(user, fiscalYearParam(request), new URL(request.url).searchParams));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const form = await readFormData(request);
  const raw = form.get("year");
  const year = typeof raw === "string" && /^[0-9]{4}$/.test(raw) ? Number(raw) : NaN;
  const confirmYear = String(form.get("confirmYear") ?? "");
  return actOrRefuse(
    async () => {
      const count = await confirmYearClosure(year, confirmYear, {
        personId: user.id,
        roles: user.roles,
        ip: clientIp(context),
      });
      return json({ ok: true as const, message: `ปิดปีงบประมาณ ${year} และบันทึกผลตัวชี้วัด ${count} รายการแล้ว` });
    },
    { year: raw, confirmYear },
  );
}

export default function IndicatorsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
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
          {actionData.message}
        </p>
      ) : null}
      {actionData && !actionData.ok && actionData.formError && !data.closing ? (
        <p className="alert alert--error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      {data.frozen ? (
        <p
          className="alert alert--info"
          data-testid="frozen"
        >{`ผลของปีงบประมาณนี้บันทึกไว้เมื่อ ${formatThaiDateTime(data.frozen.closedAt)} โดย ${data.frozen.closedBy} และไม่เปลี่ยนตามข้อมูลที่แก้ไขภายหลัง`}</p>
      ) : data.isHr && data.yearClosed && data.closing ? (
        <CloseYearConfirmation
          closing={data.closing}
          error={actionData && !actionData.ok ? actionData.formError : undefined}
        />
      ) : data.isHr && data.yearClosed ? (
        <Form method="get" className="card actions" data-testid="close-year">
          <input type="hidden" name="year" value={data.year} />
          <input type="hidden" name="close" value={data.year} />
          <span>{`ปีงบประมาณ ${data.year} สิ้นสุดแล้ว ผลด้านล่างยังคำนวณจากข้อมูลปัจจุบัน`}</span>
          <button type="submit" className="btn">
            ปิดปีงบประมาณและบันทึกผล…
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
                <li
                  key={r.id}
                >{`ลำดับที่ ${r.itemNumber} ${r.itemName}: ผ่าน ${r.denominator ? `${formatCount(r.numerator ?? 0)} จาก ${formatCount(r.denominator)} คน (${r.value}%)` : "— ไม่มีผู้อยู่ในกลุ่มเป้าหมาย"} · ${INDICATOR_STATUS_LABELS[r.status]}`}</li>
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
                    <PlainLink to={`/plan/items/${r.itemNumber}?year=${data.year}`}>{r.itemNumber}</PlainLink>
                  </td>
                  <td>{r.text}</td>
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
                        <PlainLink to={`/plan/items/${r.itemNumber}?year=${data.year}&entry=${r.id}#entry-${r.id}`}>
                          {r.hasEntry ? "บันทึกผลใหม่" : "บันทึกผล"}
                        </PlainLink>
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

type Closing = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["closing"]>;

/** The confirmation step: what closing the year does, and the year typed again to confirm (works without scripts). */
function CloseYearConfirmation({ closing, error }: { closing: Closing; error?: string }) {
  return (
    <section className="card confirm-panel" aria-labelledby="close-year-heading" data-testid="close-year-confirm">
      <h2 id="close-year-heading">{`ยืนยันการปิดปีงบประมาณ ${closing.year}`}</h2>
      <p>{`ผลตัวชี้วัดของปีงบประมาณ ${closing.year} ทั้ง ${closing.indicators.toLocaleString("th-TH")} รายการจะถูกบันทึกเป็นฉบับถาวร:`}</p>
      <ul>
        <li>{`เป็นไปตามเกณฑ์ ${closing.met.toLocaleString("th-TH")} รายการ`}</li>
        <li>{`ไม่เป็นไปตามเกณฑ์ ${closing.notMet.toLocaleString("th-TH")} รายการ`}</li>
        <li>{`ยังไม่มีข้อมูลหรือเครื่องมือวัด ${closing.noData.toLocaleString("th-TH")} รายการ`}</li>
      </ul>
      <p className="alert alert--error">
        {`หลังปิดแล้ว ผลจะไม่เปลี่ยนตามข้อมูลที่แก้ไขภายหลัง บันทึกผลตัวชี้วัดและเป้าหมายของปี ${closing.year} เพิ่มไม่ได้ และย้อนกลับไม่ได้`}
      </p>
      <Form method="post" action={`/indicators?year=${closing.year}&close=${closing.year}`} className="stack">
        <input type="hidden" name="year" value={closing.year} />
        <div className="field">
          <label htmlFor="confirmYear">{`พิมพ์ปีงบประมาณ ${closing.year} เพื่อยืนยัน`}</label>
          <input
            id="confirmYear"
            name="confirmYear"
            inputMode="numeric"
            autoComplete="off"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "confirmYear-error" : undefined}
          />
          {error ? (
            <span className="field-error" id="confirmYear-error" role="alert">
              {error}
            </span>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="btn btn--danger">
            {`ยืนยันปิดปีงบประมาณ ${closing.year}`}
          </button>
          <Link to={`/indicators?year=${closing.year}`} className="btn btn--secondary">
            ไม่ปิดตอนนี้
          </Link>
        </div>
      </Form>
    </section>
  );
}
