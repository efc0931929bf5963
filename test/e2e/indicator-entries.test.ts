import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { PHONE, launchBrowser, screenshot } from "../support/browser";
import { createE2ePerson, openPageAs, type E2ePerson } from "../support/e2e-people";

const thisYear = fiscalYearOf(new Date());
let browser: Browser;
let hrPerson: E2ePerson;
let managerPerson: E2ePerson;
beforeAll(async () => {
  browser = await launchBrowser();
  hrPerson = await createE2ePerson({ roles: ["hr", "staff"] });
  managerPerson = await createE2ePerson({ roles: ["manager", "staff"], divisionCode: "finance" });
});
afterAll(() => browser?.close());

describe("HR records an indicator the app cannot compute", () => {
  it("enters item 17's ITA score with a PDF as evidence and sees the indicator met on /indicators", async () => {
    const hr = await openPageAs(browser, hrPerson);
    await hr.page.goto(`/indicators?year=${thisYear}`);
    const row = hr.page.locator('tr[data-item="17"]').filter({ hasText: "คะแนน" });
    await row.getByRole("link", { name: "บันทึกผล" }).click();
    await hr.page.waitForURL(/\/plan\/items\/17/);

    const ita = hr.page.locator("article.indicator").filter({ hasText: "คะแนนไม่น้อยกว่า 85" });
    // The row's link opens the page on this indicator's entry form (?entry=…), already unfolded.
    await ita.getByLabel("ปีงบประมาณ").waitFor({ state: "visible" });
    await ita.getByLabel("ปีงบประมาณ").selectOption(String(thisYear));
    await ita.getByLabel("คะแนน", { exact: true }).fill("86.4");
    await ita.getByRole("button", { name: "บันทึกผล" }).click();
    // Checked in the browser before anything is sent: evidence is required.
    await expect.poll(() => ita.getByText(/กรุณาแนบหลักฐาน/).count()).toBe(1);
    await screenshot(hr.page, "indicator-entry-missing-evidence-desktop");
    await ita.screenshot({ path: "screenshots/indicator-entry-missing-evidence-form.png" });

    await ita.getByLabel("หรือไฟล์หลักฐาน").setInputFiles({
      name: "ผลITA-2570.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"),
    });
    await ita.getByRole("button", { name: "บันทึกผล" }).click();
    await expect.poll(() => ita.getByRole("status").textContent()).toContain(`บันทึกผลปีงบประมาณ ${thisYear} แล้ว`);
    await expect.poll(() => ita.locator(".badge").first().textContent()).toBe("บรรลุ");
    expect(await ita.getByRole("link", { name: /ดาวน์โหลดหลักฐาน: ผลITA-2570.pdf/ }).count()).toBe(1);
    await screenshot(hr.page, "indicator-entry-saved-desktop");

    await hr.page.goto(`/indicators?year=${thisYear}`);
    const saved = hr.page.locator('tr[data-item="17"]').filter({ hasText: "คะแนน 86.4" });
    expect(await saved.locator(".badge").textContent()).toBe("บรรลุ");
    // With an entry recorded, the row offers a new one.
    expect(await saved.getByRole("link", { name: "บันทึกผลใหม่" }).count()).toBe(1);
    // The knowledge chart's numbers name each item (the list's data carries the item names of knowledge rows only).
    const chartNumbers = hr.page.locator(".chart-numbers li");
    expect(await chartNumbers.count()).toBeGreaterThan(0);
    for (const text of await chartNumbers.allTextContents())
      expect(text).toMatch(/^ลำดับที่ \d+ [\u0E00-\u0E7F(].*: ผ่าน /);
    await screenshot(hr.page, "indicator-entry-indicators-desktop");
    await saved.screenshot({ path: "screenshots/indicator-entry-indicators-row.png" });
    hr.assertClean();
    await hr.context.close();

    // A manager sees the result and its source, not the form.
    const manager = await openPageAs(browser, managerPerson, PHONE);
    await manager.page.goto(`/plan/items/17?year=${thisYear}`);
    const shown = manager.page.locator("article.indicator").filter({ hasText: "คะแนนไม่น้อยกว่า 85" });
    expect(await shown.getByText("ผล: คะแนน 86.4").count()).toBe(1);
    expect(await shown.getByText(/บันทึกผลตัวชี้วัด/).count()).toBe(0);
    await screenshot(manager.page, "indicator-entry-manager-phone");
    manager.assertClean();
    await manager.context.close();
  });

  it("shows HR's entry form and history on a phone", async () => {
    const hr = await openPageAs(browser, hrPerson, PHONE);
    await hr.page.goto("/plan/items/22?year=2569");
    const fuel = hr.page.locator("article.indicator").filter({ hasText: "ลดลงไม่น้อยกว่าร้อยละ 30" });
    expect(await fuel.locator(".badge").first().textContent()).toBe("บรรลุ");
    await fuel.getByText(/บันทึกผลตัวชี้วัด/).click();
    expect(await fuel.getByText("ลดลงร้อยละ 27.5").count()).toBe(1);
    await screenshot(hr.page, "indicator-entry-history-phone");
    await fuel.screenshot({ path: "screenshots/indicator-entry-history-phone-detail.png" });
    hr.assertClean();
    await hr.context.close();
  });
});
