import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { markLessonDone, startAttempt, submitAttempt } from "~/models/training/attempts.server";
import { coursePopulation } from "~/models/training/assignments.server";
import { closeFiscalYear, computeIndicators } from "~/models/plan/indicators.server";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { assignCourse } from "../support/assignments";
import { shownAnswers } from "../support/courses";
import { createTestPerson, sessionCookieFor } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const thisYear = fiscalYearOf(new Date());
const PDF = new Uint8Array(
  Buffer.concat([
    Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n"),
    Buffer.from([0, 1, 2, 255, 254]),
    Buffer.from("\n%%EOF\n"),
  ]),
);

async function indicatorOf(itemNumber: number, instrument: string) {
  return db.planIndicator.findFirstOrThrow({ where: { itemNumber, instrument } });
}

/** A multipart POST as the browser form sends it (same origin, cookie, optional file). */
async function postEntry(
  cookie: string,
  itemNumber: number,
  indicatorId: number,
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array; type?: string },
) {
  const body = new FormData();
  body.set("indicatorId", String(indicatorId));
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  if (file)
    body.set(
      "evidenceFile",
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }),
      file.name,
    );
  else body.set("evidenceFile", new Blob([]), "");
  return fetch(`${app.baseUrl}/plan/items/${itemNumber}?indicator=${indicatorId}`, {
    method: "POST",
    redirect: "manual",
    body,
    headers: { Cookie: cookie, Origin: app.baseUrl },
  });
}

async function itaResult(year: number, itemNumber = 15) {
  const ita = await indicatorOf(itemNumber, "ita-score");
  return (await computeIndicators(year, { itemNumber })).find((r) => r.id === ita.id)!;
}

