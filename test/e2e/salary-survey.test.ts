import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "~/utils/db.server";
import { PHONE, launchBrowser, openPage, screenshot, signIn } from "../support/browser";
import { createE2ePerson, type E2ePerson } from "../support/e2e-people";

const baseUrl = inject("baseUrl");
const OPEN_ROUND = "การเลื่อนขั้นเงินเดือน ปีงบประมาณ 2569 ครั้งที่ 2 (1 ตุลาคม 2569)";
const CLOSED_ROUND = "การเลื่อนขั้นเงินเดือน ปีงบประมาณ 2569 ครั้งที่ 1 (1 เมษายน 2569)";

let browser: Browser;
let hrPerson: E2ePerson;
let staffPerson: E2ePerson;
beforeAll(async () => {
  browser = await launchBrowser();
  // This file's own HR person and staff member, both in the demo's open round (an appraisal each, as its scope gives).
  hrPerson = await createE2ePerson({ roles: ["hr", "staff"] });
  staffPerson = await createE2ePerson({ roles: ["staff"] });
  const round = await db.salaryRound.findFirstOrThrow({ where: { title: OPEN_ROUND } });
  for (const person of [hrPerson, staffPerson]) {
    await db.salaryAppraisal.create({
      data: { roundId: round.id, personId: person.id, increaseType: "steps", baseSalaryBaht: 20_000 },
    });
  }
});
afterAll(() => browser?.close());

/** Other tests may publish rounds of their own; pick the demo's open round when the page lists several. */
async function chooseRound(page: Page) {
  await page.waitForURL(/\/salary\/survey/);
  const href = await page
    .locator("a[href*='round=']", { hasText: OPEN_ROUND })
    .first()
    .getAttribute("href", { timeout: 2000 })
    .catch(() => null);
  if (href) await page.goto(href.startsWith("?") ? `/salary/survey${href}` : href);
}

describe("the salary-step satisfaction survey", () => {
  it("staff answer once with the keyboard or the mouse; HR sees the count move and a closed round's results", async () => {
    const hr = await openPage(browser, baseUrl);
    await signIn(hr.page, hrPerson.employeeNumber, hrPerson.password);
    await hr.page.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "เลื่อนขั้นเงินเดือน" }).click();
    await hr.page.getByRole("link", { name: "แบบสำรวจความพึงพอใจ" }).first().click();
    await chooseRound(hr.page);
    // HR is in the open round's scope too and has not answered: the questionnaire at desktop width.
    await hr.page.getByRole("group", { name: "ข้อ 6" }).waitFor();
    await screenshot(hr.page, "salary-survey-questionnaire-desktop");
    await hr.page.getByRole("link", { name: `ผลแบบสำรวจ ${OPEN_ROUND}` }).click();
    const rate = hr.page.getByTestId("response-rate");
    const countOf = async () => Number((await rate.textContent())!.match(/^(\d+)\//)![1]);
    const before = await countOf();
    expect(await hr.page.getByText("ผลรายข้อและรายหน่วยงานจะแสดงหลังปิดแบบสำรวจ").count()).toBe(1);

    const staff = await openPage(browser, baseUrl, PHONE);
    await signIn(staff.page, staffPerson.employeeNumber, staffPerson.password);
    await staff.page.goto("/salary/survey");
    await chooseRound(staff.page);
    expect(await staff.page.getByText(OPEN_ROUND).count()).toBeGreaterThan(0);
    expect(await staff.page.getByText(/ตอบได้ถึง \d{1,2} \S+ 25\d\d/).count()).toBe(1);
    await screenshot(staff.page, "salary-survey-questionnaire-phone");

    // Submitting with nothing chosen: Thai errors, nothing sent.
    await staff.page.getByRole("button", { name: "ส่งแบบสำรวจ" }).click();
    await expect.poll(() => staff.page.getByText("กรุณาเลือกระดับความคิดเห็นของข้อนี้").count()).toBe(6);

    // Statement 1 by keyboard: focus the first choice, arrow to "เห็นด้วย" (4).
    const first = staff.page.getByRole("group", { name: "ข้อ 1" });
    await first.getByRole("radio").first().focus();
    await staff.page.keyboard.press("Space");
    for (let i = 0; i < 3; i++) await staff.page.keyboard.press("ArrowDown");
    expect(await first.getByRole("radio", { name: /4 เห็นด้วย$/ }).isChecked()).toBe(true);
    for (let n = 2; n <= 6; n++)
      await staff.page
        .getByRole("group", { name: `ข้อ ${n}` })
        .getByRole("radio", { name: "5 เห็นด้วยอย่างยิ่ง" })
        .click();
    await expect.poll(() => staff.page.getByText("กรุณาเลือกระดับความคิดเห็นของข้อนี้").count()).toBe(0);
    await staff.page.getByRole("button", { name: "ส่งแบบสำรวจ" }).click();
    await staff.page.getByRole("heading", { name: "ขอบคุณที่ตอบแบบสำรวจ" }).waitFor();
    await screenshot(staff.page, "salary-survey-thanks-phone");

    await staff.page.goto("/salary/survey");
    await chooseRound(staff.page);
    await staff.page.getByRole("heading", { name: "ท่านตอบแบบสำรวจของรอบนี้แล้ว" }).waitFor();
    expect(await staff.page.getByRole("button", { name: "ส่งแบบสำรวจ" }).count()).toBe(0);
    staff.assertClean();
    await staff.context.close();

    await hr.page.reload();
    await expect.poll(countOf).toBe(before + 1);
    await hr.page.getByRole("link", { name: CLOSED_ROUND }).click();
    await hr.page.getByRole("heading", { name: "ความคิดเห็นรายข้อ" }).waitFor();
    await hr.page.mouse.move(0, 0); // no tooltip left over from the click
    expect(await hr.page.getByTestId("share-satisfied").textContent()).toMatch(/^ร้อยละ \d+(\.\d)?$/);
    expect(await hr.page.locator(".recharts-bar-rectangle").count()).toBeGreaterThan(0);
    await screenshot(hr.page, "salary-survey-results-desktop");
    hr.assertClean();
    await hr.context.close();

    const phone = await openPage(browser, baseUrl, PHONE);
    await signIn(phone.page, hrPerson.employeeNumber, hrPerson.password);
    await phone.page.goto(hr.page.url());
    await phone.page.getByRole("heading", { name: "ความคิดเห็นรายข้อ" }).waitFor();
    await screenshot(phone.page, "salary-survey-results-phone");
    phone.assertClean();
    await phone.context.close();
  });
});
