import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import { PHONE, launchBrowser, screenshot } from "../support/browser";
import { createE2ePerson, openPageAs } from "../support/e2e-people";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** This file's own people. */
const createPerson = (divisionCode: string, roles: Role[], firstName: string) =>
  createE2ePerson({ divisionCode, roles, firstName, lastName: "ทดสอบของขวัญ", position: "นักวิเคราะห์นโยบายและแผน" });

/** Item 16's compliance indicator on the item page: "ผล: N/M คน". */
async function declaredCount(page: Page): Promise<number> {
  await page.goto("/plan/items/16");
  const text = await page
    .locator("article.indicator", { hasText: "ดำเนินการตามแนวทาง NO Gift Policy" })
    .getByText(/^ผล: /)
    .textContent();
  return Number(text!.match(/ผล: (\d+)\//)![1]);
}

describe("the gift register (item 16)", () => {
  it("a 5,000-baht gift is reported, the head decides, HR sees it, and the yearly declaration moves the indicator", async () => {
    const staffPerson = await createPerson("strategy-research", ["staff"], "ผู้รับ");
    const headPerson = await createPerson("strategy", ["staff", "manager"], "หัวหน้า");
    const hrPerson = await createPerson("personnel-management", ["staff", "hr"], "บุคคล");

    const staff = await openPageAs(browser, staffPerson, PHONE);
    await staff.page.goto("/gifts");
    await staff.page.getByRole("link", { name: "+ บันทึกของขวัญ/ประโยชน์" }).click();
    await staff.page.waitForURL(/\/gifts\/new$/);
    await staff.page.getByLabel("ผู้ให้ (ชื่อบุคคลหรือบริษัท/ร้าน)").fill("บริษัท ทดสอบเบราว์เซอร์ จำกัด");
    await staff.page.getByLabel("ผู้ให้เป็น", { exact: true }).selectOption("business");
    await staff.page.getByLabel("ผู้ให้เป็นญาติของท่านหรือไม่").selectOption("no");
    await staff.page.getByLabel("โอกาส/เทศกาล").fill("ปีใหม่");
    await staff.page.getByLabel("สิ่งที่ได้รับ").fill("กระเช้าทดสอบเบราว์เซอร์");
    await staff.page.getByLabel("มูลค่า (บาท)").fill("5000");
    // Told which case applies before saving.
    await expect.poll(() => staff.page.getByTestId("gift-assessment").textContent()).toContain("ต้องรายงานผู้บังคับบัญชา");
    await screenshot(staff.page, "gift-new-phone");
    await staff.page.getByRole("button", { name: "บันทึก", exact: true }).click();
    await staff.page.waitForURL(/\/gifts\/\d+$/);
    const giftPath = new URL(staff.page.url()).pathname;
    await expect.poll(() => staff.page.getByText("รอผู้บังคับบัญชาวินิจฉัย").count()).toBeGreaterThan(0);
    staff.assertClean();

    const head = await openPageAs(browser, headPerson);
    await head.page.goto("/gifts");
    await head.page
      .getByRole("table", { name: "รายงานที่รอท่านวินิจฉัย" })
      .getByRole("link", { name: `#${giftPath.split("/").pop()}` })
      .click();
    await head.page.waitForURL(giftPath);
    await head.page.getByLabel("คำวินิจฉัย").selectOption("hand_over");
    await head.page.getByLabel("เหตุผล").fill("มูลค่าเกิน ๓,๐๐๐ บาท ให้ส่งมอบเป็นทรัพย์สินของเทศบาล");
    await head.page.getByRole("button", { name: "บันทึกคำวินิจฉัย" }).click();
    await expect.poll(() => head.page.getByText("บันทึกคำวินิจฉัยแล้ว").count()).toBe(1);
    await screenshot(head.page, "gift-decided-desktop");
    head.assertClean();
    await head.context.close();

    const hr = await openPageAs(browser, hrPerson);
    await hr.page.goto("/hr/gifts");
    const row = hr.page.getByRole("table", { name: "ทะเบียนของขวัญ" }).getByRole("row", { name: /กระเช้าทดสอบเบราว์เซอร์/ });
    await expect.poll(() => row.textContent()).toContain("วินิจฉัยแล้ว");
    const before = await declaredCount(hr.page);

    await staff.page.goto("/gifts/declaration");
    await staff.page.getByLabel(/ข้าพเจ้ามีรายการที่เกินกว่าที่กำหนด/).check();
    await staff.page.getByLabel(/กระเช้าทดสอบเบราว์เซอร์/).check();
    await staff.page.getByLabel("ข้าพเจ้าขอยืนยันว่าข้อความข้างต้นเป็นความจริง").check();
    await staff.page.getByRole("button", { name: "ยื่นคำยืนยัน" }).click();
    await expect.poll(() => staff.page.getByText("ปฏิบัติตามนโยบาย").count()).toBe(1);
    staff.assertClean();
    await staff.context.close();

    await expect.poll(() => declaredCount(hr.page)).toBe(before + 1);
    await screenshot(hr.page, "gift-indicator-desktop");
    hr.assertClean();
    await hr.context.close();
  }, 120_000); // three people and four pages on a loaded machine
});
