import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RiskLevelBadge, scoreText } from "~/components/risk-level";
import { LOST_ROW_TEXT } from "~/domain/risks";
import { formatThaiDate } from "~/domain/thai-date";
import { publicRiskPage } from "~/models/plan-reports/pages.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "ผลการประเมินความเสี่ยงการทุจริต · เทศบาลนครลำปาง" }];

// Public, no sign-in: the published register (events, levels, measures, status); owners are positions, never names.
export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("year");
  return json(await loadOrRefuse(() => publicRiskPage(raw && /^\d{4}$/.test(raw) ? Number(raw) : null)));
}

export default function PublicRisks() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/transparency">‹ การเปิดเผยข้อมูลสาธารณะ</Link>
      </p>
      <h1>{d.fiscalYear ? `ผลการประเมินความเสี่ยงการทุจริต ปีงบประมาณ ${d.fiscalYear}` : "ผลการประเมินความเสี่ยงการทุจริต"}</h1>
      {d.years.length > 1 ? (
        <Form method="get" className="row row--end">
          <div className="field" style={{ flex: "0 0 auto" }}>
            <label htmlFor="year">ปีงบประมาณ</label>
            <select id="year" name="year" defaultValue={String(d.fiscalYear)}>
              {d.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit" className="btn btn--secondary">
              แสดง
            </button>
          </div>
        </Form>
      ) : null}
      {d.publishedAt ? (
        <p className="muted">{`เทศบาลนครลำปาง เผยแพร่เมื่อ ${formatThaiDate(d.publishedAt)}`}</p>
      ) : (
        <p>ยังไม่มีทะเบียนที่เผยแพร่</p>
      )}
      <div className="risk-list">
        {d.rows.map((r) => (
          <article key={r.id} className={`card risk${r.gap ? " risk--gap" : ""}`}>
            <header className="risk__head">
              <span className="muted">
                {r.sequence != null ? `ลำดับที่ ${r.sequence} · ` : ""}
                {r.unitName}
              </span>
              {r.gap ? (
                <span className="badge badge--warn">{LOST_ROW_TEXT}</span>
              ) : (
                <RiskLevelBadge level={r.level} label={`ระดับ${r.levelLabel}`} />
              )}
            </header>
            {r.gap ? (
              <p>{r.gapNote ?? LOST_ROW_TEXT}</p>
            ) : (
              <>
                <h2 className="risk-title">{r.processStep}</h2>
                <p className="pre-line">{r.event}</p>
                <p className="muted">{`${r.typeLabel} · ${scoreText(r)}`}</p>
                {r.residual ? <p>{`ความเสี่ยงคงเหลือ: ${r.residual.score} (${r.residual.levelLabel})`}</p> : null}
                <h3>มาตรการและการดำเนินการ</h3>
                <ol className="risk-measure-list">
                  {r.measures.map((m) => (
                    <li key={m.id}>
                      <div>{m.description}</div>
                      <div className="muted">
                        {`ผู้รับผิดชอบ: ${m.owner}${m.dueDate ? ` · กำหนดเสร็จ ${formatThaiDate(m.dueDate)}` : ""} · สถานะ: ${m.annual ?? m.h1 ?? "ยังไม่มีผลการติดตาม"}`}
                      </div>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </article>
        ))}
      </div>
    </>
  );
}
