import { Form, useNavigation } from "@remix-run/react";
import { useFieldArray } from "react-hook-form";
import { POWER_KINDS, POWER_KIND_LABELS } from "~/domain/delegation";
import type { DivisionOption } from "~/models/people/organization.server";
import { delegationOrderSchema } from "~/schemas/delegation-order";
import type { FieldErrors } from "~/utils/forms";
import { DivisionOptions } from "./division-options";
import { FormError, SelectField, TextField } from "./form-field";
import { ThaiDateField, dateField } from "./thai-date-field";
import { useZodForm } from "./use-zod-form";
import { PersonPicker } from "./person-picker";

export type OrderFormValues = {
  title: string;
  issuingDivisionId: string;
  delegatorEmployeeNumber: string;
  effectiveFrom: string;
  effectiveUntil: string;
  body: string;
  delegates: { employeeNumber: string; positionTitle: string }[];
  powers: { kind: string; description: string; legalBasis: string; limits: string; ceilingBaht: string }[];
  recipientDivisionIds: string[];
  recipientEmployeeNumbers: string;
  supersedesId: string;
};

export const emptyOrder = (delegatorEmployeeNumber = ""): OrderFormValues => ({
  title: "",
  issuingDivisionId: "",
  delegatorEmployeeNumber,
  effectiveFrom: "",
  effectiveUntil: "",
  body: "",
  delegates: [{ employeeNumber: "", positionTitle: "" }],
  powers: [{ kind: "approve", description: "", legalBasis: "", limits: "", ceilingBaht: "" }],
  recipientDivisionIds: [],
  recipientEmployeeNumbers: "",
  supersedesId: "",
});

