import type { Actor } from "~/domain/actor";
import { courseDueDate } from "~/domain/course-assignments";
import { courseStatus } from "~/domain/course-status";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { percent } from "~/domain/quiz";
import { db } from "~/utils/db.server";
import { assignedCourseIds } from "./assignments.server";
import { progressFromRows } from "./progress.server";

/** The catalogue with each course's current lessons, by id only: the lessons' texts are large and not needed here. */
export async function listCourses() {
  return db.course.findMany({
    orderBy: { sortOrder: "asc" },
    include: { lessons: { where: { retired: false }, orderBy: { position: "asc" }, select: { id: true } } },
  });
}

/** The courses assigned to a person in a fiscal year (through their groups on `at`) with where they stand in each. */
export async function myCourses(personId: number, fiscalYear: number, at = new Date()) {
  const [allCourses, assigned, attempts, lessonProgress, certificates] = await Promise.all([
    listCourses(),
    assignedCourseIds(personId, fiscalYear, at),
    db.attempt.findMany({ where: { personId, fiscalYear }, orderBy: { id: "asc" } }),
    db.lessonProgress.findMany({ where: { personId, fiscalYear }, select: { lessonId: true } }),
    db.certificate.findMany({ where: { personId, fiscalYear } }),
  ]);
  const done = lessonProgress.map((l) => l.lessonId);
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
