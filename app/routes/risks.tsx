import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { AddMeasureForm, AddRiskForm, FollowUpForm, ResidualForm } from "~/components/risk-forms";
import { RiskLevelBadge, scoreText } from "~/components/risk-level";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { REPORT_PERIOD_SHORT } from "~/domain/report-periods";
import { LOST_ROW_TEXT } from "~/domain/risks";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import { recordFollowUp, recordResidual } from "~/models/risks/follow-up.server";
import {
  addMeasure,
  consolidateRegister,
  createRisk,
  publishRegister,
  riskRegisterPage,
} from "~/models/risks/register.server";
import { addMeasureSchema, followUpSchema, publishSchema, residualSchema, riskSchema } from "~/schemas/risks";
import { requireRole } from "~/utils/auth.server";
import { formDataToNested, validate } from "~/utils/forms";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { actOrRefuse, actionFailure, loadOrRefuse } from "~/utils/route.server";
import { actorOf } from "~/utils/risks-route.server";
import { formatCount } from "~/domain/numbers";

export const meta: MetaFunction = () => [{ title: "ทะเบียนความเสี่ยงการทุจริต · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin", "manager");
  return json(await loadOrRefuse(() => riskRegisterPage(actorOf(user, context), fiscalYearParam(request))));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin", "manager");
  const actor = actorOf(user, context);
  const values = formDataToNested(await request.formData(), ["planItems"]);
  const check = <S extends Parameters<typeof validate>[0]>(schema: S) => validate(schema, values);
  switch (values.intent) {
    case "create": {
      const r = check(riskSchema);
      if (!r.success) return actionFailure({ fieldErrors: r.fieldErrors, values });
      return actOrRefuse(
        async () => ({
          ok: true as const,
          message: `บันทึกความเสี่ยงแล้ว (คะแนน ${(await createRisk(actor, r.data)).score}) รอกองการเจ้าหน้าที่รวบรวม`,
        }),
        values,
      );
    }
    case "measure": {
      const r = check(addMeasureSchema);
      if (!r.success)
        return actionFailure({ formError: Object.values(r.fieldErrors)[0], fieldErrors: r.fieldErrors, values });
      return actOrRefuse(
        async () => (await addMeasure(actor, r.data.riskId, r.data), { ok: true as const, message: "เพิ่มมาตรการแล้ว" }),
        values,
      );
    }
    case "follow-up": {
      const r = check(followUpSchema);
      if (!r.success)
        return actionFailure({ formError: Object.values(r.fieldErrors)[0], fieldErrors: r.fieldErrors, values });
      return actOrRefuse(
        async () => (await recordFollowUp(actor, r.data), { ok: true as const, message: "บันทึกผลการติดตามแล้ว" }),
        values,
      );
    }
    case "residual": {
      const r = check(residualSchema);
      if (!r.success)
        return actionFailure({ formError: Object.values(r.fieldErrors)[0], fieldErrors: r.fieldErrors, values });
      return actOrRefuse(
        async () => (await recordResidual(actor, r.data), { ok: true as const, message: "บันทึกความเสี่ยงคงเหลือแล้ว" }),
        values,
      );
    }
    case "consolidate": {
      const r = check(publishSchema);
      if (!r.success) return actionFailure({ formError: "ปีงบประมาณไม่ถูกต้อง" });
      return actOrRefuse(
        async () => ({
          ok: true as const,
          message: `รวบรวมทะเบียนแล้ว (${(await consolidateRegister(actor, r.data.fiscalYear)).included} ความเสี่ยงใหม่)`,
        }),
        values,
      );
    }
    case "publish": {
      const r = check(publishSchema);
      if (!r.success)
        return actionFailure({ fieldErrors: r.fieldErrors, formError: Object.values(r.fieldErrors)[0], values });
      return actOrRefuse(
        async () => (await publishRegister(actor, r.data), { ok: true as const, message: "เผยแพร่ทะเบียนความเสี่ยงแล้ว" }),
        values,
      );
    }
    default:
      return actionFailure({ formError: "ไม่รู้จักคำสั่งนี้" });
  }
}

