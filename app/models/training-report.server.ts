import { courseStatus, type CourseStatus } from "~/domain/course-status";
import { itemStatistics, percent } from "~/domain/quiz";
import { db } from "~/utils/db.server";
import { groupBy } from "~/utils/group-by";
import { progressFromRows } from "./course-attempts.server";
import { coursePopulation } from "./course-assignments.server";
import { computationDate } from "./indicators.server";

// Read-only reports for HR on the training data.

/**
 * Where everyone who must take a course in a fiscal year stands: the population is the union of the groups the
 * course is assigned to that year, on the computation date (as for the indicators). People outside it who
 * have attempts that year are listed too, marked, but not counted in the summary.
 */
export async function courseReport(courseSlug: string, fiscalYear: number) {
  const course = await db.course.findUnique({
    where: { slug: courseSlug },
    include: { lessons: { where: { retired: false } } },
  });
  if (!course) return null;
  const population = await coursePopulation(course.id, fiscalYear, computationDate(fiscalYear).at);
  const [everyone, attempts, progress] = await Promise.all([
    // The whole roster, filtered here: a population of thousands is too many ids for one SQL IN list.
    db.person.findMany({
      include: { division: true },
      orderBy: [{ division: { sortOrder: "asc" } }, { employeeNumber: "asc" }],
    }),
    db.attempt.findMany({ where: { courseId: course.id, fiscalYear }, orderBy: { id: "asc" } }),
    db.lessonProgress.findMany({
      where: { fiscalYear, lessonId: { in: course.lessons.map((l) => l.id) } },
      select: { personId: true, lessonId: true },
    }),
  ]);
  const attemptsByPerson = groupBy(attempts, (a) => a.personId);
  const people = everyone.filter((p) => population.has(p.id) || attemptsByPerson.has(p.id));
  const lessonsByPerson = groupBy(progress, (p) => p.personId);
  const rows = people.map((person) => {
    const p = progressFromRows(
      course,
      attemptsByPerson.get(person.id) ?? [],
      (lessonsByPerson.get(person.id) ?? []).map((l) => l.lessonId),
    );
    return {
      person,
      inPopulation: population.has(person.id),
      status: courseStatus(p) as CourseStatus,
      pre: p.pre ? { correct: p.pre.correctCount!, total: p.pre.totalCount } : null,
      post: p.counting ? { correct: p.counting.correct, total: p.counting.total } : null,
      postTries: p.postTestsSubmitted,
    };
  });
  const counted = rows.filter((r) => r.inPopulation);
  const count = (status: CourseStatus) => counted.filter((r) => r.status === status).length;
  const average = (scores: { correct: number; total: number }[]) =>
    scores.length ? Math.round((scores.reduce((s, x) => s + x.correct / x.total, 0) / scores.length) * 1000) / 10 : null;
  return {
    course,
    rows,
    summary: {
      population: counted.length,
      passed: count("passed"),
      notStarted: count("not_started"),
      inProgress: count("pre_test_done") + count("studying"),
      notPassed: count("not_passed"),
      averagePre: average(counted.flatMap((r) => (r.pre ? [r.pre] : []))),
      averagePost: average(counted.flatMap((r) => (r.post ? [r.post] : []))),
    },
  };
}

/** Facility and discrimination per question over the submitted attempts of one kind in a fiscal year. */
export async function questionStatistics(courseId: number, fiscalYear: number, kind: "pre" | "post") {
  const items = await db.attemptItem.findMany({
    where: { attempt: { courseId, fiscalYear, kind, submittedAt: { not: null } } },
    select: {
      correct: true,
      attempt: { select: { correctCount: true, totalCount: true } },
      questionVersion: { select: { questionId: true } },
    },
  });
  const questions = await db.question.findMany({
    where: { courseId },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    orderBy: { key: "asc" },
  });
  const byQuestion = groupBy(items, (i) => i.questionVersion.questionId);
  return questions.map((q) => {
    const responses = (byQuestion.get(q.id) ?? []).map((i) => ({
      itemCorrect: i.correct === true,
      attemptCorrect: i.attempt.correctCount ?? 0,
      attemptTotal: i.attempt.totalCount,
    }));
    const stats = itemStatistics(responses);
    return {
      id: q.id,
      key: q.key,
      lessonSlug: q.lessonSlug,
      retired: q.retired,
      version: q.versions[0]?.version ?? 0,
      prompt: q.versions[0]?.prompt ?? "",
      ...stats,
    };
  });
}

export type CourseReport = NonNullable<Awaited<ReturnType<typeof courseReport>>>;

export function scoreText(score: { correct: number; total: number } | null): string {
  return score ? `${score.correct}/${score.total} (${percent(score.correct, score.total)}%)` : "";
}
