import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

// Closing a fiscal year freezes its indicator results for good (issue 12 item 2): /indicators first says what it
// will do (which year, how many indicators) and HR confirms by typing the year; a closed year is then read-only on
// the item pages (no entry form, and the model refuses an entry posted anyway).

let app: Awaited<ReturnType<typeof startAppServer>>;
let hr: string;
beforeAll(async () => {
  app = await startAppServer();
  hr = await sessionCookieFor((await createTestPerson({ roles: ["staff", "hr"] })).id);
});
afterAll(() => app.close());

const closures = () => db.fiscalYearClosure.count({ where: { fiscalYear: 2567 } });
const closedAudits = () => db.auditLog.count({ where: { action: "fiscal_year.closed", entityId: "2567" } });

describe("closing a fiscal year asks for confirmation", () => {
  it("shows which year and how many indicators will be frozen before anything is closed", async () => {
    const page = await app.client(hr).get("/indicators?year=2567");
    const html = await page.text();
    expect(html).toContain("ปิดปีงบประมาณและบันทึกผล…");
    expect(html).not.toContain("close-year-confirm");
    const confirm = await (await app.client(hr).get("/indicators?year=2567&close=2567")).text();
    expect(confirm).toContain("ยืนยันการปิดปีงบประมาณ 2567");
    const count = Number(confirm.match(/ทั้ง ([\d,]+) รายการจะถูกบันทึกเป็นฉบับถาวร/)?.[1]?.replace(/,/g, ""));
    expect(count).toBeGreaterThan(40);
    expect(confirm).toContain('name="confirmYear"');
    expect(await closures()).toBe(0);
  });

  it("refuses without the typed year, or with another year, and changes nothing", async () => {
    const attempts: Record<string, string>[] = [
      { year: "2567" },
      { year: "2567", confirmYear: "" },
      { year: "2567", confirmYear: "2568" },
    ];
    for (const fields of attempts) {
      const response = await app.client(hr).post("/indicators?year=2567&close=2567", fields);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("ยังไม่ได้ยืนยัน");
    }
    expect(await closures()).toBe(0);
    expect(await closedAudits()).toBe(0);
    expect(await db.frozenIndicatorResult.count()).toBe(0);
  });

  it("closes with the year confirmed; the closed year is then read-only on the item pages", async () => {
    const staff = await sessionCookieFor((await createTestPerson()).id);
    expect((await app.client(staff).post("/indicators", { year: "2567", confirmYear: "2567" })).status).toBe(403);
    expect(await closures()).toBe(0);

    const closed = await app.client(hr).post("/indicators?year=2567&close=2567", { year: "2567", confirmYear: "2567" });
    expect(closed.status).toBe(200);
    expect(await closed.text()).toMatch(/ปิดปีงบประมาณ 2567 และบันทึกผลตัวชี้วัด \d+ รายการแล้ว/);
    expect(await closures()).toBe(1);
    expect(await closedAudits()).toBe(1);

    // Item 17 (ITA) takes HR's entries: no form for the closed year, an open year still has one.
    const closedPage = await (await app.client(hr).get("/plan/items/17?year=2567")).text();
    expect(closedPage).toContain("ปีงบประมาณ 2567 ปิดและบันทึกผลแล้ว");
    expect(closedPage).not.toContain('aria-label="บันทึกผลตัวชี้วัด"');
    const openPage = await (await app.client(hr).get("/plan/items/17?year=2569")).text();
    expect(openPage).toContain('aria-label="บันทึกผลตัวชี้วัด"');
    expect(openPage).toContain('"openYears":[2566,2568,2569,2570]'); // the entry form offers open years only

    const ita = await db.planIndicator.findFirstOrThrow({ where: { itemNumber: 17, instrument: "ita-score" } });
    const body = new FormData();
    for (const [k, v] of Object.entries({
      indicatorId: String(ita.id),
      fiscalYear: "2567",
      value: "90",
      evidenceUrl: "https://itas.nacc.go.th/x",
    }))
      body.set(k, v);
    const refused = await fetch(`${app.baseUrl}/plan/items/17?indicator=${ita.id}`, {
      method: "POST",
      body,
      headers: { Cookie: hr, Origin: app.baseUrl },
    });
    expect(refused.status).toBe(409);
    expect(await db.indicatorEntry.count({ where: { indicatorId: ita.id, fiscalYear: 2567 } })).toBe(0);
  });
});
