import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { DESKTOP, PHONE, launchBrowser, openPage, screenshot } from "../support/browser";
import { createE2ePerson, openPageAs } from "../support/e2e-people";

const baseUrl = inject("baseUrl");
const thisYear = fiscalYearOf(new Date());
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** This file's own integrity officer (in the strategy division, decision 040). */
const integrityOfficer = () =>
  createE2ePerson({
    divisionCode: "strategy-planning",
    roles: ["staff", "integrity"],
    title: "นาง",
    firstName: "ธนพร",
    lastName: "ตรวจสุจริต",
    position: "นิติกร",
  });

async function publicNumbers(page: Page) {
  await page.goto(`/report/stats?year=${thisYear}`);
  return {
    received: Number(await page.getByTestId("stats-received").textContent()),
    closed: Number(await page.getByTestId("stats-closed").textContent()),
  };
}

async function item41Count(page: Page) {
  await page.goto(`/plan/items/41?year=${thisYear}`);
  const text = await page.locator("article.indicator").filter({ hasText: "ภาคประชาชนมีบทบาท" }).first().textContent();
  return Number(text?.match(/ผล:\s*([\d,]+)/)?.[1]?.replace(/,/g, ""));
}

describe("the corruption complaint channel", () => {
  it("a citizen reports anonymously on a phone, answers the officer's question with the code, and the case closes; statistics and item 41 move", async () => {
    const officer = await integrityOfficer();
    const desk = await openPageAs(browser, officer, DESKTOP);
    const statsBefore = await publicNumbers(desk.page);
    const item41Before = await item41Count(desk.page);

    // The citizen, on a phone, signed out.
    const citizen = await openPage(browser, baseUrl, PHONE);
    await citizen.page.goto("/report");
    expect(await citizen.page.getByRole("navigation", { name: "เมนูหลัก" }).count()).toBe(0); // no staff menu
    await citizen.page.getByRole("button", { name: "ส่งเรื่อง" }).click();
    await expect.poll(() => citizen.page.getByText("กรุณาระบุเรื่องที่ร้องเรียน").count()).toBe(1);
    const subject = `ผู้รับเหมาจ่ายเงินใต้โต๊ะงานซ่อมถนน ${process.pid}`;
    await citizen.page.getByLabel("เรื่องที่ร้องเรียน (จำเป็น)").fill(subject);
    await citizen.page.getByLabel("รายละเอียด (จำเป็น)").fill("เห็นการส่งซองให้เจ้าหน้าที่ที่หน้างานซ่อมถนน");
    await citizen.page.getByRole("button", { name: "ส่งเรื่อง" }).click();
    const code = (await citizen.page.getByTestId("receipt-code").textContent())!.trim();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    await screenshot(citizen.page, "complaint-receipt-phone");

    expect((await publicNumbers(desk.page)).received).toBe(statsBefore.received + 1);
    expect(await item41Count(desk.page)).toBe(item41Before + 1);

    // The integrity officer acknowledges, classifies and asks a question.
    await desk.page.goto("/complaints");
    await desk.page.getByRole("link", { name: subject }).click();
    await desk.page.waitForURL(/\/complaints\/\d+$/);
    const caseUrl = desk.page.url();
    await desk.page.getByRole("button", { name: "ตรวจรับเรื่อง" }).click();
    await expect.poll(() => desk.page.getByTestId("case-status").textContent()).toBe("ตรวจรับเรื่องแล้ว");
    await desk.page.getByLabel("ประเภท").selectOption("corruption");
    await desk.page.getByLabel(/หน่วยงานที่ถูกร้องเรียน/).selectOption({ label: "\u00a0\u00a0\u00a0\u00a0ฝ่ายการโยธา" });
    await desk.page.getByRole("button", { name: "บันทึกประเภท" }).click();
    await expect.poll(() => desk.page.getByTestId("case-status").textContent()).toBe("อยู่ระหว่างตรวจสอบข้อเท็จจริง");
    await desk.page.getByLabel(/ข้อความถึงผู้ร้อง/).fill("ท่านจำวันที่เห็นการส่งซองได้หรือไม่");
    await desk.page.getByRole("button", { name: "ส่งข้อความ" }).click();
    await expect.poll(() => desk.page.getByText("ท่านจำวันที่เห็นการส่งซองได้หรือไม่").count()).toBe(1);

    // The citizen comes back with the code typed loosely and answers.
    await citizen.page.goto("/report/status");
    await citizen.page.getByLabel("รหัสติดตามเรื่อง").fill(code.toLowerCase().replaceAll("-", " "));
    await citizen.page.getByRole("button", { name: "ดูสถานะ" }).click();
    await expect.poll(() => citizen.page.getByTestId("report-status").textContent()).toBe("อยู่ระหว่างตรวจสอบข้อเท็จจริง");
    expect(await citizen.page.getByText("ท่านจำวันที่เห็นการส่งซองได้หรือไม่").count()).toBe(1);
    await citizen.page.getByLabel("ตอบหรือเพิ่มข้อมูล").fill("วันที่ 3 เดือนนี้ ช่วงเช้า");
    await citizen.page.getByRole("button", { name: "ส่งข้อความ" }).click();
    await expect.poll(() => citizen.page.getByText("ส่งข้อความถึงเจ้าหน้าที่แล้ว").count()).toBe(1);
    await screenshot(citizen.page, "complaint-status-phone");

    // The officer sees the answer, takes the case after declaring no conflict, records findings and closes it.
    await desk.page.goto(caseUrl);
    expect(await desk.page.getByText("วันที่ 3 เดือนนี้ ช่วงเช้า").count()).toBe(1);
    await desk.page.getByLabel("เลขประจำตัวพนักงานของผู้ตรวจสอบ").fill(officer.employeeNumber);
    await desk.page.getByRole("button", { name: "มอบหมาย" }).click();
    await desk.page.getByLabel(/ข้าพเจ้าไม่มีส่วนได้เสีย/).check();
    await desk.page.getByRole("button", { name: "ยืนยัน" }).click();
    await desk.page.getByLabel("ผลการตรวจสอบ").fill("ตรวจสอบแล้วพบมูล ส่งดำเนินการทางวินัย");
    await desk.page.getByRole("button", { name: "บันทึกผล" }).click();
    await desk.page.getByLabel("ผลการพิจารณา").selectOption("disciplinary");
    await desk.page.getByRole("button", { name: "ยุติเรื่อง" }).click();
    await expect.poll(() => desk.page.getByTestId("case-status").textContent()).toBe("ยุติเรื่องแล้ว");
    await screenshot(desk.page, "complaint-case-closed-desktop");

    const statsAfter = await publicNumbers(desk.page);
    expect(statsAfter).toEqual({ received: statsBefore.received + 1, closed: statsBefore.closed + 1 });
    expect(await item41Count(desk.page)).toBe(item41Before + 1);

    // The citizen sees the outcome.
    await citizen.page.goto("/report/status");
    await citizen.page.getByLabel("รหัสติดตามเรื่อง").fill(code);
    await citizen.page.getByRole("button", { name: "ดูสถานะ" }).click();
    await expect.poll(() => citizen.page.getByTestId("report-status").textContent()).toBe("ยุติเรื่องแล้ว");
    expect(await citizen.page.getByText("มีมูล ดำเนินการทางวินัย").count()).toBe(1);
    citizen.assertClean();
    desk.assertClean();
    await citizen.context.close();
    await desk.context.close();
  });
});
