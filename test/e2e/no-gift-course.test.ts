import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
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

/** The shown position of each question's correct choice, read from the server's database (the test's answer key). */
function answerKey(attemptId: number): number[] {
  const sqlite = new Database(E2E_DB, { readonly: true });
  try {
    const rows = sqlite
      .prepare(
        `SELECT i.position, i.choiceOrder, v.correctIndex FROM AttemptItem i JOIN QuestionVersion v ON v.id = i.questionVersionId
         WHERE i.attemptId = ? ORDER BY i.position`,
      )
      .all(attemptId) as { position: number; choiceOrder: string; correctIndex: number }[];
    return rows.map((r) => (JSON.parse(r.choiceOrder) as number[]).indexOf(r.correctIndex));
  } finally {
    sqlite.close();
  }
}

async function answerAll(page: Page, choose: (position: number) => number) {
  const questions = page.locator("fieldset.question");
  // The URL changes before a client-side navigation renders the new page: counting at once could find the course
  // page's zero questions, answer nothing and send an empty attempt (CI, stop 12).
  await expect.poll(() => questions.count()).toBe(15);
  const count = await questions.count();
  for (let i = 0; i < count; i++) await questions.nth(i).getByRole("radio").nth(choose(i)).check();
  return count;
}

const attemptIdOf = (page: Page) => Number(new URL(page.url()).pathname.split("/").pop());

describe("a staff member takes the No Gift course", () => {
  it("goes from pre-test through the lessons to a passed post-test and a certificate that verifies without signing in", async () => {
    const learner = await createE2ePerson({
      roles: ["staff"],
      title: "นาย",
      firstName: "ภาคิน",
      lastName: "ทดสอบหลักสูตร",
    });
    const { page, context, assertClean } = await openPage(browser, baseUrl);
    await signIn(page, learner.employeeNumber, learner.password);
    await page.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "หลักสูตรของฉัน" }).click();
    await page.waitForURL(/\/courses$/);
    await screenshot(page, "courses-desktop");
    await page.getByTestId("course-no-gift").getByRole("link", { name: "เริ่มเรียน" }).click();
    await page.waitForURL(/\/courses\/no-gift$/);
    await screenshot(page, "course-overview-desktop");

    // Pre-test: the summary refuses to send it half-answered, in Thai.
    await page.getByRole("button", { name: "เริ่มแบบทดสอบก่อนเรียน" }).click();
    await page.waitForURL(/\/courses\/no-gift\/attempts\/\d+$/);
    await page.locator("fieldset.question").first().getByRole("radio").first().check();
    await page.getByRole("button", { name: "ส่งคำตอบ" }).click();
    await page.waitForURL(/\?summary$/);
    await expect.poll(() => page.getByText("ต้องตอบให้ครบทุกข้อก่อนส่ง ยังไม่ได้ตอบ 14 ข้อ").count()).toBe(1);
    await page.getByRole("link", { name: "ไปตอบข้อที่เหลือ" }).click();
    await page.waitForURL(/\/attempts\/\d+#q-1$/);
    await screenshot(page, "pretest-desktop");
    expect(await answerAll(page, () => 0)).toBe(15);
    await page.getByRole("button", { name: "ส่งคำตอบ" }).click();
    await page.waitForURL(/\?summary$/);
    await page.getByRole("button", { name: "ยืนยันส่งคำตอบ" }).click();
    await page.waitForURL(/\/attempts\/\d+$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("ผลแบบทดสอบก่อนเรียน");

    // Lessons, one after the other.
    await page.getByRole("link", { name: "‹ นโยบายไม่รับของขวัญ (NO Gift Policy ไม่รับ–ไม่ให้)" }).click();
    await page.getByRole("link", { name: "เรียนบทต่อไป" }).click();
    await page.waitForURL(/\/lessons\//);
    await screenshot(page, "lesson-desktop");
    for (let i = 0; i < 3; i++) {
      const heading = await page.getByRole("heading", { level: 1 }).textContent();
      await page.getByRole("button", { name: /อ่านจบแล้ว ไปบทถัดไป/ }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).not.toBe(heading);
    }
    // The last lesson says where it leads (issue 12, item 12): the post-test, not "ไปบทถัดไป".
    await page.getByRole("button", { name: /อ่านจบแล้ว ไปทำแบบทดสอบหลังเรียน/ }).click();
    await page.waitForURL(/\/courses\/no-gift$/);

    // Post-test, answered correctly.
    await page.getByRole("button", { name: "เริ่มแบบทดสอบหลังเรียน" }).click();
    await page.waitForURL(/\/attempts\/\d+$/);
    const key = answerKey(attemptIdOf(page));
    await answerAll(page, (position) => key[position]!);
    await page.getByRole("button", { name: "ส่งคำตอบ" }).click();
    await page.waitForURL(/\?summary$/);
    await page.getByRole("button", { name: "ยืนยันส่งคำตอบ" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("ผลแบบทดสอบหลังเรียน ครั้งที่ 1");
    expect(await page.getByTestId("attempt-result").textContent()).toContain("15/15 ข้อ (100%)");
    await screenshot(page, "posttest-result-desktop");

    await page.getByRole("link", { name: "ดูและพิมพ์เกียรติบัตร" }).click();
    await page.waitForURL(/\/certificates\/[A-Z2-7-]+$/);
    const code = new URL(page.url()).pathname.split("/").pop()!;
    expect(await page.getByLabel("เกียรติบัตร").textContent()).toContain("นายภาคิน ทดสอบหลักสูตร");
    await screenshot(page, "certificate-desktop");
    await page.setViewportSize(PHONE);
    await screenshot(page, "certificate-phone");
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "certificate-print");
    assertClean();
    await context.close();

    // Anyone, signed out, can verify it by typing the code.
    const visitor = await openPage(browser, baseUrl, PHONE);
    await visitor.page.goto("/verify");
    await visitor.page.getByLabel("รหัสตรวจสอบ").fill(code.toLowerCase());
    await visitor.page.getByRole("button", { name: "ตรวจสอบ" }).click();
    await visitor.page.waitForURL(new RegExp(`/verify/${code}$`));
    const verified = await visitor.page.getByTestId("verify-result").textContent();
    expect(verified).toContain("ออกโดยเทศบาลนครลำปางจริง");
    expect(verified).toContain("นายภาคิน ทดสอบหลักสูตร");
    await screenshot(visitor.page, "verify-phone");
    visitor.assertClean();
    await visitor.context.close();
  });

  it("looks right at phone width while taking a test", async () => {
    const manager = await createE2ePerson({ roles: ["manager", "staff"], divisionCode: "finance" });
    const { page, context, assertClean } = await openPage(browser, baseUrl, PHONE);
    await signIn(page, manager.employeeNumber, manager.password);
    await page.goto("/courses/ethics");
    await page.getByRole("button", { name: "เริ่มแบบทดสอบก่อนเรียน" }).click();
    await page.waitForURL(/\/attempts\/\d+$/);
    await expect.poll(() => page.locator("fieldset.question").count()).toBeGreaterThan(0);
    await screenshot(page, "pretest-phone");
    assertClean();
    await context.close();
  });
});
