import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PHONE, launchBrowser, openPage, screenshot } from "../support/browser";

// Issue 12 item 12: when the server cannot be reached during a navigation, the page says in Thai to try again and
// offers a button that does, never "รหัส 500".

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("a failed connection", () => {
  it("says to try again with a retry button, and the retry loads the page once the connection is back", async () => {
    const { page, context } = await openPage(browser, baseUrl, PHONE);
    await page.goto("/verify");
    await page.waitForLoadState("networkidle");
    // The network goes away for the page's data requests (as with the server down).
    await context.route(
      (url) => url.searchParams.has("_data"),
      (route) => route.abort("connectionrefused"),
    );
    await page.getByLabel("รหัสตรวจสอบ").fill("abcd efgh jklm");
    await page.getByRole("button", { name: "ตรวจสอบ" }).click();
    const error = page.getByTestId("error-page");
    await error.waitFor();
    expect(await error.getByRole("heading", { level: 1 }).textContent()).toBe("เชื่อมต่อระบบไม่ได้ กรุณาลองใหม่");
    expect(await error.textContent()).not.toContain("รหัส 500");
    await page.waitForTimeout(1000);
    await screenshot(page, "connection-error-phone");

    await context.unrouteAll();
    await page.getByRole("button", { name: "ลองใหม่" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("ผลการตรวจสอบเกียรติบัตร");
    expect(new URL(page.url()).pathname).toBe("/verify/ABCD-EFGH-JKLM");
    await context.close();
  }, 60_000);
});
