import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "../support/browser";
import { createE2ePerson, openPageAs, type E2ePerson } from "../support/e2e-people";
import { E2E_DB } from "../support/paths";

// The certificate and the official order each print on exactly one A4 sheet in Chromium (issue 12, item 3).

let browser: Browser;
let hr: E2ePerson;
let certificateCode: string;
let orderId: number;

/** A certificate and a signed order from the demo data. */
function prepare() {
  const sqlite = new Database(E2E_DB);
  sqlite.pragma("busy_timeout = 5000");
  try {
    certificateCode = (sqlite.prepare(`SELECT code FROM Certificate ORDER BY id LIMIT 1`).get() as { code: string })
      .code;
    orderId = (
      sqlite.prepare(`SELECT id FROM DelegationOrder WHERE signedAt IS NOT NULL ORDER BY id LIMIT 1`).get() as {
        id: number;
      }
    ).id;
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  prepare();
  // This file's own HR person (decision 040).
  hr = await createE2ePerson({
    roles: ["staff", "hr"],
    firstName: "ทดสอบพิมพ์",
    lastName: "เอกสาร",
    position: "นักทรัพยากรบุคคล",
  });
});
afterAll(() => browser?.close());

/** Pages in a PDF Chromium made: one "/Type /Page" object per sheet. */
const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
/** The first page's size in points, rounded (A4 is 595 × 842). */
function pageSize(pdf: Buffer) {
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString("latin1"));
  return box ? [Math.round(Number(box[1])), Math.round(Number(box[2]))] : null;
}

describe("printing", () => {
  it("prints the certificate on one landscape A4 sheet with its signatory and a QR code of its verify URL", async () => {
    const { page, assertClean } = await openPageAs(browser, hr);
    await page.goto(`/certificates/${certificateCode}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("เกียรติบัตร");
    expect(await page.locator(".certificate__signatory").textContent()).toContain("ปลัดเทศบาลนครลำปาง");
    expect(await page.locator(".certificate__qr svg").count()).toBe(1);
    expect(await page.getByRole("img", { name: /คิวอาร์โค้ด/ }).getAttribute("aria-label")).toContain(
      `/verify/${certificateCode}`,
    );
    await screenshot(page, "print-certificate-screen");
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pageCount(pdf)).toBe(1);
    // Landscape A4: the page box is 842 × 595 points.
    expect(pageSize(pdf)).toEqual([842, 595]);
    assertClean();
  });

  it("prints the official order on one portrait A4 sheet without repeating จึงมอบอำนาจ", async () => {
    const { page, assertClean } = await openPageAs(browser, hr);
    await page.goto(`/orders/${orderId}/print`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("ฉบับพิมพ์คำสั่ง");
    const text = (await page.locator(".official-order").textContent()) ?? "";
    expect(text.match(/จึงมอบอำนาจ/g)?.length ?? 0).toBeLessThanOrEqual(1);
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pageCount(pdf)).toBe(1);
    expect(pageSize(pdf)).toEqual([595, 842]);
    await page.emulateMedia({ media: "screen" });
    await screenshot(page, "print-order-screen");
    assertClean();
  });
});
