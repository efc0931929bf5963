import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { fiscalYearOf, fiscalYearRange } from "~/domain/fiscal-year";
import { countingAttempt, isPass, scoreItems, type Grading } from "~/domain/quiz";
import { refusal } from "~/domain/refusal";
import { auditSteps, sqliteTimestamp } from "~/utils/audit.server";
import type { Tx } from "~/utils/db.server";
import { changeRows, runSteps, selectRows, type SqlSteps } from "~/utils/sql-steps.server";
import type { Client, TestKind } from "./progress.server";

// The one way an attempt is read (with its one ownership check), and how an attempt is closed: scored, audited,
// and its certificate issued when it is the year's counting pass.

type AuditActor = { personId: number; ip: string | null };

// Submissions that arrive within this grace after the deadline still count (network, a slow click).
export const DEADLINE_GRACE_MS = 30_000;
export const TIME_UP = "หมดเวลาทำแบบทดสอบแล้ว ระบบตรวจเฉพาะคำตอบที่บันทึกไว้ก่อนหมดเวลา";
const NOT_FOUND = "ไม่พบแบบทดสอบนี้";

export type LoadedItem = {
  id: number;
  position: number;
  choiceOrder: string;
  selectedIndex: number | null;
  correctIndex: number;
  correct: boolean | null;
  // Only with { content: true } (the views); the hot write path leaves the texts out.
  prompt?: string;
  choices?: string;
  explanation?: string;
};

export type LoadedAttempt = {
  id: number;
  personId: number;
  courseId: number;
  kind: TestKind;
  fiscalYear: number;
  number: number;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  timedOut: boolean;
  correctCount: number | null;
  totalCount: number;
  passed: boolean | null;
  course: { slug: string; title: string; passPercent: number; grading: string };
  items: LoadedItem[];
};

const bool = (v: unknown) => (v == null ? null : Boolean(v));
const dateOrNull = (v: unknown) => (v == null ? null : new Date(v as string | Date));

/**
 * The one attempt loader. Someone else's attempt, or one of another course than the address says, looks exactly
 * like one that does not exist. Two SQL statements: saving and submitting are the hot path
 * (bench/post-test-submit.mjs, docs/decisions/007).
 */
export function loadAttempt(
  client: Client,
  attemptId: number,
  personId: number,
  courseSlug: string | undefined,
  options: { content?: boolean } = {},
): Promise<LoadedAttempt> {
  return runSteps(client, loadAttemptSteps(attemptId, personId, courseSlug, options));
}

/** loadAttempt's statements, also run on the direct path by a submission (decision 054). */
export function* loadAttemptSteps(
  attemptId: number,
  personId: number,
  courseSlug: string | undefined,
  options: { content?: boolean } = {},
): SqlSteps<LoadedAttempt> {
  const [row] = yield* selectRows<Record<string, unknown>>(
    `SELECT a."id", a."personId", a."courseId", a."kind", a."fiscalYear", a."number", a."startedAt", a."deadlineAt",
            a."submittedAt", a."timedOut", a."correctCount", a."totalCount", a."passed",
            c."slug", c."title", c."passPercent", c."grading"
     FROM "Attempt" a JOIN "Course" c ON c."id" = a."courseId" WHERE a."id" = ?`,
    attemptId,
  );
  if (!row || !ownsAttempt(row as { personId: number; slug: string }, personId, courseSlug))
    throw refusal(404, NOT_FOUND);
  const content = options.content ? `, v."prompt", v."choices", v."explanation"` : "";
  const items = yield* selectRows<LoadedItem>(
    `SELECT i."id", i."position", i."choiceOrder", i."selectedIndex", i."correct", v."correctIndex"${content}
     FROM "AttemptItem" i JOIN "QuestionVersion" v ON v."id" = i."questionVersionId"
     WHERE i."attemptId" = ? ORDER BY i."position"`,
    attemptId,
  );
  const { slug, title, passPercent, grading, timedOut, passed, startedAt, deadlineAt, submittedAt, ...attempt } = row;
  return {
    ...(attempt as Omit<
      LoadedAttempt,
      "course" | "items" | "timedOut" | "passed" | "startedAt" | "deadlineAt" | "submittedAt"
    >),
    startedAt: new Date(startedAt as string | Date),
    deadlineAt: dateOrNull(deadlineAt),
    submittedAt: dateOrNull(submittedAt),
    timedOut: Boolean(timedOut),
    passed: bool(passed),
    course: {
      slug: slug as string,
      title: title as string,
      passPercent: passPercent as number,
      grading: grading as string,
    },
    items: items.map((i) => ({ ...i, correct: bool(i.correct) })),
  };
}

