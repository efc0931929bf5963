import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, openPage, screenshot, signIn } from "../support/browser";
import { createE2ePerson, type E2ePerson } from "../support/e2e-people";

// Issue 16, finding 11: with the Content-Security-Policy on, pages still hydrate, forms still work, and the
// browser reports no violation.
const baseUrl = inject("baseUrl");
let browser: Browser;
let hr: E2ePerson;
beforeAll(async () => {
  browser = await launchBrowser();
  hr = await createE2ePerson({ roles: ["hr", "staff"] });
});
afterAll(() => browser?.close());

describe("Content-Security-Policy in Chromium", () => {
  it("hydrates, validates in the browser, signs in and navigates with no CSP violation", async () => {
    const { page, context, assertClean } = await openPage(browser, baseUrl);
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const posts: string[] = [];
    page.on("request", (r) => r.method() === "POST" && posts.push(r.url()));

    const first = await page.goto("/login");
    expect(first!.headers()["content-security-policy"]).toContain("'nonce-");
    // The empty form is stopped by the page's own script (hydrated): a Thai message and no request sent.
    await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
    await expect.poll(() => page.locator(".field-error, [role=alert]").count()).toBeGreaterThan(0);
    expect(posts).toEqual([]);

    await signIn(page, hr.employeeNumber, hr.password);
    for (const link of ["หลักสูตรของฉัน", "แผนและตัวชี้วัด", "ผลการอบรม", "หน้าหลัก"]) {
      const documents: string[] = [];
      const onRequest = (r: { resourceType(): string; url(): string }) =>
        r.resourceType() === "document" && documents.push(r.url());
      page.on("request", onRequest);
      await page.getByRole("navigation", { name: "เมนูหลัก" }).getByRole("link", { name: link, exact: true }).click();
      await page.waitForLoadState("networkidle");
      page.off("request", onRequest);
      expect(documents, `${link}: navigated by the client router, not a full page load`).toEqual([]);
    }
    await page.goto("/indicators");
    await page.waitForLoadState("networkidle");
    await screenshot(page, "csp-indicators-desktop");
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    assertClean();
    await context.close();
  });
});
