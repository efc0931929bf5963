import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAttempt } from "~/models/training/attempts.server";
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

async function snapshot(attemptId: number) {
  const attempt = await db.attempt.findUniqueOrThrow({
    where: { id: attemptId },
    include: { items: { orderBy: { position: "asc" } } },
  });
  return JSON.stringify(attempt);
}

async function submit(client: HttpClient, slug: string, attemptId: number, fields: Record<string, string>) {
  return client.post(`/courses/${slug}/attempts/${attemptId}`, { intent: "submit", ...fields });
}

async function passPreAndLessons(client: HttpClient, slug = "no-gift") {
  const pre = await startTest(client, slug, "pre");
  expect((await submit(client, slug, pre, await answersFor(pre, 5))).status).toBe(302);
  await readAllLessons(client, slug);
  return pre;
}

describe("taking a course", () => {
  it("never sends correct answers or explanations to the browser before submission", async () => {
    const { client } = await staff();
    const attemptId = await startTest(client, "no-gift", "pre");
    const html = await (await client.get(`/courses/no-gift/attempts/${attemptId}`)).text();
    const items = await db.attemptItem.findMany({ where: { attemptId }, include: { questionVersion: true } });
    expect(items).toHaveLength(15);
    for (const item of items) {
      expect(html).toContain(
        item.questionVersion.prompt.slice(0, 30).replace(/&/g, "&amp;").replace(/"/g, "&quot;").slice(0, 10),
      );
      expect(html).not.toContain(item.questionVersion.explanation.slice(0, 40));
    }
    expect(html).not.toContain("correctChoice");
    expect(html).not.toContain("correctIndex");
    expect(html).not.toContain("explanation");
  });

  it("goes from pre-test through lessons to a passed post-test with a certificate anyone can verify", async () => {
    const { person, client } = await staff();
    const pre = await passPreAndLessons(client);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: pre } })).correctCount).toBe(5);

    const post = await startTest(client, "no-gift", "post");
    const preQuestions = new Set(
      (await db.attemptItem.findMany({ where: { attemptId: pre }, include: { questionVersion: true } })).map(
        (i) => i.questionVersion.questionId,
      ),
    );
    const postItems = await db.attemptItem.findMany({ where: { attemptId: post }, include: { questionVersion: true } });
    expect(postItems.filter((i) => preQuestions.has(i.questionVersion.questionId))).toEqual([]); // 32-question bank: no repeats

    expect((await submit(client, "no-gift", post, await answersFor(post, 12))).status).toBe(302);
    const result = await (await client.get(`/courses/no-gift/attempts/${post}`)).text();
    expect(result).toContain("12/15 ข้อ (80%)");
    expect(result).toContain("ผ่าน");
    expect(result).toContain("+46.7 จุดร้อยละ"); // 5/15 → 12/15

    const certificate = await db.certificate.findFirstOrThrow({ where: { personId: person.id } });
    expect(certificate.correctCount).toBe(12);
    const publicPage = await app.client().get(`/verify/${certificate.code}`);
    expect(publicPage.status).toBe(200);
    const publicHtml = await publicPage.text();
    expect(publicHtml).toContain(person.firstName);
    expect(publicHtml).toContain("ออกโดยเทศบาลนครลำปางจริง");
    const unknown = await app.client().get("/verify/AAAA-BBBB-CCCC");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("ไม่พบเกียรติบัตรรหัส AAAA-BBBB-CCCC");

    const audit = await db.auditLog.findMany({
      where: { actorId: person.id, action: { in: ["attempt.submitted", "certificate.issued"] } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["attempt.submitted", "attempt.submitted", "certificate.issued"]);
  });

  it("fails a post-test at 11 of 15 and allows retakes up to the limit, then refuses", async () => {
    const { client } = await staff();
    await passPreAndLessons(client);
    for (let i = 0; i < 3; i++) {
      const post = await startTest(client, "no-gift", "post");
      expect((await submit(client, "no-gift", post, await answersFor(post, 11))).status).toBe(302);
      expect((await db.attempt.findUniqueOrThrow({ where: { id: post } })).passed).toBe(false);
    }
    const refused = await client.post("/courses/no-gift", { kind: "post" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("ครบ 3 ครั้งแล้ว");
  });

  it("refuses the post-test before the pre-test and before every lesson is read", async () => {
    const { client } = await staff();
    const early = await client.post("/courses/no-gift", { kind: "post" });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("กรุณาทำแบบทดสอบก่อนเรียนก่อน");
    const pre = await startTest(client, "no-gift", "pre");
    await submit(client, "no-gift", pre, await answersFor(pre, 15));
    const unread = await client.post("/courses/no-gift", { kind: "post" });
    expect(unread.status).toBe(409);
    expect(await unread.text()).toContain("กรุณาเรียนให้ครบทุกบท");
    const againPre = await client.post("/courses/no-gift", { kind: "pre" });
    expect(againPre.status).toBe(409);
  });

  it("resumes an unfinished attempt with its saved answers", async () => {
    const { client } = await staff();
    const first = await startTest(client, "ethics", "pre");
    const answers = await answersFor(first, 15);
    expect(
      (await client.post(`/courses/ethics/attempts/${first}`, { intent: "save", q0: answers.q0!, q1: answers.q1! }))
        .status,
    ).toBe(200);
    const again = await startTest(client, "ethics", "pre");
    expect(again).toBe(first);
    const saved = await db.attemptItem.findMany({ where: { attemptId: first, selectedIndex: { not: null } } });
    expect(saved).toHaveLength(2);
  });

  it("gives two simultaneous starts the same single open attempt", async () => {
    const { person } = await staff();
    const [a, b] = await Promise.all([
      startAttempt("ethics", "pre", { personId: person.id, ip: null }),
      startAttempt("ethics", "pre", { personId: person.id, ip: null }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await db.attempt.count({ where: { personId: person.id } })).toBe(1);
  });
});

describe("refused submissions change nothing", () => {
  it("an answer to a question outside the attempt", async () => {
    const { client } = await staff();
    const id = await startTest(client, "no-gift", "pre");
    const before = await snapshot(id);
    const response = await submit(client, "no-gift", id, { ...(await answersFor(id, 15)), q99: "0" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("คำตอบไม่ตรงกับข้อสอบชุดนี้");
    expect(await snapshot(id)).toBe(before);
  });

  it("someone else's attempt: not found, for reading and for submitting", async () => {
    const owner = await staff();
    const intruder = await staff();
    const id = await startTest(owner.client, "no-gift", "pre");
    const before = await snapshot(id);
    expect((await intruder.client.get(`/courses/no-gift/attempts/${id}`)).status).toBe(404);
    const response = await submit(intruder.client, "no-gift", id, await answersFor(id, 15));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("ไม่พบแบบทดสอบนี้");
    expect(await snapshot(id)).toBe(before);
  });

  it("a second submission", async () => {
    const { client } = await staff();
    const id = await startTest(client, "no-gift", "pre");
    expect((await submit(client, "no-gift", id, await answersFor(id, 3))).status).toBe(302);
    const before = await snapshot(id);
    const again = await submit(client, "no-gift", id, await answersFor(id, 15));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("ส่งคำตอบแล้ว แก้ไขไม่ได้");
    expect(await snapshot(id)).toBe(before);
  });

  it("missing answers", async () => {
    const { client } = await staff();
    const id = await startTest(client, "no-gift", "pre");
    const before = await snapshot(id);
    const answers = await answersFor(id, 15);
    delete answers.q3;
    delete answers.q7;
    const response = await submit(client, "no-gift", id, answers);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("ยังไม่ได้ตอบ 2 ข้อ");
    expect(await snapshot(id)).toBe(before);
  });

  it("tampered values", async () => {
    const { client } = await staff();
    const id = await startTest(client, "no-gift", "pre");
    const before = await snapshot(id);
    for (const bad of ["7", "-1", "abc", "1.5", ""]) {
      const response = await submit(client, "no-gift", id, { ...(await answersFor(id, 15)), q0: bad });
      expect(response.status, bad).toBe(400);
    }
    expect(await snapshot(id)).toBe(before);
  });

  it("the database itself refuses to change a submitted attempt or its answers", async () => {
    const { client } = await staff();
    const id = await startTest(client, "no-gift", "pre");
    await submit(client, "no-gift", id, await answersFor(id, 4));
    await expect(db.attempt.update({ where: { id }, data: { correctCount: 15 } })).rejects.toThrow(); // the trigger aborts; Prisma reports it as a constraint violation
    const item = await db.attemptItem.findFirstOrThrow({ where: { attemptId: id } });
    await expect(db.attemptItem.update({ where: { id: item.id }, data: { correct: true } })).rejects.toThrow(); // the trigger aborts; Prisma reports it as a constraint violation
    await expect(db.attemptItem.delete({ where: { id: item.id } })).rejects.toThrow(); // the trigger aborts; Prisma reports it as a constraint violation
    expect((await db.attempt.findUniqueOrThrow({ where: { id } })).correctCount).toBe(4);
    expect((await db.attemptItem.findUniqueOrThrow({ where: { id: item.id } })).correct).toBe(item.correct);
  });
});

describe("time limit", () => {
  it("closes an attempt whose time ran out with the answers saved before the deadline", async () => {
    const { person, client } = await staff();
    const longAgo = new Date(Date.now() - 45 * 60_000); // the no-gift test allows 30 minutes
    const attempt = await startAttempt("no-gift", "pre", { personId: person.id, ip: null }, longAgo);
    const answers = await answersFor(attempt.id, 15);
    // Answers saved earlier (written as the fixture for "before the deadline").
    const items = await db.attemptItem.findMany({
      where: { attemptId: attempt.id },
      include: { questionVersion: true },
      orderBy: { position: "asc" },
    });
    for (const item of items.slice(0, 4))
      await db.attemptItem.update({
        where: { id: item.id },
        data: { selectedIndex: item.questionVersion.correctIndex },
      });
    const late = await submit(client, "no-gift", attempt.id, answers);
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("หมดเวลา");
    const closed = await db.attempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(closed.timedOut).toBe(true);
    expect(closed.correctCount).toBe(4);
    expect(closed.submittedAt?.getTime()).toBe(closed.deadlineAt?.getTime());
  });
});

describe("HR", () => {
  it("editing a question makes a new version; an attempt already drawn keeps showing the old wording", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const hrClient = app.client(await sessionCookieFor(hr.id));
    const { client } = await staff();
    const id = await startTest(client, "conflict-of-interest", "pre");
    const item = await db.attemptItem.findFirstOrThrow({
      where: { attemptId: id, position: 0 },
      include: { questionVersion: { include: { question: true } } },
    });
    const oldPrompt = item.questionVersion.prompt;
    const key = item.questionVersion.question.key;
    const edit = await hrClient.post(`/hr/courses/conflict-of-interest/questions/${key}`, {
      prompt: "ถ้อยคำใหม่ของคำถามนี้ที่ HR แก้ไขเพื่อความชัดเจน",
      choice0: "ก",
      choice1: "ข",
      choice2: "ค",
      choice3: "ง",
      correct: "2",
      explanation: "คำอธิบายฉบับใหม่สำหรับการทดสอบ",
    });
    expect(edit.status).toBe(200);
    const versions = await db.questionVersion.findMany({
      where: { questionId: item.questionVersion.questionId },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => v.source)).toEqual(["content", "hr"]);
    const page = await (await client.get(`/courses/conflict-of-interest/attempts/${id}`)).text();
    expect(page).toContain(oldPrompt.slice(0, 20));
    expect(page).not.toContain("ถ้อยคำใหม่ของคำถามนี้");
    expect(
      await db.auditLog.count({ where: { action: "question.edited", entityId: `conflict-of-interest/${key}` } }),
    ).toBe(1);
    await expect(
      db.questionVersion.update({ where: { id: versions[0]!.id }, data: { prompt: "x" } }),
    ).rejects.toThrow(); // the trigger aborts; Prisma reports it as a constraint violation
    expect((await db.questionVersion.findUniqueOrThrow({ where: { id: versions[0]!.id } })).prompt).toBe(oldPrompt);
  });

  it("refuses a question edit with duplicate choices, in Thai, and adds no version", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const hrClient = app.client(await sessionCookieFor(hr.id));
    const question = await db.question.findFirstOrThrow({
      where: { course: { slug: "ethics" } },
      include: { versions: true },
    });
    const response = await hrClient.post(`/hr/courses/ethics/questions/${question.key}`, {
      prompt: "คำถามที่มีตัวเลือกซ้ำกันทั้งหมด",
      choice0: "ซ้ำ",
      choice1: "ซ้ำ",
      choice2: "ค",
      choice3: "ง",
      correct: "0",
      explanation: "คำอธิบายที่ยาวพอสมควร",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("ตัวเลือกทั้งสี่ต้องไม่ซ้ำกัน");
    expect(await db.questionVersion.count({ where: { questionId: question.id } })).toBe(question.versions.length);
  });

  it("exports attempts as CSV with a BOM and Thai headers; staff may not", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const { client, person } = await staff();
    const id = await startTest(client, "anti-corruption", "pre");
    await submit(client, "anti-corruption", id, await answersFor(id, 7));
    const response = await app.client(await sessionCookieFor(hr.id)).get("/hr/courses/anti-corruption/attempts.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("ปีงบประมาณ,เลขประจำตัว,ชื่อ–นามสกุล");
    expect(text).toContain(`${person.employeeNumber},นาย${person.firstName} ระบบ`);
    expect(text).toContain(",ก่อนเรียน,1,");
    expect((await client.get("/hr/courses/anti-corruption/attempts.csv")).status).toBe(403);
  });

  it("shows who has passed and who has not started", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const { client, person } = await staff();
    const id = await startTest(client, "ethics", "pre");
    await submit(client, "ethics", id, await answersFor(id, 9));
    const page = await (
      await app.client(await sessionCookieFor(hr.id)).get("/hr/courses/ethics?status=pre_test_done")
    ).text();
    expect(page).toContain(person.employeeNumber);
    const notStarted = await (
      await app.client(await sessionCookieFor(hr.id)).get("/hr/courses/ethics?status=not_started")
    ).text();
    expect(notStarted).not.toContain(person.employeeNumber);
    expect(notStarted).toContain(hr.employeeNumber);
  });
});

describe("HR completion by division", () => {
  it("counts each unit's passed and not-started people per course, and links to the unit's list", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
    const engineer = await createTestPerson({ divisionCode: "engineering-design" });
    const client = app.client(await sessionCookieFor(hr.id));
    const page = await (await client.get("/hr/completion")).text();
    expect(page).toContain("สำนักช่าง");
    const engineering = await db.division.findUniqueOrThrow({ where: { code: "engineering" } });
    const list = await (await client.get(`/hr/courses/ethics?status=not_started&division=${engineering.id}`)).text();
    expect(list).toContain(engineer.employeeNumber);
    expect(list).not.toContain(hr.employeeNumber);
    expect((await app.client(await sessionCookieFor(engineer.id)).get("/hr/completion")).status).toBe(403);
  });
});
