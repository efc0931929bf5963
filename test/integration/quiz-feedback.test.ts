import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startAppServer, type HttpClient } from "../support/app-server";
import { assignCourse } from "../support/assignments";
import { answersFor, readAllLessons, startTest } from "../support/courses";
import { createTestPerson, sessionCookieFor } from "../support/factories";

// Issue 16, finding 8: per-item right/wrong, the key and explanations only once the course is settled for the
// person; before that the score only — in the HTML and in the `?_data=` JSON the browser can fetch.

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
  await assignCourse();
});
afterAll(() => app.close());

const SLUG = "no-gift";
const ROUTE = "routes/courses.$slug.attempts.$attemptId";
const submit = (client: HttpClient, id: number, fields: Record<string, string>) =>
  client.post(`/courses/${SLUG}/attempts/${id}`, { intent: "submit", ...fields });

async function pageAndData(client: HttpClient, attemptId: number) {
  const page = await client.get(`/courses/${SLUG}/attempts/${attemptId}`);
  expect(page.status).toBe(200);
  const data = await client.get(`/courses/${SLUG}/attempts/${attemptId}?_data=${encodeURIComponent(ROUTE)}`);
  expect(data.status).toBe(200);
  const raw = await data.text();
  return {
    html: await page.text(),
    raw,
    json: JSON.parse(raw) as {
      attempt: { correctCount: number; totalCount: number; items: Record<string, unknown>[] };
    },
  };
}

/** Nothing that tells which item was right or wrong, or which choice is the key. */
async function expectScoreOnly(client: HttpClient, attemptId: number, correct: number) {
  const { html, raw, json } = await pageAndData(client, attemptId);
  expect(json.attempt.correctCount).toBe(correct);
  expect(html).toContain(`${correct}/${json.attempt.totalCount} ข้อ`);
  for (const leak of ["ตอบถูก", "ตอบผิด", "คำตอบที่ถูก", "คำตอบของท่าน", "is-correct", "is-wrong"])
    expect(html).not.toContain(leak);
  for (const leak of ['"correctChoice"', '"explanation"']) expect(raw).not.toContain(leak);
  expect(JSON.stringify(json.attempt.items)).not.toContain('"correct"');
  expect(json.attempt.items.some((i) => "correct" in i || "correctChoice" in i)).toBe(false);
  // Not even the item texts with the chosen answers: a right/wrong pattern cannot be rebuilt against the score.
  const firstPrompt = (
    await db.attemptItem.findFirstOrThrow({ where: { attemptId }, include: { questionVersion: true } })
  ).questionVersion.prompt;
  expect(raw).not.toContain(firstPrompt);
}

async function expectFeedback(client: HttpClient, attemptId: number) {
  const { html, json } = await pageAndData(client, attemptId);
  expect(html).toMatch(/ตอบถูก|ตอบผิด/);
  expect(html).toContain("คำตอบที่ถูก");
  expect(json.attempt.items.length).toBe(json.attempt.totalCount);
  expect(json.attempt.items.every((i) => typeof i.correct === "boolean" && typeof i.correctChoice === "number")).toBe(
    true,
  );
  expect(json.attempt.items.filter((i) => i.correct).length).toBe(json.attempt.correctCount);
}

describe("quiz feedback before and after the course is settled", () => {
  it("shows only the score for a failed pre-test and a failed first post-test, and per-item feedback after passing", async () => {
    const person = await createTestPerson();
    const client = app.client(await sessionCookieFor(person.id));
    const pre = await startTest(client, SLUG, "pre");
    expect((await submit(client, pre, await answersFor(pre, 3))).status).toBe(302);
    await expectScoreOnly(client, pre, 3);

    await readAllLessons(client, SLUG);
    const first = await startTest(client, SLUG, "post");
    expect((await submit(client, first, await answersFor(first, 7))).status).toBe(302);
    await expectScoreOnly(client, first, 7);
    await expectScoreOnly(client, pre, 3);

    const second = await startTest(client, SLUG, "post");
    expect((await submit(client, second, await answersFor(second, 15))).status).toBe(302);
    for (const id of [pre, first, second]) await expectFeedback(client, id);
  });
});