describe("HR's indicator entries with evidence", () => {
  it("records an ITA score with a link; a second entry supersedes the first; both stay in the history; audited", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const cookie = await sessionCookieFor(hr.id);
    const ita = await indicatorOf(15, "ita-score");
    expect((await itaResult(thisYear)).status).toBe("no_data");

    const first = await postEntry(cookie, 15, ita.id, {
      fiscalYear: String(thisYear),
      value: "84.99",
      evidenceUrl: "https://itas.nacc.go.th/result/1",
    });
    expect(first.status).toBe(200);
    let r = await itaResult(thisYear);
    expect([r.value, r.status, r.valueText]).toEqual([84.99, "in_progress", "คะแนน 84.99"]);
    expect(r.source).toContain("ทดสอบ");
    expect(r.source).toContain("https://itas.nacc.go.th/result/1");

    const second = await postEntry(cookie, 15, ita.id, {
      fiscalYear: String(thisYear),
      value: "85",
      evidenceUrl: "https://itas.nacc.go.th/result/2",
      note: "ผลทางการ",
    });
    expect(second.status).toBe(200);
    r = await itaResult(thisYear);
    expect([r.value, r.status]).toEqual([85, "met"]);
    expect(r.entry?.evidenceUrl).toBe("https://itas.nacc.go.th/result/2");

    expect(await db.indicatorEntry.count({ where: { indicatorId: ita.id, fiscalYear: thisYear } })).toBe(2);
    const page = await (await app.client(cookie).get(`/plan/items/15?year=${thisYear}`)).text();
    expect(page).toContain("มีการบันทึกใหม่แทนแล้ว");
    expect(page).toContain("คะแนน 84.99");
    expect(
      await db.auditLog.count({
        where: { action: "indicator.entry_recorded", entityId: String(ita.id), actorId: hr.id },
      }),
    ).toBe(2);
    // Append-only: the superseded entry cannot be rewritten.
    await expect(
      db.indicatorEntry.updateMany({ where: { indicatorId: ita.id }, data: { value: 99 } }),
    ).rejects.toThrow();
  });

  it("stores an uploaded PDF and serves it back byte-identical to signed-in users with safe headers", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const cookie = await sessionCookieFor(hr.id);
    const fuel = await indicatorOf(22, "fuel-records");
    const response = await postEntry(
      cookie,
      22,
      fuel.id,
      { fiscalYear: "2569", value: "30", evidenceUrl: "" },
      { name: "รายงานน้ำมัน 2569.pdf", bytes: PDF, type: "application/pdf" },
    );
    expect(response.status).toBe(200);
    const entry = await db.indicatorEntry.findFirstOrThrow({
      where: { indicatorId: fuel.id, fiscalYear: 2569 },
      include: { evidenceFile: true },
    });
    expect(entry.evidenceFile?.mimeType).toBe("application/pdf");
    expect(entry.evidenceFile?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const r = (await computeIndicators(2569, { itemNumber: 22 })).find((x) => x.id === fuel.id)!;
    expect([r.value, r.status]).toEqual([30, "met"]); // exactly a 30% reduction meets the rule
    expect(r.source).toContain("รายงานน้ำมัน 2569.pdf");

    const staff = await createTestPerson();
    const download = await app.client(await sessionCookieFor(staff.id)).get(`/evidence/${entry.evidenceFileId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-disposition")).toContain(
      `filename*=UTF-8''${encodeURIComponent("รายงานน้ำมัน 2569.pdf")}`,
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
    expect((await app.client().get(`/evidence/${entry.evidenceFileId}`)).status).toBe(302); // signed out: to sign-in
  });

  it("refuses an oversized or disguised file, missing evidence and staff, in Thai, saving nothing", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const cookie = await sessionCookieFor(hr.id);
    const turnout = await indicatorOf(7, "participant-count");
    const entriesBefore = await db.indicatorEntry.count();
    const filesBefore = await db.evidenceFile.count();
    const auditBefore = await db.auditLog.count({ where: { action: "indicator.entry_recorded" } });

    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);
    const tooBig = await postEntry(
      cookie,
      7,
      turnout.id,
      { fiscalYear: "2569", value: "1000" },
      { name: "big.pdf", bytes: big },
    );
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain("ไม่เกิน 5 MB");

    const disguised = await postEntry(
      cookie,
      7,
      turnout.id,
      { fiscalYear: "2569", value: "1000" },
      { name: "photo.jpg", bytes: new TextEncoder().encode("<html><script>alert(1)</script>") },
    );
    expect(disguised.status).toBe(400);
    const disguisedPage = await disguised.text();
    expect(disguisedPage).toContain("รับเฉพาะไฟล์ PDF, JPEG, PNG, Word หรือ Excel");
    expect(disguisedPage).toContain('value="1000"'); // the form keeps what was typed

    const noEvidence = await postEntry(cookie, 7, turnout.id, { fiscalYear: "2569", value: "1000", evidenceUrl: "" });
    expect(noEvidence.status).toBe(400);
    expect(await noEvidence.text()).toContain("กรุณาแนบหลักฐาน");

    const fractional = await postEntry(cookie, 7, turnout.id, {
      fiscalYear: "2569",
      value: "999.5",
      evidenceUrl: "https://example.org/photos",
    });
    expect(fractional.status).toBe(400);
    expect(await fractional.text()).toContain("จำนวนเต็ม");

    const staff = await createTestPerson();
    const staffPost = await postEntry(await sessionCookieFor(staff.id), 7, turnout.id, {
      fiscalYear: "2569",
      value: "1000",
      evidenceUrl: "https://example.org/photos",
    });
    expect(staffPost.status).toBe(403);
    const manager = await createTestPerson({ roles: ["staff", "manager"] });
    const managerPage = await (
      await app.client(await sessionCookieFor(manager.id)).get("/plan/items/7?year=2569")
    ).text();
    expect(managerPage).not.toContain("บันทึกผลตัวชี้วัด");

    expect(await db.indicatorEntry.count()).toBe(entriesBefore);
    expect(await db.evidenceFile.count()).toBe(filesBefore);
    expect(await db.auditLog.count({ where: { action: "indicator.entry_recorded" } })).toBe(auditBefore);

    // 999 people is not 1,000.
    expect(
      (
        await postEntry(cookie, 7, turnout.id, {
          fiscalYear: "2569",
          value: "999",
          evidenceUrl: "https://example.org/photos",
        })
      ).status,
    ).toBe(200);
    const r = (await computeIndicators(2569, { itemNumber: 7 })).find((x) => x.id === turnout.id)!;
    expect([r.numerator, r.status]).toEqual([999, "not_met"]);
  });

  it("keeps a closed year's entries frozen and refuses new ones for it", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const cookie = await sessionCookieFor(hr.id);
    const ita = await indicatorOf(17, "ita-score");
    expect(
      (
        await postEntry(cookie, 17, ita.id, {
          fiscalYear: "2567",
          value: "88.5",
          evidenceUrl: "https://itas.nacc.go.th/2567",
        })
      ).status,
    ).toBe(200);
    await closeFiscalYear(2567, { personId: hr.id, ip: null });
    const refused = await postEntry(cookie, 17, ita.id, {
      fiscalYear: "2567",
      value: "70",
      evidenceUrl: "https://itas.nacc.go.th/2567b",
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("ปีงบประมาณ 2567 ปิดและบันทึกผลแล้ว");
    expect(await db.indicatorEntry.count({ where: { indicatorId: ita.id, fiscalYear: 2567 } })).toBe(1);
    const frozen = await itaResult(2567, 17);
    expect([frozen.value, frozen.status, frozen.entry?.evidenceUrl]).toEqual([
      88.5,
      "met",
      "https://itas.nacc.go.th/2567",
    ]);

    const csv = await (await app.client(cookie).get("/indicators.csv?year=2567")).text();
    expect(csv).toContain("คะแนน 88.5");
  });
});

// The pre/post-test gain, on an existing course: item 5's knowledge indicator is given project 1's instrument.

async function takeCourse(personId: number, preScore: number, postScore: number) {
  const actor = { personId, ip: null };
  const pre = await startAttempt("conflict-of-interest", "pre", actor);
  await submitAttempt(pre.id, await shownAnswers(pre.id, preScore), actor);
  const course = await db.course.findUniqueOrThrow({
    where: { slug: "conflict-of-interest" },
    include: { lessons: true },
  });
  for (const lesson of course.lessons) await markLessonDone("conflict-of-interest", lesson.slug, actor);
  const post = await startAttempt("conflict-of-interest", "post", actor);
  await submitAttempt(post.id, await shownAnswers(post.id, postScore), actor);
}

describe("the pre/post-test gain measure (decision 038)", () => {
  it("shows both the share who passed and the share of the course's trainees whose knowledge increased", async () => {
    await assignCourse("conflict-of-interest");
    const indicator = await db.planIndicator.findFirstOrThrow({ where: { itemNumber: 5, kind: "knowledge" } });
    await db.planIndicator.update({ where: { id: indicator.id }, data: { instrument: "pre-post-gain" } });
    // This file's population: every active municipal officer the tests created.
    const population = await db.person.count({ where: { personnelType: "municipal_officer" } });
    const people = await Promise.all(Array.from({ length: 4 }, () => createTestPerson()));
    await takeCourse(people[0]!.id, 5, 13); // from 33% to 87%: closes 80% of the gap
    await takeCourse(people[1]!.id, 13, 13); // at the pass mark before and after: held
    await takeCourse(people[2]!.id, 15, 12); // perfect before, still at the pass mark after
    await takeCourse(people[3]!.id, 5, 7); // two more right answers: 20% of the gap, and not passed
    const r = (await computeIndicators(thisYear, { itemNumber: 5 })).find((x) => x.id === indicator.id)!;
    expect([r.numerator, r.denominator]).toEqual([3, population + 4]);
    // The gain's population is the people assigned the course this year (all personnel here), not the item's group.
    const course = await db.course.findUniqueOrThrow({ where: { slug: "conflict-of-interest" } });
    const trainees = (await coursePopulation(course.id, thisYear, new Date())).size;
    expect(r.secondary).toMatchObject({ numerator: 3, denominator: trainees, status: "in_progress" });

    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const cookie = await sessionCookieFor(hr.id);
    expect(await (await app.client(cookie).get(`/plan/items/5?year=${thisYear}`)).text()).toContain(
      "ความรู้เพิ่มขึ้นจากก่อนเรียน: 3/",
    );
    expect(await (await app.client(cookie).get(`/indicators?year=${thisYear}`)).text()).toContain(
      "ความรู้เพิ่มขึ้นจากก่อนเรียน: 3/",
    );
    expect(await (await app.client(cookie).get(`/indicators.csv?year=${thisYear}`)).text()).toContain(
      "ความรู้เพิ่มขึ้นจากก่อนเรียน",
    );
  });
});
