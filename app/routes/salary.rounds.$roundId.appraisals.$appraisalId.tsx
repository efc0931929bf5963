import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { FormError, SelectField, TextField } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { fullName, personnelTypeLabel } from "~/domain/personnel";
import { formatBasisPoints, formatBaht, formatHalfSteps } from "~/domain/salary-review";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { appraisalPage, recordAppraisal } from "~/models/salary/rounds.server";
import { appraisalSchemaFor } from "~/schemas/salary";
import { requireRole } from "~/utils/auth.server";
import { formDataToObject } from "~/utils/forms";
import { actOrRefuse, loadOrRefuse } from "~/utils/route.server";
import { salaryActor } from "~/utils/salary-route.server";
import { readFormData } from "~/utils/request-body.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `ประเมิน ${data?.person.name ?? ""} · สุจริต` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin", "manager");
  const { appraisal, lockReason } = await loadOrRefuse(() =>
    appraisalPage(idParam(params.roundId), idParam(params.appraisalId), salaryActor(user, context)),
  );
  const { round } = appraisal;
  return json({
    round: {
      id: round.id,
      title: round.title,
      limits: { stepCapHalfSteps: round.stepCapHalfSteps, percentCapBasisPoints: round.percentCapBasisPoints },
      stepCap: formatHalfSteps(round.stepCapHalfSteps),
      percentCap: formatBasisPoints(round.percentCapBasisPoints),
      poolBaht: round.poolBaht,
    },
    person: {
      name: fullName(appraisal.person),
      position: appraisal.person.position,
      division: appraisal.person.division.name,
      type: personnelTypeLabel(appraisal.person.personnelType),
    },
    increaseType: appraisal.increaseType,
    locked: lockReason != null,
    lockReason,
    values: {
      score: appraisal.score == null ? "" : String(appraisal.score),
      baseSalaryBaht: appraisal.baseSalaryBaht ? String(appraisal.baseSalaryBaht) : "",
      stepValueBaht: appraisal.stepValueBaht == null ? "" : String(appraisal.stepValueBaht),
      halfSteps: appraisal.proposedHalfSteps == null ? "" : String(appraisal.proposedHalfSteps),
      percent: appraisal.proposedBasisPoints == null ? "" : String(appraisal.proposedBasisPoints / 100),
      comment: appraisal.comment ?? "",
    },
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin", "manager");
  const values = formDataToObject(await readFormData(request));
  // The model validates with the round's caps (every field error in one pass) and checks who may appraise.
  return actOrRefuse(
    async () => (
      await recordAppraisal(idParam(params.appraisalId), values, salaryActor(user, context)),
      redirect(`/salary/rounds/${params.roundId}`)
    ),
    values,
  );
}

export default function AppraisalPage() {
  const { round, person, increaseType, locked, lockReason, values } = useLoaderData<typeof loader>();
  const actionData = failureOf(useActionResult<typeof action>());
  const navigation = useNavigation();
  const schema = useMemo(
    () => appraisalSchemaFor(round.limits, increaseType === "steps" ? "steps" : "percent"),
    [round.limits, increaseType],
  );
  const { register, onSubmit, errorOf } = useZodForm(schema, {
    defaultValues: { ...values, ...(actionData?.values as object) },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/salary/rounds/${round.id}`}>{`‹ ${round.title}`}</Link>
      </p>
      <h1>{`ผลการประเมินและข้อเสนอ: ${person.name}`}</h1>
      <p className="muted">{`${person.position} · ${person.division} · ${person.type}`}</p>
      {locked ? (
        <div className="alert alert--error" role="alert">
          {lockReason}
        </div>
      ) : null}
      <Form method="post" className="card stack" onSubmit={onSubmit} noValidate>
        <FormError message={actionData?.formError} />
        <fieldset disabled={locked} className="stack">
          <div className="row">
            <TextField
              label="คะแนนประเมินผลการปฏิบัติงาน (0–100)"
              inputMode="decimal"
              error={errorOf("score")}
              {...register("score")}
            />
            <TextField
              label="เงินเดือน/ฐานในการคำนวณ (บาท)"
              inputMode="numeric"
              error={errorOf("baseSalaryBaht")}
              {...register("baseSalaryBaht")}
            />
          </div>
          {increaseType === "steps" ? (
            <div className="row">
              <SelectField
                label={`ขั้นที่เสนอ (เพดาน ${round.stepCap})`}
                error={errorOf("halfSteps")}
                {...register("halfSteps")}
              >
                <option value="">— เลือก —</option>
                <option value="0">ไม่เลื่อนขั้น</option>
                <option value="1">0.5 ขั้น</option>
                <option value="2">1 ขั้น</option>
                <option value="3">1.5 ขั้น</option>
              </SelectField>
              <TextField
                label="มูลค่า 1 ขั้นตามบัญชีเงินเดือน (บาท)"
                inputMode="numeric"
                error={errorOf("stepValueBaht")}
                {...register("stepValueBaht")}
              />
            </div>
          ) : (
            <TextField
              label={`ร้อยละที่เสนอ (เพดาน${round.percentCap})`}
              inputMode="decimal"
              error={errorOf("percent")}
              {...register("percent")}
            />
          )}
          <div className="field">
            <label htmlFor="comment">ความเห็นของผู้บังคับบัญชา</label>
            <textarea id="comment" rows={4} {...register("comment")} />
          </div>
          <p className="muted">{`วงเงินรวมของรอบ ${formatBaht(round.poolBaht)} · ระบบคำนวณจำนวนเงินให้ และไม่รับข้อเสนอที่ทำให้รวมทั้งรอบเกินวงเงิน`}</p>
          <div>
            <button type="submit" className="btn" disabled={locked || navigation.state !== "idle"}>
              บันทึกผลการประเมิน
            </button>
          </div>
        </fieldset>
      </Form>
    </>
  );
}
