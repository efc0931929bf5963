import { Form, useNavigation } from "@remix-run/react";
import { FormError, TextField } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { PERSONNEL_TYPES, PERSONNEL_TYPE_LABELS } from "~/domain/personnel";
import type { GroupRulesInput } from "~/domain/target-groups";
import type { DivisionOption } from "~/models/people/organization.server";
import { groupFormSchema } from "~/schemas/target-group";
import type { FieldErrors } from "~/utils/forms";

export type GroupPreviewData = {
  count: number;
  rows: { employeeNumber: string; name: string; divisionName: string; named: boolean }[];
  byUnit: { name: string; count: number }[];
};

/** An HR group's name and rules. "ดูรายชื่อ" shows who the rules as typed would cover without saving. */
export function TargetGroupForm({
  divisions,
  defaultValues,
  fieldErrors,
  formError,
  submitLabel,
}: {
  divisions: DivisionOption[];
  defaultValues: { name: string } & GroupRulesInput;
  fieldErrors?: FieldErrors;
  formError?: string;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(groupFormSchema, {
    defaultValues: { ...defaultValues, divisionIds: defaultValues.divisionIds.map(String) },
    serverErrors: fieldErrors,
  });
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <TextField label="ชื่อกลุ่ม" placeholder="เช่น เจ้าหน้าที่พัสดุทุกหน่วยงาน" error={errorOf("name")} {...register("name")} />
      <fieldset className="field">
        <legend>ประเภทบุคลากร</legend>
        <p className="field-hint">ไม่เลือก = ทุกประเภท</p>
        <div className="checkbox-grid">
          {PERSONNEL_TYPES.map((type) => (
            <label key={type} className="checkbox">
              <input type="checkbox" value={type} {...register("personnelTypes")} />
              {PERSONNEL_TYPE_LABELS[type]}
            </label>
          ))}
        </div>
        {errorOf("personnelTypes") ? <span className="field-error">{errorOf("personnelTypes")}</span> : null}
      </fieldset>
      <fieldset className="field">
        <legend>หน่วยงาน</legend>
        <p className="field-hint">ไม่เลือก = ทุกหน่วยงาน · เลือกสำนัก/กองแล้วรวมทุกฝ่ายและงานในสังกัด</p>
        <div className="checkbox-grid checkbox-grid--tree" data-testid="division-choices">
          {divisions.map((d) => (
            <label key={d.id} className="checkbox" style={{ paddingLeft: `${d.depth * 1.25}rem` }}>
              <input type="checkbox" value={String(d.id)} {...register("divisionIds")} />
              {d.name}
            </label>
          ))}
        </div>
        {errorOf("divisionIds") ? <span className="field-error">{errorOf("divisionIds")}</span> : null}
      </fieldset>
      <TextField
        label="ตำแหน่งมีคำว่า"
        placeholder="เช่น พัสดุ"
        hint="เว้นว่าง = ทุกตำแหน่ง"
        error={errorOf("positionIncludes")}
        {...register("positionIncludes")}
      />
      <div className="row">
        <button
          type="submit"
          name="intent"
          value="preview"
          className="btn btn--secondary"
          disabled={navigation.state !== "idle"}
        >
          ดูรายชื่อก่อนบันทึก
        </button>
        <button type="submit" name="intent" value="save" className="btn" disabled={navigation.state !== "idle"}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

export function GroupPreview({ preview, title }: { preview: GroupPreviewData; title: string }) {
  return (
    <section className="card" data-testid="group-preview" aria-label={title}>
      <h2>{title}</h2>
      <p className="stat" data-testid="preview-count">{`${preview.count.toLocaleString("th-TH")} คน`}</p>
      {preview.byUnit.length ? (
        <ul className="facts">
          {preview.byUnit.map((u) => (
            <li key={u.name}>{`${u.name}: ${u.count} คน`}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">ไม่มีบุคลากรตามเงื่อนไขนี้</p>
      )}
      {preview.rows.length ? (
        <div className="table-wrap">
          <table>
            <caption className="muted">{`${preview.rows.length < preview.count ? `${preview.rows.length} รายชื่อแรก` : "รายชื่อ"}`}</caption>
            <thead>
              <tr>
                <th>เลขประจำตัว</th>
                <th>ชื่อ–นามสกุล</th>
                <th className="hide-narrow">หน่วยงาน</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.employeeNumber}>
                  <td>{r.employeeNumber}</td>
                  <td>
                    {r.name}
                    {r.named ? <span className="badge">เพิ่มรายบุคคล</span> : null}
                  </td>
                  <td className="hide-narrow">{r.divisionName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
