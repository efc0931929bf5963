import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appealDeadlineAfter } from "~/domain/salary-review";
import { formatThaiDate } from "~/domain/thai-date";
import { db } from "~/utils/db.server";
import { PHONE, launchBrowser } from "../support/browser";
import { E2E_DIVISION, createE2ePerson, openPageAs, type E2ePerson } from "../support/e2e-people";

// Issue 12 item 1 / decision 045: one status per person and round. A published round of this file's own (an
// effective date no other file uses), decided by both committees, seen by the staff member on /salary and on the
// result page, and by their manager on the round's page: all say the same thing.
let browser: Browser;
let staff: E2ePerson;
let manager: E2ePerson;
let hr: E2ePerson;
let roundId: number;
let appraisalId: number;
let publishedAt: Date;

async function publishedRoundFor(personId: number, hrId: number) {
  const round = await db.salaryRound.create({
    data: {
      fiscalYear: 2575,
      effectiveDate: new Date("2032-03-31T17:00:00Z"),
      title: "การเลื่อนขั้นเงินเดือน ปีงบประมาณ 2575 ครั้งที่ 1 (ทดสอบสถานะ)",
      stepPersonnelTypes: JSON.stringify(["municipal_officer"]),
      stepCapHalfSteps: 3,
      percentCapBasisPoints: 600,
      poolBaht: 100_000,
      appealDays: 15,
      createdAt: new Date(),
      createdById: hrId,
    },
  });
  const appraisal = await db.salaryAppraisal.create({
    data: {
      roundId: round.id,
      personId,
      increaseType: "steps",
      baseSalaryBaht: 20_000,
      stepValueBaht: 800,
      score: 90,
      proposedHalfSteps: 2,
      proposedAmountBaht: 800,
      appraisedById: hrId,
      appraisedAt: new Date(),
    },
  });
  for (const kind of ["screening", "salary"]) {
    const committee = await db.salaryCommittee.create({
      data: { roundId: round.id, kind, appointingOrderRef: `ทดสอบ ${kind}` },
    });
    const meeting = await db.committeeMeeting.create({
      data: { committeeId: committee.id, number: 1, heldAt: new Date(), agenda: "พิจารณา", quorumPercent: 50 },
    });
    await db.caseDecision.create({
      data: {
        meetingId: meeting.id,
        appraisalId: appraisal.id,
        outcome: kind === "screening" ? "change" : "confirm",
        halfSteps: 3,
        amountBaht: 1_200,
        reason: kind === "screening" ? "ผลงานโดดเด่นกว่าที่ผู้บังคับบัญชาเสนอ" : null,
        decidedAt: new Date(),
      },
    });
    await db.committeeMeeting.update({ where: { id: meeting.id }, data: { closedAt: new Date() } });
  }
  const published = new Date(Date.now() - 86_400_000);
  await db.salaryRound.update({
    where: { id: round.id },
    data: { publishedAt: published, appealDeadline: appealDeadlineAfter(published, 15) },
  });
  return { roundId: round.id, appraisalId: appraisal.id, publishedAt: published };
}

beforeAll(async () => {
  browser = await launchBrowser();
  hr = await createE2ePerson({ roles: ["hr", "staff"] });
  staff = await createE2ePerson({
    roles: ["staff"],
    divisionCode: E2E_DIVISION,
    position: "เจ้าพนักงานป้องกันและบรรเทาสาธารณภัยปฏิบัติงาน",
  });
  manager = await createE2ePerson({
    roles: ["manager", "staff"],
    divisionCode: E2E_DIVISION,
    position: "หัวหน้าฝ่ายทดสอบสถานะเงินเดือน",
  });
  ({ roundId, appraisalId, publishedAt } = await publishedRoundFor(staff.id, hr.id));
});
afterAll(() => browser?.close());

describe("a salary status is the same everywhere (decision 045)", () => {
  it("staff see one result and appeal date on /salary and the result page; the manager sees the round announced", async () => {
    const lastDay = formatThaiDate(new Date(appealDeadlineAfter(publishedAt, 15).getTime() - 1));
    for (const viewport of [undefined, PHONE]) {
      const { page, context } = await openPageAs(browser, staff, viewport);
      await page.goto("/salary");
      const row = page.getByTestId(`my-round-${roundId}`);
      await expect.poll(() => row.getByTestId("status").textContent()).toBe("1.5 ขั้น (1,200 บาท)");
      expect(await row.getByTestId("appeal").textContent()).toBe(`อุทธรณ์ได้ถึง ${lastDay}`);
      expect(await row.textContent()).toContain("คณะกรรมการกลั่นกรอง: ผลงานโดดเด่นกว่าที่ผู้บังคับบัญชาเสนอ");
      expect(await row.textContent()).not.toContain("ยังไม่ประกาศผล");

      await page.goto(`/salary/results/${appraisalId}`);
      await expect.poll(() => page.getByTestId("my-result").textContent()).toContain("1.5 ขั้น (1,200 บาท)");
      expect(await page.getByTestId("my-reason").textContent()).toBe(
        "เหตุผล: คณะกรรมการกลั่นกรอง: ผลงานโดดเด่นกว่าที่ผู้บังคับบัญชาเสนอ",
      );
      expect(await page.getByTestId("my-appeal").textContent()).toBe(
        `ประกาศผลเมื่อ ${formatThaiDate(publishedAt)} · อุทธรณ์ได้ถึง ${lastDay}`,
      );
      await context.close();
    }

    // The manager's view of the same round agrees: announced (the result itself goes to the person, decision 025).
    const { page, context } = await openPageAs(browser, manager);
    await page.goto(`/salary/rounds/${roundId}`);
    const cell = page.getByTestId(`case-status-${appraisalId}`);
    await expect
      .poll(() => cell.textContent())
      .toBe(`ประกาศผลแล้ว (${formatThaiDate(publishedAt)}) แจ้งผลแก่บุคลากรโดยตรง`);
    expect(await page.getByRole("table").textContent()).not.toContain("ยังไม่ประเมิน");
    await context.close();
  });
});
