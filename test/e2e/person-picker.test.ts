import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PHONE, launchBrowser, screenshot } from "../support/browser";
import { createE2ePerson, openPageAs } from "../support/e2e-people";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("people by name", () => {
  it("finds ชยพล in the orders filter by name, chooses him with the keyboard, and the filter applies", async () => {
    // Searching for a demo person (ชยพล, 100004) as a manager of this file's own in his division's parent, กองคลัง.
    const manager = await createE2ePerson({ roles: ["manager", "staff"], divisionCode: "finance" });
    const { page, context, assertClean } = await openPageAs(browser, manager);
    await page.goto("/orders?view=all");
    const picker = page.getByRole("combobox", { name: "ผู้รับมอบอำนาจ (ชื่อหรือเลขประจำตัว)" });
    expect(await picker.getAttribute("aria-expanded")).toBe("false");
    await picker.pressSequentially("ชยพล");
    const option = page.getByRole("option", { name: /นายชยพล ศรีวิชัย/ });
    await expect.poll(() => option.count()).toBe(1);
    expect(await picker.getAttribute("aria-expanded")).toBe("true");
    expect(await option.textContent()).toContain("100004");
    await screenshot(page, "orders-person-picker-desktop");
    await picker.press("ArrowDown");
    expect(await option.getAttribute("aria-selected")).toBe("true");
    await picker.press("Enter");
    expect(await picker.inputValue()).toBe("100004");
    expect(await picker.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => page.getByText("เลือกแล้ว: นายชยพล ศรีวิชัย (100004)").count()).toBe(1);
    await page.getByRole("button", { name: "ค้นหา" }).click();
    await page.waitForURL(/[?&]delegate=100004/);
    expect(await page.getByRole("combobox", { name: "ผู้รับมอบอำนาจ (ชื่อหรือเลขประจำตัว)" }).inputValue()).toBe("100004");
    const filtered = await page.locator("main").textContent();

    // Escape closes the list; a name typed and sent without choosing (as without JavaScript) gives the same result.
    await picker.fill("");
    await picker.pressSequentially("ศรีวิชัย");
    await expect.poll(() => picker.getAttribute("aria-expanded")).toBe("true");
    await picker.press("Escape");
    expect(await picker.getAttribute("aria-expanded")).toBe("false");
    const byName = await page.request.get("/orders?view=all&delegate=" + encodeURIComponent("ชยพล"));
    const byNumber = await page.request.get("/orders?view=all&delegate=100004");
    const rows = (html: string) =>
      html.match(/<tbody[\s\S]*?<\/tbody>/)?.[0] ?? html.match(/ไม่พบคำสั่งตามเงื่อนไขที่เลือก/)?.[0];
    expect(rows(await byName.text())).toBe(rows(await byNumber.text()));
    expect(filtered).toBeTruthy();

    // The search itself: at most 10, signed-in only.
    const found = (await (await page.request.get("/people/search?q=" + encodeURIComponent("กองคลัง"))).json()) as {
      people: unknown[];
    };
    expect(found.people.length).toBeGreaterThan(0);
    expect(found.people.length).toBeLessThanOrEqual(10);
    const anonymous = await fetch(`${baseUrl}/people/search?q=a`, { redirect: "manual" });
    expect([302, 401, 403]).toContain(anonymous.status);

    await page.setViewportSize(PHONE);
    await picker.fill("");
    await picker.pressSequentially("ชยพล");
    await expect.poll(() => option.count()).toBe(1);
    await screenshot(page, "orders-person-picker-phone");
    assertClean();
    await context.close();
  });
});
