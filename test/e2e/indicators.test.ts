import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PHONE, launchBrowser, screenshot } from "../support/browser";
import { cookieHeaderAs, createE2ePerson, openPageAs } from "../support/e2e-people";
import { withE2eDb as withDb } from "../support/e2e-sqlite";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

function answerKey(attemptId: number): number[] {
  return withDb((sqlite) =>
    (
      sqlite
        .prepare(
          `SELECT i.choiceOrder, v.correctIndex FROM AttemptItem i JOIN QuestionVersion v ON v.id = i.questionVersionId WHERE i.attemptId = ? ORDER BY i.position`,
        )
        .all(attemptId) as { choiceOrder: string; correctIndex: number }[]
    ).map((r) => (JSON.parse(r.choiceOrder) as number[]).indexOf(r.correctIndex)),
  );
}

async function postForm(cookie: string, path: string, fields: Record<string, string>) {
  const response = await fetch(baseUrl + path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  return response.headers.get("location");
}

/** Pass the conflict-of-interest course over HTTP, as a browser without JavaScript would. */
async function passOverHttp(personId: number) {
  const cookie = await cookieHeaderAs({ id: personId });
  for (const kind of ["pre", "post"] as const) {
    if (kind === "post") {
      const lessons = withDb(
        (s) =>
          s
            .prepare(
              `SELECT l.slug FROM Lesson l JOIN Course c ON c.id = l.courseId WHERE c.slug = 'conflict-of-interest'`,
            )
            .all() as { slug: string }[],
      );
      for (const l of lessons) await postForm(cookie, `/courses/conflict-of-interest/lessons/${l.slug}`, {});
    }
    const location = await postForm(cookie, "/courses/conflict-of-interest", { kind });
    const attemptId = Number(location!.split("/").pop());
    const key = answerKey(attemptId);
    await postForm(cookie, `/courses/conflict-of-interest/attempts/${attemptId}`, {
      intent: "submit",
      ...Object.fromEntries(key.map((right, position) => [`q${position}`, String(right)])),
    });
  }
}

async function item5Value(page: Page) {
  await page.reload();
  const row = page.locator('[data-testid="indicators-table"] tr[data-item="5"][data-kind="knowledge"]');
  return {
    value: await row.locator(".indicator-value").textContent(),
    status: await row.locator(".badge").textContent(),
  };
}

describe("HR watches a knowledge indicator", () => {
  it("moves from no data through in progress to met as internal audit's staff pass the conflict-of-interest post-test", async () => {
    const { unitId, people } = withDb((sqlite) => {
      const unit = sqlite.prepare(`SELECT id FROM Division WHERE code = 'internal-audit'`).get() as { id: number };
      const members = sqlite.prepare(`SELECT id FROM Person WHERE divisionId = ? ORDER BY id`).all(unit.id) as {
        id: number;
      }[];
      return { unitId: unit.id, people: members.map((m) => m.id) };
    });
    expect(people).toHaveLength(4);

    const hr = await openPageAs(browser, await createE2ePerson({ roles: ["hr", "staff"] }));
    await hr.page.goto(`/indicators?year=2570&division=${unitId}`);
    expect(await item5Value(hr.page)).toEqual({ value: "0/4 คน (0%)", status: "ยังไม่มีข้อมูล" });

    for (const personId of people.slice(0, 3)) await passOverHttp(personId);
    expect(await item5Value(hr.page)).toEqual({ value: "3/4 คน (75%)", status: "อยู่ระหว่างดำเนินการ" });

    // The last one passes in the browser.
    const last = await openPageAs(browser, { id: people[3]! }, PHONE);
    await last.page.goto("/courses/conflict-of-interest");
    for (const kind of ["pre", "post"] as const) {
      if (kind === "post") {
        await last.page.getByRole("link", { name: "เรียนบทต่อไป" }).click();
        await last.page.waitForURL(/\/lessons\//);
        for (let i = 0; i < 3; i++) {
          const heading = await last.page.getByRole("heading", { level: 1 }).textContent();
          await last.page.getByRole("button", { name: /อ่านจบแล้ว ไปบทถัดไป/ }).click();
          await expect.poll(() => last.page.getByRole("heading", { level: 1 }).textContent()).not.toBe(heading);
        }
        await last.page.getByRole("button", { name: /^อ่านจบแล้ว (ไปทำแบบทดสอบหลังเรียน|กลับไปหน้าหลักสูตร)/ }).click();
        await last.page.waitForURL(/\/courses\/conflict-of-interest$/);
      }
      await last.page
        .getByRole("button", { name: kind === "pre" ? "เริ่มแบบทดสอบก่อนเรียน" : "เริ่มแบบทดสอบหลังเรียน" })
        .click();
      await last.page.waitForURL(/\/attempts\/\d+$/);
      const key = answerKey(Number(new URL(last.page.url()).pathname.split("/").pop()));
      const questions = last.page.locator("fieldset.question");
      for (let i = 0; i < key.length; i++) await questions.nth(i).getByRole("radio").nth(key[i]!).check();
      await last.page.getByRole("button", { name: "ส่งคำตอบ" }).click();
      await last.page.waitForURL(/\?summary$/);
      await last.page.getByRole("button", { name: "ยืนยันส่งคำตอบ" }).click();
      await expect.poll(() => last.page.getByTestId("attempt-result").count()).toBe(1);
      if (kind === "pre") await last.page.goto("/courses/conflict-of-interest");
    }
    last.assertClean();
    await last.context.close();

    expect(await item5Value(hr.page)).toEqual({ value: "4/4 คน (100%)", status: "บรรลุ" });
    await screenshot(hr.page, "indicators-division-desktop");
    await hr.page.goto("/indicators?year=2569");
    await screenshot(hr.page, "indicators-2569-desktop");
    await hr.page.goto("/plan");
    await expect.poll(() => hr.page.getByTestId("budget-totals").count()).toBe(1);
    await screenshot(hr.page, "plan-desktop");
    await hr.page.goto("/plan/items/5?year=2569");
    await screenshot(hr.page, "plan-item-desktop");
    await hr.page.setViewportSize(PHONE);
    await hr.page.goto("/indicators?year=2569");
    await screenshot(hr.page, "indicators-phone");

    // HR closes a finished year: its results are frozen from then on.
    await hr.page.setViewportSize({ width: 1280, height: 800 });
    await hr.page.goto("/indicators?year=2568");
    await hr.page.getByRole("button", { name: "ปิดปีงบประมาณและบันทึกผล…" }).click();
    // The confirmation step says what will be frozen; the year typed again closes it.
    await expect.poll(() => hr.page.getByTestId("close-year-confirm").count()).toBe(1);
    await hr.page.getByLabel("พิมพ์ปีงบประมาณ 2568 เพื่อยืนยัน").fill("2568");
    await hr.page.getByRole("button", { name: "ยืนยันปิดปีงบประมาณ 2568" }).click();
    await expect.poll(() => hr.page.getByTestId("frozen").count()).toBe(1);
    expect(await hr.page.getByRole("status").first().textContent()).toMatch(
      /ปิดปีงบประมาณ 2568 และบันทึกผลตัวชี้วัด \d+ รายการแล้ว/,
    );
    hr.assertClean();
    await hr.context.close();
  });
});

describe("links in long lists and the menu (decision 060)", () => {
  it("navigate inside the page, as Remix's links do, and mark the menu item of the page shown", async () => {
    const hr = await openPageAs(browser, await createE2ePerson({ roles: ["hr", "staff"] }));
    await hr.page.goto("/indicators?year=2569");
    // Set on the window: a full page load would lose it.
    await hr.page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const stillSameDocument = () =>
      hr.page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

    await hr.page
      .locator('[data-testid="indicators-table"] tr[data-item="5"]')
      .first()
      .getByRole("link")
      .first()
      .click();
    await hr.page.waitForURL(/\/plan\/items\/5\?year=2569$/);
    const itemName = withDb(
      (sqlite) => (sqlite.prepare(`SELECT name FROM PlanItem WHERE number = 5`).get() as { name: string }).name,
    );
    await expect.poll(() => hr.page.getByRole("heading", { level: 1 }).textContent()).toBe(itemName);
    expect(await stillSameDocument()).toBe(true);
    // An item page is under /plan: the menu marks "แผนและตัวชี้วัด".
    const menu = hr.page.getByRole("navigation", { name: "เมนูหลัก" });
    expect(await menu.locator('[aria-current="page"]').textContent()).toBe("แผนและตัวชี้วัด");

    await menu.getByRole("link", { name: "หลักสูตรของฉัน" }).click();
    await hr.page.waitForURL(/\/courses$/);
    await expect.poll(() => menu.locator('[aria-current="page"]').textContent()).toBe("หลักสูตรของฉัน");
    expect(await stillSameDocument()).toBe(true);
    hr.assertClean();
    await hr.context.close();
  });
});
