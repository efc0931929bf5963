import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { IndicatorBadge, indicatorValueText } from "~/components/indicator-badge";
import { INDICATOR_STATUS_LABELS } from "~/domain/indicators";
import { INDICATOR_KIND_LABELS } from "~/domain/indicators";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { fullName } from "~/domain/personnel";
import { computeIndicators } from "~/models/indicators.server";
import { KIND_LABELS } from "~/models/plan-queries.server";
import { requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { httpError } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.item.number}. ${data.item.name} · แผน` : "แผน" }];

const MISSING_SHOWN = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const number = Number(params.number);
  const item = Number.isInteger(number) ? await db.planItem.findUnique({ where: { number } }) : null;
  if (!item) httpError(404, "ไม่พบรายการนี้ในแผน");
  const year = fiscalYearParam(request);
  const results = await computeIndicators(year, { itemNumber: number });
  // The trend: the same indicators in every plan year (cheap at item level).
  const byYear = await Promise.all(PLAN_FISCAL_YEARS.map(async (y) => ({ year: y, results: await computeIndicators(y, { itemNumber: number }) })));
  const isHr = user.roles.includes("hr") || user.roles.includes("admin");
  const missingIds = isHr ? [...new Set(results.flatMap((r) => r.missingPersonIds))].slice(0, 2000) : [];
  const [missingPeople, divisions] = await Promise.all([
    missingIds.length ? db.person.findMany({ where: { id: { in: missingIds } }, include: { division: true } }) : [],
    db.division.findMany(),
  ]);
  const personById = new Map(missingPeople.map((p) => [p.id, p]));
  const divisionName = new Map(divisions.map((d) => [d.id, d.name]));
  const details = JSON.parse(item.details) as { objectives: string[]; outputs: string[]; outcomes: string[]; corrections: Record<string, unknown>[] };
  return json({
    year,
    isHr,
    item: {
      number: item.number,
      name: item.name,
      kind: KIND_LABELS[item.kind] ?? item.kind,
      dimension: item.dimension,
      mission: item.mission,
      subMission: item.subMission,
      unit: item.responsibleUnit,
      targetGroup: item.targetGroupText,
      headCount: item.headCount,
      duration: item.duration,
      budget: JSON.parse(item.budget) as Record<string, number>,
      ...details,
    },
    trend: results
      .filter((r) => r.status !== "no_instrument")
      .map((r) => ({
        id: r.id,
        text: r.text,
        years: byYear.map(({ year: y, results: rs }) => {
          const same = rs.find((x) => x.id === r.id)!;
          return { year: y, value: indicatorValueText(same), status: same.status };
        }),
      })),
    indicators: results.map((r) => ({
      ...r,
      missingPersonIds: undefined,
      missingCount: r.missingPersonIds.length,
      missing: r.missingPersonIds.slice(0, MISSING_SHOWN).flatMap((id) => {
        const p = personById.get(id);
        return p ? [{ id, employeeNumber: p.employeeNumber, name: fullName(p), division: p.division.name }] : [];
      }),
      byDivision: r.byDivision.map((d) => ({ ...d, name: divisionName.get(d.divisionId) ?? "" })).sort((a, b) => a.numerator / a.denominator - b.numerator / b.denominator),
    })),
  });
}

export default function PlanItemPage() {
  const { item, indicators, year, isHr, trend } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/plan">‹ แผนปฏิบัติการ</Link>
      </p>
      <p className="muted">{`มิติที่ ${item.dimension} · ภารกิจ ${item.subMission ?? item.mission} · ${item.kind}ลำดับที่ ${item.number}`}</p>
      <h1>{item.name}</h1>
      <section className="card">
        <dl>
          <dt>ผู้รับผิดชอบ</dt>
          <dd>{item.unit}</dd>
          <dt>กลุ่มเป้าหมาย</dt>
          <dd>{`${item.targetGroup ?? "—"}${item.headCount ? ` (${item.headCount.toLocaleString("th-TH")} คน)` : ""}`}</dd>
          <dt>ระยะเวลา</dt>
          <dd>{item.duration ?? "—"}</dd>
          <dt>งบประมาณ (บาท)</dt>
          <dd>{PLAN_FISCAL_YEARS.map((y) => `${y}: ${item.budget[y] ? item.budget[y].toLocaleString("th-TH") : "-"}`).join(" · ")}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{`ตัวชี้วัด ปีงบประมาณ ${year}`}</h2>
        <FiscalYearPicker year={year} />
        {indicators.map((r) => (
          <article key={r.id} className="indicator" data-testid={`indicator-${r.id}`}>
            <p>
              <IndicatorBadge status={r.status} /> <span className="muted">{INDICATOR_KIND_LABELS[r.kind] ?? r.kind}</span>
            </p>
            <p>{r.text}</p>
            <p>
              <strong>{`ผล: ${indicatorValueText(r)}`}</strong>
              <span className="muted">{` · เกณฑ์: ${r.rule}`}</span>
            </p>
            {r.source ? <p className="muted">{`แหล่งข้อมูล: ${r.source}`}</p> : null}
            {r.status === "no_instrument" ? <p className="muted">ระบบยังไม่มีเครื่องมือวัดตัวชี้วัดนี้</p> : null}
            {r.byDivision.length ? (
              <details>
                <summary>แยกตามหน่วยงาน</summary>
                <div className="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th>หน่วยงาน</th>
                        <th className="num">{r.kind === "attestation" ? "รับทราบ/ทั้งหมด" : "ผ่าน/ทั้งหมด"}</th>
                        <th className="num">ร้อยละ</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.byDivision.map((d) => (
                        <tr key={d.divisionId}>
                          <td>{d.name}</td>
                          <td className="num">{`${d.numerator}/${d.denominator}`}</td>
                          <td className="num">{`${Math.floor((d.numerator * 1000) / d.denominator) / 10}%`}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            ) : null}
            {isHr && r.missingCount > 0 ? (
              <details>
                <summary>{`${r.kind === "attestation" ? "ผู้ที่ยังไม่รับทราบ" : "ผู้ที่ยังไม่ผ่าน"} ${r.missingCount} คน`}</summary>
                <ul className="missing-list">
                  {r.missing.map((p) => (
                    <li key={p.id}>{`${p.employeeNumber} ${p.name} · ${p.division}`}</li>
                  ))}
                </ul>
                {r.missingCount > r.missing.length ? (
                  <p className="muted">{`แสดง ${r.missing.length} คนแรก ดูทั้งหมดได้ที่${r.kind === "attestation" ? "หน้าประกาศ/นโยบาย" : "หน้าผลการอบรม"}`}</p>
                ) : null}
              </details>
            ) : null}
          </article>
        ))}
      </section>

      {trend.length ? (
        <section className="card" aria-labelledby="trend-heading">
          <h2 id="trend-heading">แนวโน้มรายปีงบประมาณ</h2>
          <div className="table-wrap">
            <table data-testid="indicator-trend">
              <thead>
                <tr>
                  <th>ตัวชี้วัด</th>
                  {PLAN_FISCAL_YEARS.map((y) => (
                    <th key={y} className="num">
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {trend.map((t) => (
                  <tr key={t.id}>
                    <td>{t.text.length > 80 ? `${t.text.slice(0, 80)}…` : t.text}</td>
                    {t.years.map((y) => (
                      <td key={y.year} className="num">
                        {y.value}
                        <div className="muted">{INDICATOR_STATUS_LABELS[y.status]}</div>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section className="card">
        <h2>วัตถุประสงค์ ผลผลิต ผลลัพธ์</h2>
        <h3>วัตถุประสงค์</h3>
        <ul>{item.objectives.map((o) => <li key={o}>{o}</li>)}</ul>
        <h3>ผลผลิต</h3>
        <ul>{item.outputs.map((o) => <li key={o}>{o}</li>)}</ul>
        <h3>ผลลัพธ์</h3>
        <ul>{item.outcomes.map((o) => <li key={o}>{o}</li>)}</ul>
        {item.corrections.length ? (
          <>
            <h3>การแก้ไขข้อมูลจากเอกสารต้นฉบับ</h3>
            <ul>
              {item.corrections.map((c, i) => (
                <li key={i}>{String(c.reason ?? JSON.stringify(c))}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
