import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PHONE, launchBrowser, openPage, screenshot, signIn } from "../support/browser";
import { createE2ePerson } from "../support/e2e-people";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("HR follows training results", () => {
  it("compares a past year, opens a course's people and item statistics", async () => {
    const hr = await createE2ePerson({ roles: ["hr", "staff"] });
    const { page, context, assertClean } = await openPage(browser, baseUrl);
    await signIn(page, hr.employeeNumber, hr.password);
    await page.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "ผลการอบรม" }).click();
    await page.waitForURL(/\/hr\/courses$/);
    await page.getByLabel("ปีงบประมาณ", { exact: true }).selectOption("2569");
    await page.getByRole("button", { name: "แสดง" }).click();
    await page.waitForURL(/year=2569/);
    // The URL changes before the client-side navigation renders 2569's table; wait for the page itself to say 2569.
    await expect.poll(() => page.getByText("กำหนดหลักสูตรให้ในปีงบประมาณ 2569").count()).toBe(1);
    const rows = page.locator("tbody tr");
    // Eight courses; the four taken by all personnel since 2566 have 2569 passes (the other four start in 2570).
    expect(await rows.count()).toBe(8);
    const passedCells = await rows.locator("td:nth-child(3)").allTextContents();
    expect(passedCells.filter((cell) => Number(cell.replace(/,/g, "")) > 0)).toHaveLength(4);
    await screenshot(page, "hr-courses-desktop");

    await page.getByRole("link", { name: /ผลประโยชน์ทับซ้อน/ }).click();
    await page.waitForURL(/\/hr\/courses\/conflict-of-interest\?year=2569$/);
    await expect.poll(() => page.getByRole("heading", { name: "สถิติรายข้อ" }).count()).toBe(1);
    const facility = await page.locator("table").last().locator("tbody tr td:nth-child(4)").first().textContent();
    expect(facility).toMatch(/^\d+%$/);
    await screenshot(page, "hr-course-detail-desktop");
    await page.setViewportSize(PHONE);
    await screenshot(page, "hr-course-detail-phone");
    assertClean();
    await context.close();
  });
});
