import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/form-field";
import { ThaiDateField, dateField } from "~/components/thai-date-field";
import { PrivacyNotice, isoDateThai } from "~/components/registers";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { assessGift, GIFT_OUTCOME_LABELS, GIFT_OUTCOMES, parseBahtToSatang, isIsoDate } from "~/domain/gift-rules";
import { giftFormPage, recordGift } from "~/models/registers/gifts.server";
import { giftSchema } from "~/schemas/gifts";
import { requireUser } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { actOrRefuse, actionFailure, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "บันทึกของขวัญ/ประโยชน์ · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const supersedes = Number(new URL(request.url).searchParams.get("supersedes")) || null;
  return json(
    await loadOrRefuse(() => giftFormPage({ personId: user.id, roles: user.roles, ip: clientIp(context) }, supersedes)),
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { values, result } = validateForm(giftSchema, await request.formData());
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values });
  return actOrRefuse(
    async () =>
      redirect(
        `/gifts/${(await recordGift({ personId: user.id, roles: user.roles, ip: clientIp(context) }, result.data)).id}`,
      ),
    values,
  );
}

export default function NewGift() {
  const { rules, today, previous } = useLoaderData<typeof loader>();
  const failure = failureOf(useActionResult());
  const navigation = useNavigation();
  const defaults = previous
    ? {
        giverName: previous.giverName,
        giverKind: previous.giverKind,
        giverRelative: previous.giverRelative ? "yes" : "no",
        giverHasBusiness: previous.giverHasBusiness,
        toGeneralPublic: previous.toGeneralPublic,
        occasion: previous.occasion,
        description: previous.description,
        value: previous.value,
        valueEstimated: previous.valueEstimated,
        receivedOn: previous.receivedOn,
        outcome: previous.outcome,
        supersedesId: String(previous.id),
        supersedeReason: "",
      }
    : {
        giverName: "",
        giverKind: "person",
        giverRelative: "",
        occasion: "",
        description: "",
        value: "",
        receivedOn: today,
        outcome: "accepted",
        supersedesId: "",
        supersedeReason: "",
      };
  const form = useZodForm(giftSchema, {
    defaultValues: { ...defaults, ...(failure?.values as object) },
    serverErrors: failure?.fieldErrors,
  });
  const { register, onSubmit, errorOf, watch } = form;
  const v = watch();
  const satang = parseBahtToSatang(String(v.value ?? ""));
  const ready =
    satang !== null && (v.giverRelative === "yes" || v.giverRelative === "no") && isIsoDate(String(v.receivedOn ?? ""));
  const assessment = ready
    ? assessGift(
        {
          relative: v.giverRelative === "yes",
          toGeneralPublic: Boolean(v.toGeneralPublic),
          giverHasBusiness: Boolean(v.giverHasBusiness),
          valueSatang: satang!,
          outcome: v.outcome,
          receivedOn: String(v.receivedOn),
        },
        rules,
      )
    : null;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/gifts">‹ ของขวัญและประโยชน์</Link>
      </p>
      <h1>{previous ? `บันทึกแทนรายการ #${previous.id}` : "บันทึกของขวัญ/ประโยชน์ที่ได้รับหรือมีผู้เสนอให้"}</h1>
      <Form method="post" className="card stack" onSubmit={onSubmit} noValidate>
        <FormError message={failure?.formError} />
        <TextField label="ผู้ให้ (ชื่อบุคคลหรือบริษัท/ร้าน)" error={errorOf("giverName")} {...register("giverName")} />
        <div className="row">
          <SelectField label="ผู้ให้เป็น" error={errorOf("giverKind")} {...register("giverKind")}>
            <option value="person">บุคคล</option>
            <option value="business">นิติบุคคล/ธุรกิจ</option>
          </SelectField>
          <SelectField label="ผู้ให้เป็นญาติของท่านหรือไม่" error={errorOf("giverRelative")} {...register("giverRelative")}>
            <option value="">— เลือก —</option>
            <option value="yes">เป็นญาติ (ให้โดยเสน่หา)</option>
            <option value="no">ไม่ใช่ญาติ</option>
          </SelectField>
        </div>
        <label className="checkbox">
          <input type="checkbox" value="on" {...register("giverHasBusiness")} /> ผู้ให้มีธุรกิจ สัญญา
          หรือเรื่องที่รอการพิจารณาอยู่กับเทศบาล
        </label>
        <label className="checkbox">
          <input type="checkbox" value="on" {...register("toGeneralPublic")} /> เป็นของหรือประโยชน์ที่ผู้ให้มอบแก่บุคคลทั่วไป
          (ไม่ได้ให้เพราะตำแหน่งของท่าน)
        </label>
        <div className="row">
          <TextField
            label="โอกาส/เทศกาล"
            placeholder="เช่น ปีใหม่ ขึ้นบ้านใหม่"
            error={errorOf("occasion")}
            {...register("occasion")}
          />
          <ThaiDateField label="วันที่ได้รับหรือมีผู้เสนอให้" error={errorOf("receivedOn")} {...dateField(form, "receivedOn")} />
        </div>
        <TextField
          label="สิ่งที่ได้รับ"
          placeholder="เช่น กระเช้าผลไม้ บัตรกำนัล"
          error={errorOf("description")}
          {...register("description")}
        />
        <div className="row row--end">
          <TextField
            label="มูลค่า (บาท)"
            inputMode="decimal"
            placeholder="เช่น 3000 หรือ 3000.50"
            error={errorOf("value")}
            {...register("value")}
          />
          <label className="checkbox">
            <input type="checkbox" value="on" {...register("valueEstimated")} /> เป็นมูลค่าประมาณการ
          </label>
        </div>
        <SelectField label="ท่านรับไว้หรือไม่" error={errorOf("outcome")} {...register("outcome")}>
          {GIFT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {GIFT_OUTCOME_LABELS[o]}
            </option>
          ))}
        </SelectField>
        <section
          aria-live="polite"
          data-testid="gift-assessment"
          className={
            assessment
              ? assessment.verdict === "report"
                ? "alert alert--error"
                : "alert alert--ok"
              : "alert alert--info"
          }
        >
          {assessment ? (
            <>
              <strong>
                {assessment.verdict === "report"
                  ? "ต้องรายงานผู้บังคับบัญชา"
                  : assessment.verdict === "allowed"
                    ? "รับได้ ไม่ต้องรายงาน"
                    : "ไม่ต้องรายงาน"}
              </strong>
              {` · กรณี: ${assessment.ruleTitle}`}
              <div>{assessment.message}</div>
              {assessment.reportDueOn ? <div>{`รายงานได้ถึงวันที่ ${isoDateThai(assessment.reportDueOn)}`}</div> : null}
              <div className="muted">{`ที่มา: ${assessment.sources.join(" · ")}`}</div>
            </>
          ) : (
            "กรอกผู้ให้ มูลค่า และวันที่ แล้วระบบจะบอกว่ากรณีของท่านรับได้หรือต้องรายงาน"
          )}
        </section>
        {previous ? (
          <div className="field">
            <label htmlFor="supersedeReason">เหตุผลที่บันทึกแทนรายการเดิม</label>
            <textarea
              id="supersedeReason"
              rows={3}
              aria-invalid={errorOf("supersedeReason") ? true : undefined}
              {...register("supersedeReason")}
            />
            {errorOf("supersedeReason") ? <span className="field-error">{errorOf("supersedeReason")}</span> : null}
          </div>
        ) : null}
        <input type="hidden" {...register("supersedesId")} />
        <PrivacyNotice what="ข้อมูลของขวัญและผู้ให้" />
        <div>
          <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
            บันทึก
          </button>
        </div>
      </Form>
    </>
  );
}
