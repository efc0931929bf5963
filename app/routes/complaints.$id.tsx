import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { DivisionOptions } from "~/components/division-options";
import { FormError, SelectField, TextField } from "~/components/form-field";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { COMPLAINT_OUTCOME_LABELS, INVESTIGATED_OUTCOMES } from "~/domain/complaints";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import { actOnCase } from "~/models/complaints/case-commands.server";
import { casePage } from "~/models/complaints/cases.server";
import { requireRole } from "~/utils/auth.server";
import { formDataToObject } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { actOrRefuse, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "เรื่องร้องเรียนการทุจริต · สุจริต" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "integrity");
  return json(
    await loadOrRefuse(() =>
      casePage({ personId: user.id, roles: user.roles, ip: clientIp(context) }, Number(params.id)),
    ),
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "integrity");
  const { intent, ...values } = formDataToObject(await request.formData());
  const actor = { personId: user.id, roles: user.roles, ip: clientIp(context) };
  return actOrRefuse(
    async () => json({ ok: true as const, ...(await actOnCase(actor, Number(params.id), String(intent), values)) }),
    { ...values, intent },
  );
}

const DONE_TEXT: Record<string, string> = {
  acknowledge: "ตรวจรับเรื่องแล้ว",
  classify: "จัดประเภทเรื่องแล้ว",
  assign: "มอบหมายผู้ตรวจสอบแล้ว",
  declare: "ยืนยันว่าไม่มีส่วนได้เสียแล้ว",
  findings: "บันทึกผลการตรวจสอบแล้ว",
  close: "ยุติเรื่องแล้ว",
  message: "ส่งข้อความถึงผู้ร้องแล้ว",
};

