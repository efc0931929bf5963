import { createHash, randomBytes } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { THAI_MONTHS } from "~/domain/be-date";
import { PHONE, launchBrowser, openPage, screenshot } from "../support/browser";
import { withE2eDb as withDb, sqliteStamp as stamp } from "../support/e2e-sqlite";

// Issue 12 item 10 (decision 047): a date is typed in the Buddhist era, the server stores ISO, the page shows Thai.

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

function createStaff(): number {
  return withDb((sqlite) => {
    const division = sqlite.prepare(`SELECT id FROM Division WHERE code = 'strategy-planning'`).get() as { id: number };
    const now = stamp(new Date());
    const { lastInsertRowid } = sqlite
      .prepare(
        `INSERT INTO Person (employeeNumber, title, firstName, lastName, position, personnelType, divisionId, activeFrom, createdAt, updatedAt) VALUES (?, 'นาย', 'วันที่', 'ทดสอบ', 'นักวิเคราะห์นโยบายและแผน', 'municipal_officer', ?, ?, ?, ?)`,
      )
      .run(
        `D${process.pid % 10000}${randomBytes(2).toString("hex")}`,
        division.id,
        stamp(new Date("2020-01-01T00:00:00Z")),
        now,
        now,
      );
    sqlite.prepare(`INSERT INTO PersonRole (personId, role) VALUES (?, 'staff')`).run(lastInsertRowid);
    return Number(lastInsertRowid);
  });
}

function sessionCookie(personId: number) {
  const id = randomBytes(20).toString("hex");
  const secret = randomBytes(20).toString("hex");
  const now = new Date();
  withDb((sqlite) =>
    sqlite
      .prepare(
        `INSERT INTO "Session" ("id", "secretHash", "personId", "createdAt", "expiresAt") VALUES (?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        createHash("sha256").update(secret).digest(),
        personId,
        stamp(now),
        stamp(new Date(now.getTime() + 3_600_000)),
      ),
  );
  return { name: "sujarit_session", value: `${id}.${secret}`, url: baseUrl };
}

/** A Bangkok calendar day `daysAgo` before today, as ISO and as its BE parts. */
function bangkokDay(daysAgo: number) {
  const iso = new Date(Date.now() + 7 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return { iso, day: d, month: m, beYear: y + 543, thai: `${d} ${THAI_MONTHS[m - 1]} ${y + 543}` };
}

describe("the Buddhist-era date field", () => {
  it("takes day, month name and BE year, refuses impossible dates, posts ISO and shows the Thai date", async () => {
    const personId = createStaff();
    const { page, context, assertClean } = await openPage(browser, baseUrl, PHONE);
    await context.addCookies([sessionCookie(personId)]);
    await page.goto("/gifts/new");
    await page.waitForLoadState("networkidle");
    expect(await page.locator('input[type="date"]').count()).toBe(0);

    const field = page.getByRole("group", { name: "วันที่ได้รับหรือมีผู้เสนอให้" });
    // Opens on today, read back in Thai with the BE year.
    await expect.poll(() => field.textContent()).toContain(`วันที่ ${bangkokDay(0).thai}`);

    // 31 April does not exist; a CE year typed by habit is caught.
    const target = bangkokDay(3);
    await field.getByLabel("วัน", { exact: true }).fill("31");
    await field.getByLabel("เดือน", { exact: true }).selectOption({ label: "เมษายน" });
    await field.getByLabel("ปี พ.ศ.", { exact: true }).fill(String(target.beYear));
    await page.getByLabel("สิ่งที่ได้รับ").focus();
    await expect
      .poll(() => field.getByRole("alert").textContent())
      .toBe(`เดือนเมษายน ${target.beYear} มี 30 วัน ไม่มีวันที่ 31`);
    await field.getByLabel("ปี พ.ศ.", { exact: true }).fill(String(target.beYear - 543));
    await field.getByLabel("วัน", { exact: true }).fill(String(target.day));
    await expect
      .poll(() => field.getByRole("alert").textContent())
      .toBe(`ปีนี้ดูเหมือนเป็น ค.ศ. กรุณากรอกปี พ.ศ. (เช่น ${target.beYear})`);

    // The right date: day, month name, BE year.
    await field.getByLabel("เดือน", { exact: true }).selectOption({ label: THAI_MONTHS[target.month - 1] });
    await field.getByLabel("ปี พ.ศ.", { exact: true }).fill(String(target.beYear));
    await expect.poll(() => field.textContent()).toContain(`วันที่ ${target.thai}`);
    expect(await field.getByRole("alert").count()).toBe(0);
    expect(await page.locator('input[type="hidden"][name="receivedOn"]').inputValue()).toBe(target.iso);

    const description = `ตะกร้าทดสอบวันที่ ${randomBytes(3).toString("hex")}`;
    await page.getByLabel("ผู้ให้ (ชื่อบุคคลหรือบริษัท/ร้าน)").fill("ร้านทดสอบวันที่");
    await page.getByLabel("ผู้ให้เป็น", { exact: true }).selectOption("person");
    await page.getByLabel("ผู้ให้เป็นญาติของท่านหรือไม่").selectOption("no");
    await page.getByLabel("โอกาส/เทศกาล").fill("วันเกิด");
    await page.getByLabel("สิ่งที่ได้รับ").fill(description);
    await page.getByLabel("มูลค่า (บาท)").fill("500");
    await screenshot(page, "date-field-phone");
    await page.getByRole("button", { name: "บันทึก", exact: true }).click();
    await page.waitForURL(/\/gifts\/\d+$/);

    // Stored as ISO (CE); shown in Thai with the BE year.
    const stored = withDb(
      (sqlite) =>
        sqlite.prepare(`SELECT receivedOn FROM GiftReport WHERE description = ?`).get(description) as {
          receivedOn: string;
        },
    );
    expect(stored.receivedOn).toBe(target.iso);
    await expect.poll(() => page.getByText(target.thai).count()).toBeGreaterThan(0);
    expect(await page.locator("main").textContent()).not.toMatch(/\d{1,2}\/\d{1,2}\/20\d\d/);
    assertClean();
    await context.close();
  }, 90_000);
});
