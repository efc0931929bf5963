import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { PHONE, launchBrowser, screenshot } from "../support/browser";
import { createE2ePerson, openPageAs } from "../support/e2e-people";
import { withE2eDb as withDb } from "../support/e2e-sqlite";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The director of a municipal school: a teacher, so in none of the plan's groups (demo teachers have no password). */
function schoolDirector(schoolCode: string): number {
  return withDb(
    (sqlite) =>
      (
        sqlite
          .prepare(
            `SELECT p.id FROM Person p JOIN Division d ON d.id = p.divisionId WHERE d.code = ? AND p.position = 'ผู้อำนวยการสถานศึกษา'`,
          )
          .get(schoolCode) as { id: number }
      ).id,
  );
}

describe("HR target groups", () => {
  it("HR creates a group, assigns a course to it for this year; a member sees it in My courses and an outsider does not", async () => {
    const year = fiscalYearOf(new Date());
    const hr = await openPageAs(browser, await createE2ePerson({ roles: ["hr", "staff"] }));
    await hr.page.goto("/");
    await hr.page.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "กลุ่มเป้าหมาย" }).click();
    await hr.page.waitForURL(/\/hr\/groups$/);
    await screenshot(hr.page, "hr-groups-desktop");
    await hr.page.getByRole("link", { name: "+ สร้างกลุ่มใหม่" }).click();
    await hr.page.waitForURL(/\/hr\/groups\/new$/);

    // A Thai error from the browser first; nothing is lost.
    await hr.page.getByLabel("พนักงานครู").check();
    await hr.page.getByRole("button", { name: "บันทึกกลุ่ม" }).click();
    await expect.poll(() => hr.page.getByText("กรุณากรอกชื่อกลุ่ม").count()).toBe(1);
    expect(await hr.page.getByLabel("พนักงานครู").isChecked()).toBe(true);

    await hr.page.getByLabel("ชื่อกลุ่ม").fill("ผู้อำนวยการโรงเรียนเทศบาล ๒");
    await hr.page.getByLabel(/โรงเรียนเทศบาล ๒/).check();
    await hr.page.getByLabel("ตำแหน่งมีคำว่า").fill("ผู้อำนวยการ");
    await hr.page.getByRole("button", { name: "ดูรายชื่อก่อนบันทึก" }).click();
    await expect.poll(() => hr.page.getByTestId("preview-count").textContent()).toBe("1 คน");
    expect(await hr.page.getByLabel("ชื่อกลุ่ม").inputValue()).toBe("ผู้อำนวยการโรงเรียนเทศบาล ๒");
    await screenshot(hr.page, "hr-group-new-preview-desktop");
    await hr.page.getByRole("button", { name: "บันทึกกลุ่ม" }).click();
    await hr.page.waitForURL(/\/hr\/groups\/hr-\d+$/);
    await expect.poll(() => hr.page.getByRole("heading", { level: 1 }).textContent()).toBe("ผู้อำนวยการโรงเรียนเทศบาล ๒");
    await screenshot(hr.page, "hr-group-edit-desktop");
    const groupUrl = hr.page.url();

    await hr.page.goto(`/hr/groups?year=${year}`);
    const ethics = hr.page.getByTestId("assign-ethics");
    await ethics.getByLabel(/ผู้อำนวยการโรงเรียนเทศบาล ๒/).check();
    await ethics.getByRole("button", { name: "กำหนดให้กลุ่มที่เลือก" }).click();
    await expect
      .poll(() => ethics.locator(".assigned-groups li").allTextContents())
      .toContainEqual(expect.stringContaining("ผู้อำนวยการโรงเรียนเทศบาล ๒"));
    await screenshot(hr.page, "hr-groups-assigned-desktop");
    hr.assertClean();

    const member = await openPageAs(browser, { id: schoolDirector("school-2") }, PHONE);
    await member.page.goto("/courses");
    await expect.poll(() => member.page.getByTestId("course-ethics").count()).toBe(1);
    expect(await member.page.locator(".course-card").count()).toBe(1);
    await screenshot(member.page, "my-courses-group-member-phone");
    member.assertClean();
    await member.context.close();

    const outsider = await openPageAs(browser, { id: schoolDirector("school-3") }, PHONE);
    await outsider.page.goto("/courses");
    await expect.poll(() => outsider.page.getByText("ยังไม่มีหลักสูตรที่กำหนดให้ท่านในปีงบประมาณนี้").count()).toBe(1);
    expect(await outsider.page.getByTestId("course-ethics").count()).toBe(0);
    const refused = await outsider.page.goto("/courses/ethics");
    expect(refused?.status()).toBe(403);
    await outsider.context.close();

    // The same pages at phone width.
    await hr.page.setViewportSize(PHONE);
    await hr.page.goto("/hr/groups");
    await screenshot(hr.page, "hr-groups-phone");
    await hr.page.goto(groupUrl);
    await screenshot(hr.page, "hr-group-edit-phone");
    hr.assertClean();
    await hr.context.close();
  });
});
