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
import { useZodForm } from "~/components/use-zod-form";
import { MAX_ATTACHMENT_BYTES, reportChannelInfo, submitReport, type Upload } from "~/models/complaints/intake.server";
import { reportSchema } from "~/schemas/complaints";
import { formDataToObject } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { actOrRefuse, actionFailure } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "แจ้งเรื่องร้องเรียนการทุจริต · เทศบาลนครลำปาง" }];

export function loader() {
  return json(reportChannelInfo());
}

/** Attachments and text together: at most 3 files of 5 MB plus the text fields. */
const MAX_BODY_BYTES = 3 * MAX_ATTACHMENT_BYTES + 256 * 1024;
const TOO_BIG = "ไฟล์แนบแต่ละไฟล์ต้องมีขนาดไม่เกิน 5 MB และรวมกันไม่เกิน 3 ไฟล์ ยังไม่ได้บันทึกเรื่อง";

export async function action({ request, context }: ActionFunctionArgs) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return actionFailure({ formError: TOO_BIG, fieldErrors: { attachments: TOO_BIG } }, 413);
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
    return actionFailure({ formError: TOO_BIG, fieldErrors: { attachments: TOO_BIG } }, 413);
  }
  const { attachments: _files, ...values } = formDataToObject(form);
  const files: Upload[] = [];
  for (const f of form.getAll("attachments"))
    if (f instanceof File && f.size > 0) files.push({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  return actOrRefuse(
    async () => json({ ok: true as const, ...(await submitReport(values, files, { ip: clientIp(context) })) }),
    values,
  );
}

export default function ReportPage() {
  const info = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  if (result?.ok) return <Receipt code={result.receiptCode} />;
  return (
    <>
      <h1>แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ</h1>
      <div className="report-intro">
        <section className="card">
          <h2>แจ้งเรื่องอะไรได้บ้าง</h2>
          <p>
            การทุจริตหรือประพฤติมิชอบของผู้บริหาร สมาชิกสภา หรือบุคลากรของเทศบาลนครลำปาง เช่น เรียกรับเงินหรือประโยชน์
            การจัดซื้อจัดจ้างที่ไม่โปร่งใส การใช้ทรัพย์สินของราชการเพื่อตนเอง การเลือกปฏิบัติหรือละเว้นหน้าที่
          </p>
          <p className="muted">
            เรื่องร้องเรียนทั่วไป (ถนน ไฟฟ้า ขยะ เสียงดัง) โปรดแจ้งศูนย์รับเรื่องร้องเรียนทั่วไปของเทศบาล ช่องทางนี้รับเฉพาะเรื่องทุจริต
          </p>
        </section>
        <section className="card">
          <h2>หลังแจ้งเรื่อง</h2>
          <ol>
            <li>{`ท่านได้รับรหัสติดตามเรื่อง ใช้ดูสถานะและตอบคำถามของเจ้าหน้าที่ได้โดยไม่ต้องเปิดเผยตัว`}</li>
            <li>{`เจ้าหน้าที่ตรวจรับและแจ้งท่านภายใน ${info.acknowledgeDays} วัน`}</li>
            <li>{`แจ้งความคืบหน้าอย่างน้อยทุก ${info.progressReportDays} วัน`}</li>
            <li>{`ยุติเรื่อง หรือแจ้งเหตุที่ยังไม่ยุติ ภายใน ${info.closeDays} วัน`}</li>
          </ol>
        </section>
        <section className="card">
          <h2>ความปลอดภัยของผู้แจ้ง</h2>
          <p>
            ไม่ต้องระบุชื่อ ระบบไม่บันทึกหมายเลขเครื่อง (IP) ของท่านไว้กับเรื่อง หากท่านให้ชื่อหรือช่องทางติดต่อ ข้อมูลนั้นจะถูกเข้ารหัสแยกจากเรื่อง
            ผู้ที่เปิดดูได้มีเฉพาะผู้รับผิดชอบเรื่องร้องเรียนการทุจริต ทุกครั้งที่เปิดดูจะถูกบันทึก และจะไม่ส่งต่อให้หน่วยงานที่ถูกร้องเรียน
            ผู้แจ้งโดยสุจริตได้รับความคุ้มครองตามกฎหมาย
          </p>
        </section>
      </div>
      <ReportForm maxAttachments={info.maxAttachments} accept={info.accept} />
    </>
  );
}

function ReportForm({ maxAttachments, accept }: { maxAttachments: number; accept: string }) {
  const failure = failureOf(useActionResult());
  const navigation = useNavigation();
  const given = submittedText(failure);
  const { register, onSubmit, errorOf } = useZodForm(reportSchema, {
    defaultValues: given,
    serverErrors: failure?.fieldErrors,
  });
  return (
    <Form method="post" encType="multipart/form-data" className="card" onSubmit={onSubmit} noValidate>
      <h2>แจ้งเรื่อง</h2>
      <FormError message={failure?.formError} />
      <TextField label="เรื่องที่ร้องเรียน (จำเป็น)" {...register("subject")} error={errorOf("subject")} maxLength={200} />
      <div className="field">
        <label htmlFor="details">รายละเอียด (จำเป็น)</label>
        <textarea
          id="details"
          rows={8}
          {...register("details")}
          aria-invalid={errorOf("details") ? true : undefined}
          aria-describedby="details-hint"
        />
        <span className="field-hint" id="details-hint">
          เกิดอะไรขึ้น ใครเกี่ยวข้อง มีหลักฐานหรือพยานอะไรบ้าง
        </span>
        {errorOf("details") ? (
          <span className="field-error" role="alert">
            {errorOf("details")}
          </span>
        ) : null}
      </div>
      <TextField label="หน่วยงานที่เกี่ยวข้อง (ถ้ามี)" {...register("unitConcerned")} error={errorOf("unitConcerned")} />
      <TextField label="บุคคลที่เกี่ยวข้อง (ถ้ามี)" {...register("personConcerned")} error={errorOf("personConcerned")} />
      <TextField label="เมื่อใด ที่ไหน (ถ้ามี)" {...register("whenWhere")} error={errorOf("whenWhere")} />
      <div className="field">
        <label htmlFor="attachments">{`ไฟล์แนบ (ถ้ามี): รูปภาพหรือ PDF ไม่เกิน ${maxAttachments} ไฟล์ ไฟล์ละไม่เกิน 5 MB`}</label>
        <input id="attachments" name="attachments" type="file" multiple accept={accept} />
        <span className="field-hint">รูปถ่ายอาจมีข้อมูลตำแหน่งหรือเครื่องที่ถ่าย หากไม่ต้องการเปิดเผย ให้แคปหน้าจอรูปนั้นแล้วแนบแทน</span>
        {errorOf("attachments") ? (
          <span className="field-error" role="alert">
            {errorOf("attachments")}
          </span>
        ) : null}
      </div>
      <fieldset className="identity">
        <legend>ข้อมูลผู้แจ้ง (ไม่บังคับ ไม่ระบุก็ได้)</legend>
        <p className="muted">
          ใช้เพื่อติดต่อกลับหากท่านต้องการเท่านั้น ผู้เห็นได้มีเฉพาะผู้รับผิดชอบเรื่องร้องเรียนการทุจริต (ทุกการเปิดดูถูกบันทึก)
          เก็บไว้ตลอดระยะเวลาดำเนินการและตามระยะเวลาเก็บรักษาเอกสารราชการ ท่านติดตามเรื่องด้วยรหัสได้โดยไม่ต้องให้ข้อมูลนี้
        </p>
        <TextField
          label="ชื่อ (ถ้าต้องการ)"
          {...register("reporterName")}
          error={errorOf("reporterName")}
          autoComplete="off"
        />
        <TextField
          label="โทรศัพท์หรืออีเมล (ถ้าต้องการ)"
          {...register("reporterContact")}
          error={errorOf("reporterContact")}
          autoComplete="off"
        />
      </fieldset>
      <div className="hp" aria-hidden="true">
        <label htmlFor="website">เว็บไซต์ (เว้นว่างไว้)</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="btn" disabled={navigation.state === "submitting"}>
        ส่งเรื่อง
      </button>
    </Form>
  );
}

function Receipt({ code }: { code: string }) {
  return (
    <section className="card receipt" aria-live="polite">
      <h1>ได้รับเรื่องของท่านแล้ว</h1>
      <p>รหัสติดตามเรื่องของท่าน (แสดงครั้งเดียวเท่านั้น):</p>
      <p className="receipt-code" data-testid="receipt-code">
        {code}
      </p>
      <div className="alert alert--info">
        <strong>จดหรือถ่ายภาพรหัสนี้เก็บไว้</strong> เทศบาลไม่ได้เก็บรหัสนี้ไว้ในรูปที่อ่านได้ จึงส่งให้ใหม่ไม่ได้ ใช้รหัสนี้ที่หน้า “ติดตามเรื่องด้วยรหัส”
        เพื่อดูสถานะ อ่านคำถามของเจ้าหน้าที่ และส่งข้อมูลเพิ่ม พิมพ์ตัวเล็กหรือตัวใหญ่ มีหรือไม่มีขีดก็ได้
      </div>
      <p>
        <a className="btn" href="/report/status">
          ติดตามเรื่องด้วยรหัส
        </a>
      </p>
    </section>
  );
}
