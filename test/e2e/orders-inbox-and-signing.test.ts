import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Role } from "~/domain/roles";
import { PHONE, launchBrowser, screenshot } from "../support/browser";
import { createE2ePerson, openPageAs } from "../support/e2e-people";
import { TEST_PASSWORD } from "../support/factories";
import { withE2eDb as withDb } from "../support/e2e-sqlite";

// Issue 12 item 7: the orders inbox lists only what a person must act on, and the signing page reads top to
// bottom (content, then password, then "ลงนาม"). This file's own people: a signer, an author (HR), a staff member.

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** One of this file's people (password `TEST_PASSWORD`), in the finance division unless said otherwise. */
const createPerson = (roles: Role[], firstName: string, divisionCode = "finance") =>
  createE2ePerson({
    roles,
    firstName,
    divisionCode,
    title: "นาง",
    lastName: "ทดสอบคำสั่ง",
    position: "ผู้อำนวยการกองทดสอบ",
  });

/** A form post as the signed-in browser would send it (same origin). */
async function post(context: BrowserContext, path: string, form: Record<string, string>) {
  const response = await context.request.post(`${baseUrl}${path}`, {
    form,
    headers: { Origin: baseUrl },
    maxRedirects: 0,
  });
  expect(response.status(), `${path} ${form.intent ?? ""}: ${await response.text()}`).toBeLessThan(400);
  return response;
}

const token = randomBytes(3).toString("hex");