export function OrderForm({
  defaultValues,
  divisions,
  people,
  managers,
  replaceable,
  serverErrors,
  formError,
  submitLabel,
}: {
  defaultValues: OrderFormValues;
  divisions: DivisionOption[];
  people: { employeeNumber: string; name: string }[];
  managers: { employeeNumber: string; name: string }[];
  replaceable: { id: number; label: string }[];
  serverErrors?: FieldErrors;
  formError?: string;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const form = useZodForm(delegationOrderSchema, { defaultValues, serverErrors });
  const { register, errorOf, control } = form;
  const delegates = useFieldArray({ control, name: "delegates" });
  const powers = useFieldArray({ control, name: "powers" });
  const listError = (name: string) => {
    const e = form.formState.errors[name] as { message?: string; root?: { message?: string } } | undefined;
    return e?.message ?? e?.root?.message ?? serverErrors?.[name];
  };
  return (
    <Form method="post" className="stack order-form" onSubmit={form.onSubmit} noValidate>
      <FormError message={formError} />
      <TextField
        label="เรื่อง"
        placeholder="เช่น มอบอำนาจการอนุมัติจัดซื้อจัดจ้างให้หัวหน้าฝ่าย"
        error={errorOf("title")}
        {...register("title")}
      />
      <div className="row">
        <SelectField label="หน่วยงานที่ออกคำสั่ง" error={errorOf("issuingDivisionId")} {...register("issuingDivisionId")}>
          <option value="">— เลือก —</option>
          <DivisionOptions divisions={divisions} />
        </SelectField>
        <PersonPicker
          label="ผู้มอบอำนาจ (ชื่อหรือเลขประจำตัว)"
          hint="ผู้บังคับบัญชาที่มอบอำนาจและจะลงนาม"
          error={errorOf("delegatorEmployeeNumber")}
          {...register("delegatorEmployeeNumber")}
        />
      </div>
      <div className="row">
        <ThaiDateField label="มีผลตั้งแต่วันที่" error={errorOf("effectiveFrom")} {...dateField(form, "effectiveFrom")} />
        <ThaiDateField label="ถึงวันที่ (ถ้ามี)" error={errorOf("effectiveUntil")} {...dateField(form, "effectiveUntil")} />
      </div>

      <fieldset className="field">
        <legend>ผู้รับมอบอำนาจ</legend>
        <p className="field-hint">ระบุเป็นบุคคล (เลขประจำตัว) หรือเป็นตำแหน่ง (ผู้ดำรงตำแหน่งนั้น) อย่างใดอย่างหนึ่ง</p>
        {delegates.fields.map((field, index) => (
          <div key={field.id} className="row repeat-row">
            <PersonPicker
              label={`บุคคลที่ ${index + 1} (ชื่อหรือเลขประจำตัว)`}
              error={errorOf(`delegates.${index}.employeeNumber`)}
              {...register(`delegates.${index}.employeeNumber`)}
            />
            <TextField
              label="หรือ ตำแหน่ง"
              error={errorOf(`delegates.${index}.positionTitle`)}
              {...register(`delegates.${index}.positionTitle`)}
            />
            {delegates.fields.length > 1 ? (
              <button type="button" className="btn btn--secondary" onClick={() => delegates.remove(index)}>
                ลบ
              </button>
            ) : null}
          </div>
        ))}
        {listError("delegates") ? <span className="field-error">{listError("delegates")}</span> : null}
        <div>
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => delegates.append({ employeeNumber: "", positionTitle: "" })}
          >
            + เพิ่มผู้รับมอบอำนาจ
          </button>
        </div>
      </fieldset>

      <fieldset className="field">
        <legend>อำนาจที่มอบ</legend>
        {powers.fields.map((field, index) => (
          <div key={field.id} className="card power-row">
            <div className="row">
              <SelectField
                label={`รายการที่ ${index + 1}: ประเภท`}
                error={errorOf(`powers.${index}.kind`)}
                {...register(`powers.${index}.kind`)}
              >
                {POWER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {POWER_KIND_LABELS[k]}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="วงเงินสูงสุด (บาท, ถ้ามี)"
                inputMode="numeric"
                error={errorOf(`powers.${index}.ceilingBaht`)}
                {...register(`powers.${index}.ceilingBaht`)}
              />
            </div>
            <TextField
              label="อำนาจ"
              placeholder="เช่น อนุมัติการจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจง"
              error={errorOf(`powers.${index}.description`)}
              {...register(`powers.${index}.description`)}
            />
            <TextField
              label="ฐานอำนาจ (กฎหมาย / ระเบียบ / ข้อ)"
              placeholder="เช่น ระเบียบกระทรวงการคลังฯ พ.ศ. ๒๕๖๐ ข้อ ๘๔"
              error={errorOf(`powers.${index}.legalBasis`)}
              {...register(`powers.${index}.legalBasis`)}
            />
            <TextField
              label="ขอบเขต / เงื่อนไข (ถ้ามี)"
              error={errorOf(`powers.${index}.limits`)}
              {...register(`powers.${index}.limits`)}
            />
            {powers.fields.length > 1 ? (
              <button type="button" className="btn btn--secondary" onClick={() => powers.remove(index)}>
                ลบรายการนี้
              </button>
            ) : null}
          </div>
        ))}
        {listError("powers") ? <span className="field-error">{listError("powers")}</span> : null}
        <div>
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() =>
              powers.append({ kind: "approve", description: "", legalBasis: "", limits: "", ceilingBaht: "" })
            }
          >
            + เพิ่มอำนาจ
          </button>
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor="body">เนื้อความของคำสั่ง</label>
        <textarea id="body" rows={8} aria-invalid={errorOf("body") ? true : undefined} {...register("body")} />
        {errorOf("body") ? <span className="field-error">{errorOf("body")}</span> : null}
      </div>

      <fieldset className="field">
        <legend>ผู้รับหนังสือแจ้งเวียน</legend>
        <p className="field-hint">ผู้รับมอบอำนาจได้รับแจ้งเวียนเสมอ เลือกหน่วยงานเพื่อแจ้งเวียนถึงบุคลากรทุกคนในหน่วยงานนั้น</p>
        <div className="checkbox-grid">
          {divisions
            .filter((d) => d.depth === 0)
            .map((d) => (
              <label key={d.id} className="checkbox">
                <input type="checkbox" value={String(d.id)} {...register("recipientDivisionIds")} />
                {d.name}
              </label>
            ))}
        </div>
        <TextField
          label="บุคคลอื่น (เลขประจำตัว คั่นด้วยจุลภาคหรือเว้นวรรค)"
          error={errorOf("recipientEmployeeNumbers")}
          {...register("recipientEmployeeNumbers")}
        />
      </fieldset>

      {replaceable.length ? (
        <SelectField label="แทนที่คำสั่งเดิม (ถ้ามี)" error={errorOf("supersedesId")} {...register("supersedesId")}>
          <option value="">— ไม่แทนที่คำสั่งใด —</option>
          {replaceable.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </SelectField>
      ) : null}

      <datalist id="people-options">
        {people.map((p) => (
          <option key={p.employeeNumber} value={p.employeeNumber}>
            {p.name}
          </option>
        ))}
      </datalist>
      <datalist id="manager-options">
        {managers.map((p) => (
          <option key={p.employeeNumber} value={p.employeeNumber}>
            {p.name}
          </option>
        ))}
      </datalist>
      <div className="actions">
        <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
