import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Page } from "playwright-core";
import { inject } from "vitest";
import { ROOT } from "./paths";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const SCREENSHOTS = path.join(ROOT, "screenshots");

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function checkChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH)`,
    );
  }
}

/** The run's one Chromium, started by the e2e project's globalSetup (test/support/global-browser.ts). */
export async function launchBrowserServer(): Promise<BrowserServer> {
  checkChromium();
  return chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

function sharedBrowserEndpoint(): string | undefined {
  try {
    return inject("browserWsEndpoint");
  } catch {
    return undefined; // not inside a vitest worker (a script)
  }
}

/**
 * The browser for a test file: a connection to the run's one Chromium when the e2e globalSetup started it, else a
 * Chromium of its own. Either way `browser.close()` in afterAll is right (for a connection it closes this file's
 * contexts and disconnects; the shared Chromium keeps running for the other files).
 */
export async function launchBrowser(): Promise<Browser> {
  const endpoint = sharedBrowserEndpoint();
  if (endpoint) return chromium.connect(endpoint, { timeout: 60_000 });
  checkChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A page whose console errors and uncaught exceptions are collected; `assertClean()` fails the test if there were
 * any (hydration mismatches show up here).
 */
export async function openPage(browser: Browser, baseUrl: string, viewport = DESKTOP) {
  const context: BrowserContext = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: "th-TH",
    timezoneId: "Asia/Bangkok",
  });
  const page: Page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    // A refusal (400 bad input, 403, 404, 409 conflict) is the expected answer in some tests; the browser logs
    // its status as a console error. Script errors and 5xx still fail the test.
    if (message.type() === "error" && !/status of (400|401|403|404|409|413|429)/.test(message.text()))
      problems.push(message.text());
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
