import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/form-field";
import { useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { PERSONNEL_TYPES, PERSONNEL_TYPE_LABELS, personnelTypeLabel } from "~/domain/personnel";
import { formatBaht } from "~/domain/salary-review";
import { formatThaiDate } from "~/domain/thai-date";
import { newRoundPage } from "~/models/salary/pages.server";
import { createRound, previewRound } from "~/models/salary/rounds.server";
import { roundSchema } from "~/schemas/salary";
import { requireRole } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { actionFailure, actOrRefuse, loadOrRefuse } from "~/utils/route.server";
import { salaryActor } from "~/utils/salary-route.server";
import { readFormData } from "~/utils/request-body.server";
import { parseId } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "สร้างรอบการเลื่อนขั้นเงินเดือน · สุจริต" }];

const ARRAY_FIELDS = ["scopeTypes", "stepTypes", "scopeDivisionIds"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  return json(await loadOrRefuse(() => newRoundPage(salaryActor(user, context))));
}

type Preview = Awaited<ReturnType<typeof previewRound>>;

/**
 * Two steps, both without JavaScript: "ตรวจสอบ" shows what the round will be (year, round, how many people) and
 * nothing is written; only "ยืนยันสร้างรอบ" with the count seen creates it (issue 12).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "preview");
  const { values, result } = validateForm(roundSchema, form, ARRAY_FIELDS);
  if (intent === "edit") return actionFailure({ values }, 200);
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values });
  const actor = salaryActor(user, context);
  if (intent === "create") {
    const confirmedPeople = parseId(String(form.get("confirmedPeople") ?? ""));
    return actOrRefuse(
      async () => redirect(`/salary/rounds/${(await createRound(result.data, actor, { confirmedPeople })).id}`),
      values,
    );
  }
  return actOrRefuse(
    async () => json({ ok: true as const, preview: await previewRound(result.data, actor), values }),
    values,
  );
}

/** The confirmation step: what will be created, the typed values carried as hidden fields. */
function ConfirmRound({
  preview,
  values,
}: {
  preview: Preview | { [K in keyof Preview]: Preview[K] extends Date ? string : Preview[K] };
  values: Record<string, unknown>;
}) {
  const navigation = useNavigation();
  // The buttons carry the intent and the count is its own field: neither may be echoed back (a hidden "intent"
  // would come first in the form data and turn "ยืนยันสร้างรอบ" into another preview).
  const hidden = Object.entries(values)
    .filter(([name]) => name !== "intent" && name !== "confirmedPeople")
    .flatMap(([name, value]) =>
      Array.isArray(value) ? value.map((v) => [name, String(v)] as const) : [[name, String(value ?? "")] as const],
    );
  return (
    <Form method="post" className="card stack" aria-labelledby="confirm-round">
      <h2 id="confirm-round">ตรวจสอบก่อนสร้างรอบ</h2>
      <div className="alert alert--info" data-testid="round-confirmation">
        <p>
          <strong>{preview.title}</strong>
        </p>
        <ul className="facts">
          <li>{`ปีงบประมาณ ${preview.fiscalYear} ครั้งที่ ${preview.half} · มีผล ${formatThaiDate(preview.effectiveDate)}`}</li>
          <li data-testid="round-people">{`สร้างรายการประเมินให้บุคลากร ${preview.people.toLocaleString("th-TH")} คน (เลื่อนเป็นขั้น ${preview.inSteps.toLocaleString("th-TH")} คน · เลื่อนเป็นร้อยละ ${preview.inPercent.toLocaleString("th-TH")} คน)`}</li>
          <li>{`ประเภทบุคลากร: ${((values.scopeTypes as string[]) ?? []).map(personnelTypeLabel).join(", ")}`}</li>
          <li>{`วงเงินรวมของรอบ ${formatBaht(preview.poolBaht)}`}</li>
        </ul>
      </div>
      {hidden.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="confirmedPeople" value={preview.people} />
      <p className="actions">
        <button type="submit" name="intent" value="create" className="btn" disabled={navigation.state !== "idle"}>
          {`ยืนยันสร้างรอบ (${preview.people.toLocaleString("th-TH")} คน)`}
        </button>
        <button
          type="submit"
          name="intent"
          value="edit"
          className="btn btn--secondary"
          disabled={navigation.state !== "idle"}
        >
          กลับไปแก้ไข
        </button>
      </p>
    </Form>
  );
}

export default function NewRound() {
  const { currentYear, divisions } = useLoaderData<typeof loader>();
  const data = useActionResult<typeof action>();
  const preview = data?.ok ? data : undefined;
  const actionData = data && !data.ok ? data : undefined;
  const navigation = useNavigation();
  // No defaults that create something empty: the round (ครั้งที่), the people and the pool are chosen by HR.
  const { register, onSubmit, errorOf } = useZodForm(roundSchema, {
    defaultValues: {
      fiscalYear: String(currentYear),
      half: "",
      scopeTypes: [],
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
      <p className="muted">
        ระบบจะสร้างรายการประเมินให้บุคลากรทุกคนในประเภทที่เลือกซึ่งปฏิบัติงานอยู่ ณ วันที่มีผล (1 เมษายน หรือ 1 ตุลาคม)
        โดยแสดงจำนวนคนให้ตรวจสอบและยืนยันก่อนสร้าง
      </p>
      {preview ? (
        <ConfirmRound preview={preview.preview} values={preview.values} />
      ) : (
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
              <option value="">— เลือก —</option>
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
            {errorOf("scopeTypes") ? (
              <span className="field-error" role="alert">
                {errorOf("scopeTypes")}
              </span>
            ) : null}
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
            <TextField
              label="เพดานต่อคน (ร้อยละ)"
              inputMode="decimal"
              error={errorOf("percentCap")}
              {...register("percentCap")}
            />
          </div>
          <div className="row">
            <TextField
              label="วงเงินรวมของรอบ (บาท)"
              inputMode="numeric"
              error={errorOf("poolBaht")}
              {...register("poolBaht")}
            />
            <TextField
              label="ระยะเวลาอุทธรณ์ (วันนับจากประกาศผล)"
              inputMode="numeric"
              error={errorOf("appealDays")}
              {...register("appealDays")}
            />
          </div>
          <div>
            <button type="submit" name="intent" value="preview" className="btn" disabled={navigation.state !== "idle"}>
              ตรวจสอบจำนวนคนก่อนสร้างรอบ
            </button>
          </div>
        </Form>
      )}
    </>
  );
}