export default function RiskRegister() {
  const d = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const failure = failureOf(result);
  const createFailure = failure?.values?.intent === "create" ? failure : undefined;
  return (
    <>
      <div className="page-head">
        <h1>{`ทะเบียนความเสี่ยงการทุจริต ปีงบประมาณ ${d.fiscalYear}`}</h1>
        <p className="muted">
          รายการที่ 37 มาตรการบริหารจัดการความเสี่ยงการทุจริต · หัวหน้าหน่วยงานประเมินความเสี่ยงของหน่วยงาน กองการเจ้าหน้าที่
          (คณะทำงานระดับเทศบาล) รวบรวมและเผยแพร่
        </p>
      </div>
      <FiscalYearPicker year={d.fiscalYear} />
      {result?.ok ? (
        <p className="alert alert--ok" role="status">
          {result.message}
        </p>
      ) : null}
      {failure?.formError && !createFailure ? (
        <p className="alert alert--error" role="alert">
          {failure.formError}
        </p>
      ) : null}
      {d.closed ? <p className="alert alert--info">{`ปีงบประมาณ ${d.fiscalYear} ปิดแล้ว ทะเบียนแสดงเพื่ออ่านเท่านั้น`}</p> : null}

      <section className="card risk-status" aria-label="สถานะทะเบียน">
        <div className="risk-stats">
          <div className="risk-stat">
            <strong>
              {d.registerYear.consolidatedAt ? formatThaiDate(d.registerYear.consolidatedAt) : "ยังไม่รวบรวม"}
            </strong>
            <span>รายงานการประเมินความเสี่ยง (รวบรวมแล้ว {d.counts.reports} ชุด)</span>
          </div>
          <div className="risk-stat">
            <strong>{d.counts.measures}</strong>
            <span>มาตรการในทะเบียนที่รวบรวมแล้ว (เป้าหมายอย่างน้อย 5)</span>
          </div>
          <div className="risk-stat">
            <strong>{d.counts.channels}</strong>
            <span>ช่องทางที่เผยแพร่ (เป้าหมายอย่างน้อย 1)</span>
          </div>
          <div className="risk-stat">
            <strong>{d.pending}</strong>
            <span>ความเสี่ยงที่รอรวบรวม</span>
          </div>
        </div>
        {d.registerYear.channels.length ? (
          <ul className="plain-list">
            {d.registerYear.channels.map((c) => (
              <li key={c.name}>
                {`เผยแพร่ทาง ${c.name} เมื่อ ${formatThaiDateTime(c.at)} `}
                {c.url ? <a href={c.url}>เปิด</a> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {d.mayConsolidate ? (
          <div className="actions">
            <Form method="post">
              <input type="hidden" name="intent" value="consolidate" />
              <input type="hidden" name="fiscalYear" value={d.fiscalYear} />
              <button type="submit" className="btn" disabled={d.pending === 0}>
                {`รวบรวมเป็นทะเบียนของเทศบาล (${formatCount(d.pending)} รายการใหม่)`}
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="fiscalYear" value={d.fiscalYear} />
              <button type="submit" className="btn btn--secondary" disabled={!d.registerYear.consolidatedAt}>
                เผยแพร่ทางหน้าเปิดเผยข้อมูลสาธารณะ
              </button>
            </Form>
            <Link to={`/transparency/risks?year=${d.fiscalYear}`}>ดูหน้าสาธารณะ</Link>
          </div>
        ) : null}
        {d.mayConsolidate && d.registerYear.consolidatedAt ? (
          <details>
            <summary>บันทึกการเผยแพร่ทางช่องทางอื่น</summary>
            <Form method="post" className="row row--end">
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="fiscalYear" value={d.fiscalYear} />
              <div className="field">
                <label htmlFor="channelName">ช่องทาง</label>
                <input id="channelName" name="channelName" placeholder="เช่น บอร์ดประชาสัมพันธ์ / เว็บไซต์เทศบาล" />
              </div>
              <div className="field">
                <label htmlFor="channelUrl">ลิงก์ (ถ้ามี)</label>
                <input id="channelUrl" name="channelUrl" type="url" placeholder="https://" />
              </div>
              <div>
                <button type="submit" className="btn btn--secondary">
                  บันทึกช่องทาง
                </button>
              </div>
            </Form>
          </details>
        ) : null}
      </section>

      <details className="card">
        <summary>เกณฑ์ระดับความเสี่ยง (โอกาส × ผลกระทบ)</summary>
        <ul className="plain-list">
          {d.matrix.levels.map((l) => (
            <li key={l.level}>
              <RiskLevelBadge level={l.level} label={l.label} /> {`คะแนน ${l.minScore}–${l.maxScore}`}
            </li>
          ))}
        </ul>
        <p className="muted">{`ที่มา: ${d.matrix.source}`}</p>
      </details>

      {d.mayAdd ? (
        <details className="risk-add" open={createFailure ? true : undefined}>
          <summary className="btn">เพิ่มความเสี่ยง</summary>
          <AddRiskForm
            fiscalYear={d.fiscalYear}
            units={d.units}
            types={d.types}
            planItems={d.planItems}
            failure={createFailure}
          />
        </details>
      ) : null}

      <h2>{`ความเสี่ยง ${formatCount(d.rows.length)} รายการ`}</h2>
      {d.rows.length === 0 ? <p className="muted">ยังไม่มีความเสี่ยงในปีงบประมาณนี้</p> : null}
      <div className="risk-list">
        {d.rows.map((r) => (
          <article key={r.id} className={`card risk${r.gap ? " risk--gap" : ""}`} data-risk={r.id}>
            <header className="risk__head">
              <span className="muted">
                {r.sequence != null ? `ลำดับที่ ${r.sequence} · ` : ""}
                {r.unitName}
              </span>
              {r.gap ? (
                <span className="badge badge--warn">{LOST_ROW_TEXT}</span>
              ) : (
                <RiskLevelBadge level={r.level} label={r.levelLabel} />
              )}
              {!r.gap ? (
                <span className={`badge ${r.includedAt ? "badge--ok" : ""}`}>
                  {r.includedAt ? "อยู่ในทะเบียนของเทศบาล" : "รอรวบรวม"}
                </span>
              ) : null}
            </header>
            {r.gap ? (
              <p>{r.gapNote ?? LOST_ROW_TEXT}</p>
            ) : (
              <>
                <h3>{r.processStep}</h3>
                <p className="pre-line">{r.event}</p>
                <p className="muted">{`${r.typeLabel} · ${scoreText(r)}`}</p>
                {r.existingControls ? <p>{`การควบคุมที่มีอยู่: ${r.existingControls}`}</p> : null}
                {r.planItems.length ? (
                  <p>
                    {"รายการในแผนที่เป็นมาตรการควบคุม: "}
                    {r.planItems.map((n, i) => (
                      <span key={n}>
                        {i ? ", " : ""}
                        <Link to={`/plan/items/${n}`}>{n}</Link>
                      </span>
                    ))}
                  </p>
                ) : null}
                {(["h1", "annual"] as const).map((p) => {
                  const v = r.residual[p];
                  return v ? (
                    <p key={p}>
                      {`ความเสี่ยงคงเหลือ (${REPORT_PERIOD_SHORT[p]}): ${v.likelihood} × ${v.impact} = ${v.score} `}
                      <RiskLevelBadge level={v.level} label={v.levelLabel} />
                    </p>
                  ) : null;
                })}
                <h4>มาตรการ</h4>
                <ol className="risk-measure-list">
                  {r.measures.map((m) => (
                    <li key={m.id}>
                      <div>{m.description}</div>
                      <div className="muted">{`ผู้รับผิดชอบ: ${m.owner}${m.dueDate ? ` · กำหนดเสร็จ ${formatThaiDate(m.dueDate)}` : ""}`}</div>
                      {(["h1", "annual"] as const).map((p) => {
                        const f = m.followUps[p];
                        return f ? (
                          <div key={p}>
                            {`${REPORT_PERIOD_SHORT[p]}: ${f.statusLabel}${f.note ? ` · ${f.note}` : ""} `}
                            {f.evidenceUrl ? <a href={f.evidenceUrl}>หลักฐาน</a> : null}
                          </div>
                        ) : null;
                      })}
                      {r.mayWork && r.includedAt ? (
                        <details>
                          <summary>ติดตามผล</summary>
                          <FollowUpForm measureId={m.id} label={m.description} />
                        </details>
                      ) : null}
                    </li>
                  ))}
                </ol>
                {r.mayWork ? (
                  <details>
                    <summary>เพิ่มมาตรการ / ความเสี่ยงคงเหลือ</summary>
                    <AddMeasureForm riskId={r.id} />
                    {r.includedAt ? <ResidualForm riskId={r.id} /> : null}
                  </details>
                ) : null}
              </>
            )}
          </article>
        ))}
      </div>
    </>
  );
}
