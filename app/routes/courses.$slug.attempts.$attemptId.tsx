import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { AttemptSummary } from "~/components/quiz/attempt-summary";
import { TakeAttempt } from "~/components/quiz/take-attempt";
import { percent } from "~/domain/quiz";
import { formatThaiDateTime } from "~/domain/thai-date";
import { saveAnswers, submitAttempt } from "~/models/training/attempts.server";
import { attemptPage } from "~/models/training/learner-pages.server";
import { postedAnswersSchema } from "~/schemas/attempt";
import { requireUser } from "~/utils/auth.server";
import { validate } from "~/utils/forms";
import { httpError } from "~/utils/http.server";
import { actionFailure, actOrRefuse, loadOrRefuse } from "~/utils/route.server";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.attempt.kind === "pre" ? "แบบทดสอบก่อนเรียน" : "แบบทดสอบหลังเรียน"} · ${data.attempt.course.title}`
      : "แบบทดสอบ",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = idParam(params.attemptId, "ไม่พบแบบทดสอบนี้");
  // Per-item feedback is in the data only once the course is settled (attemptFeedbackOpen in app/domain).
  return json(await loadOrRefuse(() => attemptPage(id, { personId: user.id }, params.slug)));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const attemptId = idParam(params.attemptId);
  if (!Number.isInteger(attemptId)) httpError(404, "ไม่พบแบบทดสอบนี้");
  const form = await readFormData(request);
  const intent = form.get("intent") === "save" ? "save" : form.get("intent") === "review" ? "review" : "submit";
  const posted = validate(
    postedAnswersSchema,
    Object.fromEntries([...form.entries()].filter(([key]) => /^q\d+$/.test(key))),
  );
  if (!posted.success)
    return actionFailure({ formError: "คำตอบไม่ถูกต้อง ระบบไม่ได้บันทึกคำตอบใด ๆ", fieldErrors: posted.fieldErrors });
  // Which positions exist, whose attempt it is and whether every question is answered: the model checks.
  const answers = new Map(Object.entries(posted.data).map(([key, value]) => [Number(key.slice(1)), value]));
  const actor = { personId: user.id, ip: clientIp(context) };
  return actOrRefuse(async () => {
    if (intent === "review") {
      // "ส่งคำตอบ" on the questions saves them and opens the summary; only its confirmation ends the attempt.
      await saveAnswers(attemptId, answers, actor, params.slug);
      return redirect(`/courses/${params.slug}/attempts/${attemptId}?summary`);
    }
    if (intent === "save") {
      await saveAnswers(attemptId, answers, actor, params.slug);
      return json({ ok: true as const, saved: true });
    }
    await submitAttempt(attemptId, answers, actor, params.slug);
    return redirect(`/courses/${params.slug}/attempts/${attemptId}`);
  });
}

// Autosaving one answer needs no reload of the whole attempt.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "save" ? false : defaultShouldRevalidate;

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function AttemptResult({ data }: { data: Loaded }) {
  const { attempt, preTest } = data;
  const correct = attempt.correctCount ?? 0;
  const score = percent(correct, attempt.totalCount);
  const gain = preTest ? Math.round((score - percent(preTest.correct, preTest.total)) * 10) / 10 : null;
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/courses/${attempt.course.slug}`}>{`‹ ${attempt.course.title}`}</Link>
      </p>
      <h1>{attempt.kind === "pre" ? "ผลแบบทดสอบก่อนเรียน" : `ผลแบบทดสอบหลังเรียน ครั้งที่ ${attempt.number}`}</h1>
      <section className="card result" aria-label="สรุปผล" data-testid="attempt-result">
        <p className="stat">{`${correct}/${attempt.totalCount} ข้อ (${score}%)`}</p>
        {attempt.kind === "post" ? (
          <p>
            {attempt.passed ? (
              <span className="badge badge--ok">ผ่าน</span>
            ) : (
              <span className="badge badge--bad">ยังไม่ผ่าน</span>
            )}{" "}
            {`เกณฑ์ผ่าน ${attempt.course.passPercent}%`}
          </p>
        ) : (
          <p className="muted">แบบทดสอบก่อนเรียนใช้วัดความรู้เดิม ไม่มีผลต่อการผ่าน</p>
        )}
        {gain != null ? (
          <p>{`เทียบกับก่อนเรียน: ${preTest!.correct}/${preTest!.total} → ${correct}/${attempt.totalCount} (${gain >= 0 ? "+" : ""}${gain} จุดร้อยละ)`}</p>
        ) : null}
        <p className="muted">{`ส่งเมื่อ ${formatThaiDateTime(attempt.submittedAt!)}${attempt.timedOut ? " (ระบบปิดอัตโนมัติเมื่อหมดเวลาหรือสิ้นปีงบประมาณ ตรวจเฉพาะคำตอบที่บันทึกไว้)" : ""}`}</p>
        <p className="actions">
          {data.certificateCode ? (
            <Link className="btn" to={`/certificates/${data.certificateCode}`}>
              ดูและพิมพ์เกียรติบัตร
            </Link>
          ) : null}
          <Link className="btn btn--secondary" to={`/courses/${attempt.course.slug}`}>
            กลับหน้าหลักสูตร
          </Link>
        </p>
      </section>
      {attempt.reviewOpen ? (
        <h2>เฉลยและคำอธิบาย</h2>
      ) : (
        <p className="alert alert--info">
          ผลรายข้อ เฉลยและคำอธิบายจะแสดงเมื่อท่านผ่านหลักสูตรนี้ หรือทำแบบทดสอบหลังเรียนครบจำนวนครั้งของปีงบประมาณ
          ระหว่างนี้แสดงเฉพาะคะแนนรวม
        </p>
      )}
      {attempt.items.map((item) => (
        <section key={item.position} className={`card question review ${item.correct ? "is-correct" : "is-wrong"}`}>
          <p className="muted">{`ข้อ ${item.position + 1} · ${item.correct ? "ตอบถูก" : "ตอบผิด"}`}</p>
          <p className="prompt">{item.prompt}</p>
          <ul className="review-choices">
            {item.choices.map((choice, shown) => {
              const isAnswer = item.correctChoice !== undefined && shown === item.correctChoice;
              const isMine = shown === item.selected;
              return (
                <li key={shown} className={isAnswer ? "is-answer" : isMine && !item.correct ? "is-chosen" : undefined}>
                  {choice}
                  {isAnswer ? " ✓ คำตอบที่ถูก" : ""}
                  {isMine && !isAnswer ? (item.correct ? " ✓ คำตอบของท่าน" : " ✗ คำตอบของท่าน") : ""}
                </li>
              );
            })}
          </ul>
          {item.explanation ? <p className="explanation">{item.explanation}</p> : null}
        </section>
      ))}
    </>
  );
}

export default function AttemptPage() {
  const data = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  if (data.attempt.submittedAt) return <AttemptResult data={data} />;
  return search.has("summary") ? (
    <AttemptSummary attempt={data.attempt} now={data.now} />
  ) : (
    <TakeAttempt attempt={data.attempt} now={data.now} />
  );
}
