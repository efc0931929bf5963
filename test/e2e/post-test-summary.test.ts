import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PHONE, launchBrowser, openPage, screenshot, signIn } from "../support/browser";
import { createE2ePerson } from "../support/e2e-people";
import { E2E_DB } from "../support/paths";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

function submittedAt(attemptId: number): unknown {
  const sqlite = new Database(E2E_DB, { readonly: true });
  try {
    return (
      sqlite.prepare(`SELECT "submittedAt" FROM "Attempt" WHERE "id" = ?`).get(attemptId) as { submittedAt: unknown }
    ).submittedAt;
  } finally {
    sqlite.close();
  }
}

describe("a learner reviews a summary before the final submit", () => {
  it("answers some questions, flags one, sees the summary, goes back by a link, and only the confirmation submits", async () => {
    const learner = await createE2ePerson({ roles: ["staff"], firstName: "ผู้เรียน", lastName: "ทดสอบสรุป" });
    const { page, context, assertClean } = await openPage(browser, baseUrl);
    await signIn(page, learner.employeeNumber, learner.password);
    await page.goto("/courses/no-gift");
    await page.getByRole("button", { name: "เริ่มแบบทดสอบก่อนเรียน" }).click();
    await page.waitForURL(/\/courses\/no-gift\/attempts\/\d+$/);
    const attemptId = Number(new URL(page.url()).pathname.split("/").pop());
    const questions = page.locator("fieldset.question");
    // The URL changes before the client-side navigation renders the questions.
    await expect.poll(() => questions.count()).toBeGreaterThan(3);
    const total = await questions.count();

    // Three answers; the navigator and the autosave say so.
    for (let i = 0; i < 3; i++) await questions.nth(i).getByRole("radio").first().check();
    await expect.poll(() => page.getByTestId("save-state").textContent(), { timeout: 10_000 }).toMatch(/^บันทึกแล้ว/);
    const nav = page.getByRole("navigation", { name: "ไปยังข้อ" });
    expect(await nav.getByRole("link", { name: "ข้อ 1 ตอบแล้ว" }).count()).toBe(1);
    expect(await nav.getByRole("link", { name: "ข้อ 4 ยังไม่ตอบ" }).count()).toBe(1);

    // Flag question 5: the button says it is pressed, the navigator shows it, and it survives a reload.
    await questions.nth(4).getByRole("button", { name: "ทำเครื่องหมายไว้ทบทวน" }).click();
    expect(await questions.nth(4).getByRole("button", { pressed: true }).count()).toBe(1);
    await page.reload();
    await expect.poll(() => nav.getByRole("link", { name: "ข้อ 5 ยังไม่ตอบ ทำเครื่องหมายไว้" }).count()).toBe(1);
    expect(await questions.nth(0).getByRole("radio").first().isChecked()).toBe(true);
    await screenshot(page, "post-test-questions-desktop");

    // The first click on "ส่งคำตอบ" opens the summary; nothing is submitted.
    await page.getByRole("button", { name: "ส่งคำตอบ" }).click();
    await page.waitForURL(/\?summary$/);
    expect(submittedAt(attemptId)).toBeNull();
    const summary = page.getByTestId("attempt-summary");
    await expect.poll(() => summary.textContent()).toContain("ตอบแล้ว 3 ข้อ");
    expect(await summary.textContent()).toContain(`ยังไม่ตอบ ${total - 3} ข้อ`);
    await expect.poll(() => summary.textContent()).toContain("ทำเครื่องหมายไว้ทบทวน 1 ข้อ");
    expect(await page.getByText("ต้องตอบให้ครบทุกข้อก่อนส่ง").count()).toBe(1);
    expect(await page.getByRole("button", { name: "ยืนยันส่งคำตอบ" }).count()).toBe(0);
    await screenshot(page, "post-test-summary-incomplete-desktop");

    // Back to question 5 through its link in the flagged list; answer the rest.
    await summary.locator("li", { hasText: "ทำเครื่องหมายไว้ทบทวน" }).getByRole("link", { name: "ข้อ 5" }).click();
    await page.waitForURL(/\/attempts\/\d+#q-4$/);
    for (let i = 3; i < total; i++) await questions.nth(i).getByRole("radio").nth(1).check();
    await page.getByRole("button", { name: "ส่งคำตอบ" }).click();
    await page.waitForURL(/\?summary$/);
    expect(submittedAt(attemptId)).toBeNull();
    await expect.poll(() => summary.textContent()).toContain(`ตอบแล้ว ${total} ข้อ`);
    await screenshot(page, "post-test-summary-desktop");
    await page.setViewportSize(PHONE);
    await screenshot(page, "post-test-summary-phone");

    // The confirmation ends the attempt.
    await page.getByRole("button", { name: "ยืนยันส่งคำตอบ" }).click();
    await expect.poll(() => page.getByTestId("attempt-result").count()).toBe(1);
    expect(submittedAt(attemptId)).not.toBeNull();
    assertClean();
    await context.close();
  });
});
