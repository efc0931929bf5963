import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PHONE, launchBrowser, openPage, screenshot, signIn } from "../support/browser";
import { createE2ePerson, openPageAs } from "../support/e2e-people";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("a delegation order from draft to acknowledgement", () => {
  it("the manager drafts and signs, the delegate acknowledges, HR sees who has", async () => {
    const title = "มอบอำนาจอนุมัติจัดซื้อวัสดุสำนักงาน (ทดสอบ e2e)";
    // This file's own people: a manager in กองคลัง who issues the order, a delegate, and HR.
    const managerPerson = await createE2ePerson({
      roles: ["manager", "staff"],
      divisionCode: "finance",
      title: "นาง",
      position: "ผู้อำนวยการกองคลัง",
    });
    const delegate = await createE2ePerson({ roles: ["staff"], divisionCode: "finance-accounting" });
    const hrPerson = await createE2ePerson({ roles: ["hr", "staff"] });
    const manager = await openPage(browser, baseUrl);
    await signIn(manager.page, managerPerson.employeeNumber, managerPerson.password);
    await manager.page.goto("/orders");
    await manager.page.waitForLoadState("networkidle");
    await manager.page.getByRole("link", { name: "+ ร่างคำสั่งใหม่" }).click();
    await manager.page.waitForURL(/\/orders\/new$/);
    const p = manager.page;
    await p.getByLabel("เรื่อง").fill(title);
    await p.getByLabel("หน่วยงานที่ออกคำสั่ง").selectOption({ label: "กองคลัง" });
    expect(await p.getByLabel("ผู้มอบอำนาจ (ชื่อหรือเลขประจำตัว)").inputValue()).toBe(managerPerson.employeeNumber);
    // Dates are typed as day, Thai month and Buddhist-era year (decision 047).
    const from = p.getByRole("group", { name: "มีผลตั้งแต่วันที่" });
    await from.getByLabel("วัน", { exact: true }).fill("1");
    await from.getByLabel("เดือน", { exact: true }).selectOption({ label: "ธันวาคม" });
    await from.getByLabel("ปี พ.ศ.", { exact: true }).fill("2569");
    const until = p.getByRole("group", { name: "ถึงวันที่ (ถ้ามี)" });
    await until.getByLabel("วัน", { exact: true }).fill("30");
    await until.getByLabel("เดือน", { exact: true }).selectOption({ label: "กันยายน" });
    await until.getByLabel("ปี พ.ศ.", { exact: true }).fill("2570");
    await p.getByLabel("บุคคลที่ 1 (ชื่อหรือเลขประจำตัว)").fill(delegate.employeeNumber);
    await p.getByLabel("อำนาจ", { exact: true }).fill("อนุมัติการจัดซื้อวัสดุสำนักงานโดยวิธีเฉพาะเจาะจง");
    await p.getByLabel("ฐานอำนาจ (กฎหมาย / ระเบียบ / ข้อ)").fill("ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างฯ พ.ศ. 2560 ข้อ 79");
    await p.getByLabel("วงเงินสูงสุด (บาท, ถ้ามี)").fill("50000");
    // Forgot the body: the browser says so in Thai before sending.
    await p.getByRole("button", { name: "บันทึกร่าง" }).click();
    await expect.poll(() => p.getByText("กรุณากรอกเนื้อความของคำสั่ง").count()).toBe(1);
    await p
      .getByLabel("เนื้อความของคำสั่ง")
      .fill("เพื่อให้การจัดหาพัสดุของกองคลังเป็นไปด้วยความรวดเร็วและมีผู้รับผิดชอบชัดเจน จึงมอบอำนาจดังต่อไปนี้");
    await screenshot(p, "order-new-desktop");
    await p.getByRole("button", { name: "บันทึกร่าง" }).click();
    await p.waitForURL(/\/orders\/\d+$/);
    const orderUrl = p.url();
    await p.getByRole("button", { name: "เสนอลงนาม" }).click();
    await expect.poll(() => p.getByText("เสนอลงนามแล้ว").count()).toBe(1);
    await p.getByLabel("รหัสผ่าน").fill(managerPerson.password);
    await p.getByRole("button", { name: "ลงนาม", exact: true }).click();
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

    const staff = await openPageAs(browser, delegate, PHONE);
    await staff.page.goto("/orders?view=inbox");
    await staff.page.getByRole("link", { name: title }).click();
    await staff.page.getByRole("button", { name: "รับทราบคำสั่งนี้" }).click();
    await expect.poll(() => staff.page.getByText(/ท่านรับทราบแล้วเมื่อ/).count()).toBe(1);
    await screenshot(staff.page, "order-acknowledged-phone");
    staff.assertClean();
    await staff.context.close();

    const hr = await openPageAs(browser, hrPerson);
    await hr.page.goto(orderUrl);
    await expect.poll(() => hr.page.getByRole("heading", { name: /การรับทราบ \(1\/1\)/ }).count()).toBe(1);
    await screenshot(hr.page, "order-hr-desktop");
    hr.assertClean();
    await hr.context.close();
  });
});