export default function ComplaintCasePage() {
  const {
    complaint: c,
    deadlines,
    messages,
    attachments,
    actions,
    divisions,
    categories,
  } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const failure = failureOf(result);
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const can = (a: string) => actions.includes(a as never);
  const failedIntent = failure?.values?.intent;
  const errorFor = (intent: string) => (failedIntent === intent ? failure : undefined);
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/complaints">‹ เรื่องร้องเรียนทั้งหมด</Link>
      </p>
      <h1>{`เรื่องที่ ${c.id}/${c.fiscalYear}: ${c.subject}`}</h1>
      {result?.ok && result.done !== "identity" ? (
        <div className="alert alert--ok" role="status">
          {DONE_TEXT[result.done] ?? "บันทึกแล้ว"}
        </div>
      ) : null}
      {failure && !failedIntent ? <FormError message={failure.formError} /> : null}
      <section className="card">
        <dl>
          <dt>สถานะ</dt>
          <dd data-testid="case-status">{c.statusLabel}</dd>
          <dt>รับเรื่องเมื่อ</dt>
          <dd>{formatThaiDateTime(c.receivedAt)}</dd>
          <dt>ประเภท</dt>
          <dd>{c.categoryLabel ?? "ยังไม่จัดประเภท"}</dd>
          <dt>หน่วยงานที่ถูกร้องเรียน</dt>
          <dd>{c.division ?? c.unitConcerned ?? "—"}</dd>
          {c.unitConcerned && c.division ? (
            <>
              <dt>ผู้ร้องระบุหน่วยงาน</dt>
              <dd>{c.unitConcerned}</dd>
            </>
          ) : null}
          <dt>บุคคลที่เกี่ยวข้อง</dt>
          <dd>{c.personConcerned ?? "—"}</dd>
          <dt>เมื่อใด ที่ไหน</dt>
          <dd>{c.whenWhere ?? "—"}</dd>
          <dt>ผู้ตรวจสอบ</dt>
          <dd>
            {c.investigator
              ? `${c.investigator}${c.investigatorDeclaredAt ? ` · ยืนยันไม่มีส่วนได้เสีย ${formatThaiDate(c.investigatorDeclaredAt)}` : " · ยังไม่ยืนยันว่าไม่มีส่วนได้เสีย"}`
              : "—"}
          </dd>
          {c.outcomeLabel ? (
            <>
              <dt>ผลการพิจารณา</dt>
              <dd>{`${c.outcomeLabel}${c.closedAt ? ` (${formatThaiDate(c.closedAt)})` : ""}`}</dd>
            </>
          ) : null}
        </dl>
        <h2>รายละเอียด</h2>
        <p className="case-details">{c.details}</p>
        {attachments.length ? (
          <ul>
            {attachments.map((a) => (
              <li key={a.id}>
                <a href={`/complaints/${c.id}/files/${a.id}`}>{a.fileName}</a>{" "}
                <span className="muted">{`${Math.ceil(a.size / 1024)} KB`}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {c.findings ? (
          <>
            <h2>ผลการตรวจสอบ</h2>
            <p className="case-details">{c.findings}</p>
          </>
        ) : null}
      </section>

      <section className="card">
        <h2>กำหนดเวลา</h2>
        <ul className="plain-list">
          {deadlines.map((d) => (
            <li key={d.key}>
              {`${d.label}: ภายใน ${formatThaiDate(d.lastDay)}`}
              {d.doneAt ? ` · ทำแล้ว ${formatThaiDate(d.doneAt)}` : ""}{" "}
              {d.overdue ? (
                <span className="badge badge--bad">เกินกำหนด</span>
              ) : d.doneAt ? (
                <span className="badge badge--ok">ทันกำหนด</span>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section className="card">
        <h2>ข้อมูลผู้ร้อง</h2>
        {result?.ok && result.done === "identity" ? (
          result.anonymous ? (
            <p data-testid="reporter-identity">ผู้ร้องไม่ประสงค์ออกนาม</p>
          ) : (
            <dl data-testid="reporter-identity">
              <dt>ชื่อ</dt>
              <dd>{result.identity?.name || "—"}</dd>
              <dt>ติดต่อ</dt>
              <dd>{result.identity?.contact || "—"}</dd>
            </dl>
          )
        ) : (
          <Form method="post">
            <p className="muted">
              {c.hasIdentity
                ? "ผู้ร้องให้ข้อมูลติดต่อไว้ การเปิดดูทุกครั้งถูกบันทึกในบันทึกการตรวจสอบ ห้ามส่งต่อให้หน่วยงานที่ถูกร้องเรียน"
                : "ผู้ร้องไม่ได้ให้ชื่อหรือช่องทางติดต่อ"}
            </p>
            {c.hasIdentity ? (
              <button type="submit" name="intent" value="identity" className="btn btn--secondary">
                เปิดดูข้อมูลผู้ร้อง (บันทึกการเปิดดู)
              </button>
            ) : null}
          </Form>
        )}
      </section>

      {can("acknowledge") ? (
        <Form method="post" className="card">
          <h2>ตรวจรับเรื่อง</h2>
          <FormError message={errorFor("acknowledge")?.formError} />
          <button type="submit" name="intent" value="acknowledge" className="btn" disabled={busy}>
            ตรวจรับเรื่อง
          </button>
        </Form>
      ) : null}

      {can("classify") ? (
        <Form method="post" className="card">
          <h2>จัดประเภทเรื่อง</h2>
          <FormError message={errorFor("classify")?.formError} />
          <SelectField
            label="ประเภท"
            name="category"
            defaultValue=""
            error={errorFor("classify")?.fieldErrors?.category}
          >
            <option value="">— เลือก —</option>
            {categories.map((o) => (
              <option key={o.value} value={o.value}>
                {o.text}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="หน่วยงานที่ถูกร้องเรียน (ผู้ตรวจสอบต้องไม่สังกัดหน่วยงานนี้)"
            name="divisionId"
            defaultValue=""
            error={errorFor("classify")?.fieldErrors?.divisionId}
          >
            <option value="">— ไม่ระบุ —</option>
            <DivisionOptions divisions={divisions} />
          </SelectField>
          <p className="muted">เรื่องที่ไม่อยู่ในขอบเขตจะยุติและส่งต่อช่องทางร้องเรียนทั่วไป กรุณาแจ้งผู้ร้องในช่องข้อความ</p>
          <button type="submit" name="intent" value="classify" className="btn" disabled={busy}>
            บันทึกประเภท
          </button>
        </Form>
      ) : null}

      {can("assign") ? (
        <Form method="post" className="card">
          <h2>{c.investigator ? "เปลี่ยนผู้ตรวจสอบ" : "มอบหมายผู้ตรวจสอบ"}</h2>
          <FormError message={errorFor("assign")?.formError} />
          <TextField
            label="เลขประจำตัวพนักงานของผู้ตรวจสอบ"
            name="investigator"
            error={errorFor("assign")?.fieldErrors?.investigator}
            hint="ต้องมีบทบาทผู้รับผิดชอบเรื่องร้องเรียนการทุจริต และไม่สังกัดหน่วยงานที่ถูกร้องเรียน"
          />
          <button type="submit" name="intent" value="assign" className="btn btn--secondary" disabled={busy}>
            มอบหมาย
          </button>
        </Form>
      ) : null}

      {can("declare") ? (
        <Form method="post" className="card">
          <h2>แสดงความไม่มีส่วนได้เสีย</h2>
          <FormError message={errorFor("declare")?.formError ?? errorFor("declare")?.fieldErrors?.noConflict} />
          <label className="checkbox">
            <input type="checkbox" name="noConflict" value="yes" /> ข้าพเจ้าไม่มีส่วนได้เสียกับผู้ถูกร้องเรียนหรือเรื่องที่ร้องเรียน
            และจะรักษาความลับของผู้ร้อง
          </label>
          <button type="submit" name="intent" value="declare" className="btn" disabled={busy}>
            ยืนยัน
          </button>
        </Form>
      ) : null}

      {can("findings") ? (
        <Form method="post" className="card">
          <h2>บันทึกผลการตรวจสอบข้อเท็จจริง</h2>
          <FormError message={errorFor("findings")?.formError} />
          <div className="field">
            <label htmlFor="findings">ผลการตรวจสอบ</label>
            <textarea id="findings" name="findings" rows={5} defaultValue={c.findings ?? ""} />
            {errorFor("findings")?.fieldErrors?.findings ? (
              <span className="field-error">{errorFor("findings")?.fieldErrors?.findings}</span>
            ) : null}
          </div>
          <button type="submit" name="intent" value="findings" className="btn btn--secondary" disabled={busy}>
            บันทึกผล
          </button>
        </Form>
      ) : null}

      {can("close") ? (
        <Form method="post" className="card">
          <h2>ยุติเรื่อง</h2>
          <FormError message={errorFor("close")?.formError} />
          <SelectField
            label="ผลการพิจารณา"
            name="outcome"
            defaultValue=""
            error={errorFor("close")?.fieldErrors?.outcome}
          >
            <option value="">— เลือก —</option>
            {INVESTIGATED_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {COMPLAINT_OUTCOME_LABELS[o]}
              </option>
            ))}
          </SelectField>
          <button type="submit" name="intent" value="close" className="btn" disabled={busy}>
            ยุติเรื่อง
          </button>
        </Form>
      ) : null}

      <section className="card">
        <h2>ข้อความกับผู้ร้อง</h2>
        <p className="muted">ผู้ร้องเห็นข้อความเหล่านี้เมื่อใช้รหัสติดตามเรื่อง โดยไม่เห็นชื่อเจ้าหน้าที่</p>
        {messages.length === 0 ? <p className="muted">ยังไม่มีข้อความ</p> : null}
        <ul className="thread">
          {messages.map((m) => (
            <li key={m.id} className={m.fromReporter ? "from-reporter" : undefined}>
              <div className="meta">{`${m.fromReporter ? "ผู้ร้อง" : (m.author ?? "เจ้าหน้าที่")} · ${formatThaiDateTime(m.at)}`}</div>
              <p className="body">{m.body}</p>
              {m.files.map((f) => (
                <a key={f.id} href={`/complaints/${c.id}/files/${f.id}`}>
                  {f.fileName}
                </a>
              ))}
            </li>
          ))}
        </ul>
        {can("message") ? (
          <Form method="post">
            <FormError message={errorFor("message")?.formError} />
            <div className="field">
              <label htmlFor="body">ข้อความถึงผู้ร้อง (ถามเพิ่มหรือแจ้งความคืบหน้า)</label>
              <textarea id="body" name="body" rows={4} />
              {errorFor("message")?.fieldErrors?.body ? (
                <span className="field-error">{errorFor("message")?.fieldErrors?.body}</span>
              ) : null}
            </div>
            <button type="submit" name="intent" value="message" className="btn" disabled={busy}>
              ส่งข้อความ
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}
