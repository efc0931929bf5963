import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, TextField } from "~/components/form-field";
import { PlanTargetsTable } from "~/components/plan-targets-table";
import { failureOf, useActionResult } from "~/components/use-action-result";
import type { ActionFailure } from "~/domain/action-result";
import { useZodForm } from "~/components/use-zod-form";
import { isHr, type Actor } from "~/domain/actor";
import { fiscalYearOf, PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { formatThaiDateTime } from "~/domain/thai-date";
import {
  planLevelTargets,
  recordCaseBaseline,
  recordLocalTarget,
  unthresholdedIndicators,
} from "~/models/plan/plan-targets.server";
import { baselineSchema, localTargetSchema } from "~/schemas/plan-targets";
import { requireRole, requireUser } from "~/utils/auth.server";
import { formDataToObject } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { actOrRefuse } from "~/utils/route.server";
import { formatCount } from "~/domain/numbers";

export const meta: MetaFunction = () => [{ title: "เป้าหมายระดับแผนและเป้าหมายที่กำหนดเอง · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [targets, indicators] = await Promise.all([planLevelTargets(), unthresholdedIndicators()]);
  return json({ isHr: isHr(user), currentYear: fiscalYearOf(new Date()), ...targets, indicators });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const actor: Actor = { personId: user.id, roles: user.roles, ip: clientIp(context) };
  const values = formDataToObject(await request.formData());
  const intent = values.intent;
  return actOrRefuse(async () => {
    if (intent === "baseline") {
      await recordCaseBaseline(actor, values);
      return json({ ok: true as const, intent, message: "บันทึกค่าฐานแล้ว" });
    }
    await recordLocalTarget(actor, values);
    return json({ ok: true as const, intent: "local-target", message: "บันทึกเป้าหมายแล้ว" });
  }, values);
}

export default function PlanTargets() {
  const data = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const failure = failureOf(result);
  const intent = (failure?.values?.intent as string | undefined) ?? (result?.ok ? result.intent : undefined);
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/plan">‹ แผนปฏิบัติการ</Link>
      </p>
      <h1>เป้าหมายระดับแผน</h1>
      <p className="muted">
        แผนส่วนที่ 1 ข้อ 4: คะแนน ITA 65, 70, 75, 80, 85 ในปี 2566–2570 (ปี 2570 ไม่น้อยกว่า 90 หากผ่านเกณฑ์ 85 แล้ว)
        และคดีทุจริตลดลงร้อยละ 10–50 เทียบกับปี 2565
      </p>
      {result?.ok ? (
        <p className="alert alert--ok" role="status">
          {result.message}
        </p>
      ) : null}
      <section className="card">
        <PlanTargetsTable rows={data.rows} baselineYear={data.baselineYear} baseline={data.baseline} />
        {data.baseline ? (
          <p className="muted">{`ค่าฐานปี ${data.baselineYear}: ${formatCount(data.baseline.value)} คดี · ที่มา: ${data.baseline.source} · บันทึกโดย ${data.baseline.enteredBy} ${formatThaiDateTime(data.baseline.enteredAt)}`}</p>
        ) : null}
      </section>
      {data.isHr ? (
        <BaselineForm failure={intent === "baseline" ? failure : undefined} baselineYear={data.baselineYear} />
      ) : null}

      <section className="card" aria-labelledby="local-heading">
        <h2 id="local-heading">ตัวชี้วัดที่แผนไม่ได้กำหนดเกณฑ์</h2>
        <p className="muted">
          ระบบรายงานผลของตัวชี้วัดเหล่านี้โดยไม่ตัดสินว่าบรรลุหรือไม่ เว้นแต่กองการเจ้าหน้าที่กำหนดเป้าหมายเองพร้อมระบุที่มา
        </p>
        {data.indicators.length === 0 ? <p>ไม่มีตัวชี้วัดที่แผนไม่ได้กำหนดเกณฑ์</p> : null}
        {data.indicators.map((ind) => (
          <article key={ind.id} className="stack" id={`indicator-${ind.id}`}>
            <h3>{`รายการที่ ${ind.itemNumber}`}</h3>
            <p>{ind.text}</p>
            {ind.targets.length ? (
              <ul>
                {ind.targets.map((t, i) => (
                  <li
                    key={i}
                  >{`ปี ${t.fiscalYear}: ร้อยละ ${t.thresholdPercent} · ที่มา: ${t.source} · ${t.enteredBy} ${formatThaiDateTime(t.enteredAt)}`}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">ยังไม่มีเป้าหมายที่กำหนดเอง: แสดง "แผนไม่ได้กำหนดเกณฑ์"</p>
            )}
            {data.isHr ? (
              <LocalTargetForm
                indicatorId={ind.id}
                currentYear={data.currentYear}
                failure={
                  intent === "local-target" && failure?.values?.indicatorId === String(ind.id) ? failure : undefined
                }
              />
            ) : null}
          </article>
        ))}
      </section>
    </>
  );
}

type Failure = ActionFailure | undefined;

function BaselineForm({ failure, baselineYear }: { failure: Failure; baselineYear: number }) {
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(baselineSchema, {
    defaultValues: { value: "", source: "", ...(failure?.values as object) },
    serverErrors: failure?.fieldErrors,
  });
  return (
    <Form method="post" className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="baseline-heading">
      <h2 id="baseline-heading">{`ค่าฐาน: จำนวนคดีทุจริตปี ${baselineYear}`}</h2>
      <FormError message={failure?.formError} />
      <input type="hidden" name="intent" value="baseline" />
      <div className="row">
        <TextField label="จำนวนคดี" inputMode="numeric" error={errorOf("value")} {...register("value")} />
        <TextField
          label="ที่มา"
          placeholder="เช่น รายงานศูนย์ปฏิบัติการต่อต้านการทุจริต ปี 2565"
          error={errorOf("source")}
          {...register("source")}
        />
      </div>
      <div>
        <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
          {navigation.state !== "idle" ? "กำลังบันทึก…" : "บันทึกค่าฐาน"}
        </button>
      </div>
    </Form>
  );
}

function LocalTargetForm({
  indicatorId,
  currentYear,
  failure,
}: {
  indicatorId: number;
  currentYear: number;
  failure: Failure;
}) {
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(localTargetSchema, {
    defaultValues: {
      indicatorId: String(indicatorId),
      fiscalYear: String(currentYear),
      thresholdPercent: "",
      source: "",
      ...(failure?.values as object),
    },
    serverErrors: failure?.fieldErrors,
  });
  return (
    <Form
      method="post"
      className="stack"
      onSubmit={onSubmit}
      noValidate
      aria-label={`กำหนดเป้าหมายตัวชี้วัด ${indicatorId}`}
    >
      <FormError message={failure?.formError} />
      <input type="hidden" name="intent" value="local-target" />
      <input type="hidden" {...register("indicatorId")} />
      {/* Own ids (the baseline form above also has a "source" field): each label points at its own input. */}
      <div className="row">
        <LocalField id={`local-${indicatorId}-fiscalYear`} label="ปีงบประมาณ" error={errorOf("fiscalYear")}>
          <select id={`local-${indicatorId}-fiscalYear`} {...register("fiscalYear")}>
            {PLAN_FISCAL_YEARS.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </LocalField>
        <LocalField
          id={`local-${indicatorId}-thresholdPercent`}
          label="ร้อยละของกลุ่มเป้าหมาย"
          error={errorOf("thresholdPercent")}
        >
          <input
            id={`local-${indicatorId}-thresholdPercent`}
            inputMode="numeric"
            aria-invalid={errorOf("thresholdPercent") ? true : undefined}
            {...register("thresholdPercent")}
          />
        </LocalField>
        <LocalField id={`local-${indicatorId}-source`} label="ที่มาของเป้าหมาย" error={errorOf("source")}>
          <input
            id={`local-${indicatorId}-source`}
            placeholder="เช่น มติคณะทำงาน ครั้งที่ 1/2570"
            aria-invalid={errorOf("source") ? true : undefined}
            {...register("source")}
          />
        </LocalField>
      </div>
      <div>
        <button type="submit" className="btn btn--secondary" disabled={navigation.state !== "idle"}>
          บันทึกเป้าหมาย
        </button>
      </div>
    </Form>
  );
}

function LocalField({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
