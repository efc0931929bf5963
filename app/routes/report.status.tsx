import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  MaxPartSizeExceededError,
  json,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, TextField } from "~/components/form-field";
import { failureOf, submittedText, useActionResult } from "~/components/use-action-result";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import {
  MAX_ATTACHMENT_BYTES,
  replyAsReporter,
  reportByCode,
  reportChannelInfo,
  type ReporterView,
  type Upload,
} from "~/models/complaints/intake.server";
import { formDataToObject } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { actOrRefuse, actionFailure } from "~/utils/route.server";

export const meta: MetaFunction = () => [
  { title: "ติดตามเรื่องร้องเรียนด้วยรหัส · เทศบาลนครลำปาง" },
  { name: "referrer", content: "no-referrer" },
];

export function loader() {
  return json(reportChannelInfo());
}

const TOO_BIG = "ไฟล์แนบต้องมีขนาดไม่เกิน 5 MB ยังไม่ได้ส่งข้อความ";

// The code travels only in POST bodies (never in the address bar, history or logs).
export async function action({ request, context }: ActionFunctionArgs) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_ATTACHMENT_BYTES + 64 * 1024)
    return actionFailure({ formError: TOO_BIG }, 413);
  let form: FormData;
  try {
    form = request.headers.get("content-type")?.startsWith("multipart/")
      ? await unstable_parseMultipartFormData(
          request,
          unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }),
        )
      : await request.formData();
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    return actionFailure({ formError: TOO_BIG }, 413);
  }
  const { attachment: _file, intent, ...values } = formDataToObject(form);
  const caller = { ip: clientIp(context) };
  if (intent === "reply") {
    const file = form.get("attachment");
    const files: Upload[] =
      file instanceof File && file.size > 0
        ? [{ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }]
        : [];
    return actOrRefuse(
      async () => json({ ok: true as const, view: await replyAsReporter(values, files, caller), sent: true }),
      { code: values.code },
    );
  }
  return actOrRefuse(
    async () => json({ ok: true as const, view: await reportByCode(values, caller), sent: false }),
    values,
  );
}

export default function ReportStatusPage() {
  const info = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const failure = failureOf(result);
  const navigation = useNavigation();
  if (result?.ok) return <CaseView view={result.view} sent={result.sent} accept={info.accept} />;
  const given = submittedText(failure);
  return (
    <>
      <h1>ติดตามเรื่องร้องเรียนด้วยรหัส</h1>
      <Form method="post" className="card" autoComplete="off">
        <input type="hidden" name="intent" value="lookup" />
        <FormError message={failure?.formError} />
        <TextField
          label="รหัสติดตามเรื่อง"
          name="code"
          defaultValue={given.code ?? ""}
          error={failure?.fieldErrors?.code}
          hint="เช่น ABCD-EFGH-JKLM-NPQR พิมพ์ตัวเล็กหรือตัวใหญ่ มีหรือไม่มีขีดก็ได้"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
        />
        <button type="submit" className="btn" disabled={navigation.state === "submitting"}>
          ดูสถานะ
        </button>
      </Form>
      <p className="muted">{`เจ้าหน้าที่ตรวจรับเรื่องภายใน ${info.acknowledgeDays} วัน และแจ้งความคืบหน้าอย่างน้อยทุก ${info.progressReportDays} วัน ทำรหัสหายให้แจ้งเป็นเรื่องใหม่ได้`}</p>
    </>
  );
}

function CaseView({ view, sent, accept }: { view: ReporterView; sent: boolean; accept: string }) {
  const failure = failureOf(useActionResult());
  const navigation = useNavigation();
  const closed = view.status === "closed";
  return (
    <>
      <h1>{view.subject}</h1>
      {sent ? (
        <div className="alert alert--ok" role="status">
          ส่งข้อความถึงเจ้าหน้าที่แล้ว
        </div>
      ) : null}
      <section className="card">
        <dl>
          <dt>สถานะ</dt>
          <dd data-testid="report-status">{view.statusLabel}</dd>
          <dt>รับเรื่องเมื่อ</dt>
          <dd>{formatThaiDate(view.receivedAt)}</dd>
          {view.categoryLabel ? (
            <>
              <dt>ประเภท</dt>
              <dd>{view.categoryLabel}</dd>
            </>
          ) : null}
          {closed ? (
            <>
              <dt>ผลการพิจารณา</dt>
              <dd>{view.outcomeLabel ?? "—"}</dd>
              <dt>ยุติเรื่องเมื่อ</dt>
              <dd>{view.closedAt ? formatThaiDate(view.closedAt) : "—"}</dd>
            </>
          ) : (
            <>
              <dt>ตรวจรับภายใน</dt>
              <dd>{formatThaiDate(view.acknowledgeBy)}</dd>
              <dt>ยุติเรื่องภายใน</dt>
              <dd>{formatThaiDate(view.closeBy)}</dd>
            </>
          )}
        </dl>
      </section>
      <section className="card">
        <h2>ข้อความ</h2>
        {view.messages.length === 0 ? <p className="muted">ยังไม่มีข้อความ</p> : null}
        <ul className="thread">
          {view.messages.map((m) => (
            <li key={m.id} className={m.fromReporter ? "from-reporter" : undefined}>
              <div className="meta">{`${m.fromReporter ? "ท่าน" : "เจ้าหน้าที่"} · ${formatThaiDateTime(m.at)}`}</div>
              <p className="body">{m.body}</p>
            </li>
          ))}
        </ul>
        {closed ? (
          <p className="muted">เรื่องนี้ยุติแล้ว หากมีข้อมูลใหม่ กรุณาแจ้งเป็นเรื่องใหม่</p>
        ) : (
          <Form method="post" encType="multipart/form-data" autoComplete="off">
            <input type="hidden" name="intent" value="reply" />
            <input type="hidden" name="code" value={view.code} />
            <FormError message={failure?.formError} />
            <div className="field">
              <label htmlFor="body">ตอบหรือเพิ่มข้อมูล</label>
              <textarea
                id="body"
                name="body"
                rows={5}
                required
                aria-invalid={failure?.fieldErrors?.body ? true : undefined}
              />
              {failure?.fieldErrors?.body ? (
                <span className="field-error" role="alert">
                  {failure.fieldErrors.body}
                </span>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="attachment">ไฟล์แนบ (ถ้ามี): รูปภาพหรือ PDF ไม่เกิน 5 MB</label>
              <input id="attachment" name="attachment" type="file" accept={accept} />
              {failure?.fieldErrors?.attachments ? (
                <span className="field-error" role="alert">
                  {failure.fieldErrors.attachments}
                </span>
              ) : null}
            </div>
            <button type="submit" className="btn" disabled={navigation.state === "submitting"}>
              ส่งข้อความ
            </button>
          </Form>
        )}
      </section>
    </>
  );
}
