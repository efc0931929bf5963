import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { closeFiscalYear } from "~/models/plan/indicators.server";
import { buildPlanReport } from "~/models/plan-reports/report.server";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const thisYear = fiscalYearOf(new Date());
const hrClient = async () => {
  const hr = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
  return { hr, client: app.client(await sessionCookieFor(hr.id)) };
};

describe("the plan's six-month and annual reports", () => {
  it("exports a CSV with a BOM whose first two columns are dimension and item number, covering all 41 items", async () => {
    const { client } = await hrClient();
    const response = await client.get("/plan/reports/2569/h1.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]!.split(",").slice(0, 2)).toEqual(["มิติ", "ลำดับที่"]);
    const items = new Set(
      lines
        .slice(1)
        .map((l) => l.split(",")[1])
        .filter((n) => /^\d+$/.test(n!))
        .map(Number),
    );
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    expect(text).toContain("ไม่มีข้อมูลในระบบ");
    expect(text).toContain("รวมทั้งแผน");
    expect((await client.get("/plan/reports/2569/annual.csv")).status).toBe(200);
    // Staff cannot read HR's report.
    const staff = app.client(await sessionCookieFor((await createTestPerson()).id));
    expect((await staff.get("/plan/reports/2569/h1")).status).toBe(403);
  });

  it("records actual spending; refuses negative or non-numeric amounts in Thai with nothing changed", async () => {
    const { hr, client } = await hrClient();
    for (const spent of ["-100", "หนึ่งพัน"]) {
      const bad = await client.post("/plan/reports/2568/annual", { intent: "entry", itemNumber: "4", spent });
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain("งบประมาณที่ใช้จริงต้องเป็นตัวเลขไม่ติดลบ");
    }
    expect(await db.planItemReportEntry.count()).toBe(0);
    const ok = await client.post("/plan/reports/2568/annual", {
      intent: "entry",
      itemNumber: "4",
      spent: "2,890,000.50",
      problems: "วิทยากรเลื่อน",
      suggestions: "จองล่วงหน้า",
    });
    expect(ok.status).toBe(200);
    expect((await db.planItemReportEntry.findFirstOrThrow()).spentSatang).toBe(289_000_050);
    expect(await db.auditLog.count({ where: { action: "plan_report.entry_recorded", actorId: hr.id } })).toBe(1);
    const page = await (await client.get("/plan/reports/2568/annual")).text();
    expect(page).toContain("2,890,000.50");
    expect(page).toContain("วิทยากรเลื่อน");
  });

  it("freezes a finished period once; the frozen copy keeps its numbers and its rows cannot be changed", async () => {
    const { hr, client } = await hrClient();
    const notEnded = await client.post(`/plan/reports/${thisYear}/annual`, { intent: "freeze" });
    expect(notEnded.status).toBe(409);
    expect(await notEnded.text()).toContain("ยังไม่สิ้นสุด");
    expect(await db.frozenPlanReport.count()).toBe(0);

    await client.post("/plan/reports/2569/h1", { intent: "entry", itemNumber: "22", spent: "1000" });
    expect((await client.post("/plan/reports/2569/h1", { intent: "freeze" })).status).toBe(200);
    const again = await client.post("/plan/reports/2569/h1", { intent: "freeze" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("บันทึกซ้ำไม่ได้");
    expect(await db.frozenPlanReport.count()).toBe(1);

    // Later data does not change the frozen report: spending for the period is refused, other data is ignored.
    const late = await client.post("/plan/reports/2569/h1", { intent: "entry", itemNumber: "22", spent: "999999" });
    expect(late.status).toBe(409);
    const inPeriod = new Date("2026-01-05T00:00:00Z");
    await db.risk.create({
      data: {
        fiscalYear: 2569,
        unitName: "กองคลัง",
        processStep: "จัดซื้อ",
        event: "แบ่งซื้อ",
        type: "procurement",
        existingControls: "",
        createdAt: inPeriod,
        includedAt: inPeriod,
      },
    });
    await db.riskRegisterYear.upsert({
      where: { fiscalYear: 2569 },
      create: { fiscalYear: 2569, consolidatedAt: inPeriod },
      update: { consolidatedAt: inPeriod },
    });
    const live = await buildPlanReport(2569, "h1");
    const liveItem37 = live.dimensions.flatMap((d) => d.items).find((i) => i.number === 37)!;
    expect(liveItem37.activities.map((a) => a.text).join()).toContain("รวบรวมทะเบียนความเสี่ยงการทุจริต ปีงบประมาณ 2569");
    const page = await (await client.get("/plan/reports/2569/h1")).text();
    expect(page).toContain("ฉบับส่ง");
    expect(page).toContain("1,000.00");
    expect(page).not.toContain("รวบรวมทะเบียนความเสี่ยงการทุจริต ปีงบประมาณ 2569");
    const frozen = await db.frozenPlanReport.findFirstOrThrow();
    expect(frozen.frozenById).toBe(hr.id);
    expect(frozen.sha256).toMatch(/^[0-9a-f]{64}$/);
    await expect(db.frozenPlanReport.update({ where: { id: frozen.id }, data: { snapshot: "{}" } })).rejects.toThrow();
    await expect(db.frozenPlanReport.delete({ where: { id: frozen.id } })).rejects.toThrow();
    await expect(
      db.planItemReportEntry.updateMany({ where: { fiscalYear: 2569, period: "h1" }, data: { spentSatang: 1 } }),
    ).rejects.toThrow();

    // Public: the index lists it without the name of who froze it; the copy opens without signing in.
    const index = await (await fetch(`${app.baseUrl}/transparency`)).text();
    expect(index).toContain("รอบ ๖ เดือน ปีงบประมาณ 2569");
    const copy = await fetch(`${app.baseUrl}/transparency/reports/${frozen.id}`);
    expect(copy.status).toBe(200);
    expect(await copy.text()).not.toContain(hr.firstName);
  });

  it("uses a closed year's frozen indicator results in its annual report", async () => {
    const { hr } = await hrClient();
    await closeFiscalYear(2567, { personId: hr.id, ip: null });
    const annual = await buildPlanReport(2567, "annual");
    expect(annual.indicatorsFrom).toBe("frozen-year");
    expect(annual.dimensions.flatMap((d) => d.items)).toHaveLength(41);
    const h1 = await buildPlanReport(2567, "h1");
    expect(h1.indicatorsFrom).toBe("computed");
  });
});
