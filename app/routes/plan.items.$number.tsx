import { formatPercent } from "~/domain/numbers";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { IndicatorBadge, indicatorValueText, secondaryValueText } from "~/components/indicator-badge";
import { IndicatorEntryForm } from "~/components/indicator-entry-form";
import { MAX_EVIDENCE_BYTES, acceptsEntries, entryRule, entryValueText } from "~/domain/indicator-entries";
import { formatThaiDateTime } from "~/domain/thai-date";
import { IndicatorEntryError, entryHistory, recordIndicatorEntry } from "~/models/plan/indicator-entries.server";
import { requireRole } from "~/utils/auth.server";
import { formDataToObject, type FieldErrors } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { INDICATOR_STATUS_LABELS, parseIndicatorExtra } from "~/domain/indicators";
import { INDICATOR_KIND_LABELS } from "~/domain/indicators";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { fullName } from "~/domain/personnel";
import { computeIndicators } from "~/models/indicators.server";
import { KIND_LABELS } from "~/models/plan/plan-queries.server";
import { requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { httpError } from "~/utils/http.server";
import { readFormData, uploadedFile } from "~/utils/request-body.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.item.number}. ${data.item.name} · แผน` : "แผน" }];

const MISSING_SHOWN = 100;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const number = idParam(params.number);
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
  // HR's entry forms and the full history of entries, for the indicators the app cannot compute.
  const enterable = isHr ? (await db.planIndicator.findMany({ where: { itemNumber: number } })).filter(acceptsEntries) : [];
  const history = enterable.length ? await entryHistory(enterable.map((i) => i.id)) : [];
  const entryForms = Object.fromEntries(
    enterable.map((ind) => {
      const rule = entryRule({ ...ind, extra: parseIndicatorExtra(ind.extra) });
      return [
        ind.id,
        {
          unit: rule.unit,
          valueLabel: rule.valueLabel,
          ruleText: rule.text,
          history: history
            .filter((e) => e.indicatorId === ind.id)
            .map((e, i, all) => ({
              id: e.id,
              fiscalYear: e.fiscalYear,
              valueText: entryValueText(rule, e),
              enteredAt: formatThaiDateTime(e.enteredAt),
              enteredBy: fullName(e.enteredBy),
              evidenceUrl: e.evidenceUrl,
              evidenceFile: e.evidenceFile ? { id: e.evidenceFile.id, name: e.evidenceFile.fileName } : null,
              note: e.note,
              // The newest entry of its year is the one in force; older ones of that year are superseded.
              current: !all.slice(0, i).some((newer) => newer.fiscalYear === e.fiscalYear),
            })),
        },
      ];
    }),
  );
  const details = JSON.parse(item.details) as { objectives: string[]; outputs: string[]; outcomes: string[]; corrections: Record<string, unknown>[] };
  return json({
    year,
    isHr,
    entryForms,
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

type EntryActionData = { indicatorId: number; ok?: string; formError?: string; fieldErrors?: FieldErrors; values?: Record<string, unknown> };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  // The indicator is in the URL so even a refused oversized upload can be answered at its own form.
  const indicatorId = idParam(new URL(request.url).searchParams.get("indicator") ?? undefined, "ไม่พบตัวชี้วัดนี้");
  const indicator = Number.isInteger(indicatorId) ? await db.planIndicator.findUnique({ where: { id: indicatorId } }) : null;
  if (!indicator || indicator.itemNumber !== idParam(params.number)) httpError(404, "ไม่พบตัวชี้วัดนี้");
  const form = await readFormData(request);
  if (uploadedFile(form, "evidenceFile", MAX_EVIDENCE_BYTES).tooBig) {
    const message = "ไฟล์หลักฐานต้องมีขนาดไม่เกิน 5 MB ไม่ได้บันทึกข้อมูล";
    return json<EntryActionData>({ indicatorId, formError: message, fieldErrors: { evidenceFile: message } }, { status: 413 });
  }
  const { evidenceFile: _file, indicatorId: _id, ...values } = formDataToObject(form);
  const file = form.get("evidenceFile");
  const upload = file instanceof File && file.size > 0 ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  try {
    await recordIndicatorEntry(indicatorId, values, upload, { personId: user.id, ip: clientIp(context) });
    return json<EntryActionData>({ indicatorId, ok: `บันทึกผลปีงบประมาณ ${String(values.fiscalYear)} แล้ว` });
  } catch (error) {
    if (!(error instanceof IndicatorEntryError)) throw error;
    return json<EntryActionData>({ indicatorId, formError: error.message, fieldErrors: error.fieldErrors, values }, { status: error.status });
  }
}

export default function PlanItemPage() {
  const { item, indicators, year, isHr, trend, entryForms } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as EntryActionData | undefined;
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
          <article key={r.id} id={`indicator-${r.id}`} className="indicator" data-testid={`indicator-${r.id}`}>
            <p>
              <IndicatorBadge status={r.status} /> <span className="muted">{INDICATOR_KIND_LABELS[r.kind] ?? r.kind}</span>
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
                <strong>{`ผลอีกวิธีหนึ่ง: ${secondaryValueText(r.secondary)}`}</strong> <IndicatorBadge status={r.secondary.status} />
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
            {entryForms[r.id] ? (
              <EntryPanel
                itemNumber={item.number}
                indicatorId={r.id}
                year={year}
                panel={entryForms[r.id]!}
                actionData={actionData?.indicatorId === r.id ? actionData : undefined}
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

/** The seed corrections in Thai, one line per reason (the same reason repeated over budget years shows once). */
function correctionNotes(corrections: Record<string, unknown>[]) {
  const byText = new Map<string, string[]>();
  for (const c of corrections) {
    const text = String(c.reasonTh ?? c.reason ?? "");
    byText.set(text, [...(byText.get(text) ?? []), String(c.field ?? "")]);
  }
  return [...byText].map(([text, fields]) => ({ text, fields }));
}

type Panel = {
  unit: Parameters<typeof IndicatorEntryForm>[0]["unit"];
  valueLabel: string;
  ruleText: string;
  history: { id: number; fiscalYear: number; valueText: string; enteredAt: string; enteredBy: string; evidenceUrl: string | null; evidenceFile: { id: number; name: string } | null; note: string | null; current: boolean }[];
};

function EntryPanel({ itemNumber, indicatorId, year, panel, actionData }: { itemNumber: number; indicatorId: number; year: number; panel: Panel; actionData?: EntryActionData }) {
  return (
    <details className="entry-panel" open={actionData ? true : undefined}>
      <summary>{`บันทึกผลตัวชี้วัด (ประวัติ ${panel.history.length} รายการ)`}</summary>
      {actionData?.ok ? (
        <p className="alert alert--ok" role="status">
          {actionData.ok}
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
        values={actionData?.ok ? undefined : actionData?.values}
        fieldErrors={actionData?.fieldErrors}
        formError={actionData?.formError}
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
