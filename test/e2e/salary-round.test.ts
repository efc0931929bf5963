import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PHONE, launchBrowser, openPage, screenshot, signIn } from "../support/browser";
import { createE2ePerson, type E2ePerson } from "../support/e2e-people";

const baseUrl = inject("baseUrl");
let browser: Browser;
// This file's own people: HR (the committees' secretary), the director of กองคลัง, a chair, and an officer of
// งานพัสดุ who joins the unit's seven demo officers in the round.
let hrPerson: E2ePerson;
let director: E2ePerson;
let chair: E2ePerson;
let officer: E2ePerson;
let STAFF_NAME: string;
beforeAll(async () => {
  browser = await launchBrowser();
  hrPerson = await createE2ePerson({ roles: ["hr", "staff"] });
  director = await createE2ePerson({
    roles: ["manager", "staff"],
    divisionCode: "finance",
    title: "นาง",
    position: "ผู้อำนวยการกองคลัง",
  });
  chair = await createE2ePerson({ roles: ["admin", "staff"] });
  officer = await createE2ePerson({
    roles: ["staff"],
    divisionCode: "finance-procurement",
    firstName: "ปรเมศวร์",
    lastName: "ทดสอบเงินเดือน",
    position: "เจ้าพนักงานพัสดุปฏิบัติงาน",
  });
  STAFF_NAME = officer.fullName;
});
afterAll(() => browser?.close());

async function appointCommittee(p: Page, cardTestId: string, orderRef: string) {
  await p.getByTestId(cardTestId).getByRole("link", { name: "แต่งตั้งคณะกรรมการ" }).click();
  await p.waitForURL(/\/committees\/(screening|salary)$/);
  await p.getByLabel("คำสั่งแต่งตั้ง (เลขที่/วันที่)").fill(orderRef);
  await p.getByRole("button", { name: "ลบ" }).nth(2).click(); // three people are enough: chair, member, secretary
  await p.getByLabel("คนที่ 1 (เลขประจำตัว)").fill(chair.employeeNumber);
  await p.getByLabel("คนที่ 2 (เลขประจำตัว)").fill(director.employeeNumber);
  await p.getByLabel("คนที่ 3 (เลขประจำตัว)").fill(hrPerson.employeeNumber);
  // Leave the field first: Chromium's suggestion list (the datalist) for the last number swallows the next click.
  await p.getByRole("heading", { level: 1 }).click();
  await p.getByRole("button", { name: "บันทึกคณะกรรมการ" }).click();
  await p.waitForURL(/\/salary\/committees\/\d+$/);
}

/** The secretary opens a meeting, records all three present, confirms every case it sees, then closes it. */
async function holdMeeting(p: Page, change?: { name: string; percent: string; reason: string }) {
  await p.getByRole("button", { name: "เปิดการประชุม" }).click();
  await p.waitForURL(/\/salary\/meetings\/\d+$/);
  await p.waitForLoadState("networkidle");
  // Wait for the three members' boxes themselves: on a busy machine `all()` could run before the meeting page's
  // list rendered, find no box, and the poll below would pass on an empty list (seen once: "0 คนแล้ว").
  await expect.poll(() => p.getByRole("checkbox").count()).toBe(3);
  for (const box of await p.getByRole("checkbox").all()) await box.check();
  await expect
    .poll(async () =>
      (await Promise.all((await p.getByRole("checkbox").all()).map((b) => b.isChecked()))).every(Boolean),
    )
    .toBe(true);
  await p.getByRole("button", { name: "บันทึกผู้มาประชุม" }).click();
  await expect.poll(() => p.getByRole("status").first().textContent()).toBe("บันทึกผู้มาประชุม 3 คนแล้ว");
  await expect.poll(() => p.getByTestId("quorum").textContent()).toContain("มาประชุม 3 จาก 3 คน");
  const cases = p.getByTestId(/^case-\d+$/);
  const count = await cases.count();
  for (let i = 0; i < count; i += 1) {
    const article = cases.nth(i);
    const name = await article.getByRole("heading").textContent();
    if (change && name === change.name) {
      await article.getByLabel("เปลี่ยนแปลง").check();
      await article.getByLabel("ร้อยละ").fill(change.percent);
      await article.getByLabel("เหตุผล").fill(change.reason);
    }
    await article.getByRole("button", { name: "บันทึกมติ" }).click();
    await expect.poll(() => article.getByTestId(/^decision-/).count()).toBe(1);
  }
  await p
    .getByRole("textbox", { name: "รายงานการประชุม" })
    .fill("ที่ประชุมพิจารณาครบทุกรายการตามระเบียบวาระ และมีมติตามที่บันทึกไว้ในแต่ละราย");
  await p.getByRole("button", { name: "ปิดการประชุม" }).click();
  await expect.poll(() => p.getByText("ปิดการประชุมแล้ว มติและรายงานการประชุมแก้ไขไม่ได้อีก").count()).toBe(1);
  return count;
}

