import { Form, useNavigation, useRevalidator } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { FormError } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { EVIDENCE_ACCEPT, RATING_LEVELS, type EntryUnit } from "~/domain/indicator-entries";
import { indicatorEntrySchema } from "~/schemas/indicator-entry";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import type { FieldErrors } from "~/utils/forms";

type Props = {
  indicatorId: number;
  action: string;
  unit: EntryUnit;
  valueLabel: string;
  year: number;
  values?: Record<string, unknown>;
  fieldErrors?: FieldErrors;
  formError?: string;
  /** The plan years still open for entries (a closed year is read-only); all plan years when not given. */
  openYears?: readonly number[];
  /** The route whose action receives the form, for uploads sent with progress (`?_data=`). */
  routeId?: string;
  /** Told the outcome of an upload sent with progress (the page shows it like an action result). */
  onUploaded?: (result: UploadResult) => void;
};

export type UploadResult = {
  ok?: string;
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, unknown>;
};

/**
 * Sends the form with XMLHttpRequest so the upload's progress can be shown; the action answers JSON (`_data`).
 * Without JavaScript the form posts normally and the page comes back with the result.
 */
function sendWithProgress(
  form: HTMLFormElement,
  action: string,
  routeId: string,
  onProgress: (percent: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const url = new URL(action, window.location.href);
    url.searchParams.set("_data", routeId);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url.toString());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: { ok?: boolean; message?: string; formError?: string; fieldErrors?: FieldErrors } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 200 && body?.ok) resolve({ ok: body.message ?? "บันทึกแล้ว" });
      else
        resolve({
          formError: body?.formError ?? body?.message ?? "บันทึกไม่สำเร็จ กรุณาลองใหม่อีกครั้ง",
          fieldErrors: body?.fieldErrors,
        });
    };
    xhr.onerror = () => resolve({ formError: "การเชื่อมต่อขัดข้อง ไฟล์ยังไม่ได้บันทึก กรุณาลองใหม่อีกครั้ง" });
    xhr.send(new FormData(form));
  });
}

const HINTS: Record<EntryUnit, string> = {
  score: "คะแนนเต็ม 100 ทศนิยมได้ 2 ตำแหน่ง",
  percent: "ร้อยละ ทศนิยมได้ 2 ตำแหน่ง",
  reduction: "ร้อยละที่ลดลงเทียบกับปีฐาน (ติดลบได้ถ้าเพิ่มขึ้น)",
  count: "จำนวนเต็ม",
  achieved: "",
  share: "จำนวนผู้ที่ผ่านเกณฑ์ของเครื่องมือวัด",
  every: "จำนวนครั้งที่เป็นไปตามตัวชี้วัด",
  level: "",
};

