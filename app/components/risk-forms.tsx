import { Form, useNavigation } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/form-field";
import { ThaiDateField, dateField } from "~/components/thai-date-field";
import { useZodForm } from "~/components/use-zod-form";
import type { ActionFailure } from "~/domain/action-result";
import { FOLLOW_UP_STATUSES, FOLLOW_UP_STATUS_LABELS } from "~/domain/risks";
import { REPORT_PERIOD_SHORT } from "~/domain/report-periods";
import { riskSchema } from "~/schemas/risks";

type Option = { value: string; label: string };

/** A head of unit (or HR) assesses a risk: likelihood × impact on 1–5, with at least one measure and its owner. */
export function AddRiskForm(props: {
  fiscalYear: number;
  units: { id: number; name: string }[];
  types: Option[];
  planItems: { number: number; name: string }[];
  failure?: ActionFailure;
}) {
  const navigation = useNavigation();
  const values = props.failure?.values as Record<string, unknown> | undefined;
  const form = useZodForm(riskSchema, {
    defaultValues: {
      fiscalYear: String(props.fiscalYear),
      divisionId: props.units.length === 1 ? String(props.units[0]!.id) : "",
      processStep: "",
      event: "",
      type: "",
      likelihood: "",
      impact: "",
      existingControls: "",
      planItems: [],
      measures: [0, 1, 2].map(() => ({ description: "", owner: "", dueDate: "" })),
      ...(values ?? {}),
    },
    serverErrors: props.failure?.fieldErrors,
  });
  const { register, onSubmit, errorOf } = form;
  const scale = [1, 2, 3, 4, 5];
  return (
    <Form method="post" className="card" onSubmit={onSubmit} noValidate aria-label="เพิ่มความเสี่ยง">
      <input type="hidden" name="intent" value="create" />
      <input type="hidden" {...register("fiscalYear")} />
      <FormError message={props.failure?.formError} />
      <p className="muted">
        ข้อมูลในทะเบียนจะเผยแพร่ต่อสาธารณะเมื่อกองการเจ้าหน้าที่รวบรวมและเผยแพร่ ห้ามระบุชื่อบุคคล ให้ระบุตำแหน่งหรือหน่วยงานแทน
      </p>
      <SelectField label="หน่วยงาน" error={errorOf("divisionId")} {...register("divisionId")}>
        {props.units.length > 1 ? <option value="">— เลือกหน่วยงาน —</option> : null}
        {props.units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <TextField label="ขั้นตอนการดำเนินงาน / กระบวนงาน" error={errorOf("processStep")} {...register("processStep")} />
      <div className="field">
        <label htmlFor="event">เหตุการณ์ความเสี่ยง</label>
        <textarea id="event" rows={3} aria-invalid={errorOf("event") ? true : undefined} {...register("event")} />
        {errorOf("event") ? (
          <span className="field-error" role="alert">
            {errorOf("event")}
          </span>
        ) : null}
      </div>
      <div className="row">
        <SelectField label="ประเภท" error={errorOf("type")} {...register("type")}>
          <option value="">— เลือก —</option>
          {props.types.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="โอกาส (1–5)" error={errorOf("likelihood")} {...register("likelihood")}>
          <option value="">—</option>
          {scale.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </SelectField>
        <SelectField label="ผลกระทบ (1–5)" error={errorOf("impact")} {...register("impact")}>
          <option value="">—</option>
          {scale.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="field">
        <label htmlFor="existingControls">การควบคุมที่มีอยู่</label>
        <textarea id="existingControls" rows={2} {...register("existingControls")} />
      </div>
      <fieldset className="risk-measures">
        <legend>มาตรการใหม่ (อย่างน้อย 1 มาตรการ; ผู้รับผิดชอบเป็นตำแหน่งหรือหน่วยงาน)</legend>
        {errorOf("measures") ? (
          <p className="field-error" role="alert">
            {errorOf("measures")}
          </p>
        ) : null}
        {[0, 1, 2].map((i) => (
          <div className="row repeat-row" key={i}>
            <TextField
              label={`มาตรการที่ ${i + 1}`}
              error={errorOf(`measures.${i}.description`)}
              {...register(`measures.${i}.description`)}
            />
            <TextField label="ผู้รับผิดชอบ" error={errorOf(`measures.${i}.owner`)} {...register(`measures.${i}.owner`)} />
            <ThaiDateField
              label="กำหนดเสร็จ"
              error={errorOf(`measures.${i}.dueDate`)}
              {...dateField(form, `measures.${i}.dueDate`)}
            />
          </div>
        ))}
      </fieldset>
      <details>
        <summary>รายการในแผนที่เป็นมาตรการควบคุม</summary>
        <div className="checkbox-grid">
          {props.planItems.map((p) => (
            <label key={p.number} className="checkbox">
              <input type="checkbox" value={p.number} {...register("planItems")} /> {`${p.number}. ${p.name}`}
            </label>
          ))}
        </div>
      </details>
      <div className="actions">
        <button type="submit" className="btn" disabled={navigation.state === "submitting"}>
          บันทึกความเสี่ยง
        </button>
      </div>
    </Form>
  );
}

/** Six-month / year-end follow-up of one measure. */
export function FollowUpForm({ measureId, label }: { measureId: number; label: string }) {
  return (
    <Form method="post" className="row row--end follow-up-form" aria-label={`ติดตามผล: ${label}`}>
      <input type="hidden" name="intent" value="follow-up" />
      <input type="hidden" name="measureId" value={measureId} />
      <div className="field">
        <label htmlFor={`period-${measureId}`}>รอบ</label>
        <select id={`period-${measureId}`} name="period" defaultValue="h1">
          <option value="h1">{REPORT_PERIOD_SHORT.h1}</option>
          <option value="annual">{REPORT_PERIOD_SHORT.annual}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`status-${measureId}`}>สถานะ</label>
        <select id={`status-${measureId}`} name="status" defaultValue="in_progress">
          {FOLLOW_UP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {FOLLOW_UP_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`note-${measureId}`}>หมายเหตุ</label>
        <input id={`note-${measureId}`} name="note" />
      </div>
      <div className="field">
        <label htmlFor={`evidence-${measureId}`}>ลิงก์หลักฐาน</label>
        <input id={`evidence-${measureId}`} name="evidenceUrl" type="url" placeholder="https://" />
      </div>
      <div>
        <button type="submit" className="btn btn--secondary">
          บันทึกผลการติดตาม
        </button>
      </div>
    </Form>
  );
}

export function ResidualForm({ riskId }: { riskId: number }) {
  const scale = [1, 2, 3, 4, 5];
  return (
    <Form method="post" className="row row--end" aria-label="ความเสี่ยงคงเหลือ">
      <input type="hidden" name="intent" value="residual" />
      <input type="hidden" name="riskId" value={riskId} />
      <div className="field">
        <label htmlFor={`rperiod-${riskId}`}>รอบ</label>
        <select id={`rperiod-${riskId}`} name="period" defaultValue="h1">
          <option value="h1">{REPORT_PERIOD_SHORT.h1}</option>
          <option value="annual">{REPORT_PERIOD_SHORT.annual}</option>
        </select>
      </div>
      {(["residualLikelihood", "residualImpact"] as const).map((name) => (
        <div className="field" key={name}>
          <label htmlFor={`${name}-${riskId}`}>{name === "residualLikelihood" ? "โอกาสคงเหลือ" : "ผลกระทบคงเหลือ"}</label>
          <select id={`${name}-${riskId}`} name={name} defaultValue="">
            <option value="">—</option>
            {scale.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div>
        <button type="submit" className="btn btn--secondary">
          บันทึกความเสี่ยงคงเหลือ
        </button>
      </div>
    </Form>
  );
}

export function AddMeasureForm({ riskId }: { riskId: number }) {
  return (
    <Form method="post" className="row row--end" aria-label="เพิ่มมาตรการ">
      <input type="hidden" name="intent" value="measure" />
      <input type="hidden" name="riskId" value={riskId} />
      {(
        [
          ["description", "มาตรการเพิ่มเติม", "text"],
          ["owner", "ผู้รับผิดชอบ", "text"],
          ["dueDate", "กำหนดเสร็จ", "date"],
        ] as const
      ).map(([name, label, type]) => (
        <div className="field" key={name}>
          <label htmlFor={`m-${name}-${riskId}`}>{label}</label>
          <input id={`m-${name}-${riskId}`} name={name} type={type} />
        </div>
      ))}
      <div>
        <button type="submit" className="btn btn--secondary">
          เพิ่มมาตรการ
        </button>
      </div>
    </Form>
  );
}