describe("a salary-step round from appraisal to appeal (plan item 19)", () => {
  it("HR sets up the round, the manager appraises, both committees decide, HR publishes, staff appeal", async () => {
    // HR creates a round for the officers of งานพัสดุ.
    const hr = await openPage(browser, baseUrl);
    const h = hr.page;
    await signIn(h, hrPerson.employeeNumber, hrPerson.password);
    await h.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: "เลื่อนขั้นเงินเดือน" }).click();
    await h.getByRole("link", { name: "สร้างรอบใหม่" }).click();
    await h.waitForURL(/\/salary\/rounds\/new$/);
    await h.getByLabel("ปีงบประมาณ").selectOption("2570");
    await h.getByLabel("ครั้งที่").selectOption("1");
    const scope = h.getByRole("group", { name: "บุคลากรในรอบนี้" });
    // Nothing is pre-selected: HR chooses who is in the round.
    expect(await scope.getByRole("checkbox", { checked: true }).count()).toBe(0);
    await scope.getByLabel("พนักงานเทศบาล").check();
    const procurement = await h.locator("#scopeDivisionIds option", { hasText: "งานพัสดุ" }).getAttribute("value");
    await h.getByLabel(/เฉพาะหน่วยงาน/).selectOption(procurement!);
    await h.getByLabel("วงเงินรวมของรอบ (บาท)").fill("abc");
    await h.getByRole("button", { name: "ตรวจสอบจำนวนคนก่อนสร้างรอบ" }).click();
    await expect.poll(() => h.getByText("กรุณากรอกวงเงินเป็นจำนวนเต็มบาท").count()).toBe(1);
    await h.getByLabel("วงเงินรวมของรอบ (บาท)").fill("200,000");
    await screenshot(h, "salary-round-new-desktop");
    await h.getByRole("button", { name: "ตรวจสอบจำนวนคนก่อนสร้างรอบ" }).click();
    // The confirmation step says which year and round and how many people; nothing exists yet.
    await expect.poll(() => h.getByTestId("round-people").textContent()).toContain("บุคลากร 8 คน");
    expect(await h.getByTestId("round-confirmation").textContent()).toContain("ปีงบประมาณ 2570 ครั้งที่ 1");
    await h.getByRole("button", { name: "ยืนยันสร้างรอบ (8 คน)" }).click();
    await h.waitForURL(/\/salary\/rounds\/\d+$/);
    const roundUrl = new URL(h.url()).pathname;
    await expect.poll(() => h.getByRole("heading", { level: 1 }).textContent()).toContain("ปีงบประมาณ 2570 ครั้งที่ 1");

    // The finance director appraises her unit's officers; over the cap is refused with the figures.
    const manager = await openPage(browser, baseUrl);
    const m = manager.page;
    await signIn(m, director.employeeNumber, director.password);
    await m.goto(roundUrl);
    const caseLinks = m.getByRole("table").getByRole("link");
    const people = await caseLinks.count();
    expect(people).toBe(8);
    for (let i = 0; i < people; i += 1) {
      await m.getByRole("table").getByRole("link").nth(i).click();
      await m.waitForURL(/\/appraisals\/\d+$/);
      await m.getByLabel("คะแนนประเมินผลการปฏิบัติงาน (0–100)").fill(String(80 + i));
      await m.getByLabel("เงินเดือน/ฐานในการคำนวณ (บาท)").fill(String(20_000 + i * 1_000));
      await m.getByLabel(/ร้อยละที่เสนอ/).fill(i === 0 ? "6.5" : "3");
      await m.getByRole("button", { name: "บันทึกผลการประเมิน" }).click();
      if (i === 0) {
        await expect.poll(() => m.getByText("เสนอร้อยละ 6.50 เกินเพดานต่อคนร้อยละ 6.00").count()).toBe(1);
        await screenshot(m, "salary-appraisal-error-desktop");
        await m.getByLabel(/ร้อยละที่เสนอ/).fill("4");
        await m.getByRole("button", { name: "บันทึกผลการประเมิน" }).click();
      }
      await m.waitForURL((url) => url.pathname === roundUrl);
    }
    // The round's table back (the URL changes before it renders), then no one is left unappraised.
    await expect.poll(() => m.getByRole("table").getByRole("link").count()).toBe(8);
    expect(await m.getByText("ยังไม่ประเมิน").count()).toBe(0);

    // HR appoints the screening committee: the admin chairs, the director sits, HR is secretary.
    await h.reload();
    await appointCommittee(h, "committee-screening", "คำสั่งเทศบาลนครลำปาง ที่ 101/2570");

    // The director declares a conflict in her direct report's case and no longer sees it.
    await m.goto("/salary");
    await m.getByRole("link", { name: /คณะกรรมการกลั่นกรองผลการประเมินผลการปฏิบัติงาน/ }).click();
    await m.getByLabel("รายการที่ท่านมีส่วนได้เสีย").selectOption({ label: STAFF_NAME });
    await m.getByLabel(/เหตุ \(เช่น/).fill("เป็นผู้บังคับบัญชาโดยตรงและเป็นผู้ประเมิน");
    await m.getByRole("button", { name: "แจ้งส่วนได้เสียและไม่ร่วมพิจารณา" }).click();
    await expect.poll(() => m.getByText("ไม่แสดง 1 รายการที่ท่านมีส่วนได้เสีย (รวมรายการของท่านเอง)").count()).toBe(1);
    expect(await m.getByRole("table").getByText(STAFF_NAME).count()).toBe(0);
    await screenshot(m, "salary-committee-member-desktop");
    manager.assertClean();

    // The secretary holds the screening meeting; one case is changed with a reason.
    await h.goto("/salary");
    await h.getByRole("link", { name: /คณะกรรมการกลั่นกรองผลการประเมินผลการปฏิบัติงาน/ }).click();
    const screened = await holdMeeting(h, {
      name: STAFF_NAME,
      percent: "3.5",
      reason: "ผลงานโดดเด่นด้านการจัดซื้อจัดจ้างตามหลักฐาน",
    });
    expect(screened).toBe(8);
    await screenshot(h, "salary-meeting-closed-desktop");

    // The salary-step committee confirms the screening results.
    await h.goto(roundUrl);
    await appointCommittee(h, "committee-salary", "คำสั่งเทศบาลนครลำปาง ที่ 102/2570");
    expect(await holdMeeting(h)).toBe(8);

    // HR publishes.
    await h.goto(roundUrl);
    await h.getByRole("link", { name: "ประกาศผล…" }).click();
    await expect.poll(() => h.getByTestId("publish-count").textContent()).toContain("ให้บุคลากร 8 คน");
    await h.getByRole("button", { name: "ยืนยันประกาศผล 8 คน" }).click();
    await expect.poll(() => h.getByText(/ประกาศผลแล้ว บุคลากรเห็นผลของตน/).count()).toBe(1);
    await screenshot(h, "salary-round-published-desktop");

    // The staff member sees the result with the committee's reason, on a phone, and appeals.
    const staff = await openPage(browser, baseUrl, PHONE);
    const s = staff.page;
    await signIn(s, officer.employeeNumber, officer.password);
    await s.goto("/salary");
    await s.getByRole("link", { name: /ปีงบประมาณ 2570 ครั้งที่ 1/ }).click();
    await expect.poll(() => s.getByTestId("my-result").textContent()).toContain("ร้อยละ 3.50");
    expect(await s.getByText("ผลงานโดดเด่นด้านการจัดซื้อจัดจ้างตามหลักฐาน", { exact: false }).count()).toBe(1);
    await s.getByLabel("เหตุผลที่ขออุทธรณ์").fill("ขอให้ทบทวนเนื่องจากได้รับมอบหมายงานเพิ่มในรอบการประเมิน");
    await s.getByRole("button", { name: "ยื่นอุทธรณ์" }).click();
    await expect.poll(() => s.getByText("ยื่นอุทธรณ์แล้ว").count()).toBe(1);
    await screenshot(s, "salary-result-phone");

    // HR answers the appeal; the staff member sees the answer.
    await h.goto(roundUrl);
    await h.getByLabel("ผลการพิจารณาอุทธรณ์").selectOption("rejected");
    await h
      .getByLabel("คำตอบถึงผู้อุทธรณ์")
      .fill("คณะกรรมการพิจารณาแล้ว งานที่ได้รับมอบหมายเพิ่มนำมาประกอบการประเมินแล้ว จึงยืนตามผลเดิม");
    await h.getByRole("button", { name: "บันทึกคำตอบ" }).click();
    await expect.poll(() => h.getByText("บันทึกคำตอบอุทธรณ์แล้ว").count()).toBe(1);
    await s.reload();
    await expect.poll(() => s.getByText(/ยืนตามผลเดิม: คณะกรรมการพิจารณาแล้ว/).count()).toBe(1);
    staff.assertClean();
    await staff.context.close();

    // The round's report: eight people by result, the appeal counted.
    await h.getByRole("link", { name: "รายงานผลของรอบ" }).click();
    await h.waitForURL(/\/report$/);
    expect(await h.getByTestId("appeal-counts").textContent()).toBe("ยื่น 1 เรื่อง · ยืนตามผลเดิม 1 · แก้ไขผล 0 · รอพิจารณา 0");
    expect(await h.getByTestId("distribution-table").textContent()).toContain("กองคลัง");
    await screenshot(h, "salary-report-desktop");
    await h.setViewportSize(PHONE);
    await screenshot(h, "salary-report-phone");
    hr.assertClean();
    await manager.context.close();
    await hr.context.close();
  }, 240_000);
});
