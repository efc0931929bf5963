import { Form, Link, useFetcher, useNavigation, useRevalidator } from "@remix-run/react";
import { failureOf, useActionResult } from "~/components/use-action-result";
import type { ActionResult } from "~/domain/action-result";
import { useEffect, useRef, useState } from "react";
import { FormError } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { correctNeededToPass } from "~/domain/quiz";
import { attemptProgress, clockText, timeAnnouncement } from "~/domain/quiz-progress";
import { z } from "zod";
import { answerFieldName } from "~/schemas/attempt";
import { useFlags } from "./use-flags";

export type OpenAttempt = {
  id: number;
  kind: string;
  number: number;
  deadlineAt: string | null;
  course: { slug: string; title: string; passPercent: number };
  items: { position: number; prompt: string; choices: string[]; selected: number | null }[];
};

/** Seconds between the deadline and the server closing the attempt (the model's grace for a slow network). */
export const CLOSE_AFTER_SECONDS = 31;
const ANY_ANSWERS = z.record(z.string(), z.unknown());

/** A countdown that stays in view; screen readers hear 5 and 1 minutes left, and the end. */
export function Timer({ deadline, now, onTimeUp }: { deadline: string; now: string; onTimeUp: () => void }) {
  const [left, setLeft] = useState(() => (new Date(deadline).getTime() - new Date(now).getTime()) / 1000);
  const [announcement, setAnnouncement] = useState("");
  const previous = useRef(left);
  const timeUp = useRef(onTimeUp);
  timeUp.current = onTimeUp;
  useEffect(() => {
    const skew = Date.now() - new Date(now).getTime();
    const tick = () => {
      const seconds = (new Date(deadline).getTime() - (Date.now() - skew)) / 1000;
      const said = timeAnnouncement(previous.current, seconds);
      if (said) setAnnouncement(said);
      if (previous.current > 0 && seconds <= 0) timeUp.current();
      previous.current = seconds;
      setLeft(seconds);
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [deadline, now]);
  return (
    <>
      <p className={`badge quiz-timer ${left < 120 ? "badge--bad" : ""}`} role="timer" aria-live="off">
        {`เวลาที่เหลือ ${clockText(left)}`}
      </p>
      <p className="visually-hidden" aria-live="polite" data-testid="time-announcement">
        {announcement}
      </p>
    </>
  );
}

export function TakeAttempt({ attempt, now }: { attempt: OpenAttempt; now: string }) {
  const failure = failureOf(useActionResult());
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const autosave = useFetcher<ActionResult<{ saved: boolean }>>();
  const autosaveError = autosave.data && !autosave.data.ok ? autosave.data.formError : undefined;
  const { flags, toggle, ready } = useFlags(attempt.id);
  const positions = attempt.items.map((i) => i.position);
  const defaultValues = Object.fromEntries(
    attempt.items.filter((i) => i.selected != null).map((i) => [answerFieldName(i.position), String(i.selected)]),
  );
  // Unanswered questions are allowed here: the summary before the final submit lists them.
  // (An unanswered radio group is null in the form, so nothing is checked here; the server re-validates every answer.)
  const { register, onSubmit, errorOf, watch } = useZodForm(ANY_ANSWERS, {
    defaultValues,
    serverErrors: failure?.fieldErrors,
  });
  const values = watch();
  const answered = new Set(
    positions.filter((p) => values[answerFieldName(p)] != null && values[answerFieldName(p)] !== ""),
  );
  const progress = attemptProgress(positions, answered, flags);

  // Save what has been answered so far, at most once every half second: one request after a burst of clicks.
  const pending = useRef<Record<string, string>>({});
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [savedAt, setSavedAt] = useState<string | null>(null);
  useEffect(() => () => clearTimeout(timer.current), []);
  const flush = () => {
    clearTimeout(timer.current);
    const answers = pending.current;
    pending.current = {};
    if (Object.keys(answers).length) autosave.submit({ intent: "save", ...answers }, { method: "post" });
  };
  const saveOne = (position: number, value: string) => {
    pending.current[answerFieldName(position)] = value;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, 500);
  };
  useEffect(() => {
    if (autosave.state === "idle" && autosave.data?.ok)
      setSavedAt(
        new Date().toLocaleTimeString("th-TH", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Bangkok" }),
      );
  }, [autosave.state, autosave.data]);

  // Time up: save what is pending, say so, and go to the result once the server has closed the attempt.
  const [closingIn, setClosingIn] = useState<number | null>(null);
  useEffect(() => {
    if (closingIn == null) return;
    if (closingIn <= 0) {
      revalidator.revalidate();
      return;
    }
    const t = setTimeout(() => setClosingIn(closingIn - 1), 1000);
    return () => clearTimeout(t);
  }, [closingIn, revalidator]);
  const timeUp = closingIn != null;

  const reviewing = navigation.state !== "idle" && navigation.formData?.get("intent") === "review";
  const saveState =
    autosave.state !== "idle"
      ? "กำลังบันทึก…"
      : autosaveError
        ? `บันทึกไม่สำเร็จ: ${autosaveError}`
        : savedAt
          ? `บันทึกแล้ว ${savedAt} น.`
          : "ระบบบันทึกคำตอบอัตโนมัติ";

  return (
    <>
      <div className="page-head">
        <h1>{attempt.kind === "pre" ? "แบบทดสอบก่อนเรียน" : `แบบทดสอบหลังเรียน ครั้งที่ ${attempt.number}`}</h1>
      </div>
      <p className="muted">
        {`${attempt.course.title} · ${attempt.items.length} ข้อ · ผ่านเมื่อตอบถูกอย่างน้อย ${correctNeededToPass(attempt.items.length, attempt.course.passPercent)} ข้อ · ระบบบันทึกคำตอบให้อัตโนมัติ ปิดหน้านี้แล้วกลับมาทำต่อได้`}
      </p>
      <div className="quiz-bar card">
        <div className="quiz-bar__status">
          {attempt.deadlineAt ? (
            <Timer
              deadline={attempt.deadlineAt}
              now={now}
              onTimeUp={() => {
                flush();
                setClosingIn(CLOSE_AFTER_SECONDS);
              }}
            />
          ) : null}
          <span
            className={`save-state ${savedAt && autosave.state === "idle" && !autosaveError ? "is-saved" : ""}`}
            role="status"
            data-testid="save-state"
          >
            {saveState}
          </span>
          <span>{`ตอบแล้ว ${progress.answered}/${attempt.items.length}`}</span>
        </div>
        <nav aria-label="ไปยังข้อ" className="quiz-nav">
          <ol>
            {progress.questions.map((q) => (
              <li key={q.position}>
                <a
                  href={`#q-${q.position}`}
                  className={`quiz-nav__item ${q.answered ? "is-answered" : ""} ${q.flagged ? "is-flagged" : ""}`}
                  aria-label={`ข้อ ${q.position + 1} ${q.answered ? "ตอบแล้ว" : "ยังไม่ตอบ"}${q.flagged ? " ทำเครื่องหมายไว้" : ""}`}
                >
                  {q.position + 1}
                  {q.flagged ? <span aria-hidden="true">⚑</span> : null}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </div>
      {timeUp ? (
        <div className="alert alert--error" role="alert">
          {`หมดเวลาทำแบบทดสอบแล้ว ระบบตรวจเฉพาะคำตอบที่บันทึกไว้ก่อนหมดเวลา และจะพาท่านไปหน้าผลการทดสอบใน ${Math.max(0, closingIn!)} วินาที`}
        </div>
      ) : null}
      <FormError message={failure?.formError} />
      <Form
        method="post"
        onSubmit={(event) => {
          clearTimeout(timer.current); // the submission carries every answer
          onSubmit(event);
        }}
        noValidate
        className="quiz"
      >
        {attempt.items.map((item) => {
          const name = answerFieldName(item.position);
          const error = errorOf(name);
          const field = register(name);
          const flagged = flags.has(item.position);
          return (
            <fieldset
              key={item.position}
              id={`q-${item.position}`}
              className="card question"
              aria-invalid={error ? true : undefined}
              disabled={timeUp}
            >
              <legend>{`ข้อ ${item.position + 1}`}</legend>
              {ready ? (
                <button
                  type="button"
                  className={`btn btn--secondary flag-btn ${flagged ? "is-flagged" : ""}`}
                  aria-pressed={flagged}
                  onClick={() => toggle(item.position)}
                >
                  {flagged ? "⚑ ทำเครื่องหมายไว้ทบทวนแล้ว" : "ทำเครื่องหมายไว้ทบทวน"}
                </button>
              ) : null}
              <p className="prompt">{item.prompt}</p>
              {item.choices.map((choice, shown) => (
                <label key={shown} className="choice">
                  <input
                    type="radio"
                    value={String(shown)}
                    {...field}
                    onChange={(event) => {
                      void field.onChange(event);
                      saveOne(item.position, event.target.value);
                    }}
                  />
                  <span>{choice}</span>
                </label>
              ))}
              {error ? (
                <p className="field-error" role="alert">
                  {error}
                </p>
              ) : null}
            </fieldset>
          );
        })}
        <div className="card actions sticky-submit">
          <span>{`ตอบแล้ว ${progress.answered} จาก ${attempt.items.length} ข้อ`}</span>
          <button
            type="submit"
            name="intent"
            value="review"
            className="btn"
            disabled={navigation.state !== "idle" || timeUp}
            aria-describedby="submit-hint"
          >
            {reviewing ? "กำลังบันทึกคำตอบ…" : "ส่งคำตอบ"}
          </button>
          <Link to={`/courses/${attempt.course.slug}`} className="btn btn--secondary">
            ทำต่อภายหลัง
          </Link>
          <span id="submit-hint" className="muted">
            ระบบจะแสดงสรุปให้ตรวจทานก่อนยืนยันการส่ง
          </span>
        </div>
      </Form>
    </>
  );
}
