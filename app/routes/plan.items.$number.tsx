import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { IndicatorBadge, indicatorValueText, secondaryValueText } from "~/components/indicator-badge";
import { IndicatorEntryForm, type UploadResult } from "~/components/indicator-entry-form";
import { useActionResult } from "~/components/use-action-result";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { MAX_EVIDENCE_BYTES } from "~/domain/indicator-entries";
import { INDICATOR_KIND_LABELS, INDICATOR_STATUS_LABELS } from "~/domain/indicators";
import { formatPercent } from "~/domain/numbers";
import { correctionNotes } from "~/domain/plan-items";
import { planItemPage, recordItemIndicatorEntry } from "~/models/plan/plan-item-page.server";
import { requireRole, requireUser } from "~/utils/auth.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { formDataToObject, type FieldErrors } from "~/utils/forms";
import { idParam } from "~/utils/params.server";
import { clientIp } from "~/utils/request.server";
import { readFormData, uploadedFile } from "~/utils/request-body.server";
import { actionFailure, actOrRefuse, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.item.number}. ${data.item.name} · แผน` : "แผน" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const number = idParam(params.number, "ไม่พบรายการนี้ในแผน");
  return json(await loadOrRefuse(() => planItemPage(number, fiscalYearParam(request), user)));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const number = idParam(params.number, "ไม่พบรายการนี้ในแผน");
  // The indicator is in the URL so even a refused oversized upload can be answered at its own form.
  const indicatorId = idParam(new URL(request.url).searchParams.get("indicator") ?? undefined, "ไม่พบตัวชี้วัดนี้");
  const form = await readFormData(request);
  if (uploadedFile(form, "evidenceFile", MAX_EVIDENCE_BYTES).tooBig) {
    const message = "ไฟล์หลักฐานต้องมีขนาดไม่เกิน 5 MB ไม่ได้บันทึกข้อมูล";
    return actionFailure({ formError: message, fieldErrors: { evidenceFile: message }, values: { indicatorId } }, 413);
  }
  const { evidenceFile: _file, indicatorId: _id, ...values } = formDataToObject(form);
  const file = form.get("evidenceFile");
  const upload =
    file instanceof File && file.size > 0
      ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
      : null;
  return actOrRefuse(
    async () => {
      const saved = await recordItemIndicatorEntry(number, indicatorId, values, upload, {
        personId: user.id,
        roles: user.roles,
        ip: clientIp(context),
      });
      return json({ ok: true as const, indicatorId, message: `บันทึกผลปีงบประมาณ ${saved.fiscalYear} แล้ว` });
    },
    { ...values, indicatorId },
  );
}

/** One entry panel's share of the action result: its success message, or its errors and what was typed. */
type EntryActionData = { ok?: string; formError?: string; fieldErrors?: FieldErrors; values?: Record<string, unknown> };

function useEntryResult(): (indicatorId: number) => EntryActionData | undefined {
  const result = useActionResult<typeof action>();
  return (indicatorId) => {
    if (!result) return undefined;
    if (result.ok) return result.indicatorId === indicatorId ? { ok: result.message } : undefined;
    if (Number(result.values?.indicatorId) !== indicatorId) return undefined;
    const { indicatorId: _id, ...values } = result.values ?? {};
    return { formError: result.formError, fieldErrors: result.fieldErrors, values };
  };
}

export default function PlanItemPage() {
  const { item, indicators, year, isHr, trend, entryForms, yearClosed, openYears } = useLoaderData<typeof loader>();
  const entryResult = useEntryResult();
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
          <dd>
            {PLAN_FISCAL_YEARS.map(
              (y) => `${y}: ${item.budget[y] ? item.budget[y].toLocaleString("th-TH") : "-"}`,
            ).join(" · ")}
          </dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{`ตัวชี้วัด ปีงบประมาณ ${year}`}</h2>
        <FiscalYearPicker year={year} />
        {indicators.map((r) => (
          <article key={r.id} id={`indicator-${r.id}`} className="indicator" data-testid={`indicator-${r.id}`}>
            <p>
              <IndicatorBadge status={r.status} />{" "}
              <span className="muted">{INDICATOR_KIND_LABELS[r.kind] ?? r.kind}</span>
            </p>
            <p>{r.text}</p>
            <p>
              <strong>{`ผล: ${indicatorValueText(r)}`}</strong>
              <span className="muted">{` · เกณฑ์: ${r.rule}`}</span>
            </p>
            {r.planTargetNote ? (
              <p className="muted" data-testid="plan-target-note">
                {r.planTargetNote}
              </p>
            ) : null}
            {r.status === "not_judged" && isHr ? (
              <p className="muted">
                <Link to="/plan/targets">กำหนดเป้าหมายเอง (พร้อมที่มา)</Link>
              </p>
            ) : null}
            {r.secondary ? (
              <p data-testid="secondary-measure">
                <strong>{`ผลอีกวิธีหนึ่ง: ${secondaryValueText(r.secondary)}`}</strong>{" "}
                <IndicatorBadge status={r.secondary.status} />
                <span className="muted">{` · เกณฑ์: ${r.secondary.rule}`}</span>
              </p>
            ) : null}
            {r.source ? <p className="muted">{`แหล่งข้อมูล: ${r.source}`}</p> : null}
            {r.entry?.evidenceFileId ? (
              <p>
                <a href={`/evidence/${r.entry.evidenceFileId}`}>{`ดาวน์โหลดหลักฐาน: ${r.entry.evidenceFileName}`}</a>
              </p>
            ) : r.entry?.evidenceUrl ? (
              <p>
                <a href={r.entry.evidenceUrl} target="_blank" rel="noreferrer noopener">
                  เปิดลิงก์หลักฐาน
                </a>
              </p>
            ) : null}
            {r.status === "no_instrument" ? <p className="muted">ระบบยังไม่มีเครื่องมือวัดตัวชี้วัดนี้</p> : null}
            {isHr && yearClosed && entryForms[r.id] ? (
              <p
                className="muted"
                data-testid="year-closed-note"
              >{`ปีงบประมาณ ${year} ปิดและบันทึกผลแล้ว จึงบันทึกผลตัวชี้วัดเพิ่มไม่ได้`}</p>
            ) : entryForms[r.id] ? (
              <EntryPanel
                itemNumber={item.number}
                indicatorId={r.id}
                year={year}
                panel={entryForms[r.id]!}
                openYears={openYears}
                actionData={entryResult(r.id)}
              />
            ) : null}
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
                          <td className="num">{formatPercent(d.numerator, d.denominator)}</td>
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
                        {indicatorValueText(y)}
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
        <ul>
          {item.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
        <h3>ผลผลิต</h3>
        <ul>
          {item.outputs.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
        <h3>ผลลัพธ์</h3>
        <ul>
          {item.outcomes.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
        {item.corrections.length ? (
          <>
            <h3>การแก้ไขข้อมูลจากเอกสารต้นฉบับ</h3>
            <ul>
              {correctionNotes(item.corrections).map((c) => (
                <li key={c.text}>{c.fields.length > 1 ? `${c.text} (${c.fields.length} จุด)` : c.text}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}

type Panel = {
  unit: Parameters<typeof IndicatorEntryForm>[0]["unit"];
  valueLabel: string;
  ruleText: string;
  history: {
    id: number;
    fiscalYear: number;
    valueText: string;
    enteredAt: string;
    enteredBy: string;
    evidenceUrl: string | null;
    evidenceFile: { id: number; name: string } | null;
    note: string | null;
    current: boolean;
  }[];
};

function EntryPanel({
  itemNumber,
  indicatorId,
  year,
  panel,
  openYears,
  actionData,
}: {
  itemNumber: number;
  indicatorId: number;
  year: number;
  panel: Panel;
  openYears: readonly number[];
  actionData?: EntryActionData;
}) {
  // Deep links open the form: ?entry=<indicator> (also without scripts) or #entry / #entry-<indicator>.
  const [searchParams] = useSearchParams();
  const linked = searchParams.get("entry") === String(indicatorId);
  const [uploaded, setUploaded] = useState<UploadResult | null>(null);
  const shown = uploaded ?? actionData;
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const hash = window.location.hash;
    const first = document.querySelector("details.entry-panel") === ref.current;
    if (!linked && hash !== `#entry-${indicatorId}` && !(hash === "#entry" && first)) return;
    const details = ref.current;
    if (!details) return;
    details.open = true;
    details.scrollIntoView({ block: "start" });
    details.querySelector<HTMLElement>("select, input, textarea")?.focus({ preventScroll: true });
  }, [linked, indicatorId]);
  return (
    <details ref={ref} id={`entry-${indicatorId}`} className="entry-panel" open={shown || linked ? true : undefined}>
      <summary>{`บันทึกผลตัวชี้วัด (ประวัติ ${panel.history.length} รายการ)`}</summary>
      {shown?.ok ? (
        <p className="alert alert--ok" role="status">
          {shown.ok}
        </p>
      ) : null}
      {/* A fresh form after each saved entry (the key changes with the history). */}
      <IndicatorEntryForm
        key={panel.history.length}
        action={`/plan/items/${itemNumber}?year=${year}&indicator=${indicatorId}`}
        indicatorId={indicatorId}
        unit={panel.unit}
        valueLabel={panel.valueLabel}
        year={year}
        values={shown?.ok ? undefined : shown?.values}
        fieldErrors={shown?.fieldErrors}
        formError={shown?.formError}
        openYears={openYears}
        routeId="routes/plan.items.$number"
        onUploaded={setUploaded}
      />
      {panel.history.length ? (
        <div className="table-wrap">
          <table data-testid={`entry-history-${indicatorId}`}>
            <thead>
              <tr>
                <th>ปีงบประมาณ</th>
                <th>ผล</th>
                <th>หลักฐาน</th>
              </tr>
            </thead>
            <tbody>
              {panel.history.map((e) => (
                <tr key={e.id} className={e.current ? undefined : "superseded"}>
                  <td>{e.fiscalYear}</td>
                  <td>
                    {e.valueText}
                    {e.current ? null : <div className="muted">มีการบันทึกใหม่แทนแล้ว</div>}
                    {e.note ? <div className="muted">{e.note}</div> : null}
                    <div className="muted">{`บันทึกโดย ${e.enteredBy} · ${e.enteredAt}`}</div>
                  </td>
                  <td>
                    {e.evidenceFile ? (
                      <a href={`/evidence/${e.evidenceFile.id}`}>{e.evidenceFile.name}</a>
                    ) : e.evidenceUrl ? (
                      <a href={e.evidenceUrl} target="_blank" rel="noreferrer noopener">
                        ลิงก์
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
