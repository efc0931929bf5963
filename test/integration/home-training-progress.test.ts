import { beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { trainingProgress } from "~/models/home/scope-work.server";
import { markLessonDone, startAttempt, submitAttempt } from "~/models/training/attempts.server";
import { db } from "~/utils/db.server";
import { assignCourse } from "../support/assignments";
import { shownAnswers } from "../support/courses";
import { createTestPerson } from "../support/factories";

// The training block of HR's and a manager's home page: per course assigned this year, how many people in the
// viewer's units must pass it and how many hold its certificate. Read from the membership snapshot and the
// certificate holders (issue 17); this file's own database holds only the people it creates.

const year = fiscalYearOf(new Date());
const SLUG = "conflict-of-interest";

async function pass(personId: number) {
  const actor = { personId, ip: null };
  const pre = await startAttempt(SLUG, "pre", actor);
  await submitAttempt(pre.id, await shownAnswers(pre.id, 5), actor);
  const course = await db.course.findUniqueOrThrow({ where: { slug: SLUG }, include: { lessons: true } });
  for (const lesson of course.lessons) await markLessonDone(SLUG, lesson.slug, actor);
  const post = await startAttempt(SLUG, "post", actor);
  await submitAttempt(post.id, await shownAnswers(post.id, 1000), actor);
}

let finance: number;
let engineering: number;

beforeAll(async () => {
  await assignCourse(SLUG, { fiscalYears: [year] });
  const inFinance = [await createTestPerson(), await createTestPerson(), await createTestPerson()];
  const inEngineering = [await createTestPerson({ divisionCode: "engineering" })];
  finance = inFinance[0]!.divisionId;
  engineering = inEngineering[0]!.divisionId;
  await pass(inFinance[0]!.id);
  await pass(inEngineering[0]!.id);
});

describe("training progress on the home page", () => {
  it("counts who must pass and who passed, in the whole municipality and in one unit", async () => {
    const row = async (inScope: (divisionId: number) => boolean) =>
      (await trainingProgress(inScope, year, new Date())).find((r) => r.slug === SLUG);
    expect(await row(() => true)).toMatchObject({ required: 4, passed: 2 });
    expect(await row((id) => id === finance)).toMatchObject({ required: 3, passed: 1 });
    expect(await row((id) => id === engineering)).toMatchObject({ required: 1, passed: 1 });
  });

  it("leaves out a person who left, and counts a new certificate at once", async () => {
    const leaver = await createTestPerson();
    await db.person.update({ where: { id: leaver.id }, data: { deactivatedAt: new Date(Date.now() - 60_000) } });
    const newcomer = await createTestPerson({ divisionCode: "engineering" });
    const all = async () => (await trainingProgress(() => true, year, new Date())).find((r) => r.slug === SLUG);
    expect(await all()).toMatchObject({ required: 5, passed: 2 });
    await pass(newcomer.id);
    expect(await all()).toMatchObject({ required: 5, passed: 3 });
  });
});