describe("the orders inbox and the signing page", () => {
  it("lists only what each person must act on; expired and superseded orders say so; the signer signs below the content", async () => {
    const signer = await createPerson(["staff", "manager"], "ผู้ลงนาม");
    const author = await createPerson(["staff", "hr"], "ผู้ร่าง", "personnel-management");
    const staff = await createPerson(["staff"], "ผู้รับ");
    const finance = withDb(
      (s) => (s.prepare(`SELECT id FROM Division WHERE code = 'finance'`).get() as { id: number }).id,
    );

    const authorPage = await openPageAs(browser, author);
    const signerPage = await openPageAs(browser, signer);
    const fields = (title: string, from: string, until: string, supersedesId = "") => ({
      title: `${title} (${token})`,
      issuingDivisionId: String(finance),
      delegatorEmployeeNumber: signer.employeeNumber,
      effectiveFrom: from,
      effectiveUntil: until,
      body: "เพื่อให้การปฏิบัติราชการเป็นไปด้วยความรวดเร็ว จึงมอบอำนาจดังต่อไปนี้",
      "delegates.0.employeeNumber": staff.employeeNumber,
      "delegates.0.positionTitle": "",
      "powers.0.kind": "approve",
      "powers.0.description": "อนุมัติการจัดซื้อวัสดุโดยวิธีเฉพาะเจาะจง",
      "powers.0.legalBasis": "ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างฯ พ.ศ. 2560 ข้อ 79",
      "powers.0.limits": "",
      "powers.0.ceilingBaht": "50000",
      // The signer and the author are named recipients too: they still must never be asked to acknowledge it.
      recipientEmployeeNumbers: `${signer.employeeNumber}, ${author.employeeNumber}`,
      supersedesId,
    });
    /** HR drafts for the signer; up to `until` the steps "submit", "sign", "circulate". */
    async function order(title: string, from: string, until: string, steps: number, supersedesId = "") {
      const created = await post(authorPage.context, "/orders/new", fields(title, from, until, supersedesId));
      const id = Number(created.headers().location!.split("/").pop());
      if (steps >= 1) await post(authorPage.context, `/orders/${id}`, { intent: "submit" });
      if (steps >= 2) await post(signerPage.context, `/orders/${id}`, { intent: "sign", password: TEST_PASSWORD });
      if (steps >= 3) await post(authorPage.context, `/orders/${id}`, { intent: "circulate" });
      return id;
    }
    await order("คำสั่งที่หมดอายุแล้ว", "2026-03-06", "2026-09-30", 3);
    const old = await order("คำสั่งเดิมที่ถูกแทนที่", "2025-02-11", "", 3);
    await order("คำสั่งใหม่แทนคำสั่งเดิม", "2026-11-01", "", 3, String(old));
    const toSign = await order("คำสั่งรอลงนาม", "2026-12-01", "", 1);

    // Staff: only the order in force, to acknowledge.
    const staffPage = await openPageAs(browser, staff, PHONE);
    const p = staffPage.page;
    await p.goto("/orders?view=inbox");
    const toAck = p.getByRole("region", { name: /รอท่านรับทราบ/ });
    await expect.poll(() => toAck.getByRole("link").allTextContents()).toEqual([`คำสั่งใหม่แทนคำสั่งเดิม (${token})`]);
    expect(await p.getByText(`คำสั่งที่หมดอายุแล้ว (${token})`).count()).toBe(0);
    expect(await p.getByText(`คำสั่งเดิมที่ถูกแทนที่ (${token})`).count()).toBe(0);
    await screenshot(p, "orders-inbox-staff-phone");
    // The full list says what became of the others.
    await p.goto(`/orders?view=all&q=${token}`);
    const row = (title: string) => p.getByRole("row", { name: new RegExp(title) });
    await expect.poll(() => row("คำสั่งที่หมดอายุแล้ว").textContent()).toContain("หมดอายุแล้ว");
    expect(await row("คำสั่งที่หมดอายุแล้ว").textContent()).not.toContain("แจ้งเวียนแล้ว");
    expect(await row("คำสั่งเดิมที่ถูกแทนที่").textContent()).toContain("ถูกแทนที่แล้ว");
    staffPage.assertClean();
    await staffPage.context.close();

    // The author (HR, a named recipient of her own orders): nothing to acknowledge.
    await authorPage.page.goto("/orders?view=inbox");
    await expect.poll(() => authorPage.page.getByText("ไม่มีคำสั่งที่รอท่านรับทราบ").count()).toBe(1);
    expect(await authorPage.page.getByText("ไม่มีคำสั่งที่รอท่านลงนาม").count()).toBe(1);
    authorPage.assertClean();
    await authorPage.context.close();

    // The signer: one order to sign, none of her own to acknowledge.
    const s = signerPage.page;
    await s.goto("/orders?view=inbox");
    await expect
      .poll(() =>
        s
          .getByRole("region", { name: /รอท่านลงนาม/ })
          .getByRole("link")
          .allTextContents(),
      )
      .toEqual([`คำสั่งรอลงนาม (${token})`]);
    expect(await s.getByText("ไม่มีคำสั่งที่รอท่านรับทราบ").count()).toBe(1);
    await screenshot(s, "orders-inbox-signer-desktop");

    await s.getByRole("link", { name: `คำสั่งรอลงนาม (${token})` }).click();
    await s.waitForURL(new RegExp(`/orders/${toSign}$`));
    await s.waitForLoadState("networkidle");
    // Content first, then the password, then the main button "ลงนาม"; "ดึงกลับเป็นร่าง" comes after it.
    const top = async (locator: ReturnType<typeof s.locator>) => (await locator.boundingBox())!.y;
    const password = s.getByLabel("รหัสผ่าน");
    const signButton = s.getByRole("button", { name: "ลงนาม", exact: true });
    const returnButton = s.getByRole("button", { name: "ดึงกลับเป็นร่าง" });
    expect(await top(s.getByRole("heading", { name: "เนื้อหาคำสั่ง" }))).toBeLessThan(await top(password));
    expect(await top(password)).toBeLessThan(await top(signButton));
    expect(await top(signButton)).toBeLessThan(await top(returnButton));
    expect(await returnButton.getAttribute("class")).toContain("btn--secondary");
    await screenshot(s, "order-signing-desktop");

    // A wrong password: a Thai message, the box emptied and focused again.
    await password.fill("not-my-password");
    await signButton.click();
    await expect.poll(() => s.getByText(/รหัสผ่านไม่ถูกต้อง ยังไม่ได้ลงนาม/).count()).toBeGreaterThan(0);
    await expect.poll(() => s.evaluate(() => document.activeElement?.id)).toBe("password");
    expect(await password.inputValue()).toBe("");
    await expect.poll(() => signButton.isEnabled()).toBe(true);
    await screenshot(s, "order-signing-wrong-password-desktop");

    // The right one, slowed down so the pending state can be seen.
    await s.route(`**/orders/${toSign}*`, async (route) => {
      if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await password.fill(TEST_PASSWORD);
    await signButton.click();
    await expect.poll(() => s.getByRole("button", { name: "กำลังลงนาม…" }).count()).toBe(1);
    await expect.poll(() => s.getByRole("status").first().textContent()).toMatch(/ลงนามแล้ว ได้เลขที่คำสั่ง ที่ \d+\/\d{4}/);
    await s.unroute(`**/orders/${toSign}*`);
    // Staff-facing words for the seal check; the digest only inside the expander.
    expect(await s.getByTestId("hash-status").textContent()).toBe("✓ ตรวจสอบแล้ว: เนื้อหาตรงกับที่ลงนาม");
    const digest = s.locator("details code");
    expect(await digest.isVisible()).toBe(false);
    await s.getByText("รายละเอียดสำหรับผู้ตรวจสอบ").click();
    await expect.poll(() => digest.textContent()).toMatch(/^[0-9a-f]{64}$/);
    // Only those who must acknowledge are counted: not the signer or the author, though both were named.
    expect(await s.getByRole("heading", { name: /การรับทราบ/ }).textContent()).toBe("การรับทราบ (0/0)");
    await screenshot(s, "order-signed-desktop");
    signerPage.assertClean();
    await signerPage.context.close();
  });
});