/** The one ownership check: the person's own attempt, in the course the address names (if it names one). */
function ownsAttempt(row: { personId: number; slug: string }, personId: number, courseSlug: string | undefined) {
  return row.personId === personId && (courseSlug === undefined || row.slug === courseSlug);
}

export function assertOpen(attempt: Pick<LoadedAttempt, "submittedAt" | "deadlineAt">, now: Date) {
  if (attempt.submittedAt) throw refusal(409, "แบบทดสอบนี้ส่งคำตอบแล้ว แก้ไขไม่ได้");
  if (attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS)
    throw refusal(409, TIME_UP);
}

type Closable = Pick<LoadedAttempt, "id" | "personId" | "fiscalYear" | "submittedAt" | "deadlineAt">;

/** Still open, but past its deadline (and the grace) or in a fiscal year already over. */
export function isExpired(attempt: Closable, now: Date): boolean {
  if (attempt.submittedAt) return false;
  const expired = attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS;
  return Boolean(expired) || attempt.fiscalYear !== fiscalYearOf(now);
}

/** Close an open attempt whose time is up, scoring the answers saved before the deadline. */
export async function finalizeIfExpired(tx: Tx, attempt: Closable, now: Date): Promise<boolean> {
  if (!isExpired(attempt, now)) return false;
  const expired = attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS;
  // Read again inside this transaction: another request may have closed it a moment ago.
  const loaded = await loadAttempt(tx, attempt.id, attempt.personId, undefined);
  if (loaded.submittedAt) return true;
  // A time limit closes at the deadline; a year's end closes the attempt in the year it belongs to.
  const yearEnd = fiscalYearRange(attempt.fiscalYear).end.getTime() - 1;
  const closedAt = new Date(Math.min(expired ? attempt.deadlineAt!.getTime() : yearEnd, yearEnd));
  await runSteps(tx, scoreAndCloseSteps(loaded, new Map(), closedAt, true, null));
  return true;
}

/**
 * Score an open attempt and close it: its items, the attempt, the audit record, and the certificate when it is the
 * year's counting pass. A submission runs these on the direct path in one synchronous transaction (decision 054).
 */
