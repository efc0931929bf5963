import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useActionResult } from "~/components/use-action-result";
import { FormError } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { fullName } from "~/domain/personnel";
import { APPEAL_OUTCOME_LABELS, formatIncrease } from "~/domain/salary-review";
import { stepView } from "~/domain/salary-step";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import { fileAppeal } from "~/models/salary/appeals.server";
import { resultPage } from "~/models/salary/pages.server";
import { APPEAL_MAX_CHARS, appealSchema } from "~/schemas/salary";
import { requireUser } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { loadOrRefuse } from "~/utils/route.server";
import { runStep, salaryActor, stepFailure } from "~/utils/salary-route.server";
import { readFormData } from "~/utils/request-body.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "ผลการเลื่อนขั้นเงินเดือน · สุจริต" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { own, isHr, person, result } = await loadOrRefuse(() =>
    resultPage(idParam(params.appraisalId), salaryActor(user, context)),
  );
  return json({ own, isHr, name: fullName(person), result });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const appraisalId = idParam(params.appraisalId);
  const { values, result } = validateForm(appealSchema, await readFormData(request));
  if (!result.success) return stepFailure("appeal", { fieldErrors: result.fieldErrors, values });
  // The model refuses anyone but the person (or HR recording a paper appeal), and outside the appeal period.
  return runStep(
    "appeal",
    async () => (
      await fileAppeal(appraisalId, result.data.reason, salaryActor(user, context)),
      "ยื่นอุทธรณ์แล้ว งานการเจ้าหน้าที่จะเสนอคณะกรรมการพิจารณาและแจ้งผล"
    ),
    values,
  );
}

export default function ResultPage() {
  const { own, isHr, name, result } = useLoaderData<typeof loader>();
  const actionData = stepView(useActionResult<typeof action>());
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(appealSchema, {
    defaultValues: {
      reason: "",
      ...(actionData?.formError || actionData?.fieldErrors ? (actionData.values as object) : {}),
    },
    serverErrors: actionData?.fieldErrors,
  });
  const r = result;
  return (
    <>
      <p className="breadcrumbs">
        {isHr && !own ? (
          <Link to={`/salary/rounds/${r.round.id}`}>{`‹ ${r.round.title}`}</Link>
        ) : (
          <Link to="/salary">‹ การเลื่อนขั้นเงินเดือน</Link>
        )}
      </p>
      <h1>{own ? "ผลการพิจารณาเลื่อนขั้นเงินเดือนของฉัน" : `ผลการพิจารณา: ${name}`}</h1>
      <p className="muted">{r.round.title}</p>
      {actionData?.message ? (
        <div className="alert alert--ok" role="status">
          {actionData.message}
        </div>
      ) : null}
      <FormError message={actionData?.formError} />
      {!r.round.publishedAt ? (
        <p
          className="card muted"
          data-testid="my-result"
        >{`${r.status.label}ของรอบนี้ เมื่อประกาศแล้วท่านจะเห็นผลและเหตุผลที่นี่`}</p>
      ) : (
        <section className="card" aria-labelledby="result">
          <h2 id="result">ผล</h2>
          <p className="stat" data-testid="my-result">
            {r.status.label}
          </p>
          <p data-testid="my-reason">{`เหตุผล: ${r.status.reason}`}</p>
          <ul className="facts">
            <li>{`คะแนนประเมินผลการปฏิบัติงาน: ${r.score ?? "—"}`}</li>
            {r.proposed ? (
              <li>{`ผู้บังคับบัญชาเสนอ: ${formatIncrease({ increaseType: r.increaseType, ...r.proposed })}`}</li>
            ) : null}
            {r.comment ? <li>{`ความเห็นผู้บังคับบัญชา: ${r.comment}`}</li> : null}
            <li data-testid="my-appeal">{`ประกาศผลเมื่อ ${formatThaiDate(r.round.publishedAt)} · ${r.status.appeal.label}`}</li>
          </ul>
          {r.reasons.length > 1 ? (
            <>
              <h3>มติทั้งหมดที่มีเหตุผลประกอบ</h3>
              <ul>
                {r.reasons.map((reason, i) => (
                  <li
                    key={i}
                  >{`${reason.by === "screening" ? "คณะกรรมการกลั่นกรอง" : "คณะกรรมการพิจารณาเลื่อนขั้นเงินเดือน"}${reason.correction ? " (มติแก้ไข)" : ""}: ${reason.reason}`}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      )}

      {r.appeals.length ? (
        <section className="card" aria-labelledby="appeals">
          <h2 id="appeals">อุทธรณ์</h2>
          {r.appeals.map((a) => (
            <article key={a.id} className="indicator">
              <p>{`ยื่นเมื่อ ${formatThaiDateTime(a.filedAt)}: ${a.reason}`}</p>
              <p className={a.answeredAt ? "" : "muted"} data-testid={`appeal-status-${a.id}`}>
                {a.answeredAt
                  ? `${APPEAL_OUTCOME_LABELS[a.outcome as keyof typeof APPEAL_OUTCOME_LABELS]}: ${a.answer} (${formatThaiDate(a.answeredAt)})`
                  : "รอการพิจารณา"}
              </p>
            </article>
          ))}
        </section>
      ) : null}

      {r.canAppeal ? (
        <section className="card" aria-labelledby="appeal-form">
          <h2 id="appeal-form">{own ? "ยื่นอุทธรณ์" : "บันทึกอุทธรณ์ที่ยื่นเป็นหนังสือ"}</h2>
          <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
            <div className="field">
              <label htmlFor="reason">เหตุผลที่ขออุทธรณ์</label>
              <textarea
                id="reason"
                rows={4}
                aria-describedby="reason-hint"
                aria-invalid={errorOf("reason") ? true : undefined}
                {...register("reason")}
              />
              <span
                id="reason-hint"
                className="muted"
              >{`ไม่เกิน ${APPEAL_MAX_CHARS.toLocaleString("th-TH")} ตัวอักษร`}</span>
              {errorOf("reason") ? (
                <span className="field-error" role="alert">
                  {errorOf("reason")}
                </span>
              ) : null}
            </div>
            <div>
              <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
                ยื่นอุทธรณ์
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}
