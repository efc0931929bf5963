import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseStatus } from "~/domain/course-status";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { itemStatistics } from "~/domain/quiz";
import { courseProgress, findCourse } from "~/models/training/progress.server";
import { courseResultsPage, questionStatistics } from "~/models/training/report.server";
import { db } from "~/utils/db.server";
import { startAppServer, type HttpClient } from "../support/app-server";
import { assignCourse } from "../support/assignments";
import { answersFor, readAllLessons, startTest } from "../support/courses";
import { createTestPerson, sessionCookieFor } from "../support/factories";

// Decision 048: HR's course report reads CourseResult rows, one page of the roster in SQL and question sums in SQL.
// Every row it shows must equal what the learner's own progress (courseProgress, from the attempts) gives, and the
// question statistics must equal itemStatistics over the attempt items, row by row.

let app: Awaited<ReturnType<typeof startAppServer>>;
const year = fiscalYearOf(new Date());
const hr = { roles: ["hr" as const] };
beforeAll(async () => {
  app = await startAppServer();
  await assignCourse("ethics", { fiscalYears: [year] });
});
afterAll(() => app.close());

async function submit(client: HttpClient, attemptId: number, right: number) {
  const response = await client.post(`/courses/ethics/attempts/${attemptId}`, {
    intent: "submit",
    ...(await answersFor(attemptId, right)),
  });
  expect(response.status).toBe(302);
}

describe("HR course report against the recomputed values", () => {
  it("shows each person's status, scores and tries as their own progress gives them, on every page", async () => {
    // Learners at every stage: pre-test only, studying, failed twice, failed then passed, open attempt only.
    const stages = [
      async (c: HttpClient) => submit(c, await startTest(c, "ethics", "pre"), 4),
      async (c: HttpClient) => {
        await submit(c, await startTest(c, "ethics", "pre"), 6);
        await readAllLessons(c, "ethics");
      },
      async (c: HttpClient) => {
        await submit(c, await startTest(c, "ethics", "pre"), 2);
        await readAllLessons(c, "ethics");
        await submit(c, await startTest(c, "ethics", "post"), 5);
        await submit(c, await startTest(c, "ethics", "post"), 9);
      },
      async (c: HttpClient) => {
        await submit(c, await startTest(c, "ethics", "pre"), 7);
        await readAllLessons(c, "ethics");
        await submit(c, await startTest(c, "ethics", "post"), 8);
        await submit(c, await startTest(c, "ethics", "post"), 15);
      },
      async (c: HttpClient) => void (await startTest(c, "ethics", "pre")),
    ];
    for (const stage of stages) {
      const person = await createTestPerson({ divisionCode: "internal-audit" });
      await stage(app.client(await sessionCookieFor(person.id)));
    }

    const course = await findCourse("ethics");
    const first = await courseResultsPage("ethics", year, new URLSearchParams(), 1, hr);
    expect(first.rowCount).toBeGreaterThanOrEqual(stages.length);
    const seen = new Map<number, boolean>(); // person -> in the population
    for (let page = 1; page <= first.pageCount; page++) {
      const data = await courseResultsPage("ethics", year, new URLSearchParams(), page, hr);
      for (const row of data.rows) {
        seen.set(row.id, row.inPopulation);
        const p = await courseProgress(db, row.id, course, year);
        expect(row.status, `person ${row.id}`).toBe(courseStatus(p));
        expect(row.postTries).toBe(p.postTestsSubmitted);
        const pre = p.pre ? `${p.pre.correctCount}/${p.pre.totalCount}` : "";
        expect(row.pre.split(" ")[0] ?? "").toBe(pre);
        const post = p.counting ? `${p.counting.correct}/${p.counting.total}` : "";
        expect(row.post.split(" ")[0] ?? "").toBe(post);
      }
    }
    expect(seen.size).toBe(first.rowCount); // the pages cover every row once

    // The summary counts the same statuses over the population.
    const statuses = await Promise.all(
      [...seen]
        .filter(([, inPopulation]) => inPopulation)
        .map(async ([id]) => courseStatus(await courseProgress(db, id, course, year))),
    );
    expect(first.summary.population).toBe(statuses.length);
    expect(first.summary.passed).toBe(statuses.filter((s) => s === "passed").length);
    expect(first.summary.notStarted).toBe(statuses.filter((s) => s === "not_started").length);
    expect(first.summary.notPassed).toBe(statuses.filter((s) => s === "not_passed").length);
  });

  it("gives each question the statistics itemStatistics gives over its attempt items", async () => {
    const course = await db.course.findUniqueOrThrow({ where: { slug: "ethics" } });
    for (const kind of ["pre", "post"] as const) {
      const stats = await questionStatistics(course.id, year, kind);
      const items = await db.attemptItem.findMany({
        where: { attempt: { courseId: course.id, fiscalYear: year, kind, submittedAt: { not: null } } },
        select: {
          correct: true,
          attempt: { select: { correctCount: true, totalCount: true } },
          questionVersion: { select: { questionId: true } },
        },
      });
      expect(items.length).toBeGreaterThan(0);
      for (const s of stats) {
        const expected = itemStatistics(
          items
            .filter((i) => i.questionVersion.questionId === s.id)
            .map((i) => ({
              itemCorrect: i.correct === true,
              attemptCorrect: i.attempt.correctCount ?? 0,
              attemptTotal: i.attempt.totalCount,
            })),
        );
        expect(s.attempts).toBe(expected.attempts);
        if (expected.facility == null) expect(s.facility).toBeNull();
        else expect(s.facility).toBeCloseTo(expected.facility, 12);
        if (expected.discrimination == null) expect(s.discrimination).toBeNull();
        else expect(s.discrimination).toBeCloseTo(expected.discrimination, 9);
      }
    }
  });
});
