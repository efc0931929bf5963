import { beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { countingAttempt, type Grading } from "~/domain/quiz";
import { markLessonDone, startAttempt, submitAttempt } from "~/models/training/attempts.server";
import { populationOf } from "~/models/people/target-groups.server";
import { db } from "~/utils/db.server";
import { assignCourse } from "../support/assignments";
import { shownAnswers } from "../support/courses";
import { createTestPerson } from "../support/factories";

// CourseResult (decision 041) is kept by SQL triggers on Attempt. Whatever happens to the attempts, every row must
// equal what is recomputed from the attempts themselves with the domain's own countingAttempt.

beforeAll(() => assignCourse());

type Row = {
  id: number;
  personId: number;
  courseId: number;
  kind: string;
  fiscalYear: number;
  submittedAt: string | null;
  correctCount: number | null;
  totalCount: number;
};

async function recomputed() {
  const attempts = await db.$queryRawUnsafe<Row[]>(
    `SELECT "id", "personId", "courseId", "kind", "fiscalYear", "submittedAt", "correctCount", "totalCount" FROM "Attempt" WHERE "submittedAt" IS NOT NULL`,
  );
  const byKey = new Map<string, Row[]>();
  for (const a of attempts) {
    const key = `${a.courseId}/${a.fiscalYear}/${a.kind}/${a.personId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), a]);
  }
  const pick = (rows: Row[], grading: Grading) =>
    countingAttempt(
      rows.map((a) => ({
        id: Number(a.id),
        submittedAt: new Date(a.submittedAt!),
        correct: a.correctCount ?? 0,
        total: a.totalCount,
      })),
      grading,
    )!;
  return [...byKey]
    .map(([key, rows]) => {
      const [first, last, best] = (["first", "last", "best"] as const).map((g) => pick(rows, g));
      return {
        key,
        submitted: rows.length,
        first: [first!.id, first!.correct, first!.total],
        last: [last!.id, last!.correct, last!.total],
        best: [best!.id, best!.correct, best!.total],
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

async function kept() {
  const rows = await db.courseResult.findMany();
  return rows
    .map((r) => ({
      key: `${r.courseId}/${r.fiscalYear}/${r.kind}/${r.personId}`,
      submitted: r.submitted,
      first: [r.firstId, r.firstCorrect, r.firstTotal],
      last: [r.lastId, r.lastCorrect, r.lastTotal],
      best: [r.bestId, r.bestCorrect, r.bestTotal],
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

describe("CourseResult kept by triggers on Attempt", () => {
  it("equals the recomputed value after real submissions through the attempt model", async () => {
    const person = await createTestPerson();
    const actor = { personId: person.id, ip: null };
    const pre = await startAttempt("conflict-of-interest", "pre", actor);
    await submitAttempt(pre.id, await shownAnswers(pre.id, 4), actor);
    const course = await db.course.findUniqueOrThrow({
      where: { slug: "conflict-of-interest" },
      include: { lessons: true },
    });
    for (const lesson of course.lessons) await markLessonDone("conflict-of-interest", lesson.slug, actor);
    for (const score of [7, 11]) {
      const post = await startAttempt("conflict-of-interest", "post", actor);
      await submitAttempt(post.id, await shownAnswers(post.id, score), actor);
    }
    const mine = (await kept()).filter((r) => r.key.endsWith(`/${person.id}`));
    expect(mine.map((r) => [r.key.split("/")[2], r.submitted])).toEqual([
      ["post", 2],
      ["pre", 1],
    ]);
    expect(mine.find((r) => r.key.includes("/post/"))!.best[1]).toBe(11);
    expect(await kept()).toEqual(await recomputed());
  });

  it("follows inserts in any order, ties, unsubmitted attempts, corrections and deletions", async () => {
    const people = [await createTestPerson(), await createTestPerson()];
    const courseIds = (await db.course.findMany({ select: { id: true }, take: 2 })).map((c) => c.id);
    const year = fiscalYearOf(new Date());
    let seed = 17;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n; // Park–Miller, exact in doubles
    const numbers = new Map<string, number>();
    const openKeys = new Set<string>();
    const insert = async () => {
      const personId = people[random(2)]!.id;
      const courseId = courseIds[random(2)]!;
      const kind = random(2) ? "post" : "pre";
      const key = `${personId}/${courseId}/${kind}`;
      const number = (numbers.get(key) ?? 0) + 1;
      numbers.set(key, number);
      // Few distinct times and scores, so ties in time and in score happen; some attempts stay open.
      const at = new Date(Date.UTC(2026, 0, 1 + random(3))).toISOString().replace("Z", "+00:00");
      // At most one open attempt per person, course and kind (a unique index): otherwise it is submitted.
      const submitted = random(3) > 0 || openKeys.has(key);
      if (!submitted) openKeys.add(key);
      await db.$executeRawUnsafe(
        `INSERT INTO "Attempt" ("personId", "courseId", "kind", "fiscalYear", "number", "startedAt", "submittedAt", "correctCount", "totalCount", "passed") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
        personId,
        courseId,
        kind,
        year,
        number,
        at,
        submitted ? at : null,
        random(4) ? random(16) : null,
        [15, 10, 20][random(3)],
      );
    };
    for (let i = 0; i < 60; i++) await insert();
    expect(await kept()).toEqual(await recomputed());

    // Open attempts: submitted later, or deleted; neither leaves the row stale.
    const open = await db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT "id" FROM "Attempt" WHERE "submittedAt" IS NULL AND "personId" IN (?, ?) ORDER BY "id"`,
      people[0]!.id,
      people[1]!.id,
    );
    expect(open.length).toBeGreaterThanOrEqual(2);
    await db.$executeRawUnsafe(
      `UPDATE "Attempt" SET "submittedAt" = '2025-12-31T00:00:00.000+00:00', "correctCount" = 15 WHERE "id" = ?`,
      open[0]!.id,
    );
    await db.$executeRawUnsafe(`DELETE FROM "Attempt" WHERE "id" = ?`, open[1]!.id);
    for (const { id } of open.slice(2)) await db.$executeRawUnsafe(`DELETE FROM "Attempt" WHERE "id" = ?`, id);
    expect(await kept()).toEqual(await recomputed());

    // Submitted attempts are immutable today (a trigger refuses); in this file's own database the guards are lifted
    // to show that a correction or a deletion would still be followed.
    for (const guard of [
      "Attempt_immutable_after_submit",
      "Attempt_no_delete_after_submit",
      "AttemptItem_no_delete_after_submit",
    ])
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${guard}"`);
    const submitted = await db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT "id" FROM "Attempt" WHERE "submittedAt" IS NOT NULL AND "personId" IN (?, ?) ORDER BY "id"`,
      people[0]!.id,
      people[1]!.id,
    );
    await db.$executeRawUnsafe(`UPDATE "Attempt" SET "correctCount" = 0 WHERE "id" = ?`, submitted[0]!.id); // a corrected score
    await db.$executeRawUnsafe(`UPDATE "Attempt" SET "submittedAt" = NULL WHERE "id" = ?`, submitted[1]!.id); // reopened
    await db.$executeRawUnsafe(
      `UPDATE "Attempt" SET "fiscalYear" = "fiscalYear" - 1, "number" = 1000 + "id" WHERE "id" = ?`,
      submitted[2]!.id,
    ); // moved to another year
    await db.$executeRawUnsafe(`DELETE FROM "Attempt" WHERE "id" IN (?, ?)`, submitted[3]!.id, submitted[4]!.id);
    await db.$executeRawUnsafe(
      `UPDATE "Attempt" SET "submittedAt" = '2025-01-01T00:00:00.000+00:00' WHERE "id" = ?`,
      submitted[5]!.id,
    ); // earlier
    expect(await kept()).toEqual(await recomputed());
    // Every attempt of one person deleted: their rows go.
    await db.$executeRawUnsafe(
      `DELETE FROM "AttemptItem" WHERE "attemptId" IN (SELECT "id" FROM "Attempt" WHERE "personId" = ?)`,
      people[0]!.id,
    );
    await db.$executeRawUnsafe(`DELETE FROM "Certificate" WHERE "personId" = ?`, people[0]!.id);
    await db.$executeRawUnsafe(`DELETE FROM "Attempt" WHERE "personId" = ?`, people[0]!.id);
    expect((await kept()).some((r) => r.key.endsWith(`/${people[0]!.id}`))).toBe(false);
    expect(await kept()).toEqual(await recomputed());
  });
});

describe("the membership snapshot kept per process", () => {
  it("sees a change to a person's personnel type made after it was read", async () => {
    const person = await createTestPerson({ personnelType: "municipal_officer" });
    const at = new Date();
    const before = await populationOf("council", at);
    expect(before!.members.some((p) => p.id === person.id)).toBe(false);
    // A raw write, as another server process would make it: only the trigger-kept version tells this process.
    await db.$executeRawUnsafe(`UPDATE "Person" SET "personnelType" = 'council_member' WHERE "id" = ?`, person.id);
    const after = await populationOf("council", at);
    expect(after!.members.some((p) => p.id === person.id)).toBe(true);
  });
});
