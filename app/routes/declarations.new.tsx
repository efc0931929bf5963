import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/form-field";
import { PrivacyNotice } from "~/components/registers";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { CASE_TYPE_LABELS, CASE_TYPES } from "~/domain/declarations";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { declareCase, declareYearly } from "~/models/registers/declarations.server";
import { caseDeclarationSchema, yearlyDeclarationSchema } from "~/schemas/declarations";
import { requireUser } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { actOrRefuse, actionFailure } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "ยื่นคำแถลงส่วนได้เสีย · สุจริต" }];

const kindOf = (request: Request) => (new URL(request.url).searchParams.get("kind") === "case" ? "case" : "yearly");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return json({ kind: kindOf(request), fiscalYear: fiscalYearOf(new Date()) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const actor = { personId: user.id, roles: user.roles, ip: clientIp(context) };
  const formData = await request.formData();
  if (kindOf(request) === "case") {
    const { values, result } = validateForm(caseDeclarationSchema, formData);
    if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values });
    return actOrRefuse(async () => redirect(`/declarations/${(await declareCase(actor, result.data)).id}`), values);
  }
  const { values, result } = validateForm(yearlyDeclarationSchema, formData);
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values });
  return actOrRefuse(async () => redirect(`/declarations/${(await declareYearly(actor, result.data)).id}`), values);
}

function TextArea({
  name,
  label,
  hint,
  form,
}: {
  name: string;
  label: string;
  hint?: string;
  form: ReturnType<typeof useZodForm>;
}) {
  const error = form.errorOf(name);
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <textarea id={name} rows={3} aria-invalid={error ? true : undefined} {...form.register(name)} />
      {hint ? <span className="field-hint">{hint}</span> : null}
      {error ? <span className="field-error">{error}</span> : null}
    </div>
  );
}

function YearlyForm({ fiscalYear }: { fiscalYear: number }) {
  const failure = failureOf(useActionResult());
  const navigation = useNavigation();
  const form = useZodForm(yearlyDeclarationSchema, {
    defaultValues: {
      outsidePositions: "",
      businesses: "",
      shareholdings: "",
      otherInterests: "",
      ...(failure?.values as object),
    },
    serverErrors: failure?.fieldErrors,
  });
  const nothing = form.watch("nothingToDeclare");
  return (
    <Form method="post" className="card stack" onSubmit={form.onSubmit} noValidate>
      <h2>{`คำแถลงส่วนได้เสียประจำปีงบประมาณ ${fiscalYear}`}</h2>
      <FormError message={failure?.formError} />
      <p className="muted">
        ระบุส่วนได้เสียของท่าน คู่สมรส และญาติ ที่เกี่ยวข้องกับเทศบาล (เช่น เป็นคู่สัญญา ผู้ขอใบอนุญาต ผู้รับบริการ) ยื่นได้ปีละหนึ่งครั้ง
      </p>
      <label className="checkbox">
        <input type="checkbox" value="on" {...form.register("nothingToDeclare")} /> ไม่มีสิ่งที่ต้องแจ้ง
      </label>
      {form.errorOf("nothingToDeclare") ? (
        <span className="field-error" role="alert">
          {form.errorOf("nothingToDeclare")}
        </span>
      ) : null}
      {nothing ? null : (
        <>
          <TextArea
            form={form}
            name="outsidePositions"
            label="ตำแหน่งนอกเทศบาล (กรรมการ ที่ปรึกษา ลูกจ้าง)"
            hint="ระบุว่าเป็นของท่าน คู่สมรส หรือญาติ และหน่วยงาน"
          />
          <TextArea
            form={form}
            name="businesses"
            label="ธุรกิจที่ติดต่อกับเทศบาล"
            hint="ชื่อกิจการ ความเกี่ยวข้องกับเทศบาล และผู้เป็นเจ้าของ"
          />
          <TextArea form={form} name="shareholdings" label="การถือหุ้นในบริษัทที่ติดต่อกับเทศบาล" />
          <TextArea form={form} name="otherInterests" label="ส่วนได้เสียอื่น" />
        </>
      )}
      <PrivacyNotice what="คำแถลงนี้" />
      <div>
        <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
          ยื่นคำแถลง
        </button>
      </div>
    </Form>
  );
}

function CaseForm() {
  const failure = failureOf(useActionResult());
  const navigation = useNavigation();
  const form = useZodForm(caseDeclarationSchema, {
    defaultValues: { caseType: "", caseRef: "", hasConflict: "", conflictDetail: "", ...(failure?.values as object) },
    serverErrors: failure?.fieldErrors,
  });
  const conflict = form.watch("hasConflict");
  return (
    <Form method="post" className="card stack" onSubmit={form.onSubmit} noValidate>
      <h2>คำแถลงส่วนได้เสียรายกรณี</h2>
      <FormError message={failure?.formError} />
      <p className="muted">ยื่นก่อนเริ่มปฏิบัติหน้าที่ทุกครั้งที่ได้รับแต่งตั้ง หากมีส่วนได้เสีย ท่านต้องงดเว้นการพิจารณาเรื่องนั้น</p>
      <SelectField label="ได้รับแต่งตั้งเป็น" error={form.errorOf("caseType")} {...form.register("caseType")}>
        <option value="">— เลือก —</option>
        {CASE_TYPES.map((t) => (
          <option key={t} value={t}>
            {CASE_TYPE_LABELS[t]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="เรื่อง/คำสั่งแต่งตั้ง"
        placeholder="เช่น คำสั่งที่ 123/2570 ตรวจรับงานจ้างปรับปรุงถนน"
        error={form.errorOf("caseRef")}
        {...form.register("caseRef")}
      />
      <SelectField
        label="ท่านมีส่วนได้เสียในเรื่องนี้หรือไม่"
        error={form.errorOf("hasConflict")}
        {...form.register("hasConflict")}
      >
        <option value="">— เลือก —</option>
        <option value="no">ไม่มีส่วนได้เสีย</option>
        <option value="yes">มีส่วนได้เสีย (จะงดเว้นการพิจารณา)</option>
      </SelectField>
      {conflict === "yes" ? (
        <TextArea form={form} name="conflictDetail" label="ส่วนได้เสียที่มี" hint="เช่น ผู้เสนอราคารายหนึ่งเป็นญาติของข้าพเจ้า" />
      ) : null}
      <PrivacyNotice what="คำแถลงนี้" />
      <div>
        <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
          ยื่นคำแถลง
        </button>
      </div>
    </Form>
  );
}

export default function NewDeclaration() {
  const { kind, fiscalYear } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/declarations">‹ แสดงส่วนได้เสีย</Link>
      </p>
      <h1>ยื่นคำแถลงส่วนได้เสีย</h1>
      <nav className="actions" aria-label="ประเภทคำแถลง">
        <Link to="/declarations/new?kind=yearly" className={kind === "yearly" ? "btn" : "btn btn--secondary"}>
          ประจำปี
        </Link>
        <Link to="/declarations/new?kind=case" className={kind === "case" ? "btn" : "btn btn--secondary"}>
          รายกรณี
        </Link>
      </nav>
      {kind === "case" ? <CaseForm key="case" /> : <YearlyForm key="yearly" fiscalYear={fiscalYear} />}
    </>
  );
}
