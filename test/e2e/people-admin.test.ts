import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, screenshot, signIn } from "../support/browser";
import { createE2ePerson } from "../support/e2e-people";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("admin manages people", () => {
  it("adds a person (after fixing a Thai validation error), makes them a manager, and finds it in the audit log", async () => {
    const admin = await createE2ePerson({ roles: ["admin", "staff"] });
    const { page, context, assertClean } = await openPage(browser, baseUrl);
    await signIn(page, admin.employeeNumber, admin.password);
    const nav = page.getByRole("navigation", { name: "เมนูหลัก" });
    await nav.getByRole("link", { name: "จัดการบุคลากร" }).click();
    await page.waitForURL(/\/admin\/people$/);
    await screenshot(page, "people-admin-desktop");
    await page.getByRole("link", { name: "+ เพิ่มบุคลากร" }).click();
    await page.waitForURL(/\/admin\/people\/new$/);

    await page.getByLabel("เลขประจำตัวพนักงาน").fill("880001");
    await page.getByLabel("คำนำหน้า").fill("นาง");
    await page.getByLabel("นามสกุล").fill("ปัญญาดี");
    await page.getByLabel("ตำแหน่ง").fill("นักวิชาการศึกษาชำนาญการ");
    await page.getByLabel("ประเภทบุคลากร").selectOption({ label: "พนักงานเทศบาล" });
    await page.getByLabel("หน่วยงาน").selectOption({ label: "สำนักการศึกษา" });
    const started = page.getByRole("group", { name: "เริ่มปฏิบัติงาน" });
    await started.getByLabel("วัน", { exact: true }).fill("1");
    await started.getByLabel("เดือน", { exact: true }).selectOption({ label: "ตุลาคม" });
    await started.getByLabel("ปี พ.ศ.", { exact: true }).fill("2568");
    await page.getByRole("button", { name: "บันทึก" }).click();
    await expect.poll(() => page.getByText("กรุณากรอกชื่อ").count()).toBe(1);
    expect(await page.getByLabel("นามสกุล").inputValue()).toBe("ปัญญาดี");
    await screenshot(page, "person-new-error-desktop");

    await page.getByLabel("ชื่อ", { exact: true }).fill("อรุณี");
    await page.getByRole("button", { name: "บันทึก" }).click();
    await page.waitForURL(/\/admin\/people\/\d+\?created=1$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("นางอรุณี ปัญญาดี");

    await page.getByLabel("ผู้บังคับบัญชา").check();
    await page.getByRole("button", { name: "บันทึกบทบาท" }).click();
    await expect.poll(() => page.getByText("บันทึกบทบาทแล้ว").count()).toBe(1);
    await screenshot(page, "person-edit-desktop");

    await nav.getByRole("link", { name: "บันทึกการตรวจสอบ" }).click();
    await page.getByLabel("รายการ").fill("880001");
    await page.getByRole("button", { name: "กรอง" }).click();
    await page.waitForURL(/entity=880001/);
    // Polled: the URL changes before the filtered list replaces the unfiltered one.
    await expect
      .poll(() => page.locator("tbody tr td:nth-child(3)").allTextContents())
      .toEqual(["เปลี่ยนบทบาท", "เพิ่มบุคลากร"]);
    await screenshot(page, "audit-desktop");
    assertClean();
    await context.close();
  });
});

describe("HR imports the roster", () => {
  it("uploads a CSV, sees the per-row preview, and imports it", async () => {
    const hr = await createE2ePerson({ roles: ["hr", "staff"] });
    const { page, context, assertClean } = await openPage(browser, baseUrl);
    await signIn(page, hr.employeeNumber, hr.password);
    await page.goto("/admin/people");
    await page.getByRole("link", { name: "นำเข้าจาก CSV" }).click();
    await page.waitForURL(/\/admin\/people\/import$/);
    const csv = [
      "เลขประจำตัว,คำนำหน้า,ชื่อ,นามสกุล,ตำแหน่ง,ประเภทบุคลากร,หน่วยงาน,เริ่มปฏิบัติงาน,สิ้นสุดการปฏิบัติงาน",
      "990001,นางสาว,กมลชนก,ทดลองนำเข้า,นักวิชาการพัสดุ,พนักงานจ้าง,งานพัสดุ,2569-11-01,",
      "990002,นาย,ประเสริฐ,ทดลองนำเข้า,นายช่างโยธา,พนักงานเทศบาล,สำนักช่าง,2569-11-01,",
    ].join("\n");
    await page
      .getByLabel(/^ไฟล์ CSV/)
      .setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from("\uFEFF" + csv) });
    await page.getByRole("button", { name: "ตรวจสอบ" }).click();
    await expect.poll(() => page.getByRole("heading", { name: /ผลการตรวจสอบ/ }).textContent()).toContain("เพิ่มใหม่ 2");
    await screenshot(page, "roster-import-preview-desktop");
    await page.getByRole("button", { name: "นำเข้า" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("นำเข้าแล้ว: เพิ่มใหม่ 2 คน");
    await page.goto("/admin/people?q=ทดลองนำเข้า");
    expect(await page.locator("tbody tr").count()).toBe(2);
    assertClean();
    await context.close();
  });
  it("reads a CSV saved by Thai Excel on Windows (Windows-874 bytes, no BOM)", async () => {
    const hr = await createE2ePerson({ roles: ["hr", "staff"] });
    const { page, context, assertClean } = await openPage(browser, baseUrl);
    await signIn(page, hr.employeeNumber, hr.password);
    await page.goto("/admin/people/import");
    await page.waitForLoadState("networkidle");
    const csv = [
      "เลขประจำตัว,คำนำหน้า,ชื่อ,นามสกุล,ตำแหน่ง,ประเภทบุคลากร,หน่วยงาน,เริ่มปฏิบัติงาน,สิ้นสุดการปฏิบัติงาน",
      "990101,นาง,วิไลวรรณ,ไฟล์วินโดวส์,นักวิชาการเงินและบัญชี,พนักงานจ้าง,งานพัสดุ,2569-11-01,",
    ].join("\r\n");
    // Thai U+0E01..U+0E5B → 0xA1..0xFB, as TIS-620 / Windows-874 store them.
    const bytes = Buffer.from(
      [...csv].map((ch) => (ch.codePointAt(0)! < 0x80 ? ch.codePointAt(0)! : ch.codePointAt(0)! - 0x0e00 + 0xa0)),
    );
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    await page.getByLabel(/^ไฟล์ CSV/).setInputFiles({ name: "roster-excel.csv", mimeType: "text/csv", buffer: bytes });
    await page.getByRole("button", { name: "ตรวจสอบ" }).click();
    await expect.poll(() => page.getByRole("heading", { name: /ผลการตรวจสอบ/ }).textContent()).toContain("เพิ่มใหม่ 1");
    expect(await page.getByText("ไฟล์วินโดวส์").count()).toBeGreaterThan(0);
    assertClean();
    await context.close();
  });
});
