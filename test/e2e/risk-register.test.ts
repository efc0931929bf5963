import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import type { Role } from "~/domain/roles";
import { PHONE, SCREENSHOTS, launchBrowser, openPage, screenshot } from "../support/browser";
import { createE2ePerson, openPageAs } from "../support/e2e-people";

const baseUrl = inject("baseUrl");
const year = fiscalYearOf(new Date());
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** This file's own people (decision 040): a unit head of the health bureau and an HR officer. */
const person = (divisionCode: string, roles: Role[], firstName: string) =>
  createE2ePerson({ divisionCode, roles, firstName, lastName: "ทดสอบความเสี่ยง", position: "ผู้อำนวยการ" });

describe("fraud-risk register to the printed six-month report", () => {
  it("a unit head adds a risk with a measure, HR consolidates and publishes, the public sees it, HR prints the six-month report", async () => {
    const event = `เจ้าหน้าที่ตรวจสุขลักษณะเรียกรับประโยชน์ในการออกใบอนุญาต ${randomBytes(2).toString("hex")}`;

    // The head of the health bureau assesses a risk of their unit, on a phone.
    const head = await openPageAs(browser, await person("health", ["staff", "manager"], "หัวหน้าสาธารณสุข"), PHONE);
    await head.page.goto("/risks");
    await head.page.getByText("เพิ่มความเสี่ยง", { exact: true }).click();
    const form = head.page.getByRole("form", { name: "เพิ่มความเสี่ยง" });
    await form.getByLabel("ขั้นตอนการดำเนินงาน / กระบวนงาน").fill("การออกใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ");
    await form.getByLabel("เหตุการณ์ความเสี่ยง").fill(event);
    await form.getByLabel("ประเภท").selectOption("permits");
    await form.getByLabel("โอกาส (1–5)").selectOption("4");
    await form.getByLabel("ผลกระทบ (1–5)").selectOption("4");
    await form.getByLabel("มาตรการที่ 1").fill("ตรวจสถานประกอบการเป็นทีมอย่างน้อย 2 คนและถ่ายภาพทุกครั้ง");
    await form.getByRole("button", { name: "บันทึกความเสี่ยง" }).click();
    // The owner is missing: refused in the browser before anything is sent.
    await expect.poll(() => form.getByText("มาตรการต้องมีผู้รับผิดชอบ (ตำแหน่งหรือหน่วยงาน)").count()).toBe(1);
    await form.getByLabel("ผู้รับผิดชอบ").first().fill("หัวหน้าฝ่ายส่งเสริมสุขภาพและสิ่งแวดล้อม");
    // The due date is typed in the Buddhist era (decision 047).
    const due = form.getByRole("group", { name: "กำหนดเสร็จ" }).first();
    await due.getByLabel("วัน", { exact: true }).fill("30");
    await due.getByLabel("เดือน", { exact: true }).selectOption({ label: "กันยายน" });
    await due.getByLabel("ปี พ.ศ.", { exact: true }).fill(String(year));
    await form.getByRole("button", { name: "บันทึกความเสี่ยง" }).click();
    await expect.poll(() => head.page.getByRole("status").textContent()).toContain("บันทึกความเสี่ยงแล้ว (คะแนน 16)");
    const card = head.page.locator("article.risk").filter({ hasText: event });
    await screenshot(head.page, "risk-register-head-phone");
    await expect.poll(() => card.getByText("รอรวบรวม").count()).toBe(1);
    expect(await card.locator(".badge", { hasText: "สูง" }).count()).toBe(1);
    head.assertClean();
    await head.context.close();

    // HR consolidates the municipal register and publishes it.
    const hr = await openPageAs(browser, await person("personnel-management", ["staff", "hr"], "คณะทำงานระดับเทศบาล"));
    await hr.page.goto(`/risks?year=${year}`);
    await hr.page.getByRole("button", { name: /รวบรวมเป็นทะเบียนของเทศบาล/ }).click();
    await expect.poll(() => hr.page.getByRole("status").textContent()).toContain("รวบรวมทะเบียนแล้ว");
    await hr.page.getByRole("button", { name: "เผยแพร่ทางหน้าเปิดเผยข้อมูลสาธารณะ" }).click();
    await expect.poll(() => hr.page.getByRole("status").textContent()).toContain("เผยแพร่ทะเบียนความเสี่ยงแล้ว");
    await expect
      .poll(() => hr.page.locator("article.risk").filter({ hasText: event }).getByText("อยู่ในทะเบียนของเทศบาล").count())
      .toBe(1);
    await screenshot(hr.page, "risk-register-hr-desktop");

    // The public page needs no sign-in and names no one.
    const citizen = await openPage(browser, baseUrl, PHONE);
    await citizen.page.goto(`/transparency/risks?year=${year}`);
    await expect.poll(() => citizen.page.getByText(event).count()).toBe(1);
    expect(await citizen.page.getByText("คณะทำงานระดับเทศบาล").count()).toBe(0);
    expect(await citizen.page.getByText("หัวหน้าสาธารณสุข").count()).toBe(0);
    await screenshot(citizen.page, "risk-register-public-phone");
    citizen.assertClean();
    await citizen.context.close();

    // The six-month report shows the register under item 37 and prints on A4 with every item block.
    await hr.page.goto(`/plan/reports/${year}/h1`);
    const item37 = hr.page.locator('.report-item[data-item="37"]');
    await expect.poll(() => item37.textContent()).toContain(`รวบรวมทะเบียนความเสี่ยงการทุจริต ปีงบประมาณ ${year}`);
    expect(await hr.page.locator(".report-item").count()).toBe(41);
    await hr.page.emulateMedia({ media: "print" });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const pdf = await hr.page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    const pdfPath = path.join(SCREENSHOTS, "risk-register-h1-report.pdf");
    fs.writeFileSync(pdfPath, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(0);
    hr.assertClean();
    await hr.context.close();
  });
});
