import { randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/domain/roles";
import { PHONE, launchBrowser, screenshot } from "../support/browser";
import { createE2ePerson, openPageAs } from "../support/e2e-people";
import { withE2eDb as withDb, sqliteStamp as stamp } from "../support/e2e-sqlite";

// Issue 12 item 11 (decision 047): HR and a manager see what waits for them with counts and links; a staff member
// sees their own to-dos. This file's own people and records, written straight into the server's database.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const isoDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** One of this file's people, in a unit of the test's choosing. */
const createPerson = (divisionCode: string, roles: Role[], firstName: string, position: string) =>
  createE2ePerson({ divisionCode, roles, firstName, position, title: "นาง", lastName: "ทดสอบหน้าหลัก" });

/** A round not yet published, with appraisals nobody has recorded. */
function openRound(title: string, createdById: number, personIds: number[]): number {
  return withDb((sqlite) => {
    // effectiveDate is unique: a date far away, different for every run.
    const effective = new Date(Date.UTC(2060 + (process.pid % 30), 3, 1, -7) + randomBytes(2).readUInt16BE() * 60_000);
    const { lastInsertRowid } = sqlite
      .prepare(
        `INSERT INTO SalaryRound (fiscalYear, effectiveDate, title, stepPersonnelTypes, stepCapHalfSteps, percentCapBasisPoints, poolBaht, appealDays, createdAt, createdById) VALUES (2570, ?, ?, '["municipal_officer"]', 3, 600, 1000000, 15, ?, ?)`,
      )
      .run(stamp(effective), title, stamp(new Date()), createdById);
    for (const personId of personIds)
      sqlite
        .prepare(
          `INSERT INTO SalaryAppraisal (roundId, personId, increaseType, baseSalaryBaht, stepValueBaht) VALUES (?, ?, 'steps', 20000, 700)`,
        )
        .run(lastInsertRowid, personId);
    return Number(lastInsertRowid);
  });
}

/** A gift report that must go to the head of the person's unit, still undecided and within its 30 days. */
function pendingGift(person: { id: number; divisionId: number }, description: string): number {
  return withDb((sqlite) => {
    const now = new Date();
    const { lastInsertRowid } = sqlite
      .prepare(
        `INSERT INTO GiftReport (personId, divisionId, fiscalYear, giverName, giverKind, giverRelative, giverHasBusiness, toGeneralPublic, occasion, description, valueSatang, valueEstimated, receivedOn, outcome, ruleCase, mustReport, reportDueOn, recordedAt)
         VALUES (?, ?, 2570, 'บริษัท ทดสอบหน้าหลัก จำกัด', 'business', 0, 1, 0, 'ปีใหม่', ?, 500000, 0, ?, 'accepted', 'business-with-municipality', 1, ?, ?)`,
      )
      .run(
        person.id,
        person.divisionId,
        description,
        isoDay(now),
        isoDay(new Date(now.getTime() + 30 * 86_400_000)),
        stamp(now),
      );
    return Number(lastInsertRowid);
  });
}

describe("home pages", () => {
  it("HR and a manager see appraisals and gift reports waiting for them, with counts and links; staff see their own to-dos", async () => {
    const tag = randomBytes(3).toString("hex");
    const hr = await createPerson("personnel-management", ["staff", "hr"], `ฝ่ายบุคคล${tag}`, "นักทรัพยากรบุคคล");
    const manager = await createPerson("social-welfare", ["staff", "manager"], `ผอ${tag}`, "ผู้อำนวยการกองสวัสดิการสังคม");
    const staff = await createPerson("social-welfare-community", ["staff"], `ชุมชน${tag}`, "นักพัฒนาชุมชน");
    const elsewhere = await createPerson("health", ["staff"], `สาธารณสุข${tag}`, "นักวิชาการสาธารณสุข");
    const roundTitle = `รอบทดสอบหน้าหลัก ${tag}`;
    const roundId = openRound(roundTitle, hr.id, [manager.id, staff.id, elsewhere.id]);
    pendingGift(staff, `กระเช้าหน้าหลัก ${tag}`);

    // HR: every appraisal of the round (not their own: HR is not in it), with a link to the round.
    const hrPage = await openPageAs(browser, hr);
    await hrPage.page.goto("/");
    const waiting = hrPage.page.getByRole("region", { name: "งานที่รอท่าน" });
    const hrLink = waiting.getByRole("link", { name: `รอประเมิน 3 คน · ${roundTitle}` });
    await expect.poll(() => hrLink.count()).toBe(1);
    expect(await hrLink.getAttribute("href")).toBe(`/salary/rounds/${roundId}`);
    // HR also oversees the gift register across the municipality (this file's report is one of them).
    const oversight = waiting.getByRole("link", { name: /^ทั้งเทศบาล: รายงานของขวัญรอผู้บังคับบัญชาวินิจฉัย [\d,]+ รายการ/ });
    expect(await oversight.getAttribute("href")).toBe("/hr/gifts");
    await expect
      .poll(() => hrPage.page.getByRole("region", { name: /การอบรมปีงบประมาณ \d+ ทั้งเทศบาล/ }).textContent())
      .toMatch(/ผ่านแล้ว [\d,]+ จาก [\d,]+ รายการ/);
    await screenshot(hrPage.page, "home-hr-desktop");
    hrPage.assertClean();
    await hrPage.context.close();

    // The manager: only the one person they supervise (not themselves, not another bureau), and the gift to decide.
    const managerPage = await openPageAs(browser, manager, PHONE);
    await managerPage.page.goto("/");
    await managerPage.page.waitForLoadState("networkidle");
    const managerWaiting = managerPage.page.getByRole("region", { name: "งานที่รอท่าน" });
    await expect
      .poll(() => managerWaiting.getByRole("link", { name: `รอประเมิน 1 คน · ${roundTitle}` }).count())
      .toBe(1);
    const giftLink = managerWaiting.getByRole("link", { name: "รายงานของขวัญรอท่านวินิจฉัย 1 รายการ" });
    await expect.poll(() => giftLink.count()).toBe(1);
    await expect
      .poll(() =>
        managerPage.page
          .getByRole("region", { name: /ในหน่วยงานของท่าน/ })
          .first()
          .textContent(),
      )
      .toBeTruthy();
    await screenshot(managerPage.page, "home-manager-phone");
    await giftLink.click();
    await managerPage.page.waitForURL(/\/gifts$/);
    await expect.poll(() => managerPage.page.getByText(`กระเช้าหน้าหลัก ${tag}`).count()).toBeGreaterThan(0);
    managerPage.assertClean();
    await managerPage.context.close();

    // Staff: their own to-dos only (no appraisals, no gifts to decide), the No Gift declaration and courses with a due date.
    const staffPage = await openPageAs(browser, staff);
    await staffPage.page.goto("/");
    const staffWaiting = staffPage.page.getByRole("region", { name: "งานที่รอท่าน" });
    const noGift = staffWaiting.getByRole("link", { name: /^ยื่นคำยืนยัน No Gift ประจำปีงบประมาณ \d{4}$/ });
    await expect.poll(() => noGift.count()).toBe(1);
    expect(await noGift.getAttribute("href")).toBe("/gifts/declaration");
    expect(await staffWaiting.getByRole("link", { name: /รอประเมิน|รอท่านวินิจฉัย/ }).count()).toBe(0);
    const courses = staffPage.page.getByRole("region", { name: /หลักสูตรของท่าน/ });
    await expect.poll(() => courses.textContent()).toMatch(/ต้องเรียนให้ผ่านอีก \d+ หลักสูตร ภายใน 30 กันยายน \d{4}/);
    expect(await staffPage.page.getByRole("region", { name: /การอบรมปีงบประมาณ/ }).count()).toBe(0);
    await screenshot(staffPage.page, "home-staff-desktop");
    staffPage.assertClean();
    await staffPage.context.close();
  }, 120_000);
});
