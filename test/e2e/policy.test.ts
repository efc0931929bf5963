import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PHONE, launchBrowser, screenshot } from "../support/browser";
import { createE2ePerson, openPageAs } from "../support/e2e-people";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("the No Gift announcement", () => {
  it("a staff member reads and acknowledges it from the home page; HR sees one fewer missing", async () => {
    const hr = await openPageAs(browser, await createE2ePerson({ roles: ["hr", "staff"] }));
    await hr.page.goto("/policies");
    await hr.page
      .getByRole("link", { name: /No Gift Policy/ })
      .first()
      .click();
    const heading = hr.page.getByRole("heading", { name: /การรับทราบ: \d+\/\d+ คน/ });
    const before = Number((await heading.textContent())!.match(/(\d+)\//)![1]);

    const staff = await openPageAs(browser, await createE2ePerson({ roles: ["staff"] }), PHONE);
    await staff.page.goto("/");
    await staff.page.getByRole("link", { name: /อ่านและรับทราบ: .*No Gift Policy/ }).click();
    await staff.page.waitForURL(/\/policies\/\d+$/);
    expect(await staff.page.getByTestId("policy-body").textContent()).toContain("จะไม่รับของขวัญ");
    await staff.page.getByRole("button", { name: "ข้าพเจ้าได้อ่านและรับทราบแล้ว" }).click();
    await expect.poll(() => staff.page.getByText(/ท่านรับทราบแล้วเมื่อ/).count()).toBe(1);
    await screenshot(staff.page, "policy-acknowledged-phone");
    staff.assertClean();
    await staff.context.close();

    await hr.page.reload();
    await expect.poll(async () => Number((await heading.textContent())!.match(/(\d+)\//)![1])).toBe(before + 1);
    await screenshot(hr.page, "policy-hr-desktop");
    hr.assertClean();
    await hr.context.close();
  });
});
