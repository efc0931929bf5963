import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/demo-roster";
import { PHONE, launchBrowser, openPage, screenshot, signIn } from "../support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("a delegation order from draft to acknowledgement", () => {
  it("the manager drafts and signs, the delegate acknowledges, HR sees who has", async () => {
    const title = "มอบอำนาจอนุมัติจัดซื้อวัสดุสำนักงาน (ทดสอบ e2e)";
    const manager = await openPage(browser, baseUrl);
    await signIn(manager.page, "100003", DEMO_PASSWORD);
    await manager.page.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "คำสั่งมอบอำนาจ" }).click();
    await manager.page.getByRole("link", { name: "+ ร่างคำสั่งใหม่" }).click();
    await manager.page.waitForURL(/\/orders\/new$/);
    const p = manager.page;
    await p.getByLabel("เรื่อง").fill(title);
    await p.getByLabel("หน่วยงานที่ออกคำสั่ง").selectOption({ label: "กองคลัง" });
    expect(await p.getByLabel("ผู้มอบอำนาจ (ชื่อหรือเลขประจำตัว)").inputValue()).toBe("100003");
    await p.getByLabel("มีผลตั้งแต่วันที่").fill("2026-12-01");
    await p.getByLabel("ถึงวันที่ (ถ้ามี)").fill("2027-09-30");
    await p.getByLabel("บุคคลที่ 1 (ชื่อหรือเลขประจำตัว)").fill("100004");
    await p.getByLabel("อำนาจ", { exact: true }).fill("อนุมัติการจัดซื้อวัสดุสำนักงานโดยวิธีเฉพาะเจาะจง");
    await p.getByLabel("ฐานอำนาจ (กฎหมาย / ระเบียบ / ข้อ)").fill("ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างฯ พ.ศ. 2560 ข้อ 79");
    await p.getByLabel("วงเงินสูงสุด (บาท, ถ้ามี)").fill("50000");
    // Forgot the body: the browser says so in Thai before sending.
    await p.getByRole("button", { name: "บันทึกร่าง" }).click();
    await expect.poll(() => p.getByText("กรุณากรอกเนื้อความของคำสั่ง").count()).toBe(1);
    await p.getByLabel("เนื้อความของคำสั่ง").fill("เพื่อให้การจัดหาพัสดุของกองคลังเป็นไปด้วยความรวดเร็วและมีผู้รับผิดชอบชัดเจน จึงมอบอำนาจดังต่อไปนี้");
    await screenshot(p, "order-new-desktop");
    await p.getByRole("button", { name: "บันทึกร่าง" }).click();
    await p.waitForURL(/\/orders\/\d+$/);
    const orderUrl = p.url();
    await p.getByRole("button", { name: "เสนอลงนาม" }).click();
    await expect.poll(() => p.getByText("เสนอลงนามแล้ว").count()).toBe(1);
    await p.getByLabel("รหัสผ่าน").fill(DEMO_PASSWORD);
    await p.getByRole("button", { name: "ลงนามคำสั่ง" }).click();
    await expect.poll(() => p.getByRole("status").first().textContent()).toMatch(/ลงนามแล้ว ได้เลขที่คำสั่ง ที่ \d+\/\d{4}/);
    await p.getByRole("button", { name: "แจ้งเวียน" }).click();
    await expect.poll(() => p.getByText(/แจ้งเวียนแล้ว ถึงผู้รับ \d+ คน/).count()).toBe(1);
    expect(await p.getByTestId("hash-status").textContent()).toContain("ตรวจสอบแล้ว: เนื้อหาตรงกับที่ลงนาม");
    await screenshot(p, "order-signed-desktop");
    await p.getByRole("link", { name: "ฉบับพิมพ์" }).click();
    await p.waitForURL(/\/print$/);
    expect(await p.getByLabel("คำสั่งฉบับพิมพ์").textContent()).toContain("สั่ง ณ วันที่");
    await screenshot(p, "order-print-desktop");
    await p.emulateMedia({ media: "print" });
    await screenshot(p, "order-print-print");
    manager.assertClean();
    await manager.context.close();

    const staff = await openPage(browser, baseUrl, PHONE);
    await signIn(staff.page, "100004", DEMO_PASSWORD);
    await staff.page.goto("/orders?view=inbox");
    await staff.page.getByRole("link", { name: title }).click();
    await staff.page.getByRole("button", { name: "รับทราบคำสั่งนี้" }).click();
    await expect.poll(() => staff.page.getByText(/ท่านรับทราบแล้วเมื่อ/).count()).toBe(1);
    await screenshot(staff.page, "order-acknowledged-phone");
    staff.assertClean();
    await staff.context.close();

    const hr = await openPage(browser, baseUrl);
    await signIn(hr.page, "100002", DEMO_PASSWORD);
    await hr.page.goto(orderUrl);
    await expect.poll(() => hr.page.getByRole("heading", { name: /การรับทราบ \(1\/1\)/ }).count()).toBe(1);
    await screenshot(hr.page, "order-hr-desktop");
    hr.assertClean();
    await hr.context.close();
  });
});
