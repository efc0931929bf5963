import type { Actor } from "~/domain/actor";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { choiceOrder, drawQuestions, type Random } from "~/domain/quiz";
import { refusal } from "~/domain/refusal";
import { writeAudit } from "~/utils/audit.server";
import { db, sqlite } from "~/utils/db.server";
import { runStepsNow } from "~/utils/sql-steps.server";
import {
  assertOpen,
  finalizeIfExpired,
  isExpired,
  loadAttempt,
  loadAttemptSteps,
  scoreAndCloseSteps,
  TIME_UP,
  type LoadedAttempt,
} from "./attempt-store.server";
import { courseProgress, findCourseFor, type TestKind } from "./progress.server";

// The commands of a learner: start a test, save answers, submit, mark a lesson read.

type Learner = Pick<Actor, "personId" | "ip">;

const cryptoRandom: Random = () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;

export async function startAttempt(
  courseSlug: string,
  kind: TestKind,
  actor: Learner,
  now = new Date(),
  random = cryptoRandom,
) {
  const course = await findCourseFor(courseSlug, actor.personId, now);
  const fiscalYear = fiscalYearOf(now);
  try {
    return await db.$transaction(async (tx) => {
      const open = await tx.attempt.findFirst({
        where: { personId: actor.personId, courseId: course.id, kind, submittedAt: null },
      });
      if (open && !(await finalizeIfExpired(tx, open, now))) return open; // resume

      const progress = await courseProgress(tx, actor.personId, course, fiscalYear);
      if (kind === "pre" && progress.preTestSubmitted) throw refusal(409, "ท่านทำแบบทดสอบก่อนเรียนของปีงบประมาณนี้แล้ว");
      if (kind === "post") {
        if (!progress.preTestSubmitted) throw refusal(409, "กรุณาทำแบบทดสอบก่อนเรียนก่อน");
        if (progress.lessonsDone < progress.lessonCount) throw refusal(409, "กรุณาเรียนให้ครบทุกบทก่อนทำแบบทดสอบหลังเรียน");
        if (progress.countingPostTestPassed) throw refusal(409, "ท่านผ่านหลักสูตรนี้แล้วในปีงบประมาณนี้");
        if (progress.next === "no_retakes_left") {
          throw refusal(
            409,
            course.grading === "first"
              ? "หลักสูตรนี้นับผลแบบทดสอบหลังเรียนครั้งแรก จึงทำซ้ำไม่ได้"
              : `ท่านทำแบบทดสอบหลังเรียนครบ ${course.maxPostTestAttempts} ครั้งแล้วในปีงบประมาณนี้`,
          );
        }
      }

      const bank = await tx.question.findMany({
        where: { courseId: course.id, retired: false },
        include: { versions: { orderBy: { version: "desc" }, take: 1 } },
      });
      if (bank.length === 0) throw refusal(409, "หลักสูตรนี้ยังไม่มีคำถามในคลังข้อสอบ โปรดติดต่อกองการเจ้าหน้าที่");
      // Prefer questions this person has not met this year (pre-test and earlier post-tests).
      const avoid = new Set<number>();
      if (kind === "post") {
        const earlier = await tx.attemptItem.findMany({
          where: { attempt: { personId: actor.personId, courseId: course.id, fiscalYear } },
          select: { questionVersion: { select: { questionId: true } } },
        });
        for (const item of earlier) avoid.add(item.questionVersion.questionId);
      }
      const drawn = drawQuestions(
        bank.map((q) => q.id),
        course.questionsPerTest,
        random,
        avoid,
      );
      const latest = new Map(bank.map((q) => [q.id, q.versions[0]!]));
      const number =
        (await tx.attempt.count({ where: { personId: actor.personId, courseId: course.id, kind, fiscalYear } })) + 1;
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
              return {
                position,
                questionVersionId: version.id,
                choiceOrder: JSON.stringify(choiceOrder(choiceCount, random)),
              };
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
      const open = await db.attempt.findFirst({
        where: { personId: actor.personId, courseId: course.id, kind, submittedAt: null },
      });
      if (open) return open;
    }
    throw error;
  }
}

/** The answers as shown (position → shown choice) turned into the authored choice of each item. */
function toAuthoredAnswers(attempt: LoadedAttempt, shownAnswers: ReadonlyMap<number, number>): Map<number, number> {
  const byPosition = new Map(attempt.items.map((i) => [i.position, i]));
  const answers = new Map<number, number>();
  for (const [position, shown] of shownAnswers) {
    const item = byPosition.get(position);
    if (!item) throw refusal(400, "คำตอบไม่ตรงกับข้อสอบชุดนี้ ระบบไม่ได้บันทึกคำตอบใด ๆ");
    const order = JSON.parse(item.choiceOrder) as number[];
    const authored = order[shown];
    if (authored === undefined) throw refusal(400, "คำตอบไม่ถูกต้อง ระบบไม่ได้บันทึกคำตอบใด ๆ");
    answers.set(item.id, authored);
  }
  return answers;
}

/** Save answers so far (resume later). Positions outside the attempt or bad choices change nothing. */
export async function saveAnswers(
  attemptId: number,
  shownAnswers: ReadonlyMap<number, number>,
  actor: Learner,
  courseSlug?: string,
  now = new Date(),
) {
  const closed = await db.$transaction(async (tx) => {
    const attempt = await loadAttempt(tx, attemptId, actor.personId, courseSlug);
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
  if (closed) throw refusal(409, TIME_UP);
}

/**
 * Submit every answer. Missing, extra or tampered answers, or a second submission, are refused and change nothing.
 * The attempt is read and graded before the write transaction (its items, choice orders and answer keys do not
 * change once it starts); inside, the writes are conditional on it still being open (decision 050).
 */
export async function submitAttempt(
  attemptId: number,
  shownAnswers: ReadonlyMap<number, number>,
  actor: Learner,
  courseSlug?: string,
  now = new Date(),
) {
  // The direct path (decision 054): both reads and the closing transaction run synchronously on the connection,
  // so the write lock is held only while SQLite works.
  const attempt = await sqlite.read((sql) => runStepsNow(sql, loadAttemptSteps(attemptId, actor.personId, courseSlug)));
  if (isExpired(attempt, now)) {
    // Time up or the fiscal year over: close it with what was saved (committed), then tell the person.
    const closed = await db.$transaction((tx) => finalizeIfExpired(tx, attempt, now));
    if (closed) throw refusal(409, TIME_UP);
  }
  assertOpen(attempt, now);
  const answers = toAuthoredAnswers(attempt, shownAnswers);
  const missing = attempt.items.length - answers.size;
  if (missing > 0) throw refusal(400, `กรุณาตอบให้ครบทุกข้อ (ยังไม่ได้ตอบ ${missing} ข้อ)`);
  return sqlite.write((sql) => runStepsNow(sql, scoreAndCloseSteps(attempt, answers, now, false, actor)));
}

export async function markLessonDone(courseSlug: string, lessonSlug: string, actor: Learner, now = new Date()) {
  const course = await findCourseFor(courseSlug, actor.personId, now);
  const lesson = course.lessons.find((l) => l.slug === lessonSlug);
  if (!lesson) throw refusal(404, "ไม่พบบทเรียนนี้");
  const fiscalYear = fiscalYearOf(now);
  const progress = await courseProgress(db, actor.personId, course, fiscalYear);
  if (!progress.preTestSubmitted) throw refusal(409, "กรุณาทำแบบทดสอบก่อนเรียนก่อนเริ่มบทเรียน");
  await db.lessonProgress.upsert({
    where: { personId_lessonId_fiscalYear: { personId: actor.personId, lessonId: lesson.id, fiscalYear } },
    create: { personId: actor.personId, lessonId: lesson.id, fiscalYear, completedAt: now },
    update: {},
  });
}
