import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { PERSONNEL_TYPES, PERSONNEL_TYPE_LABELS } from "~/domain/personnel";
import { listDivisionOptions } from "~/models/people/organization.server";
import { createRound, SalaryError } from "~/models/salary-rounds.server";
import { roundSchema } from "~/schemas/salary";
import { requireRole } from "~/utils/auth.server";
import { validateForm, type FieldErrors } from "~/utils/forms";
import { salaryActor } from "~/utils/salary-route.server";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "สร้างรอบการเลื่อนขั้นเงินเดือน · สุจริต" }];

const ARRAY_FIELDS = ["scopeTypes", "stepTypes", "scopeDivisionIds"];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  return json({ currentYear: fiscalYearOf(new Date()), divisions: await listDivisionOptions() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const { values, result } = validateForm(roundSchema, await readFormData(request), ARRAY_FIELDS);
  const fail = (fieldErrors: FieldErrors, formError?: string) => json({ values, fieldErrors, formError }, { status: 400 });
  if (!result.success) return fail(result.fieldErrors);
  try {
    const round = await createRound(result.data, salaryActor(user, context));
    return redirect(`/salary/rounds/${round.id}`);
  } catch (error) {
    if (!(error instanceof SalaryError)) throw error;
    return error.field ? fail({ [error.field]: error.message }) : fail({}, error.message);
  }
}

export default function NewRound() {
  const { currentYear, divisions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(roundSchema, {
    defaultValues: {
      fiscalYear: String(currentYear),
      half: "1",
      scopeTypes: ["municipal_officer", "permanent_employee", "contract_employee"],
      scopeDivisionIds: [],
      stepTypes: ["permanent_employee"],
      stepCapHalfSteps: "3",
      percentCap: "6",
      poolBaht: "",
      appealDays: "15",
      ...(actionData?.values as object),
    },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/salary">‹ การเลื่อนขั้นเงินเดือน</Link>
      </p>
      <h1>สร้างรอบการเลื่อนขั้นเงินเดือน</h1>
      <p className="muted">ระบบจะสร้างรายการประเมินให้บุคลากรทุกคนในประเภทที่เลือกซึ่งปฏิบัติงานอยู่ ณ วันที่มีผล (1 เมษายน หรือ 1 ตุลาคม)</p>
      <Form method="post" className="card stack" onSubmit={onSubmit} noValidate>
        <FormError message={actionData?.formError} />
        <div className="row">
          <SelectField label="ปีงบประมาณ" error={errorOf("fiscalYear")} {...register("fiscalYear")}>
            {[currentYear - 1, currentYear, currentYear + 1].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
          <SelectField label="ครั้งที่" error={errorOf("half")} {...register("half")}>
            <option value="1">ครั้งที่ 1 (1 เมษายน)</option>
            <option value="2">ครั้งที่ 2 (1 ตุลาคม)</option>
          </SelectField>
        </div>
        <fieldset className="field">
          <legend>บุคลากรในรอบนี้</legend>
          <div className="checkbox-grid">
            {PERSONNEL_TYPES.map((t) => (
              <label key={t} className="checkbox">
                <input type="checkbox" value={t} {...register("scopeTypes")} />
                {PERSONNEL_TYPE_LABELS[t]}
              </label>
            ))}
          </div>
          {errorOf("scopeTypes") ? <span className="field-error" role="alert">{errorOf("scopeTypes")}</span> : null}
        </fieldset>
        <div className="field">
          <label htmlFor="scopeDivisionIds">เฉพาะหน่วยงาน (ไม่เลือก = ทุกหน่วยงาน; เลือกได้หลายหน่วยด้วย Ctrl/แตะค้าง)</label>
          <select id="scopeDivisionIds" multiple size={6} {...register("scopeDivisionIds")}>
            {divisions.map((d) => (
              <option key={d.id} value={d.id}>
                {`${"\u00a0\u00a0".repeat(d.depth)}${d.name}`}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>ประเภทที่เลื่อนเป็นขั้น (ประเภทอื่นเลื่อนเป็นร้อยละของฐานเงินเดือน)</legend>
          <div className="checkbox-grid">
            {PERSONNEL_TYPES.map((t) => (
              <label key={t} className="checkbox">
                <input type="checkbox" value={t} {...register("stepTypes")} />
                {PERSONNEL_TYPE_LABELS[t]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="row">
          <SelectField label="เพดานต่อคน (ขั้น)" error={errorOf("stepCapHalfSteps")} {...register("stepCapHalfSteps")}>
            <option value="1">0.5 ขั้น</option>
            <option value="2">1 ขั้น</option>
            <option value="3">1.5 ขั้น</option>
          </SelectField>
          <TextField label="เพดานต่อคน (ร้อยละ)" inputMode="decimal" error={errorOf("percentCap")} {...register("percentCap")} />
        </div>
        <div className="row">
          <TextField label="วงเงินรวมของรอบ (บาท)" inputMode="numeric" error={errorOf("poolBaht")} {...register("poolBaht")} />
          <TextField label="ระยะเวลาอุทธรณ์ (วันนับจากประกาศผล)" inputMode="numeric" error={errorOf("appealDays")} {...register("appealDays")} />
        </div>
        <div>
          <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
            สร้างรอบ
          </button>
        </div>
      </Form>
    </>
  );
}
