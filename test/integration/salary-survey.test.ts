import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { salarySurvey } from "~/content/salary-survey.server";
import { computeIndicators } from "~/models/plan/indicators.server";
import { Refusal } from "~/domain/refusal";
import { appealCountsByRound, respondToSurvey } from "~/models/salary/survey.server";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";
import { createPublishedRound, inDays } from "../support/salary";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const statementCount = salarySurvey().statements.length;
const form = (roundId: number, answers: number[]) => ({
  roundId: String(roundId),
  ...Object.fromEntries(answers.map((a, i) => [`s${i + 1}`, String(a)])),
});
const all = (value: number) => Array.from({ length: statementCount }, () => value);

async function written(roundId: number) {
  const [participations, responses, held, audits] = await Promise.all([
    db.surveyParticipation.count({ where: { roundId } }),
    db.surveyResponse.count({ where: { roundId } }),
    db.surveyHeldResponse.count({ where: { roundId } }),
    db.auditLog.count({ where: { action: "survey.answered", entityId: String(roundId) } }),
  ]);
  // Answers are held (encrypted) until they can be written in a batch (decision 021): count both.
  return { participations, responses: responses + held, audits };
}

describe("answering the salary-step survey", () => {
  it("takes one response per person; a second is refused in Thai and writes nothing", async () => {
    const person = await createTestPerson();
    const round = await createPublishedRound({ people: [person], surveyClosesAt: inDays(30) });
    const client = app.client(await sessionCookieFor(person.id));

    const page = await (await client.get("/salary/survey")).text();
    expect(page).toContain(round.title);
    expect(page).toContain(salarySurvey().statements[0]);

    const first = await client.post("/salary/survey", form(round.id, all(4)));
    expect(first.status).toBe(302);
    expect(await (await client.get(first.headers.get("location")!)).text()).toContain("ขอบคุณที่ตอบแบบสำรวจ");
    expect(await written(round.id)).toEqual({ participations: 1, responses: 1, audits: 1 });

    const second = await client.post("/salary/survey", form(round.id, all(1)));
    expect(second.status).toBe(409);
    expect(await second.text()).toContain("ท่านตอบแบบสำรวจของรอบนี้แล้ว ตอบได้คนละหนึ่งครั้ง");
    expect(await written(round.id)).toEqual({ participations: 1, responses: 1, audits: 1 });
    expect(await (await client.get("/salary/survey")).text()).toContain("ท่านตอบแบบสำรวจของรอบนี้แล้ว");

    // The audit row says who answered which round, never which response or what.
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "survey.answered", entityId: String(round.id) },
    });
    const response = await db.surveyHeldResponse.findFirstOrThrow({ where: { roundId: round.id } });
    expect([audit.actorId, audit.entityType, audit.before, audit.after]).toEqual([
      person.id,
      "SalaryRound",
      null,
      null,
    ]);
    expect(JSON.stringify(audit)).not.toContain(response.id);
  });

  it("refuses an unanswered statement, people outside the round, unpublished rounds and closed surveys", async () => {
    const person = await createTestPerson();
    const outsider = await createTestPerson();
    const open = await createPublishedRound({ people: [person], surveyClosesAt: inDays(30) });
    const unpublished = await createPublishedRound({ people: [person], surveyClosesAt: inDays(30), publishedAt: null });
    const closed = await createPublishedRound({ people: [person], surveyClosesAt: inDays(-1) });
    const client = app.client(await sessionCookieFor(person.id));

    const missing = await client.post("/salary/survey", { roundId: String(open.id), s1: "5" });
    expect(missing.status).toBe(400);
    const missingPage = await missing.text();
    expect(missingPage).toContain("กรุณาเลือกระดับความคิดเห็นของข้อนี้");
    expect(missingPage).toContain('<input type="radio" name="s1" checked="" value="5"/>'); // the answer given is kept

    const outsiderClient = app.client(await sessionCookieFor(outsider.id));
    const refused = await outsiderClient.post("/salary/survey", form(open.id, all(5)));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("ท่านไม่ได้อยู่ในรอบการเลื่อนขั้นเงินเดือนนี้");
    expect(await (await outsiderClient.get("/salary/survey")).text()).toContain("ขณะนี้ไม่มีแบบสำรวจที่ท่านต้องตอบ");

    expect((await client.post("/salary/survey", form(unpublished.id, all(5)))).status).toBe(404);
    const late = await client.post("/salary/survey", form(closed.id, all(5)));
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("ปิดรับคำตอบแล้ว");
    for (const round of [open, unpublished, closed])
      expect(await written(round.id)).toEqual({ participations: 0, responses: 0, audits: 0 });
  });

  it("stores responses so they cannot be joined to the people who answered", async () => {
    const people = [];
    for (let i = 0; i < 10; i++) people.push(await createTestPerson());
    const round = await createPublishedRound({ people, surveyClosesAt: inDays(30) });
    // Person i answers 1..5 patterns that identify i, in order of their ids.
    const answersOf = (i: number) =>
      all(1).map((_, s) => (s === 0 ? 1 + (i % 5) : s === 1 ? 1 + Math.floor(i / 5) : 3));
    for (const [i, person] of people.entries())
      await respondToSurvey(round.id, answersOf(i), { personId: person.id, ip: null, roles: [] });

    const columns = (
      await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('SurveyResponse')`)
    ).map((c) => c.name);
    expect(columns.sort()).toEqual(["answers", "divisionId", "id", "roundId"]);
    const rows = await db.$queryRawUnsafe<{ id: string; answers: string }[]>(
      `SELECT id, answers FROM "SurveyResponse" WHERE "roundId" = ?`,
      round.id,
    );
    const participation = await db.$queryRawUnsafe<{ personId: number }[]>(
      `SELECT "personId" FROM "SurveyParticipation" WHERE "roundId" = ?`,
      round.id,
    );
    // Ten answers: five written in one shuffled batch, five still held (encrypted) so the last batch has five too.
    expect(rows).toHaveLength(5);
    expect(await db.surveyHeldResponse.count({ where: { roundId: round.id } })).toBe(5);
    // Rows come back in key order (random ids), participation in person order: position says nothing.
    expect(rows.map((r) => r.id)).toEqual(rows.map((r) => r.id).sort());
    expect(participation.map((p) => p.personId)).toEqual(people.map((p) => p.id));
    const insertionOrder = people.map((_, i) => JSON.stringify(answersOf(i)));
    for (const row of rows) expect(insertionOrder).toContain(row.answers);
    const held = await db.surveyHeldResponse.findMany({ where: { roundId: round.id } });
    for (const h of held)
      for (const a of insertionOrder) expect(Buffer.from(h.sealed, "base64").toString("latin1")).not.toContain(a);
  });

  it("discards the held answers of a survey that closes with fewer respondents than a group: never shown, never linkable", async () => {
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await createTestPerson());
    const hrPerson = await createTestPerson({ roles: ["staff", "hr"] });
    const round = await createPublishedRound({ people, surveyClosesAt: inDays(-1), publishedAt: inDays(-20) });
    for (const person of people)
      await respondToSurvey(round.id, all(4), { personId: person.id, ip: null, roles: [] }, inDays(-5));
    expect(await written(round.id)).toEqual({ participations: 3, responses: 3, audits: 3 });
    const page = await (
      await app.client(await sessionCookieFor(hrPerson.id)).get(`/salary/rounds/${round.id}/survey-results`)
    ).text();
    expect(page).toContain("3/3 คน");
    expect(page).not.toContain("ความคิดเห็นรายข้อ");
    expect(await db.surveyHeldResponse.count({ where: { roundId: round.id } })).toBe(0);
    expect(await db.surveyResponse.count({ where: { roundId: round.id } })).toBe(0);
    expect(await db.surveySettlement.count({ where: { roundId: round.id } })).toBe(1);
  });
});

describe("survey results and project 19's indicator", () => {
  it("shows HR the aggregates after the survey closes, folding small divisions, and staff cannot see them", async () => {
    const hrPerson = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
    const hr = app.client(await sessionCookieFor(hrPerson.id));
    const groups: [string, number][] = [
      ["finance-procurement", 6],
      ["engineering-design", 5],
      ["school-1", 2],
      ["strategy-planning", 1],
    ];
    const people: { id: number }[] = [];
    for (const [divisionCode, count] of groups)
      for (let i = 0; i < count; i++) people.push(await createTestPerson({ divisionCode }));
    const fiscalYear = 2571;
    const indicatorBefore = (await computeIndicators(fiscalYear, { itemNumber: 19 })).find((r) => r.kind === "survey")!;
    expect([indicatorBefore.numerator, indicatorBefore.denominator, indicatorBefore.status]).toEqual([0, 0, "no_data"]);

    const closed = await createPublishedRound({
      people,
      surveyClosesAt: inDays(-1),
      fiscalYear,
      publishedAt: inDays(-20),
    });
    // Answered while it was open: 10 satisfied (mean 4), 4 not (mean 3).
    for (const [i, person] of people.entries())
      await respondToSurvey(
        closed.id,
        all(i % 3 === 2 ? 3 : 4),
        { personId: person.id, ip: null, roles: [] },
        inDays(-5),
      );
    await expect(
      respondToSurvey(closed.id, all(5), { personId: hrPerson.id, ip: null, roles: [] }, inDays(-5)),
    ).rejects.toThrow(Refusal);
    const open = await createPublishedRound({ people, surveyClosesAt: inDays(10), fiscalYear });
    for (const person of people.slice(0, 6))
      await respondToSurvey(open.id, all(1), { personId: person.id, ip: null, roles: [] });

    const page = await (await hr.get(`/salary/rounds/${closed.id}/survey-results`)).text();
    expect(page).toContain("14/14 คน");
    expect(page).toContain("ร้อยละ 71.4");
    expect(page).toContain("กองคลัง");
    expect(page).toContain("อื่น ๆ (รวม 3 หน่วยงาน)");
    for (const hidden of ["สำนักช่าง", "สำนักการศึกษา", "กองยุทธศาสตร์และงบประมาณ"]) expect(page).not.toContain(hidden);

    // While a survey is open only the response count shows: no diffing around one person's answer.
    const openPage = await (await hr.get(`/salary/rounds/${open.id}/survey-results`)).text();
    expect(openPage).toContain("6/14 คน");
    expect(openPage).toContain("ผลรายข้อและรายหน่วยงานจะแสดงหลังปิดแบบสำรวจ");
    expect(openPage).not.toContain("ความคิดเห็นรายข้อ");
    expect((await hr.get(`/salary/rounds/${open.id}/survey-results.csv`)).status).toBe(409);

    const csv = await hr.get(`/salary/rounds/${closed.id}/survey-results.csv`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toContain("ร้อยละพึงพอใจ");
    expect(lines).toHaveLength(1 + 1 + statementCount + 2); // header, overall, statements, กองคลัง, อื่น ๆ
    expect(text).not.toContain("สำนักช่าง");

    const staff = app.client(await sessionCookieFor(people[0]!.id));
    expect((await staff.get(`/salary/rounds/${closed.id}/survey-results`)).status).toBe(403);
    expect((await staff.get(`/salary/rounds/${closed.id}/survey-results.csv`)).status).toBe(403);

    // Item 19 counts the closed round only: 10 of 14 satisfied, below 80% in an open year.
    const indicator = (await computeIndicators(fiscalYear, { itemNumber: 19 })).find((r) => r.kind === "survey")!;
    expect([indicator.numerator, indicator.denominator, indicator.value, indicator.status]).toEqual([
      10,
      14,
      71.4,
      "in_progress",
    ]);
    expect((await computeIndicators(fiscalYear, { itemNumber: 19 })).find((r) => r.kind === "manual")!.status).toBe(
      "no_data",
    ); // HR records complaints as an entry

    // Appeals per round, for the trend.
    const appraisal = await db.salaryAppraisal.findFirstOrThrow({ where: { roundId: closed.id } });
    await db.salaryAppeal.create({
      data: {
        appraisalId: appraisal.id,
        personId: appraisal.personId,
        reason: "ขอให้ทบทวนคะแนน",
        filedAt: new Date(),
        recordedById: hrPerson.id,
      },
    });
    const counts = await appealCountsByRound([fiscalYear]);
    expect(counts.map((c) => [c.id, c.appeals])).toEqual([
      [closed.id, 1],
      [open.id, 0],
    ]);
  });
});
