// Prepares open post-tests for the submission benchmark through the real attempt module: for people with
// nothing yet in a course this fiscal year, a session, a submitted pre-test, every lesson read, and a started
// post-test. Prints JSON lines: { cookie, slug, attemptId, fields } where fields pass the test (12/15).
import { fiscalYearOf } from "~/domain/fiscal-year";
import { markLessonDone, startAttempt, submitAttempt } from "~/models/training/attempts.server";
import { assignedCourseIds } from "~/models/training/assignments.server";
import { db } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { shownAnswers } from "../test/support/courses";

const wanted = Number(process.argv[2] ?? 1000);
const fiscalYear = fiscalYearOf(new Date());

const courses = await db.course.findMany({ include: { lessons: { where: { retired: false } } } });
const people = await db.person.findMany({ where: { deactivatedAt: null }, orderBy: { id: "asc" } });
const busy = new Set(
  (await db.attempt.findMany({ where: { fiscalYear }, select: { personId: true, courseId: true } })).map(
    (a) => `${a.personId}/${a.courseId}`,
  ),
);
let made = 0;
const cookies = new Map<number, string>();
outer: for (const course of courses) {
  for (const person of people) {
    if (made >= wanted) break outer;
    if (busy.has(`${person.id}/${course.id}`)) continue;
    if (!(await assignedCourseIds(person.id, fiscalYear, new Date())).has(course.id)) continue; // not theirs this year
    const actor = { personId: person.id, ip: "bench" };
    const pre = await startAttempt(course.slug, "pre", actor);
    await submitAttempt(pre.id, await shownAnswers(pre.id, 6), actor);
    for (const lesson of course.lessons) await markLessonDone(course.slug, lesson.slug, actor);
    const post = await startAttempt(course.slug, "post", actor);
    const answers = await shownAnswers(post.id, 12);
    if (!cookies.has(person.id)) cookies.set(person.id, `sujarit_session=${await createSession(db, person.id)}`);
    const fields = Object.fromEntries([...answers].map(([position, shown]) => [`q${position}`, String(shown)]));
    console.log(JSON.stringify({ cookie: cookies.get(person.id), slug: course.slug, attemptId: post.id, fields }));
    made++;
  }
}
await db.$disconnect();
