import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { failureOf, submittedText, useActionResult } from "~/components/use-action-result";
import { FormError } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { salarySurvey } from "~/content/salary-survey.server";
import { answerFieldName, answersInOrder, lastAnswerMoment } from "~/domain/salary-survey";
import { surveyAnswersSchema } from "~/schemas/salary";
import { formatThaiDate } from "~/domain/thai-date";
import { surveyPage } from "~/models/salary/pages.server";
import { respondToSurvey } from "~/models/salary/survey.server";
import { actionFailure, actOrRefuse, loadOrRefuse } from "~/utils/route.server";
import { salaryActor } from "~/utils/salary-route.server";
import { requireUser } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { readFormData } from "~/utils/request-body.server";
import { parseId } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "แบบสำรวจความพึงพอใจต่อระบบการเลื่อนขั้นเงินเดือน · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const page = await loadOrRefuse(() => surveyPage(salaryActor(user, context), parseId(url.searchParams.get("round"))));
  return json({ ...page, thanks: url.searchParams.get("thanks") === "1" && page.current?.answered === true });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const statementCount = salarySurvey().statements.length;
  const formData = await readFormData(request);
  const roundId = Number(formData.get("roundId"));
  const { values, result } = validateForm(surveyAnswersSchema(statementCount), formData);
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, formError: "กรุณาตอบให้ครบทุกข้อ", values });
  return actOrRefuse(async () => {
    await respondToSurvey(
      roundId,
      answersInOrder(result.data as Record<string, number>, statementCount),
      salaryActor(user, context),
    );
    return redirect(`/salary/survey?round=${roundId}&thanks=1`);
  }, values);
}

export default function SalarySurveyPage() {
  const { survey, rounds, current, thanks, resultRounds } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{survey.title}</h1>
      {rounds.length > 1 ? (
        <nav className="card" aria-label="รอบที่เปิดให้ตอบ">
          <ul className="plain-list">
            {rounds.map((r) => (
              <li key={r.id}>
                <Link to={`?round=${r.id}`} aria-current={r.id === current?.id ? "page" : undefined}>
                  {r.title}
                </Link>
                {r.answered ? <span className="badge badge--ok">ตอบแล้ว</span> : null}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {!current ? (
        <p className="card">
          ขณะนี้ไม่มีแบบสำรวจที่ท่านต้องตอบ แบบสำรวจจะเปิดหลังประกาศผลการเลื่อนขั้นเงินเดือนแต่ละรอบ สำหรับผู้ที่อยู่ในรอบนั้น
        </p>
      ) : current.answered ? (
        <section className="card" aria-live="polite">
          {thanks ? (
            <>
              <h2>ขอบคุณที่ตอบแบบสำรวจ</h2>
              <p>{`บันทึกคำตอบของท่านสำหรับ${current.title} แล้ว คำตอบไม่ผูกกับชื่อของท่าน และจะแสดงเป็นภาพรวมหลังปิดแบบสำรวจเท่านั้น`}</p>
            </>
          ) : (
            <>
              <h2>ท่านตอบแบบสำรวจของรอบนี้แล้ว</h2>
              <p>{`${current.title}: ตอบได้คนละหนึ่งครั้ง และแก้ไขคำตอบไม่ได้ เพราะระบบไม่ได้เก็บว่าคำตอบใดเป็นของใคร`}</p>
            </>
          )}
        </section>
      ) : (
        <Questionnaire key={current.id} round={current} survey={survey} />
      )}
      {resultRounds ? (
        <section className="card" aria-labelledby="results-heading">
          <h2 id="results-heading">ผลแบบสำรวจ (สำหรับเจ้าหน้าที่บุคคล)</h2>
          {resultRounds.length === 0 ? (
            <p className="muted">ยังไม่มีรอบที่ประกาศผลและเปิดแบบสำรวจ</p>
          ) : (
            <ul className="plain-list">
              {resultRounds.map((r) => (
                <li key={r.id}>
                  <Link to={`/salary/rounds/${r.id}/survey-results`}>{`ผลแบบสำรวจ ${r.title}`}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}

function Questionnaire({
  round,
  survey,
}: {
  round: { id: number; title: string; surveyClosesAt: string };
  survey: { introduction: string; scale: string[]; statements: string[] };
}) {
  const actionData = failureOf(useActionResult<typeof action>());
  const navigation = useNavigation();
  const given = submittedText(actionData);
  const { register, onSubmit, errorOf } = useZodForm(surveyAnswersSchema(survey.statements.length), {
    defaultValues: given,
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <Form method="post" onSubmit={onSubmit} noValidate className="survey">
      <p className="muted">{`${round.title} · ตอบได้ถึง ${formatThaiDate(lastAnswerMoment(round.surveyClosesAt))} · ${survey.introduction}`}</p>
      <FormError message={actionData?.formError} />
      <input type="hidden" name="roundId" value={round.id} />
      {survey.statements.map((statement, index) => {
        const name = answerFieldName(index);
        const error = errorOf(name);
        return (
          <fieldset
            key={name}
            className="card question likert"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${name}-error` : undefined}
          >
            <legend>{`ข้อ ${index + 1}`}</legend>
            <p className="prompt">{statement}</p>
            <div className="likert__choices">
              {survey.scale.map((label, i) => (
                <label key={label} className="choice likert__choice">
                  <input
                    type="radio"
                    value={String(i + 1)}
                    defaultChecked={given[name] === String(i + 1)}
                    {...register(name)}
                  />
                  <span>
                    <strong>{i + 1}</strong> {label}
                  </span>
                </label>
              ))}
            </div>
            {error ? (
              <p className="field-error" id={`${name}-error`} role="alert">
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <div className="card actions">
        <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
          ส่งแบบสำรวจ
        </button>
        <span className="muted">ส่งแล้วแก้ไขไม่ได้</span>
      </div>
    </Form>
  );
}
