import type { Attempt, Course } from "@prisma/client";
import { attemptFeedbackOpen, nextStep } from "~/domain/course-status";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { countingAttempt, isPass, type Grading } from "~/domain/quiz";
import { refusal } from "~/domain/refusal";
import { db, sqlite, type Tx } from "~/utils/db.server";
import { mayTakeCourse } from "./assignments.server";
import { CURRENT_LESSONS, listCourses } from "./catalogue.server";

// Reading a course and where one person stands in it (shared by the attempt commands, the views and the reports).

export type TestKind = "pre" | "post";
export type Client = Tx | typeof db;

/**
 * A course and its current lessons. Outside a transaction from the catalogue kept per process (decision 059; frozen),
 * inside one through the transaction.
 */
export async function findCourse(slug: string, client: Client = db) {
  const course =
    client === db
      ? (await listCourses()).find((c) => c.slug === slug)
      : await client.course.findUnique({ where: { slug }, include: { lessons: CURRENT_LESSONS } });
  if (!course) throw refusal(404, "ไม่พบหลักสูตรนี้");
  return course;
}

export type CourseWithLessons = Awaited<ReturnType<typeof findCourse>>;

const NOT_ASSIGNED = "หลักสูตรนี้ไม่ได้กำหนดให้ท่านเรียนในปีงบประมาณนี้ หากเห็นว่าท่านควรได้เรียน โปรดติดต่องานบุคคล";

/** A course the person may open this fiscal year (assigned to a group they are in, or already begun); else 403. */
export async function findCourseFor(slug: string, personId: number, now = new Date()) {
  const course = await findCourse(slug);
  if (!(await mayTakeCourse(personId, course.id, fiscalYearOf(now), now))) throw refusal(403, NOT_ASSIGNED);
  return course;
}

type AttemptRow = Omit<Attempt, "startedAt" | "deadlineAt" | "submittedAt" | "timedOut" | "passed"> & {
  startedAt: string;
  deadlineAt: string | null;
  submittedAt: string | null;
  timedOut: number;
  passed: number | null;
};

const dateOrNull = (text: string | null) => (text == null ? null : new Date(text));

/**
 * Where a person stands in one course in one fiscal year. Inside a transaction through it; outside, one direct read
 * (decision 062): every course page reads it.
 */
export async function courseProgress(client: Client, personId: number, course: CourseWithLessons, fiscalYear: number) {
  const lessonIds = course.lessons.map((l) => l.id);
  const { attempts, lessonsDone } =
    client === db
      ? await sqlite.read((sql) => ({
          attempts: sql
            .all<AttemptRow>(
              `SELECT "id", "personId", "courseId", "kind", "fiscalYear", "number", "startedAt", "deadlineAt",
                      "submittedAt", "timedOut", "correctCount", "totalCount", "passed"
               FROM "Attempt" WHERE "personId" = ? AND "courseId" = ? AND "fiscalYear" = ? ORDER BY "id"`,
              personId,
              course.id,
              fiscalYear,
            )
            .map((a): Attempt => ({
              ...a,
              startedAt: new Date(a.startedAt),
              deadlineAt: dateOrNull(a.deadlineAt),
              submittedAt: dateOrNull(a.submittedAt),
              timedOut: a.timedOut !== 0,
              passed: a.passed == null ? null : a.passed !== 0,
            })),
          lessonsDone: sql
            .all<{ lessonId: number }>(
              `SELECT "lessonId" FROM "LessonProgress"
               WHERE "personId" = ? AND "fiscalYear" = ? AND "lessonId" IN (SELECT value FROM json_each(?))`,
              personId,
              fiscalYear,
              JSON.stringify(lessonIds),
            )
            .map((l) => l.lessonId),
        }))
      : {
          attempts: await client.attempt.findMany({
            where: { personId, courseId: course.id, fiscalYear },
            orderBy: { id: "asc" },
          }),
          lessonsDone: (
            await client.lessonProgress.findMany({
              where: { personId, fiscalYear, lessonId: { in: lessonIds } },
              select: { lessonId: true },
            })
          ).map((l) => l.lessonId),
        };
  return progressFromRows(course, attempts, lessonsDone);
}

/** What progress needs of an attempt (a course list reads only these, on the direct path). */
export type ProgressAttempt = Pick<Attempt, "id" | "kind" | "submittedAt" | "correctCount" | "totalCount">;

export function progressFromRows<A extends ProgressAttempt>(
  course: Pick<Course, "grading" | "passPercent" | "maxPostTestAttempts"> & { lessons: readonly { id: number }[] },
  attempts: A[],
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

/** Whether per-item feedback of a submitted attempt may be shown now (the rule lives in app/domain/course-status.ts). */
export async function reviewOpenFor(personId: number, courseSlug: string, attemptFiscalYear: number, now: Date) {
  const course = await findCourse(courseSlug);
  const progress = await courseProgress(db, personId, course, attemptFiscalYear);
  return attemptFeedbackOpen({
    submitted: true,
    next: progress.next,
    attemptFiscalYear,
    currentFiscalYear: fiscalYearOf(now),
  });
}
