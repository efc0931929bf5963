import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { assignCourse } from "../support/assignments";
import { answersFor, startTest } from "../support/courses";
import { createTestPerson, sessionCookieFor } from "../support/factories";

// Issue 12, item 12: the last lesson's button says where it leads, never "ไปบทถัดไป".

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
  await assignCourse("no-gift");
});
afterAll(() => app.close());

describe("lesson buttons", () => {
  it("says 'next lesson' before the last one, and the post-test or the course page on the last one", async () => {
    const person = await createTestPerson();
    const client = app.client(await sessionCookieFor(person.id));
    const pre = await startTest(client, "no-gift", "pre");
    expect(
      (await client.post(`/courses/no-gift/attempts/${pre}`, { intent: "submit", ...(await answersFor(pre, 2)) }))
        .status,
    ).toBe(302);
    const lessons = (
      await db.course.findUniqueOrThrow({
        where: { slug: "no-gift" },
        include: { lessons: { where: { retired: false }, orderBy: { position: "asc" } } },
      })
    ).lessons;
    const last = lessons.at(-1)!;

    expect(await (await client.get(`/courses/no-gift/lessons/${lessons[0]!.slug}`)).text()).toContain(
      "อ่านจบแล้ว ไปบทถัดไป",
    );
    // Others still unread: the last lesson leads back to the course page.
    const early = await (await client.get(`/courses/no-gift/lessons/${last.slug}`)).text();
    expect(early).toContain("อ่านจบแล้ว กลับไปหน้าหลักสูตร");
    expect(early).not.toContain("ไปบทถัดไป");

    for (const lesson of lessons.slice(0, -1))
      expect((await client.post(`/courses/no-gift/lessons/${lesson.slug}`, {})).status).toBe(302);
    const ready = await (await client.get(`/courses/no-gift/lessons/${last.slug}`)).text();
    expect(ready).toContain("อ่านจบแล้ว ไปทำแบบทดสอบหลังเรียน");
    expect(ready).not.toContain("ไปบทถัดไป");
    const done = await client.post(`/courses/no-gift/lessons/${last.slug}`, { next: "" });
    expect(done.headers.get("location")).toBe("/courses/no-gift");
  });
});
