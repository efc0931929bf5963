import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ROOT } from "./paths";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const SCREENSHOTS = path.join(ROOT, "screenshots");

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A page whose console errors and uncaught exceptions are collected; `assertClean()` fails the test if there were
 * any (hydration mismatches show up here).
 */
export async function openPage(browser: Browser, baseUrl: string, viewport = DESKTOP) {
  const context: BrowserContext = await browser.newContext({ baseURL: baseUrl, viewport, locale: "th-TH", timezoneId: "Asia/Bangkok" });
  const page: Page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    // A refusal (400 bad input, 403, 404, 409 conflict) is the expected answer in some tests; the browser logs
    // its status as a console error. Script errors and 5xx still fail the test.
    if (message.type() === "error" && !/status of (400|401|403|404|409|413|429)/.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return {
    page,
    context,
    assertClean() {
      if (problems.length) throw new Error(`browser console errors:\n${problems.join("\n")}`);
    },
  };
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("เลขประจำตัวพนักงาน").fill(username);
  await page.getByLabel("รหัสผ่าน").fill(password);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
