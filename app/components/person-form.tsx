import { Form, useNavigation } from "@remix-run/react";
import type { DivisionOption } from "~/models/people/organization.server";
import { PERSONNEL_TYPES, PERSONNEL_TYPE_LABELS } from "~/domain/personnel";
import { personSchema } from "~/schemas/person";
import type { FieldErrors } from "~/utils/forms";
import { DivisionOptions } from "./division-options";
import { FormError, SelectField, TextField } from "./form-field";
import { ThaiDateField, dateField } from "./thai-date-field";
import { useZodForm } from "./use-zod-form";

export type PersonFormValues = {
  employeeNumber: string;
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  personnelType: string;
  divisionId: string;
  activeFrom: string;
  activeUntil: string;
};

export function PersonForm({
  divisions,
  defaultValues,
  serverErrors,
  formError,
  submitLabel,
  intent,
}: {
  divisions: DivisionOption[];
  defaultValues: PersonFormValues;
  serverErrors?: FieldErrors;
  formError?: string;
  submitLabel: string;
  intent?: string;
}) {
  const navigation = useNavigation();
  const form = useZodForm(personSchema, { defaultValues, serverErrors });
  const { register, onSubmit, errorOf } = form;
  return (
    <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <TextField
        label="เลขประจำตัวพนักงาน"
        inputMode="numeric"
        error={errorOf("employeeNumber")}
        {...register("employeeNumber")}
      />
      <div className="row">
        <TextField label="คำนำหน้า" error={errorOf("title")} list="title-options" {...register("title")} />
        <TextField label="ชื่อ" error={errorOf("firstName")} {...register("firstName")} />
        <TextField label="นามสกุล" error={errorOf("lastName")} {...register("lastName")} />
      </div>
      <datalist id="title-options">
        <option value="นาย" />
        <option value="นาง" />
        <option value="นางสาว" />
      </datalist>
      <TextField label="ตำแหน่ง" error={errorOf("position")} {...register("position")} />
      <div className="row">
        <SelectField label="ประเภทบุคลากร" error={errorOf("personnelType")} {...register("personnelType")}>
          <option value="">— เลือก —</option>
          {PERSONNEL_TYPES.map((t) => (
            <option key={t} value={t}>
              {PERSONNEL_TYPE_LABELS[t]}
            </option>
          ))}
        </SelectField>
        <SelectField label="หน่วยงาน" error={errorOf("divisionId")} {...register("divisionId")}>
          <option value="">— เลือก —</option>
          <DivisionOptions divisions={divisions} />
        </SelectField>
      </div>
      <div className="row">
        <ThaiDateField label="เริ่มปฏิบัติงาน" error={errorOf("activeFrom")} {...dateField(form, "activeFrom")} />
        <ThaiDateField
          label="สิ้นสุดการปฏิบัติงาน (ถ้ามี)"
          error={errorOf("activeUntil")}
          {...dateField(form, "activeUntil")}
        />
      </div>
      <div className="actions">
        <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

export const emptyPersonFormValues: PersonFormValues = {
  employeeNumber: "",
  title: "",
  firstName: "",
  lastName: "",
  position: "",
  personnelType: "",
  divisionId: "",
  activeFrom: "",
  activeUntil: "",
};
