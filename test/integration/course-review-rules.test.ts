import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAttempt } from "~/models/training/attempts.server";
import { attemptView } from "~/models/training/learner-pages.server";
import { db } from "~/utils/db.server";
import { startAppServer, type HttpClient } from "../support/app-server";
import { answersFor, readAllLessons, startTest } from "../support/courses";
import { assignCourse } from "../support/assignments";
import { createTestPerson, sessionCookieFor } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
  await assignCourse();
});
afterAll(() => app.close());

async function staff() {
  const person = await createTestPerson();
  return { person, client: app.client(await sessionCookieFor(person.id)) };
}
const submit = (client: HttpClient, slug: string, id: number, fields: Record<string, string>) =>
  client.post(`/courses/${slug}/attempts/${id}`, { intent: "submit", ...fields });

async function readyForPostTest(client: HttpClient, slug: string) {
  const pre = await startTest(client, slug, "pre");
  await submit(client, slug, pre, await answersFor(pre, 5));
  await readAllLessons(client, slug);
}

describe("review after a failed post-test", () => {
  it("hides answers and explanations while retakes remain, and shows them once the tries are used up", async () => {
    const { client } = await staff();
    await readyForPostTest(client, "no-gift");
    const first = await startTest(client, "no-gift", "post");
    await submit(client, "no-gift", first, await answersFor(first, 10));
    const explanation = (
      await db.attemptItem.findFirstOrThrow({ where: { attemptId: first }, include: { questionVersion: true } })
    ).questionVersion.explanation;
    const hidden = await (await client.get(`/courses/no-gift/attempts/${first}`)).text();
    expect(hidden).toContain("เฉลยและคำอธิบายจะแสดงเมื่อท่านผ่านหลักสูตรนี้");
    expect(hidden).not.toContain(explanation.slice(0, 30));
    expect(hidden).not.toContain("correctChoice");

    // The second post-test meets none of the first one's questions where the bank allows (32 = 15 + 15 + 2).
    const second = await startTest(client, "no-gift", "post");
    const seen = new Set(
      (
        await db.attemptItem.findMany({
          where: { attempt: { id: { in: [first] } } },
          include: { questionVersion: true },
        })
      ).map((i) => i.questionVersion.questionId),
    );
    const secondItems = await db.attemptItem.findMany({
      where: { attemptId: second },
      include: { questionVersion: true },
    });
    const repeats = secondItems.filter((i) => seen.has(i.questionVersion.questionId)).length;
    expect(repeats).toBeLessThanOrEqual(13);
    await submit(client, "no-gift", second, await answersFor(second, 10));
    const third = await startTest(client, "no-gift", "post");
    await submit(client, "no-gift", third, await answersFor(third, 10));
    const shown = await (await client.get(`/courses/no-gift/attempts/${first}`)).text();
    expect(shown).toContain(explanation.slice(0, 30).replace(/"/g, "&quot;").slice(0, 10));
    expect(shown).toContain("✓ คำตอบที่ถูก");
  });
});

describe("grading 'first'", () => {
  it("counts the first post-test: no retake, and no certificate for a later pass", async () => {
    await db.course.update({ where: { slug: "ethics" }, data: { grading: "first" } });
    try {
      const { person, client } = await staff();
      await readyForPostTest(client, "ethics");
      const first = await startTest(client, "ethics", "post");
      await submit(client, "ethics", first, await answersFor(first, 9));
      const retake = await client.post("/courses/ethics", { kind: "post" });
      expect(retake.status).toBe(409);
      expect(await retake.text()).toContain("นับผลแบบทดสอบหลังเรียนครั้งแรก");
      expect(await db.certificate.count({ where: { personId: person.id } })).toBe(0);
    } finally {
      await db.course.update({ where: { slug: "ethics" }, data: { grading: "best" } });
    }
  });
});

describe("the fiscal year's end", () => {
  it("closes an attempt begun in the old year and submitted in the new one, in the old year", async () => {
    const { person, client } = await staff();
    const lastEvening = new Date("2026-09-30T16:50:00Z"); // 23:50 on 30 Sep 2569 BE in Bangkok: FY 2569
    const attempt = await startAttempt("anti-corruption", "pre", { personId: person.id, ip: null }, lastEvening);
    expect(attempt.fiscalYear).toBe(2569);
    const late = await submit(client, "anti-corruption", attempt.id, await answersFor(attempt.id, 15));
    expect(late.status).toBe(409);
    const closed = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(closed.timedOut).toBe(true);
    expect(closed.correctCount).toBe(0);
    expect(closed.submittedAt!.getTime()).toBeLessThan(new Date("2026-09-30T17:00:00Z").getTime());
  });

  it("survives two page loads at once when the time has run out", async () => {
    const { person } = await staff();
    const attempt = await startAttempt(
      "anti-corruption",
      "pre",
      { personId: person.id, ip: null },
      new Date(Date.now() - 60 * 60_000),
    );
    const [a, b] = await Promise.all([attemptView(attempt.id, person.id), attemptView(attempt.id, person.id)]);
    expect(a.submittedAt).not.toBeNull();
    expect(b.submittedAt).not.toBeNull();
  });
});
