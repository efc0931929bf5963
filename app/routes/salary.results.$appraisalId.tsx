import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { fullName } from "~/domain/personnel";
import { APPEAL_OUTCOME_LABELS, formatBaht, formatIncrease } from "~/domain/salary-review";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import { fileAppeal } from "~/models/salary-appeals.server";
import { myResults } from "~/models/salary-queries.server";
import { appealSchema } from "~/schemas/salary";
import { requireUser, type CurrentUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { validateForm } from "~/utils/forms";
import { httpError } from "~/utils/http.server";
import { isHrUser, runStep, salaryActor, type ActionResult } from "~/utils/salary-route.server";
import { readFormData } from "~/utils/request-body.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "ผลการเลื่อนขั้นเงินเดือน · สุจริต" }];

/** The person's own result, or anyone's for HR; others get the same 404 as a missing one. */
async function visibleResult(user: CurrentUser, appraisalId: number) {
  const appraisal = await db.salaryAppraisal.findUnique({ where: { id: appraisalId }, include: { person: true } });
  if (!appraisal || (appraisal.personId !== user.id && !isHrUser(user))) httpError(404, "ไม่พบผลการพิจารณานี้");
  const result = (await myResults(appraisal.personId)).find((r) => r.appraisalId === appraisalId)!;
  return { person: appraisal.person, result };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { person, result } = await visibleResult(user, idParam(params.appraisalId));
  return json({ own: person.id === user.id, isHr: isHrUser(user), name: fullName(person), result });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const appraisalId = idParam(params.appraisalId);
  await visibleResult(user, appraisalId);
  const { values, result } = validateForm(appealSchema, await readFormData(request));
  if (!result.success) return json<ActionResult>({ intent: "appeal", fieldErrors: result.fieldErrors, values }, { status: 400 });
  return runStep("appeal", async () => (await fileAppeal(appraisalId, result.data.reason, salaryActor(user, context)), "ยื่นอุทธรณ์แล้ว งานการเจ้าหน้าที่จะเสนอคณะกรรมการพิจารณาและแจ้งผล"), values);
}

export default function ResultPage() {
  const { own, isHr, name, result } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(appealSchema, { defaultValues: { reason: "", ...(actionData?.error || actionData?.fieldErrors ? (actionData.values as object) : {}) }, serverErrors: actionData?.fieldErrors });
  const r = result;
  return (
    <>
      <p className="breadcrumbs">
        {isHr && !own ? <Link to={`/salary/rounds/${r.round.id}`}>{`‹ ${r.round.title}`}</Link> : <Link to="/salary">‹ การเลื่อนขั้นเงินเดือน</Link>}
      </p>
      <h1>{own ? "ผลการพิจารณาเลื่อนขั้นเงินเดือนของฉัน" : `ผลการพิจารณา: ${name}`}</h1>
      <p className="muted">{r.round.title}</p>
      {actionData?.ok ? (
        <div className="alert alert--ok" role="status">
          {actionData.ok}
        </div>
      ) : null}
      <FormError message={actionData?.error} />
      {!r.round.publishedAt ? (
        <p className="card muted">ยังไม่ประกาศผลของรอบนี้ เมื่อประกาศแล้วท่านจะเห็นผลและเหตุผลที่นี่</p>
      ) : (
        <section className="card" aria-labelledby="result">
          <h2 id="result">ผล</h2>
          <p className="stat" data-testid="my-result">
            {r.result ? `${formatIncrease({ increaseType: r.increaseType, ...r.result })} · ${formatBaht(r.result.amountBaht)}${r.result.corrected ? " (แก้ไขตามผลอุทธรณ์)" : ""}` : "—"}
          </p>
          <ul className="facts">
            <li>{`คะแนนประเมินผลการปฏิบัติงาน: ${r.score ?? "—"}`}</li>
            {r.proposed ? <li>{`ผู้บังคับบัญชาเสนอ: ${formatIncrease({ increaseType: r.increaseType, ...r.proposed })}`}</li> : null}
            {r.comment ? <li>{`ความเห็นผู้บังคับบัญชา: ${r.comment}`}</li> : null}
            <li>{`ประกาศผลเมื่อ ${formatThaiDate(r.round.publishedAt)} · อุทธรณ์ได้ถึง ${formatThaiDate(new Date(new Date(r.round.appealDeadline!).getTime() - 1))}`}</li>
          </ul>
          {r.reasons.length ? (
            <>
              <h3>เหตุผลของคณะกรรมการ</h3>
              <ul>
                {r.reasons.map((reason, i) => (
                  <li key={i}>{`${reason.by === "screening" ? "คณะกรรมการกลั่นกรอง" : "คณะกรรมการพิจารณาเลื่อนขั้นเงินเดือน"}${reason.correction ? " (มติแก้ไข)" : ""}: ${reason.reason}`}</li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">คณะกรรมการเห็นชอบตามที่ผู้บังคับบัญชาเสนอ</p>
          )}
        </section>
      )}

      {r.appeals.length ? (
        <section className="card" aria-labelledby="appeals">
          <h2 id="appeals">อุทธรณ์</h2>
          {r.appeals.map((a) => (
            <article key={a.id} className="indicator">
              <p>{`ยื่นเมื่อ ${formatThaiDateTime(a.filedAt)}: ${a.reason}`}</p>
              <p className={a.answeredAt ? "" : "muted"} data-testid={`appeal-status-${a.id}`}>
                {a.answeredAt ? `${APPEAL_OUTCOME_LABELS[a.outcome as keyof typeof APPEAL_OUTCOME_LABELS]}: ${a.answer} (${formatThaiDate(a.answeredAt)})` : "รอการพิจารณา"}
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
              <textarea id="reason" rows={4} aria-invalid={errorOf("reason") ? true : undefined} {...register("reason")} />
              {errorOf("reason") ? <span className="field-error" role="alert">{errorOf("reason")}</span> : null}
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
