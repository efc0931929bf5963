import type { Actor } from "~/domain/actor";
import { courseStatus } from "~/domain/course-status";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { correctNeededToPass, percent } from "~/domain/quiz";
import { refusal } from "~/domain/refusal";
import { db, sqlite } from "~/utils/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { finalizeIfExpired, loadAttempt } from "./attempt-store.server";
import { courseProgress, findCourseFor, reviewOpenFor, type TestKind } from "./progress.server";

// What a learner's pages read: one function per loader.

type Viewer = Pick<Actor, "personId">;

/** A course's overview: where the person stands this fiscal year, their results and certificate. */
export async function coursePage(slug: string, viewer: Viewer, now = new Date()) {
  const course = await findCourseFor(slug, viewer.personId, now);
  const fiscalYear = fiscalYearOf(now);
  const [progress, certificate] = await Promise.all([
    courseProgress(db, viewer.personId, course, fiscalYear),
    sqlite.read(
      (sql) =>
        sql.all<{ code: string }>(
          `SELECT "code" FROM "Certificate" WHERE "personId" = ? AND "courseId" = ? AND "fiscalYear" = ?`,
          viewer.personId,
          course.id,
          fiscalYear,
        )[0],
    ),
  ]);
  const attempts = [progress.pre, ...progress.posts].filter((a): a is NonNullable<typeof a> => Boolean(a));
  return {
    fiscalYear,
    course: {
      slug: course.slug,
      title: course.title,
      summary: course.summary,
      questionsPerTest: course.questionsPerTest,
      passPercent: course.passPercent,
      correctNeeded: correctNeededToPass(course.questionsPerTest, course.passPercent),
      maxPostTestAttempts: course.maxPostTestAttempts,
      timeLimitMinutes: course.timeLimitMinutes,
    },
    status: courseStatus(progress),
    next: progress.next,
    openAttemptId: (progress.open.pre ?? progress.open.post)?.id ?? null,
    lessons: course.lessons.map((l) => ({ slug: l.slug, title: l.title, done: progress.lessonIdsDone.has(l.id) })),
    attempts: attempts.map((a) => ({
      id: a.id,
      label: a.kind === "pre" ? "แบบทดสอบก่อนเรียน" : `แบบทดสอบหลังเรียน ครั้งที่ ${a.number}`,
      submittedAt: a.submittedAt!.toISOString(),
      correct: a.correctCount!,
      total: a.totalCount,
      percent: percent(a.correctCount!, a.totalCount),
      passed: a.passed,
      kind: a.kind,
    })),
    postTestsLeft: Math.max(0, course.maxPostTestAttempts - progress.postTestsSubmitted),
    certificateCode: certificate?.code ?? null,
  };
}

/**
 * A lesson: null when the pre-test is not done yet (the route sends the person to the course page). The last
 * lesson's button says where it leads: the post-test when it is next, else back to the course.
 */
export async function lessonPage(slug: string, lessonSlug: string, viewer: Viewer, now = new Date()) {
  const course = await findCourseFor(slug, viewer.personId, now);
  const index = course.lessons.findIndex((l) => l.slug === lessonSlug);
  if (index < 0) throw refusal(404, "ไม่พบบทเรียนนี้");
  const progress = await courseProgress(db, viewer.personId, course, fiscalYearOf(now));
  if (!progress.preTestSubmitted) return null;
  const lesson = course.lessons[index]!;
  const { markdown } = await db.lesson.findUniqueOrThrow({ where: { id: lesson.id }, select: { markdown: true } });
  const next = course.lessons[index + 1]?.slug ?? null;
  // Reading this last lesson completes the set when every other lesson is done already.
  const othersDone = course.lessons.every((l) => l.id === lesson.id || progress.lessonIdsDone.has(l.id));
  const postTestNext = !next && othersDone && ["lessons", "post_test", "retake"].includes(progress.next);
  return {
    course: { slug: course.slug, title: course.title },
    lesson: {
      slug: lesson.slug,
      title: lesson.title,
      html: renderMarkdown(markdown),
      done: progress.lessonIdsDone.has(lesson.id),
    },
    position: index + 1,
    count: course.lessons.length,
    previous: course.lessons[index - 1]?.slug ?? null,
    next,
    finishLabel: next
      ? "อ่านจบแล้ว ไปบทถัดไป ›"
      : postTestNext
        ? "อ่านจบแล้ว ไปทำแบบทดสอบหลังเรียน ›"
        : "อ่านจบแล้ว กลับไปหน้าหลักสูตร",
  };
}

/** What the browser may see of an attempt. Before submission: no correct answers, no explanations. */
export async function attemptView(attemptId: number, personId: number, courseSlug?: string, now = new Date()) {
  let attempt = await loadAttempt(db, attemptId, personId, courseSlug, { content: true });
  if (!attempt.submittedAt) {
    const closed = await db.$transaction(async (tx) => finalizeIfExpired(tx, attempt, now));
    if (closed) attempt = await loadAttempt(db, attemptId, personId, courseSlug, { content: true });
  }
  const submitted = Boolean(attempt.submittedAt);
  // Per-item feedback only once the course is settled (decided in app/domain/course-status.ts); before that the
  // submitted attempt carries its score and no items at all, so nothing in the loader data reveals the key.
  const reviewOpen = submitted ? await reviewOpenFor(personId, attempt.course.slug, attempt.fiscalYear, now) : false;
  const visibleItems = submitted && !reviewOpen ? [] : attempt.items;
  const items = visibleItems.map((item) => {
    const choices = JSON.parse(item.choices!) as string[];
    const order = JSON.parse(item.choiceOrder) as number[];
    const shownSelected = item.selectedIndex == null ? null : order.indexOf(item.selectedIndex);
    return {
      position: item.position,
      prompt: item.prompt!,
      choices: order.map((index) => choices[index]!),
      selected: shownSelected,
      ...(reviewOpen
        ? {
            correct: item.correct === true,
            correctChoice: order.indexOf(item.correctIndex),
            explanation: item.explanation!,
          }
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
export async function attemptPage(attemptId: number, viewer: Viewer, slug: string | undefined, now = new Date()) {
  const attempt = await attemptView(attemptId, viewer.personId, slug ?? "", now);
  let preTest: { correct: number; total: number } | null = null;
  let certificateCode: string | null = null;
  if (attempt.submittedAt && attempt.kind === "post") {
    const [pre, certificate] = await Promise.all([
      db.attempt.findFirst({
        where: {
          personId: viewer.personId,
          course: { slug: attempt.course.slug },
          kind: "pre",
          fiscalYear: attempt.fiscalYear,
          submittedAt: { not: null },
        },
      }),
      db.certificate.findUnique({ where: { attemptId: attempt.id } }),
    ]);
    if (pre?.correctCount != null) preTest = { correct: pre.correctCount, total: pre.totalCount };
    certificateCode = certificate?.code ?? null;
  }
  return { attempt, preTest, certificateCode, now: now.toISOString() };
}