export function* scoreAndCloseSteps(
  attempt: LoadedAttempt,
  finalAnswers: ReadonlyMap<number, number>,
  submittedAt: Date,
  timedOut: boolean,
  actor: AuditActor | null,
): SqlSteps<{ correct: number; total: number; passed: boolean }> {
  const responses = attempt.items.map((item) => ({
    id: item.id,
    selectedIndex: finalAnswers.get(item.id) ?? item.selectedIndex,
    correctIndex: item.correctIndex,
  }));
  // One statement for all items: a submission is on the hot path (bench/post-test-submit.mjs). It changes them only
  // while the attempt is open: the caller may have read it before this transaction (decision 050), and a second
  // submission that got in between must be refused, not run into the immutability trigger.
  const ALREADY_SUBMITTED = "แบบทดสอบนี้ส่งคำตอบแล้ว แก้ไขไม่ได้";
  if (responses.length > 0) {
    const changed = yield* changeRows(
      `WITH v(id, selectedIndex, correct) AS (VALUES ${responses.map(() => "(?, ?, ?)").join(", ")})
     UPDATE "AttemptItem" SET "selectedIndex" = v.selectedIndex, "correct" = v.correct FROM v
     WHERE "AttemptItem"."id" = v.id AND "AttemptItem"."attemptId" = ?
       AND (SELECT "submittedAt" FROM "Attempt" WHERE "id" = ?) IS NULL`,
      ...responses.flatMap((r) => [r.id, r.selectedIndex, r.selectedIndex === r.correctIndex ? 1 : 0]),
      attempt.id,
      attempt.id,
    );
    if (changed !== responses.length) throw refusal(409, ALREADY_SUBMITTED);
  }
  const { correct, total } = scoreItems(responses);
  const passed = isPass(correct, total, attempt.course.passPercent);
  // Conditional on still being open: of two submissions racing, exactly one closes the attempt.
  const closed = yield* changeRows(
    `UPDATE "Attempt" SET "submittedAt" = ?, "timedOut" = ?, "correctCount" = ?, "passed" = ? WHERE "id" = ? AND "submittedAt" IS NULL`,
    sqliteTimestamp(submittedAt),
    timedOut ? 1 : 0,
    correct,
    passed ? 1 : 0,
    attempt.id,
  );
  if (closed !== 1) throw refusal(409, ALREADY_SUBMITTED);
  yield* auditSteps({
    actorId: actor?.personId ?? null,
    ip: actor?.ip ?? null,
    action: timedOut ? "attempt.timed_out" : "attempt.submitted",
    entityType: "Attempt",
    entityId: attempt.id,
    after: { course: attempt.course.slug, kind: attempt.kind, fiscalYear: attempt.fiscalYear, correct, total, passed },
  });
  if (attempt.kind === "post" && passed && (yield* countsForTheYear(attempt, correct, total, submittedAt))) {
    yield* issueCertificateIfDue(attempt, correct, total, submittedAt);
  }
  return { correct, total, passed };
}

/** Whether this just-closed post-test is the one the course's grading method counts for the year. */
function* countsForTheYear(
  attempt: LoadedAttempt,
  correct: number,
  total: number,
  submittedAt: Date,
): SqlSteps<boolean> {
  const earlier = yield* selectRows<{
    id: number;
    submittedAt: Date | string;
    correctCount: number;
    totalCount: number;
  }>(
    `SELECT "id", "submittedAt", "correctCount", "totalCount" FROM "Attempt"
     WHERE "personId" = ? AND "courseId" = ? AND "fiscalYear" = ? AND "kind" = 'post' AND "submittedAt" IS NOT NULL AND "id" <> ?`,
    attempt.personId,
    attempt.courseId,
    attempt.fiscalYear,
    attempt.id,
  );
  const all = [
    ...earlier.map((a) => ({
      id: a.id,
      submittedAt: new Date(a.submittedAt),
      correct: a.correctCount,
      total: a.totalCount,
    })),
    { id: attempt.id, submittedAt, correct, total },
  ];
  return countingAttempt(all, attempt.course.grading as Grading)?.id === attempt.id;
}

/** The year's first passing post-test earns the certificate; the name is printed as it is on that day. */
function* issueCertificateIfDue(
  attempt: LoadedAttempt,
  correct: number,
  total: number,
  issuedAt: Date,
): SqlSteps<void> {
  const code = newCertificateCode();
  const inserted = yield* changeRows(
    `INSERT INTO "Certificate" ("code", "personId", "courseId", "attemptId", "fiscalYear", "personName", "courseTitle",
                                "correctCount", "totalCount", "issuedAt")
     SELECT ?, p."id", ?, ?, ?, p."title" || p."firstName" || ' ' || p."lastName", ?, ?, ?, ?
     FROM "Person" p WHERE p."id" = ?
     ON CONFLICT ("personId", "courseId", "fiscalYear") DO NOTHING`,
    code,
    attempt.courseId,
    attempt.id,
    attempt.fiscalYear,
    attempt.course.title,
    correct,
    total,
    sqliteTimestamp(issuedAt),
    attempt.personId,
  );
  if (inserted !== 1) return;
  yield* auditSteps({
    actorId: attempt.personId,
    action: "certificate.issued",
    entityType: "Certificate",
    entityId: code,
    after: { course: attempt.course.slug, fiscalYear: attempt.fiscalYear, correct, total },
  });
}

export function newCertificateCode(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  const raw = encodeBase32UpperCaseNoPadding(bytes).slice(0, 12);
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}
