import { Form, Link, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { FormError } from "~/components/form-field";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { attemptProgress } from "~/domain/quiz-progress";
import { answerFieldName } from "~/schemas/attempt";
import { CLOSE_AFTER_SECONDS, Timer, type OpenAttempt } from "./take-attempt";
import { useFlags } from "./use-flags";

/**
 * The step between the questions and the final submit (Moodle's "summary of attempt"): what is answered,
 * unanswered and flagged, each linked back to its question, then one confirmation that ends the attempt.
 */
export function AttemptSummary({ attempt, now }: { attempt: OpenAttempt; now: string }) {
  const failure = failureOf(useActionResult());
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const { flags } = useFlags(attempt.id);
  const answered = new Set(attempt.items.filter((i) => i.selected != null).map((i) => i.position));
  const progress = attemptProgress(
    attempt.items.map((i) => i.position),
    answered,
    flags,
  );
  const back = (position?: number) =>
    `/courses/${attempt.course.slug}/attempts/${attempt.id}${position == null ? "" : `#q-${position}`}`;
  const submitting = navigation.state !== "idle" && navigation.formData?.get("intent") === "submit";
  const [timeUp, setTimeUp] = useState(false);
  useEffect(() => {
    if (!timeUp) return;
    const t = setTimeout(() => revalidator.revalidate(), CLOSE_AFTER_SECONDS * 1000);
    return () => clearTimeout(t);
  }, [timeUp, revalidator]);
  const list = (questions: { position: number }[]) =>
    questions.map((q, i) => (
      <span key={q.position}>
        {i ? ", " : ""}
        <Link to={back(q.position)}>{`ข้อ ${q.position + 1}`}</Link>
      </span>
    ));

  return (
    <>
      <p className="breadcrumbs">
        <Link to={back()}>‹ กลับไปที่คำถาม</Link>
      </p>
      <div className="page-head">
        <h1>{`สรุปก่อนส่ง${attempt.kind === "pre" ? "แบบทดสอบก่อนเรียน" : `แบบทดสอบหลังเรียน ครั้งที่ ${attempt.number}`}`}</h1>
        {attempt.deadlineAt ? <Timer deadline={attempt.deadlineAt} now={now} onTimeUp={() => setTimeUp(true)} /> : null}
      </div>
      <p className="muted">{attempt.course.title}</p>
      {timeUp ? (
        <div className="alert alert--error" role="alert">
          หมดเวลาทำแบบทดสอบแล้ว ระบบตรวจเฉพาะคำตอบที่บันทึกไว้ และจะพาท่านไปหน้าผลการทดสอบในไม่ช้า
        </div>
      ) : null}
      <FormError message={failure?.formError} />
      <section className="card" aria-labelledby="summary-heading" data-testid="attempt-summary">
        <h2 id="summary-heading">สถานะคำตอบ</h2>
        <ul className="summary-counts">
          <li>{`ตอบแล้ว ${progress.answered} ข้อ`}</li>
          <li>
            {`ยังไม่ตอบ ${progress.unanswered.length} ข้อ`}
            {progress.unanswered.length ? (
              <>
                {": "}
                {list(progress.unanswered)}
              </>
            ) : null}
          </li>
          <li>
            {`ทำเครื่องหมายไว้ทบทวน ${progress.flagged.length} ข้อ`}
            {progress.flagged.length ? (
              <>
                {": "}
                {list(progress.flagged)}
              </>
            ) : null}
          </li>
        </ul>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>ข้อ</th>
                <th>สถานะ</th>
              </tr>
            </thead>
            <tbody>
              {progress.questions.map((q) => (
                <tr key={q.position}>
                  <td>
                    <Link to={back(q.position)}>{`ข้อ ${q.position + 1}`}</Link>
                  </td>
                  <td>
                    {q.answered ? (
                      <span className="badge badge--ok">ตอบแล้ว</span>
                    ) : (
                      <span className="badge badge--bad">ยังไม่ตอบ</span>
                    )}
                    {q.flagged ? <span className="badge badge--warn"> ⚑ ทำเครื่องหมายไว้</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="confirm-heading">
        <h2 id="confirm-heading">ยืนยันการส่ง</h2>
        {progress.complete ? (
          <Form method="post" action={back()} className="actions">
            {attempt.items.map((i) => (
              <input key={i.position} type="hidden" name={answerFieldName(i.position)} value={String(i.selected)} />
            ))}
            <p>
              {attempt.kind === "post"
                ? `เมื่อส่งแล้วจะแก้ไขคำตอบไม่ได้ และนับเป็นการทำแบบทดสอบหลังเรียนครั้งที่ ${attempt.number} ของปีงบประมาณนี้`
                : "เมื่อส่งแล้วจะแก้ไขคำตอบไม่ได้"}
            </p>
            <button
              type="submit"
              name="intent"
              value="submit"
              className="btn"
              disabled={navigation.state !== "idle" || timeUp}
            >
              {submitting ? "กำลังส่งคำตอบ…" : "ยืนยันส่งคำตอบ"}
            </button>
            <Link to={back()} className="btn btn--secondary">
              กลับไปแก้ไขคำตอบ
            </Link>
          </Form>
        ) : (
          <p className="alert alert--info">
            {`ต้องตอบให้ครบทุกข้อก่อนส่ง ยังไม่ได้ตอบ ${progress.unanswered.length} ข้อ `}
            <Link to={back(progress.unanswered[0]!.position)}>ไปตอบข้อที่เหลือ</Link>
          </p>
        )}
      </section>
    </>
  );
}
