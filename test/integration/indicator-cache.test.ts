import { beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { closeFiscalYear, computeIndicators, type IndicatorResult } from "~/models/plan/indicators.server";
import { markLessonDone, startAttempt, submitAttempt } from "~/models/training/attempts.server";
import { db } from "~/utils/db.server";
import { assignCourse } from "../support/assignments";
import { shownAnswers } from "../support/courses";
import { createTestPerson } from "../support/factories";

// Decisions 049, 055 and 056: computeIndicators keeps results per process while the CacheVersion numbers they depend
// on are unchanged (the knowledge indicators also on 'indicator-results:<year>', bumped by that year's CourseResult). Each test writes to one kind of source the indicators read and shows that the next read is
// recomputed and equals a fresh computation (the cache is never stale), and — where the write changes a result —
// that the change shows.

const year = fiscalYearOf(new Date());
let hr: { id: number };

/** Indicator tables the triggers of migration 20261128131000_indicator_cache watch (membership: the earlier one). */
const SOURCES = [
  "PlanItem",
  "PlanIndicator",
  "Course",
  "CourseResult",
  "CourseAssignment",
  "IndicatorLocalTarget",
  "IndicatorEntry",
  "EvidenceFile",
  "PolicyDocument",
  "PolicyAcknowledgement",
  "NoGiftDeclaration",
  "DelegationOrder",
  "Complaint",
  "SalaryRound",
  "SurveyResponse",
  "RiskRegisterYear",
  "Risk",
  "RiskMeasure",
  "FiscalYearClosure",
  "FrozenIndicatorResult",
];

/** The same result objects, in the same order: served from the cache, not computed again. */
const sameObjects = (a: IndicatorResult[], b: IndicatorResult[]) =>
  a.length === b.length && a.every((r, i) => r === b[i]);

async function readAfter(write: () => Promise<unknown>, fiscalYear = year) {
  const before = await computeIndicators(fiscalYear);
  expect(sameObjects(await computeIndicators(fiscalYear), before)).toBe(true); // a repeated read is from the cache
  await write();
  const after = await computeIndicators(fiscalYear);
  expect(sameObjects(after, before)).toBe(false);
  expect(after).toEqual(await computeIndicators(fiscalYear, { now: new Date(), live: fiscalYear === year }));
  return { before, after };
}

const byId = (results: IndicatorResult[], id: number) => results.find((r) => r.id === id)!;

async function indicator(where: Parameters<typeof db.planIndicator.findFirstOrThrow>[0]) {
  return db.planIndicator.findFirstOrThrow(where);
}

beforeAll(async () => {
  await assignCourse();
  hr = await createTestPerson({ roles: ["hr"] });
});

describe("the indicator cache is never stale", () => {
  it("has a trigger for every write to every table the indicators read", async () => {
    const triggers = await db.$queryRawUnsafe<{ tbl_name: string; sql: string }[]>(
      `SELECT "tbl_name", "sql" FROM sqlite_master WHERE type = 'trigger' AND "name" LIKE 'CacheVersion_indicator%'`,
    );
    for (const table of SOURCES) {
      for (const event of ["INSERT", "UPDATE", "DELETE"])
        expect(
          triggers.some((t) => t.tbl_name === table && t.sql.includes(`AFTER ${event} ON "${table}"`)),
          `${event} on ${table}`,
        ).toBe(true);
    }
  });

  it("recomputes after a change of membership (a new person joins the population)", async () => {
    const noGift = await indicator({ where: { instrument: "no-gift-declaration" } });
    const { before, after } = await readAfter(() => createTestPerson());
    expect(byId(after, noGift.id).denominator).toBe(byId(before, noGift.id).denominator! + 1);
  });

  it("recomputes after a submitted post-test (CourseResult)", async () => {
    const coi = await indicator({ where: { itemNumber: 5, kind: "knowledge" } });
    const person = await createTestPerson();
    const actor = { personId: person.id, ip: null };
    const course = await db.course.findUniqueOrThrow({
      where: { slug: "conflict-of-interest" },
      include: { lessons: true },
    });
    const pre = await startAttempt(course.slug, "pre", actor);
    await submitAttempt(pre.id, await shownAnswers(pre.id, 3), actor);
    for (const lesson of course.lessons) await markLessonDone(course.slug, lesson.slug, actor);
    const post = await startAttempt(course.slug, "post", actor);
    const lastYear = await computeIndicators(year - 1);
    const { before, after } = await readAfter(async () =>
      submitAttempt(post.id, await shownAnswers(post.id, 1000), actor),
    );
    expect(byId(after, coi.id).numerator).toBe(byId(before, coi.id).numerator! + 1);
    // A submission changes its own year's course results only: last year's are the objects kept (decision 056).
    expect(sameObjects(await computeIndicators(year - 1), lastYear)).toBe(true);
    // Only the knowledge indicators were computed again: every other result is the object kept before.
    const others = (results: IndicatorResult[]) => results.filter((r) => r.kind !== "knowledge");
    expect(others(after).length).toBeGreaterThan(10);
    expect(sameObjects(others(after), others(before))).toBe(true);
    expect(after.filter((r) => r.kind === "knowledge").some((r) => before.includes(r))).toBe(false);
  });

  it("recomputes a past year when its course results change, and keeps this year's", async () => {
    const past = year - 1;
    const person = await createTestPerson();
    const course = await db.course.findUniqueOrThrow({ where: { slug: "conflict-of-interest" } });
    const thisYear = await computeIndicators(year);
    // A result of last year written as the attempt triggers write it (the row's own trigger bumps its year's number).
    const score = { submitted: 1, firstId: 0, lastId: 0, bestId: 0, firstTotal: 15, lastTotal: 15, bestTotal: 15 };
    await readAfter(
      () =>
        db.courseResult.create({
          data: {
            courseId: course.id,
            fiscalYear: past,
            kind: "post",
            personId: person.id,
            ...score,
            firstCorrect: 15,
            lastCorrect: 15,
            bestCorrect: 15,
          },
        }),
      past,
    );
    expect(sameObjects(await computeIndicators(year), thisYear)).toBe(true);
  });

  it("keeps the plan's order when the two parts are put together", async () => {
    const order = await db.planIndicator.findMany({ orderBy: [{ itemNumber: "asc" }, { position: "asc" }] });
    expect((await computeIndicators(year)).map((r) => r.id)).toEqual(order.map((i) => i.id));
    expect((await computeIndicators(year, { itemNumber: 3 })).map((r) => r.id)).toEqual(
      order.filter((i) => i.itemNumber === 3).map((i) => i.id),
    );
  });

  it("recomputes after HR's indicator entry, and after the name of who entered it changes", async () => {
    const manual = await indicator({ where: { itemNumber: 8, kind: "manual" } });
    const { after } = await readAfter(() =>
      db.indicatorEntry.create({
        data: { indicatorId: manual.id, fiscalYear: year, value: 1, enteredAt: new Date(), enteredById: hr.id },
      }),
    );
    expect(byId(after, manual.id).entry).toBeTruthy();
    const renamed = await readAfter(() => db.person.update({ where: { id: hr.id }, data: { firstName: "เปลี่ยนชื่อ" } }));
    expect(byId(renamed.after, manual.id).entry!.enteredBy).toContain("เปลี่ยนชื่อ");
  });

  it("recomputes after a local target (an indicator the plan gives no threshold)", async () => {
    const open = await indicator({ where: { kind: "knowledge", thresholdPercent: null } });
    const { before, after } = await readAfter(() =>
      db.indicatorLocalTarget.create({
        data: {
          indicatorId: open.id,
          fiscalYear: year,
          thresholdPercent: 55,
          source: "มติทดสอบ",
          enteredAt: new Date(),
          enteredById: hr.id,
        },
      }),
    );
    expect(byId(after, open.id).rule).not.toBe(byId(before, open.id).rule);
  });

  it("recomputes after a published document and after an acknowledgement of it", async () => {
    const count = await indicator({ where: { instrument: "announcement" } });
    const { before, after } = await readAfter(() =>
      db.policyDocument.create({
        data: {
          title: "ประกาศทดสอบ",
          body: "เนื้อหา",
          targetGroupCode: "all-personnel",
          planItemNumber: count.itemNumber,
          publishedAt: new Date(Date.now() - 60_000),
          publishedById: hr.id,
        },
      }),
    );
    expect(byId(after, count.id).value).toBe((byId(before, count.id).value ?? 0) + 1);
    const document = await db.policyDocument.findFirstOrThrow({ where: { title: "ประกาศทดสอบ" } });
    const person = await createTestPerson();
    await readAfter(() =>
      db.policyAcknowledgement.create({
        data: { documentId: document.id, personId: person.id, acknowledgedAt: new Date(Date.now() - 1000) },
      }),
    );
  });

  it("recomputes after a No Gift declaration and after a complaint (registers)", async () => {
    const noGift = await indicator({ where: { instrument: "no-gift-declaration" } });
    const person = await createTestPerson();
    const declared = await readAfter(() =>
      db.noGiftDeclaration.create({
        data: {
          personId: person.id,
          fiscalYear: year,
          kind: "none",
          giftIds: "[]",
          compliant: true,
          declaredAt: new Date(Date.now() - 1000),
        },
      }),
    );
    expect(byId(declared.after, noGift.id).numerator).toBe(byId(declared.before, noGift.id).numerator! + 1);
    const complaints = await indicator({ where: { instrument: "complaint-count" } });
    const received = await readAfter(() =>
      db.complaint.create({
        data: {
          receiptHash: `test-${Date.now()}`,
          receivedAt: new Date(Date.now() - 1000),
          fiscalYear: year,
          subject: "ทดสอบ",
          details: "ทดสอบ",
        },
      }),
    );
    expect(byId(received.after, complaints.id).value).toBe((byId(received.before, complaints.id).value ?? 0) + 1);
  });

  it("recomputes after the plan's content changes (an indicator's threshold, a course's pass mark)", async () => {
    const coi = await indicator({ where: { itemNumber: 5, kind: "knowledge" } });
    const changed = await readAfter(() =>
      db.planIndicator.update({ where: { id: coi.id }, data: { thresholdPercent: 70 } }),
    );
    expect(byId(changed.after, coi.id).rule).toContain("70");
    await readAfter(() => db.course.update({ where: { slug: "conflict-of-interest" }, data: { passPercent: 50 } }));
  });

  it("serves a closed year's frozen results once HR closes it", async () => {
    const { after } = await readAfter(() => closeFiscalYear(year - 1, { personId: hr.id, ip: null }), year - 1);
    expect(after.length).toBeGreaterThan(40);
  });
});
