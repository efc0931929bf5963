import type { Actor } from "~/domain/actor";
import { courseDueDate } from "~/domain/course-assignments";
import { courseStatus } from "~/domain/course-status";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { percent } from "~/domain/quiz";
import { sqlite } from "~/utils/db.server";
import { assignedCourseIds } from "./assignments.server";
import { listCourses } from "./catalogue.server";
import { progressFromRows, type ProgressAttempt } from "./progress.server";

type AttemptRow = Omit<ProgressAttempt, "submittedAt"> & { courseId: number; submittedAt: string | null };

/**
 * A person's attempts, lessons read and certificates in a fiscal year: on every course list (home, my courses), so
 * one direct read (decision 054) instead of three through the client.
 */
async function trainingRecordsOf(personId: number, fiscalYear: number) {
  return sqlite.read((sql) => ({
    attempts: sql
      .all<AttemptRow>(
        `SELECT "id", "courseId", "kind", "submittedAt", "correctCount", "totalCount" FROM "Attempt"
         WHERE "personId" = ? AND "fiscalYear" = ? ORDER BY "id"`,
        personId,
        fiscalYear,
      )
      .map((a) => ({ ...a, submittedAt: a.submittedAt == null ? null : new Date(a.submittedAt) })),
    done: sql
      .all<{ lessonId: number }>(
        `SELECT "lessonId" FROM "LessonProgress" WHERE "personId" = ? AND "fiscalYear" = ?`,
        personId,
        fiscalYear,
      )
      .map((l) => l.lessonId),
    certificates: sql.all<{ courseId: number; code: string }>(
      `SELECT "courseId", "code" FROM "Certificate" WHERE "personId" = ? AND "fiscalYear" = ?`,
      personId,
      fiscalYear,
    ),
  }));
}

/** The courses assigned to a person in a fiscal year (through their groups on `at`) with where they stand in each. */
export async function myCourses(personId: number, fiscalYear: number, at = new Date()) {
  const [allCourses, assigned, { attempts, done, certificates }] = await Promise.all([
    listCourses(),
    assignedCourseIds(personId, fiscalYear, at),
    trainingRecordsOf(personId, fiscalYear),
  ]);
  const courses = allCourses.filter((c) => assigned.has(c.id));
  // Target groups carry no due date of their own (yet), so every course is due at the end of its fiscal year.
  const dueDate = courseDueDate(fiscalYear).toISOString();
  return courses.map((course) => {
    const progress = progressFromRows(
      course,
      attempts.filter((a) => a.courseId === course.id),
      done,
    );
    const certificate = certificates.find((c) => c.courseId === course.id);
    return {
      slug: course.slug,
      title: course.title,
      summary: course.summary,
      lessonCount: progress.lessonCount,
      lessonsDone: progress.lessonsDone,
      status: courseStatus(progress),
      next: progress.next,
      prePercent: progress.pre ? percent(progress.pre.correctCount!, progress.pre.totalCount) : null,
      postPercent: progress.counting ? percent(progress.counting.correct, progress.counting.total) : null,
      certificateCode: certificate?.code ?? null,
      hasOpenAttempt: Boolean(progress.open.pre || progress.open.post),
      dueDate,
    };
  });
}

/** "My courses": this fiscal year's courses for the signed-in person. */
export async function myCoursesPage(viewer: Pick<Actor, "personId">, now = new Date()) {
  const fiscalYear = fiscalYearOf(now);
  return { fiscalYear, courses: await myCourses(viewer.personId, fiscalYear, now) };
}
