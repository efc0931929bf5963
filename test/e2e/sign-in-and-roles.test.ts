import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Role } from "~/domain/roles";
import { PHONE, launchBrowser, openPage, screenshot, signIn } from "../support/browser";
import { createE2ePerson, type E2ePerson } from "../support/e2e-people";

const baseUrl = inject("baseUrl");
let browser: Browser;
// This file's own people, one per role (as the demo accounts have: the role and staff).
const people = {} as Record<"staff" | "manager" | "hr" | "admin", E2ePerson>;
beforeAll(async () => {
  browser = await launchBrowser();
  for (const role of ["staff", "manager", "hr", "admin"] as const) {
    people[role] = await createE2ePerson({ roles: role === "staff" ? ["staff"] : [role satisfies Role, "staff"] });
  }
});
afterAll(() => browser?.close());

const ROLES = [
  {
    role: "staff" as const,
    nav: [
      "หน้าหลัก",
      "หลักสูตรของฉัน",
      "คำสั่งมอบอำนาจ",
      "ประกาศ/นโยบาย",
      "แผนและตัวชี้วัด",
      "เลื่อนขั้นเงินเดือน",
      "ของขวัญ/ประโยชน์",
      "แสดงส่วนได้เสีย",
    ],
  },
  {
    role: "manager" as const,
    nav: [
      "หน้าหลัก",
      "หลักสูตรของฉัน",
      "คำสั่งมอบอำนาจ",
      "ประกาศ/นโยบาย",
      "แผนและตัวชี้วัด",
      "เลื่อนขั้นเงินเดือน",
      "ของขวัญ/ประโยชน์",
      "แสดงส่วนได้เสีย",
      "บุคลากรในหน่วยงาน",
      "ความเสี่ยงการทุจริต",
    ],
  },
  {
    role: "hr" as const,
    nav: [
      "หน้าหลัก",
      "หลักสูตรของฉัน",
      "คำสั่งมอบอำนาจ",
      "ประกาศ/นโยบาย",
      "แผนและตัวชี้วัด",
      "เลื่อนขั้นเงินเดือน",
      "ของขวัญ/ประโยชน์",
      "แสดงส่วนได้เสีย",
      "ความเสี่ยงการทุจริต",
      "ผลการอบรม",
      "กลุ่มเป้าหมาย",
      "จัดการบุคลากร",
    ],
  },
  {
    role: "admin" as const,
    nav: [
      "หน้าหลัก",
      "หลักสูตรของฉัน",
      "คำสั่งมอบอำนาจ",
      "ประกาศ/นโยบาย",
      "แผนและตัวชี้วัด",
      "เลื่อนขั้นเงินเดือน",
      "ของขวัญ/ประโยชน์",
      "แสดงส่วนได้เสีย",
      "ความเสี่ยงการทุจริต",
      "ผลการอบรม",
      "กลุ่มเป้าหมาย",
      "จัดการบุคลากร",
      "บันทึกการตรวจสอบ",
    ],
  },
];

describe("sign-in by role", () => {
  for (const { role, nav } of ROLES) {
    it(`signs in as ${role} and sees exactly that role's navigation`, async () => {
      const { page, context, assertClean } = await openPage(browser, baseUrl);
      await signIn(page, people[role].employeeNumber, people[role].password);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^สวัสดี คุณ/);
      const links = await page.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link").allTextContents();
      expect(links).toEqual(nav);
      await screenshot(page, `home-${role}-desktop`);
      assertClean();
      await context.close();
    });
  }

  it("shows a Thai message for a wrong password and keeps the username", async () => {
    const { page, context, assertClean } = await openPage(browser, baseUrl);
    await page.goto("/login");
    await page.getByLabel("เลขประจำตัวพนักงาน").fill(people.staff.employeeNumber);
    await page.getByLabel("รหัสผ่าน").fill("not-the-password");
    await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("เลขประจำตัวหรือรหัสผ่านไม่ถูกต้อง");
    expect(await page.getByLabel("เลขประจำตัวพนักงาน").inputValue()).toBe(people.staff.employeeNumber);
    await screenshot(page, "login-error-desktop");
    assertClean();
    await context.close();
  });

  it("checks empty fields in the browser before sending", async () => {
    const { page, context, assertClean } = await openPage(browser, baseUrl);
    await page.goto("/login");
    await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
    await expect.poll(() => page.getByText("กรุณากรอกเลขประจำตัวพนักงาน").count()).toBe(1);
    expect(page.url()).toContain("/login");
    assertClean();
    await context.close();
  });
});

describe("permissions", () => {
  it("gives staff a Thai 403 page on the admin page, with a way back", async () => {
    const { page, context, assertClean } = await openPage(browser, baseUrl);
    await signIn(page, people.staff.employeeNumber, people.staff.password);
    const response = await page.goto("/admin/people");
    expect(response?.status()).toBe(403);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("ไม่มีสิทธิ์เข้าถึง");
    await screenshot(page, "forbidden-staff-desktop");
    await page.getByRole("link", { name: "กลับหน้าหลัก" }).click();
    await page.waitForURL(`${baseUrl}/`);
    assertClean();
    await context.close();
  });

  it("shows a Thai 404 page for an unknown address", async () => {
    const { page, context, assertClean } = await openPage(browser, baseUrl);
    await signIn(page, people.staff.employeeNumber, people.staff.password);
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("ไม่พบหน้าที่ต้องการ");
    assertClean();
    await context.close();
  });
});

describe("sign-out", () => {
  it("ends the session: the old cookie no longer opens the home page", async () => {
    const { page, context, assertClean } = await openPage(browser, baseUrl);
    await signIn(page, people.hr.employeeNumber, people.hr.password);
    const [oldCookie] = (await context.cookies()).filter((c) => c.name === "sujarit_session");
    expect(oldCookie).toBeDefined();
    await page.getByRole("button", { name: "ออกจากระบบ" }).click();
    await page.waitForURL(/\/login$/);
    assertClean();
    await context.close();

    const replay = await openPage(browser, baseUrl);
    await replay.context.addCookies([oldCookie!]);
    await replay.page.goto("/");
    expect(new URL(replay.page.url()).pathname).toBe("/login");
    await replay.context.close();
  });
});

describe("phone width", () => {
  it("opens the menu with a button and reaches the people page", async () => {
    const { page, context, assertClean } = await openPage(browser, baseUrl, PHONE);
    await signIn(page, people.admin.employeeNumber, people.admin.password);
    await screenshot(page, "home-admin-phone");
    const peopleLink = page.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "จัดการบุคลากร" });
    expect(await peopleLink.isVisible()).toBe(false);
    await page.getByRole("button", { name: /เมนู/ }).click();
    await peopleLink.click();
    await page.waitForURL(/\/admin\/people$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("จัดการบุคลากร");
    await screenshot(page, "people-admin-phone");
    assertClean();
    await context.close();
  });
});
