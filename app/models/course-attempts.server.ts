import type { Attempt, Course, Prisma } from "@prisma/client";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { fiscalYearOf, fiscalYearRange } from "~/domain/fiscal-year";
import { fullName } from "~/domain/personnel";
import { choiceOrder, countingAttempt, drawQuestions, isPass, scoreItems, type Grading, type Random } from "~/domain/quiz";
import { attemptFeedbackOpen, nextStep } from "~/domain/course-status";
import { sqliteTimestamp, writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { mayTakeCourse } from "./course-assignments.server";

// The one module that writes attempts, their items, lesson progress and certificates.

type Tx = Prisma.TransactionClient;
export type TestKind = "pre" | "post";
type Actor = { personId: number; ip: string | null };

export class AttemptError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

// Submissions that arrive within this grace after the deadline still count (network, a slow click).
const DEADLINE_GRACE_MS = 30_000;
const TIME_UP = "หมดเวลาทำแบบทดสอบแล้ว ระบบตรวจเฉพาะคำตอบที่บันทึกไว้ก่อนหมดเวลา";

const cryptoRandom: Random = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

export async function findCourse(slug: string) {
  const course = await db.course.findUnique({
    where: { slug },
    include: { lessons: { where: { retired: false }, orderBy: { position: "asc" } } },
  });
  if (!course) throw new AttemptError("ไม่พบหลักสูตรนี้", 404);
  return course;
}

type CourseWithLessons = Awaited<ReturnType<typeof findCourse>>;

const NOT_ASSIGNED = "หลักสูตรนี้ไม่ได้กำหนดให้ท่านเรียนในปีงบประมาณนี้ หากเห็นว่าท่านควรได้เรียน โปรดติดต่องานบุคคล";

/** A course the person may open this fiscal year (assigned to a group they are in, or already begun); else 403. */
export async function findCourseFor(slug: string, personId: number, now = new Date()) {
  const course = await findCourse(slug);
  if (!(await mayTakeCourse(personId, course.id, fiscalYearOf(now), now))) throw new AttemptError(NOT_ASSIGNED, 403);
  return course;
}

/** Where a person stands in one course in one fiscal year. */
export async function courseProgress(tx: Tx | typeof db, personId: number, course: CourseWithLessons, fiscalYear: number) {
  const [attempts, lessonsDone] = await Promise.all([
    tx.attempt.findMany({ where: { personId, courseId: course.id, fiscalYear }, orderBy: { id: "asc" } }),
    tx.lessonProgress.findMany({
      where: { personId, fiscalYear, lessonId: { in: course.lessons.map((l) => l.id) } },
      select: { lessonId: true },
    }),
  ]);
  return progressFromRows(course, attempts, lessonsDone.map((l) => l.lessonId));
}

export function progressFromRows(
  course: Pick<Course, "grading" | "passPercent" | "maxPostTestAttempts"> & { lessons: { id: number }[] },
  attempts: Attempt[],
  lessonIdsDone: number[],
) {
  const submitted = attempts.filter((a) => a.submittedAt && a.correctCount != null);
  const pre = submitted.find((a) => a.kind === "pre");
  const posts = submitted.filter((a) => a.kind === "post");
  const counting = countingAttempt(
    posts.map((a) => ({ ...a, submittedAt: a.submittedAt!, correct: a.correctCount!, total: a.totalCount })),
    course.grading as Grading,
  );
  const done = new Set(lessonIdsDone);
  const input = {
    preTestSubmitted: Boolean(pre),
    lessonsDone: course.lessons.filter((l) => done.has(l.id)).length,
    lessonCount: course.lessons.length,
    postTestsSubmitted: posts.length,
    countingPostTestPassed: counting ? isPass(counting.correct, counting.total, course.passPercent) : null,
  };
  return {
    ...input,
    lessonIdsDone: done,
    pre,
    posts,
    counting,
    open: {
      pre: attempts.find((a) => a.kind === "pre" && !a.submittedAt),
      post: attempts.find((a) => a.kind === "post" && !a.submittedAt),
    },
    next: nextStep({ ...input, maxPostTestAttempts: course.maxPostTestAttempts, grading: course.grading as Grading }),
  };
}

/** Close an open attempt whose time is up, scoring the answers saved before the deadline. */
async function finalizeIfExpired(
  tx: Tx,
  attempt: Pick<Attempt, "id" | "personId" | "fiscalYear" | "submittedAt" | "deadlineAt">,
  now: Date,
): Promise<boolean> {
  if (attempt.submittedAt) return false;
  const expired = attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS;
  const staleYear = attempt.fiscalYear !== fiscalYearOf(now);
  if (!expired && !staleYear) return false;
  // Read again inside this transaction: another request may have closed it a moment ago.
  const loaded = await loadForWrite(tx, attempt.id, attempt.personId);
  if (loaded.submittedAt) return true;
  // A time limit closes at the deadline; a year's end closes the attempt in the year it belongs to.
  const yearEnd = fiscalYearRange(attempt.fiscalYear).end.getTime() - 1;
  const closedAt = new Date(Math.min(expired ? attempt.deadlineAt!.getTime() : yearEnd, yearEnd));
  await scoreAndClose(tx, loaded, new Map(), closedAt, true, null);
  return true;
}

export async function startAttempt(courseSlug: string, kind: TestKind, actor: Actor, now = new Date(), random = cryptoRandom) {
  const course = await findCourseFor(courseSlug, actor.personId, now);
  const fiscalYear = fiscalYearOf(now);
  try {
    return await db.$transaction(async (tx) => {
      const open = await tx.attempt.findFirst({ where: { personId: actor.personId, courseId: course.id, kind, submittedAt: null } });
      if (open && !(await finalizeIfExpired(tx, open, now))) return open; // resume

      const progress = await courseProgress(tx, actor.personId, course, fiscalYear);
      if (kind === "pre" && progress.preTestSubmitted) throw new AttemptError("ท่านทำแบบทดสอบก่อนเรียนของปีงบประมาณนี้แล้ว", 409);
      if (kind === "post") {
        if (!progress.preTestSubmitted) throw new AttemptError("กรุณาทำแบบทดสอบก่อนเรียนก่อน", 409);
        if (progress.lessonsDone < progress.lessonCount) throw new AttemptError("กรุณาเรียนให้ครบทุกบทก่อนทำแบบทดสอบหลังเรียน", 409);
        if (progress.countingPostTestPassed) throw new AttemptError("ท่านผ่านหลักสูตรนี้แล้วในปีงบประมาณนี้", 409);
        if (progress.next === "no_retakes_left") {
          throw new AttemptError(
            course.grading === "first"
              ? "หลักสูตรนี้นับผลแบบทดสอบหลังเรียนครั้งแรก จึงทำซ้ำไม่ได้"
              : `ท่านทำแบบทดสอบหลังเรียนครบ ${course.maxPostTestAttempts} ครั้งแล้วในปีงบประมาณนี้`,
            409,
          );
        }
      }

      const bank = await tx.question.findMany({
        where: { courseId: course.id, retired: false },
        include: { versions: { orderBy: { version: "desc" }, take: 1 } },
      });
      if (bank.length === 0) throw new AttemptError("หลักสูตรนี้ยังไม่มีคำถามในคลังข้อสอบ โปรดติดต่อกองการเจ้าหน้าที่", 409);
      // Prefer questions this person has not met this year (pre-test and earlier post-tests).
      const avoid = new Set<number>();
      if (kind === "post") {
        const earlier = await tx.attemptItem.findMany({
          where: { attempt: { personId: actor.personId, courseId: course.id, fiscalYear } },
          select: { questionVersion: { select: { questionId: true } } },
        });
        for (const item of earlier) avoid.add(item.questionVersion.questionId);
      }
      const drawn = drawQuestions(bank.map((q) => q.id), course.questionsPerTest, random, avoid);
      const latest = new Map(bank.map((q) => [q.id, q.versions[0]!]));
      const number = (await tx.attempt.count({ where: { personId: actor.personId, courseId: course.id, kind, fiscalYear } })) + 1;
      const attempt = await tx.attempt.create({
        data: {
          personId: actor.personId,
          courseId: course.id,
          kind,
          fiscalYear,
          number,
          startedAt: now,
          deadlineAt: course.timeLimitMinutes ? new Date(now.getTime() + course.timeLimitMinutes * 60_000) : null,
          totalCount: drawn.length,
          items: {
            create: drawn.map((questionId, position) => {
              const version = latest.get(questionId)!;
              const choiceCount = (JSON.parse(version.choices) as string[]).length;
              return { position, questionVersionId: version.id, choiceOrder: JSON.stringify(choiceOrder(choiceCount, random)) };
            }),
          },
        },
      });
      await writeAudit(tx, {
        actorId: actor.personId,
        ip: actor.ip,
        action: "attempt.started",
        entityType: "Attempt",
        entityId: attempt.id,
        after: { course: course.slug, kind, fiscalYear, number, questions: drawn.length },
      });
      return attempt;
    });
  } catch (error) {
    // Two starts at the same moment: the partial unique index lets one through; the other resumes it.
    if ((error as { code?: string }).code === "P2002") {
      const open = await db.attempt.findFirst({ where: { personId: actor.personId, courseId: course.id, kind, submittedAt: null } });
      if (open) return open;
    }
    throw error;
  }
}

async function loadOwnAttempt(tx: Tx | typeof db, attemptId: number, personId: number, courseSlug?: string) {
  const attempt = await tx.attempt.findUnique({
    where: { id: attemptId },
    include: { course: true, items: { orderBy: { position: "asc" }, include: { questionVersion: true } } },
  });
  // Someone else's attempt looks exactly like one that does not exist.
  const mismatch = !attempt || attempt.personId !== personId || (courseSlug !== undefined && attempt.course.slug !== courseSlug);
  if (mismatch) throw new AttemptError("ไม่พบแบบทดสอบนี้", 404);
  return attempt;
}

/** What the browser may see of an attempt. Before submission: no correct answers, no explanations. */
export async function attemptView(attemptId: number, personId: number, now = new Date()) {
  let attempt = await loadOwnAttempt(db, attemptId, personId);
  if (!attempt.submittedAt) {
    const closed = await db.$transaction(async (tx) => finalizeIfExpired(tx, attempt, now));
    if (closed) attempt = await loadOwnAttempt(db, attemptId, personId);
  }
  const submitted = Boolean(attempt.submittedAt);
  // Per-item feedback only once the course is settled (decided in app/domain/course-status.ts); before that the
  // submitted attempt carries its score and no items at all, so nothing in the loader data reveals the key.
  let reviewOpen = false;
  if (submitted) {
    const course = await findCourse(attempt.course.slug);
    const progress = await courseProgress(db, personId, course, attempt.fiscalYear);
    reviewOpen = attemptFeedbackOpen({ submitted, next: progress.next, attemptFiscalYear: attempt.fiscalYear, currentFiscalYear: fiscalYearOf(now) });
  }
  const visibleItems = submitted && !reviewOpen ? [] : attempt.items;
  const items = visibleItems.map((item) => {
    const choices = JSON.parse(item.questionVersion.choices) as string[];
    const order = JSON.parse(item.choiceOrder) as number[];
    const shownSelected = item.selectedIndex == null ? null : order.indexOf(item.selectedIndex);
    return {
      position: item.position,
      prompt: item.questionVersion.prompt,
      choices: order.map((index) => choices[index]!),
      selected: shownSelected,
      ...(reviewOpen
        ? { correct: item.correct === true, correctChoice: order.indexOf(item.questionVersion.correctIndex), explanation: item.questionVersion.explanation }
        : {}),
    };
  });
  return {
    id: attempt.id,
    kind: attempt.kind as TestKind,
    number: attempt.number,
    fiscalYear: attempt.fiscalYear,
    course: { slug: attempt.course.slug, title: attempt.course.title, passPercent: attempt.course.passPercent },
    startedAt: attempt.startedAt,
    deadlineAt: attempt.deadlineAt,
    submittedAt: attempt.submittedAt,
    timedOut: attempt.timedOut,
    correctCount: attempt.correctCount,
    totalCount: attempt.totalCount,
    passed: attempt.passed,
    reviewOpen,
    items,
  };
}

/** The attempt page: the attempt as the browser may see it, the pre-test score and the certificate for a post-test. */
export async function attemptPage(attemptId: number, personId: number, slug: string | undefined, now = new Date()) {
  const attempt = await attemptView(attemptId, personId, now);
  if (attempt.course.slug !== slug) throw new AttemptError("ไม่พบแบบทดสอบนี้", 404);
  let preTest: { correct: number; total: number } | null = null;
  let certificateCode: string | null = null;
  if (attempt.submittedAt && attempt.kind === "post") {
    const pre = await db.attempt.findFirst({
      where: { personId, course: { slug: attempt.course.slug }, kind: "pre", fiscalYear: attempt.fiscalYear, submittedAt: { not: null } },
    });
    if (pre?.correctCount != null) preTest = { correct: pre.correctCount, total: pre.totalCount };
    certificateCode = (await db.certificate.findUnique({ where: { attemptId: attempt.id } }))?.code ?? null;
  }
  return { attempt, preTest, certificateCode };
}

type WriteItem = { id: number; position: number; choiceOrder: string; selectedIndex: number | null; correctIndex: number };
type WriteAttempt = Pick<Attempt, "id" | "personId" | "courseId" | "kind" | "fiscalYear" | "submittedAt" | "deadlineAt"> & {
  course: { slug: string; title: string; passPercent: number; grading: string };
  items: WriteItem[];
};

// Submitting and saving are the hot path (bench/post-test-submit.mjs), so the attempt is read with two SQL
// statements instead of four Prisma queries (docs/decisions/007).
async function loadForWrite(tx: Tx, attemptId: number, personId: number, courseSlug?: string): Promise<WriteAttempt> {
  const [row] = await tx.$queryRawUnsafe<
    (Omit<WriteAttempt, "course" | "items"> & { slug: string; title: string; passPercent: number; grading: string })[]
  >(
    `SELECT a."id", a."personId", a."courseId", a."kind", a."fiscalYear", a."submittedAt", a."deadlineAt",
            c."slug", c."title", c."passPercent", c."grading"
     FROM "Attempt" a JOIN "Course" c ON c."id" = a."courseId" WHERE a."id" = ?`,
    attemptId,
  );
  // Someone else's attempt looks exactly like one that does not exist.
  if (!row || row.personId !== personId || (courseSlug !== undefined && row.slug !== courseSlug)) {
    throw new AttemptError("ไม่พบแบบทดสอบนี้", 404);
  }
  const items = await tx.$queryRawUnsafe<WriteItem[]>(
    `SELECT i."id", i."position", i."choiceOrder", i."selectedIndex", v."correctIndex"
     FROM "AttemptItem" i JOIN "QuestionVersion" v ON v."id" = i."questionVersionId"
     WHERE i."attemptId" = ? ORDER BY i."position"`,
    attemptId,
  );
  const { slug, title, passPercent, grading, ...attempt } = row;
  return { ...attempt, course: { slug, title, passPercent, grading }, items };
}

function toAuthoredAnswers(
  attempt: WriteAttempt,
  shownAnswers: ReadonlyMap<number, number>,
): Map<number, number> {
  const byPosition = new Map(attempt.items.map((i) => [i.position, i]));
  const answers = new Map<number, number>();
  for (const [position, shown] of shownAnswers) {
    const item = byPosition.get(position);
    if (!item) throw new AttemptError("คำตอบไม่ตรงกับข้อสอบชุดนี้ ระบบไม่ได้บันทึกคำตอบใด ๆ");
    const order = JSON.parse(item.choiceOrder) as number[];
    const authored = order[shown];
    if (authored === undefined) throw new AttemptError("คำตอบไม่ถูกต้อง ระบบไม่ได้บันทึกคำตอบใด ๆ");
    answers.set(item.id, authored);
  }
  return answers;
}

function assertOpen(attempt: Pick<Attempt, "submittedAt" | "deadlineAt">, now: Date) {
  if (attempt.submittedAt) throw new AttemptError("แบบทดสอบนี้ส่งคำตอบแล้ว แก้ไขไม่ได้", 409);
  if (attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + DEADLINE_GRACE_MS) {
    throw new AttemptError(TIME_UP, 409);
  }
}

/** Save answers so far (resume later). Positions outside the attempt or bad choices change nothing. */
export async function saveAnswers(
  attemptId: number,
  shownAnswers: ReadonlyMap<number, number>,
  actor: Actor,
  courseSlug?: string,
  now = new Date(),
) {
  const closed = await db.$transaction(async (tx) => {
    const attempt = await loadForWrite(tx, attemptId, actor.personId, courseSlug);
    if (await finalizeIfExpired(tx, attempt, now)) return true;
    assertOpen(attempt, now);
    const answers = toAuthoredAnswers(attempt, shownAnswers);
    if (answers.size === 0) return false;
    await tx.$executeRawUnsafe(
      `WITH v(id, selectedIndex) AS (VALUES ${[...answers].map(() => "(?, ?)").join(", ")})
       UPDATE "AttemptItem" SET "selectedIndex" = v.selectedIndex FROM v WHERE "AttemptItem"."id" = v.id`,
      ...[...answers].flatMap(([id, selectedIndex]) => [id, selectedIndex]),
    );
    return false;
  });
  if (closed) throw new AttemptError(TIME_UP, 409);
}

async function scoreAndClose(
  tx: Tx,
  attempt: WriteAttempt,
  finalAnswers: ReadonlyMap<number, number>,
  submittedAt: Date,
  timedOut: boolean,
  actor: Actor | null,
) {
  const responses = attempt.items.map((item) => ({
    id: item.id,
    selectedIndex: finalAnswers.get(item.id) ?? item.selectedIndex,
    correctIndex: item.correctIndex,
  }));
  // One statement for all items: a submission is on the hot path (bench/post-test-submit.mjs).
  if (responses.length > 0) await tx.$executeRawUnsafe(
    `WITH v(id, selectedIndex, correct) AS (VALUES ${responses.map(() => "(?, ?, ?)").join(", ")})
     UPDATE "AttemptItem" SET "selectedIndex" = v.selectedIndex, "correct" = v.correct FROM v WHERE "AttemptItem"."id" = v.id`,
    ...responses.flatMap((r) => [r.id, r.selectedIndex, r.selectedIndex === r.correctIndex ? 1 : 0]),
  );
  const { correct, total } = scoreItems(responses);
  const passed = isPass(correct, total, attempt.course.passPercent);
  // Conditional on still being open: of two submissions racing, exactly one closes the attempt.
  const closed = await tx.$executeRawUnsafe(
    `UPDATE "Attempt" SET "submittedAt" = ?, "timedOut" = ?, "correctCount" = ?, "passed" = ? WHERE "id" = ? AND "submittedAt" IS NULL`,
    sqliteTimestamp(submittedAt),
    timedOut ? 1 : 0,
    correct,
    passed ? 1 : 0,
    attempt.id,
  );
  if (closed !== 1) throw new AttemptError("แบบทดสอบนี้ส่งคำตอบแล้ว แก้ไขไม่ได้", 409);
  await writeAudit(tx, {
    actorId: actor?.personId ?? null,
    ip: actor?.ip ?? null,
    action: timedOut ? "attempt.timed_out" : "attempt.submitted",
    entityType: "Attempt",
    entityId: attempt.id,
    after: { course: attempt.course.slug, kind: attempt.kind, fiscalYear: attempt.fiscalYear, correct, total, passed },
  });
  if (attempt.kind === "post" && passed && (await countsForTheYear(tx, attempt, correct, total, submittedAt))) {
    await issueCertificateIfDue(tx, attempt, correct, total, submittedAt);
  }
  return { correct, total, passed };
}

/** Whether this just-closed post-test is the one the course's grading method counts for the year. */
async function countsForTheYear(tx: Tx, attempt: WriteAttempt, correct: number, total: number, submittedAt: Date) {
  const earlier = await tx.$queryRawUnsafe<{ id: number; submittedAt: Date; correctCount: number; totalCount: number }[]>(
    `SELECT "id", "submittedAt", "correctCount", "totalCount" FROM "Attempt"
     WHERE "personId" = ? AND "courseId" = ? AND "fiscalYear" = ? AND "kind" = 'post' AND "submittedAt" IS NOT NULL AND "id" <> ?`,
    attempt.personId,
    attempt.courseId,
    attempt.fiscalYear,
    attempt.id,
  );
  const all = [
    ...earlier.map((a) => ({ id: a.id, submittedAt: a.submittedAt, correct: a.correctCount, total: a.totalCount })),
    { id: attempt.id, submittedAt, correct, total },
  ];
  return countingAttempt(all, attempt.course.grading as Grading)?.id === attempt.id;
}

/** The year's first passing post-test earns the certificate; the name is printed as it is on that day. */
async function issueCertificateIfDue(tx: Tx, attempt: WriteAttempt, correct: number, total: number, issuedAt: Date) {
  const code = newCertificateCode();
  const inserted = await tx.$executeRawUnsafe(
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
  await writeAudit(tx, {
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

/** Submit every answer. Missing, extra or tampered answers, or a second submission, are refused and change nothing. */
export async function submitAttempt(
  attemptId: number,
  shownAnswers: ReadonlyMap<number, number>,
  actor: Actor,
  courseSlug?: string,
  now = new Date(),
) {
  const outcome = await db.$transaction(async (tx) => {
    const attempt = await loadForWrite(tx, attemptId, actor.personId, courseSlug);
    // Time up or the fiscal year over: close it with what was saved (committed), then tell the person.
    if (await finalizeIfExpired(tx, attempt, now)) return null;
    assertOpen(attempt, now);
    const answers = toAuthoredAnswers(attempt, shownAnswers);
    const missing = attempt.items.length - answers.size;
    if (missing > 0) throw new AttemptError(`กรุณาตอบให้ครบทุกข้อ (ยังไม่ได้ตอบ ${missing} ข้อ)`);
    return scoreAndClose(tx, attempt, answers, now, false, actor);
  });
  if (!outcome) throw new AttemptError(TIME_UP, 409);
  return outcome;
}

export async function markLessonDone(courseSlug: string, lessonSlug: string, actor: Actor, now = new Date()) {
  const course = await findCourseFor(courseSlug, actor.personId, now);
  const lesson = course.lessons.find((l) => l.slug === lessonSlug);
  if (!lesson) throw new AttemptError("ไม่พบบทเรียนนี้", 404);
  const fiscalYear = fiscalYearOf(now);
  const progress = await courseProgress(db, actor.personId, course, fiscalYear);
  if (!progress.preTestSubmitted) throw new AttemptError("กรุณาทำแบบทดสอบก่อนเรียนก่อนเริ่มบทเรียน", 409);
  await db.lessonProgress.upsert({
    where: { personId_lessonId_fiscalYear: { personId: actor.personId, lessonId: lesson.id, fiscalYear } },
    create: { personId: actor.personId, lessonId: lesson.id, fiscalYear, completedAt: now },
    update: {},
  });
}

export async function findCertificate(code: string) {
  return db.certificate.findUnique({ where: { code: code.trim().toUpperCase() }, include: { course: true, person: true } });
}

export type HistoricalAttempt = {
  personId: number;
  courseId: number;
  kind: TestKind;
  fiscalYear: number;
  number: number;
  startedAt: Date;
  submittedAt: Date;
  passPercent: number;
  items: { questionVersionId: number; choiceOrder: number[]; selectedIndex: number; correctIndex: number }[];
};

/**
 * Import results that were taken elsewhere (earlier years' paper tests, the demo history) in bulk: attempts,
 * items, certificates for passed post-tests and lesson progress, with one audit record for the batch.
 */
export async function importHistoricalResults(
  attempts: HistoricalAttempt[],
  lessonProgress: { personId: number; lessonId: number; fiscalYear: number; completedAt: Date }[],
  people: Map<number, { title: string; firstName: string; lastName: string }>,
  courseTitles: Map<number, string>,
  actor: { actorId: number | null; label: string },
) {
  await db.$transaction(
    async (tx) => {
      // Attempts go in open and are closed once their items are in (the immutability triggers require it), and
      // only one may be open per person, course and kind: so insert in rounds, the n-th sitting of each at a time.
      const CHUNK = 500;
      const sittings = new Map<string, number>();
      const rounds: HistoricalAttempt[][] = [];
      for (const a of attempts) {
        const key = `${a.personId}/${a.courseId}/${a.kind}`;
        const round = sittings.get(key) ?? 0;
        sittings.set(key, round + 1);
        (rounds[round] ??= []).push(a);
      }
      const chunks = rounds.flatMap((round) => Array.from({ length: Math.ceil(round.length / CHUNK) }, (_, i) => round.slice(i * CHUNK, (i + 1) * CHUNK)));
      for (const chunk of chunks) {
        const created = await tx.attempt.createManyAndReturn({
          data: chunk.map((a) => ({
            personId: a.personId,
            courseId: a.courseId,
            kind: a.kind,
            fiscalYear: a.fiscalYear,
            number: a.number,
            startedAt: a.startedAt,
            totalCount: a.items.length,
          })),
          select: { id: true },
        });
        const items = chunk.flatMap((a, i) =>
          a.items.map((item, position) => ({
            attemptId: created[i]!.id,
            position,
            questionVersionId: item.questionVersionId,
            choiceOrder: JSON.stringify(item.choiceOrder),
            selectedIndex: item.selectedIndex,
            correct: item.selectedIndex === item.correctIndex,
          })),
        );
        // Multi-row INSERTs: Prisma's createMany goes row by row through the SQLite adapter, ~15x slower here.
        for (let s = 0; s < items.length; s += 4000) {
          const rows = items.slice(s, s + 4000);
          await tx.$executeRawUnsafe(
            `INSERT INTO "AttemptItem" ("attemptId", "position", "questionVersionId", "choiceOrder", "selectedIndex", "correct")
             VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}`,
            ...rows.flatMap((r) => [r.attemptId, r.position, r.questionVersionId, r.choiceOrder, r.selectedIndex, r.correct ? 1 : 0]),
          );
        }
        // Close the chunk's attempts in one statement, now that their items are in.
        const scored = chunk.map((a, i) => {
          const correct = a.items.filter((item) => item.selectedIndex === item.correctIndex).length;
          return { a, id: created[i]!.id, correct, passed: isPass(correct, a.items.length, a.passPercent) };
        });
        await tx.$executeRawUnsafe(
          `WITH v(id, submittedAt, correctCount, passed) AS (VALUES ${scored.map(() => "(?, ?, ?, ?)").join(", ")})
           UPDATE "Attempt" SET "submittedAt" = v.submittedAt, "correctCount" = v.correctCount, "passed" = v.passed
           FROM v WHERE "Attempt"."id" = v.id`,
          ...scored.flatMap((x) => [x.id, sqliteTimestamp(x.a.submittedAt), x.correct, x.passed ? 1 : 0]),
        );
        await tx.certificate.createMany({
          data: scored
            .filter((x) => x.a.kind === "post" && x.passed)
            .map(({ a, id, correct }) => ({
              code: newCertificateCode(),
              personId: a.personId,
              courseId: a.courseId,
              attemptId: id,
              fiscalYear: a.fiscalYear,
              personName: fullName(people.get(a.personId)!),
              courseTitle: courseTitles.get(a.courseId)!,
              correctCount: correct,
              totalCount: a.items.length,
              issuedAt: a.submittedAt,
            })),
        });
      }
      for (let s = 0; s < lessonProgress.length; s += 2000) {
        await tx.lessonProgress.createMany({ data: lessonProgress.slice(s, s + 2000) });
      }
      await writeAudit(tx, {
        actorId: actor.actorId,
        action: "attempt.imported",
        entityType: "Attempt",
        after: { source: actor.label, attempts: attempts.length, lessonProgress: lessonProgress.length },
      });
    },
    { timeout: 600_000 },
  );
}