/** HR's entry for one indicator: value (or yes/no), evidence link or file, and a note. Same schema as the server. */
export function IndicatorEntryForm({
  indicatorId,
  action,
  unit,
  valueLabel,
  year,
  values,
  fieldErrors,
  formError,
  openYears,
  routeId,
  onUploaded,
}: Props) {
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const [progress, setProgress] = useState<number | null>(null);
  const busy =
    progress !== null ||
    (navigation.state !== "idle" && navigation.formData?.get("indicatorId") === String(indicatorId));
  const years = PLAN_FISCAL_YEARS.filter((y) => !openYears || openYears.includes(y));
  const defaults = {
    fiscalYear: String(year),
    value: "",
    achieved: undefined as string | undefined,
    participants: "",
    instrumentUsed: "",
    note: "",
    evidenceUrl: "",
    ...(values as Record<string, string> | undefined),
  };
  const { register, onSubmit, errorOf, handleSubmit } = useZodForm(indicatorEntrySchema(unit), {
    defaultValues: { ...defaults, evidenceFile: undefined },
    serverErrors: fieldErrors,
  });
  // Also in the server-rendered HTML, so a refused submission shows what was typed before scripts load.
  const initial = (name: "fiscalYear" | "value" | "note" | "evidenceUrl" | "participants" | "instrumentUsed") => ({
    defaultValue: defaults[name] ?? "",
  });
  const id = (name: string) => `entry-${indicatorId}-${name}`;
  const error = (name: string) => {
    const message = errorOf(name);
    return message ? (
      <span className="field-error" id={id(`${name}-error`)} role="alert">
        {message}
      </span>
    ) : null;
  };
  // With a file chosen (and scripts running), send it with a progress bar; otherwise the usual Remix submission.
  const submitForm = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const file = formElement.elements.namedItem("evidenceFile") as HTMLInputElement | null;
    if (!routeId || !onUploaded || !file?.files?.length) return onSubmit(event);
    void handleSubmit(async () => {
      setProgress(0);
      const result = await sendWithProgress(formElement, action, routeId, setProgress);
      setProgress(null);
      onUploaded(result);
      if (result.ok) revalidator.revalidate();
    })(event);
  };
  return (
    <Form
      method="post"
      action={action}
      encType="multipart/form-data"
      className="stack entry-form"
      onSubmit={submitForm}
      noValidate
      aria-label="บันทึกผลตัวชี้วัด"
    >
      <FormError message={formError} />
      <input type="hidden" name="indicatorId" value={indicatorId} />
      <div className="row">
        <div className="field">
          <label htmlFor={id("fiscalYear")}>ปีงบประมาณ</label>
          <select id={id("fiscalYear")} {...initial("fiscalYear")} {...register("fiscalYear")}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          {error("fiscalYear")}
        </div>
        {unit === "achieved" ? (
          <fieldset className="field" aria-invalid={errorOf("achieved") ? true : undefined}>
            <legend>{valueLabel}</legend>
            <label>
              <input type="radio" value="yes" defaultChecked={defaults.achieved === "yes"} {...register("achieved")} />{" "}
              ดำเนินการได้ตามตัวชี้วัด
            </label>
            <label>
              <input type="radio" value="no" defaultChecked={defaults.achieved === "no"} {...register("achieved")} />{" "}
              ยังไม่ได้ตามตัวชี้วัด
            </label>
            {error("achieved")}
          </fieldset>
        ) : unit === "level" ? (
          <div className="field">
            <label htmlFor={id("value")}>{valueLabel}</label>
            <select
              id={id("value")}
              aria-invalid={errorOf("value") ? true : undefined}
              {...initial("value")}
              {...register("value")}
            >
              <option value="">— เลือกระดับ —</option>
              {RATING_LEVELS.map((level, index) => (
                <option key={level} value={index}>
                  {level}
                </option>
              ))}
            </select>
            {error("value")}
          </div>
        ) : (
          <div className="field">
            <label htmlFor={id("value")}>{valueLabel}</label>
            <input
              id={id("value")}
              inputMode={unit === "count" ? "numeric" : "decimal"}
              aria-invalid={errorOf("value") ? true : undefined}
              {...initial("value")}
              {...register("value")}
            />
            {HINTS[unit] ? <span className="field-hint">{HINTS[unit]}</span> : null}
            {error("value")}
          </div>
        )}
      </div>
      {unit === "share" || unit === "every" ? (
        <div className="row">
          <div className="field">
            <label htmlFor={id("participants")}>
              {unit === "share" ? "จำนวนผู้เข้าร่วมการวัดความรู้" : "จำนวนครั้งทั้งหมดในปี"}
            </label>
            <input
              id={id("participants")}
              inputMode="numeric"
              aria-invalid={errorOf("participants") ? true : undefined}
              {...initial("participants")}
              {...register("participants")}
            />
            {error("participants")}
          </div>
          {unit === "share" ? (
            <div className="field">
              <label htmlFor={id("instrumentUsed")}>เครื่องมือที่ใช้วัด</label>
              <input
                id={id("instrumentUsed")}
                placeholder="เช่น แบบทดสอบก่อน-หลังการประชุมชี้แจง 10 ข้อ เกณฑ์ผ่าน 8 ข้อ"
                aria-invalid={errorOf("instrumentUsed") ? true : undefined}
                {...initial("instrumentUsed")}
                {...register("instrumentUsed")}
              />
              {error("instrumentUsed")}
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="row">
        <div className="field">
          <label htmlFor={id("evidenceUrl")}>ลิงก์หลักฐาน</label>
          <input
            id={id("evidenceUrl")}
            type="url"
            placeholder="https://"
            aria-invalid={errorOf("evidenceUrl") ? true : undefined}
            {...initial("evidenceUrl")}
            {...register("evidenceUrl")}
          />
          {error("evidenceUrl")}
        </div>
        <div className="field">
          <label htmlFor={id("evidenceFile")}>หรือไฟล์หลักฐาน</label>
          <input
            id={id("evidenceFile")}
            type="file"
            accept={EVIDENCE_ACCEPT}
            aria-invalid={errorOf("evidenceFile") ? true : undefined}
            {...register("evidenceFile")}
          />
          <span className="field-hint">PDF, JPEG, PNG, Word หรือ Excel ไม่เกิน 5 MB</span>
          {error("evidenceFile")}
        </div>
      </div>
      <div className="field">
        <label htmlFor={id("note")}>หมายเหตุ</label>
        <textarea id={id("note")} rows={2} {...initial("note")} {...register("note")} />
        {error("note")}
      </div>
      <div className="row row--end">
        <button type="submit" className="btn" disabled={busy}>
          {progress !== null ? "กำลังอัปโหลด…" : busy ? "กำลังบันทึก…" : "บันทึกผล"}
        </button>
        {progress !== null ? (
          <span
            className="upload-progress"
            role="status"
            aria-live="polite"
            data-testid={`upload-progress-${indicatorId}`}
          >
            <progress max={100} value={progress} aria-label="ความคืบหน้าการอัปโหลดไฟล์หลักฐาน" />
            {` อัปโหลดแล้ว ${progress}%`}
          </span>
        ) : null}
      </div>
    </Form>
  );
}
