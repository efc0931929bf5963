import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { PHONE, launchBrowser, screenshot } from "../support/browser";
import { createE2ePerson, openPageAs, signInAs } from "../support/e2e-people";
import { withE2eDb as withDb } from "../support/e2e-sqlite";

// Issue 12, item 2: "ยกเลิกการมอบหมาย" on /hr/groups asks first (course, group, how many people, which year),
// cancelling changes nothing, confirming removes it (with or without JavaScript); earlier years are read-only.

const baseUrl = inject("baseUrl");
const year = fiscalYearOf(new Date());
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** This file's own HR officer (decision 040) and a small group of its own, written straight into the server's database. */
async function fixtures() {
  const tag = randomBytes(3).toString("hex");
  const hr = await createE2ePerson({
    divisionCode: "personnel-management",
    roles: ["staff", "hr"],
    title: "นาง",
    firstName: "ทดสอบมอบหมาย",
    lastName: tag,
    position: "นักทรัพยากรบุคคล",
  });
  return withDb((sqlite) => {
    const code = `hr-e2e-${tag}`;
    const groupName = `กลุ่มทดสอบยกเลิก ${tag}`;
    sqlite
      .prepare(
        `INSERT INTO TargetGroup (code, name, personnelTypes, divisionCodes, positionIncludes, managedBy) VALUES (?, ?, '[]', '["internal-audit"]', NULL, 'hr')`,
      )
      .run(code, groupName);
    const allPersonnel = (
      sqlite.prepare(`SELECT name FROM TargetGroup WHERE code = 'all-personnel'`).get() as { name: string }
    ).name;
    return { hr, code, groupName, allPersonnel };
  });
}

const assignmentCount = () =>
  withDb((sqlite) => (sqlite.prepare(`SELECT COUNT(*) AS n FROM CourseAssignment`).get() as { n: number }).n);
const ownAssignments = (code: string) =>
  withDb(
    (sqlite) =>
      (
        sqlite
          .prepare(
            `SELECT COUNT(*) AS n FROM CourseAssignment a JOIN TargetGroup g ON g.id = a.groupId WHERE g.code = ?`,
          )
          .get(code) as { n: number }
      ).n,
  );

async function membersToday(page: Page, groupName: string) {
  const cell = await page
    .getByTestId("groups")
    .getByRole("row", { name: new RegExp(groupName) })
    .locator("td")
    .nth(2)
    .textContent();
  return cell!.trim();
}

describe("unassigning a course from a group", () => {
  it("asks with the count, cancelling changes nothing, confirming removes it; past years are read-only", async () => {
    const f = await fixtures();
    const hr = await openPageAs(browser, f.hr);
    await hr.page.goto(`/hr/groups?year=${year}`);
    await hr.page.waitForLoadState("networkidle");
    const ethics = hr.page.getByTestId("assign-ethics");

    // The 500-person group: the link only asks; "ไม่ยกเลิก" leaves everything as it was.
    const bigCount = await membersToday(hr.page, f.allPersonnel);
    const before = assignmentCount();
    await ethics.getByRole("link", { name: new RegExp(`ยกเลิกการมอบหมาย .*${f.allPersonnel}`) }).click();
    await hr.page.waitForURL(/unassign=\d+/);
    const confirm = hr.page.getByTestId("confirm-unassign");
    await expect.poll(() => confirm.getByTestId("confirm-count").textContent()).toBe(`${bigCount} คน`);
    expect(await confirm.textContent()).toContain(f.allPersonnel);
    expect(await confirm.textContent()).toContain(String(year));
    await expect.poll(() => hr.page.evaluate(() => document.activeElement?.id)).toBe("confirm-unassign-title");
    await screenshot(hr.page, "hr-groups-confirm-big-desktop");
    await confirm.getByRole("link", { name: "ไม่ยกเลิก กลับไป" }).click();
    await expect.poll(() => hr.page.getByTestId("confirm-unassign").count()).toBe(0);
    expect(assignmentCount()).toBe(before);

    // Our own group: assigning says how many people; removing asks, then removes.
    const ownCount = await membersToday(hr.page, f.groupName);
    await ethics.getByLabel(new RegExp(f.groupName)).check();
    await expect
      .poll(() => ethics.getByRole("button", { name: /กำหนดให้กลุ่มที่เลือก/ }).textContent())
      .toBe(`กำหนดให้กลุ่มที่เลือก (${ownCount} คน)`);
    await ethics.getByRole("button", { name: /กำหนดให้กลุ่มที่เลือก/ }).click();
    await expect
      .poll(() => hr.page.getByTestId("assign-notice").textContent())
      .toContain(`สมาชิก ${ownCount} คนจะเห็นหลักสูตรนี้`);
    expect(ownAssignments(f.code)).toBe(1);
    await ethics.getByRole("link", { name: new RegExp(`ยกเลิกการมอบหมาย .*${f.groupName}`) }).click();
    await expect.poll(() => hr.page.getByTestId("confirm-count").textContent()).toBe(`${ownCount} คน`);
    await screenshot(hr.page, "hr-groups-confirm-desktop");
    await hr.page.getByRole("button", { name: /ยืนยันยกเลิกการมอบหมาย/ }).click();
    await expect.poll(() => hr.page.getByTestId("assign-notice").textContent()).toContain("ยกเลิกการมอบหมายหลักสูตร");
    expect(ownAssignments(f.code)).toBe(0);
    expect(assignmentCount()).toBe(before);
    hr.assertClean();

    // Without JavaScript the same two steps work as plain links and forms.
    const noJs = await browser.newContext({
      baseURL: baseUrl,
      javaScriptEnabled: false,
      viewport: PHONE,
      locale: "th-TH",
    });
    await signInAs(noJs, f.hr);
    const page = await noJs.newPage();
    await page.goto(`/hr/groups?year=${year}`);
    const card = page.getByTestId("assign-ethics");
    await card.getByLabel(new RegExp(f.groupName)).check();
    await card.getByRole("button", { name: /กำหนดให้กลุ่มที่เลือก/ }).click();
    await page.waitForURL(/done=assigned/);
    expect(ownAssignments(f.code)).toBe(1);
    await page
      .getByTestId("assign-ethics")
      .getByRole("link", { name: new RegExp(`ยกเลิกการมอบหมาย .*${f.groupName}`) })
      .click();
    await page.waitForURL(/unassign=\d+/);
    expect(await page.getByTestId("confirm-count").textContent()).toBe(`${ownCount} คน`);
    await screenshot(page, "hr-groups-confirm-phone");
    await page.getByRole("button", { name: /ยืนยันยกเลิกการมอบหมาย/ }).click();
    await page.waitForURL(/done=unassigned/);
    expect(ownAssignments(f.code)).toBe(0);
    await noJs.close();

    // An earlier year: shown, not changeable.
    await hr.page.goto(`/hr/groups?year=${year - 1}`);
    await expect
      .poll(() => hr.page.getByTestId("year-read-only").textContent())
      .toContain(`ปีงบประมาณ ${year - 1} ผ่านไปแล้ว`);
    expect(await hr.page.getByRole("link", { name: /ยกเลิกการมอบหมาย/ }).count()).toBe(0);
    expect(await hr.page.getByRole("button", { name: /กำหนดให้กลุ่มที่เลือก/ }).count()).toBe(0);
    expect(await hr.page.getByTestId("assign-ethics").locator(".assigned-groups li").count()).toBeGreaterThan(0);
    await hr.page.setViewportSize(PHONE);
    await screenshot(hr.page, "hr-groups-past-year-phone");
    hr.assertClean();
    await hr.context.close();
  }, 180_000);
});
