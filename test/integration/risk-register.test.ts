import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { computeIndicators } from "~/models/plan/indicators.server";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const year = fiscalYearOf(new Date());
const unitId = async (code: string) => (await db.division.findUniqueOrThrow({ where: { code } })).id;

function riskForm(divisionId: number, overrides: Record<string, string> = {}, measures = 1) {
  const fields: Record<string, string | string[]> = {
    intent: "create",
    fiscalYear: String(year),
    divisionId: String(divisionId),
    processStep: "การจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจง",
    event: "แบ่งซื้อแบ่งจ้างเพื่อเลี่ยงวิธีประกาศเชิญชวน",
    type: "procurement",
    likelihood: "4",
    impact: "5",
    existingControls: "คณะกรรมการตรวจรับ",
    planItems: ["5", "14"],
  };
  for (let i = 0; i < measures; i++) {
    fields[`measures.${i}.description`] = `เผยแพร่ผลการจัดซื้อรายเดือน ${i + 1}`;
    fields[`measures.${i}.owner`] = "หัวหน้างานพัสดุ กองคลัง";
    fields[`measures.${i}.dueDate`] = "2027-09-30";
  }
  return { ...fields, ...overrides };
}

async function item37() {
  const results = await computeIndicators(year, { itemNumber: 37, live: true });
  return Object.fromEntries(results.map((r) => [r.instrument, r]));
}

describe("the fraud-risk register", () => {
  it("lets a head of unit add a risk for their unit only, scored by the matrix; refuses bad input in Thai and changes nothing", async () => {
    const head = await createTestPerson({ roles: ["staff", "manager"], divisionCode: "finance-procurement" });
    const client = app.client(await sessionCookieFor(head.id));
    const finance = await unitId("finance");

    const before = await db.risk.count();
    const six = await client.post("/risks", riskForm(finance, { likelihood: "6" }));
    expect(six.status).toBe(400);
    expect(await six.text()).toContain("โอกาสต้องอยู่ระหว่าง 1–5");
    const noOwner = await client.post("/risks", riskForm(finance, { "measures.0.owner": "" }));
    expect(noOwner.status).toBe(400);
    expect(await noOwner.text()).toContain("มาตรการต้องมีผู้รับผิดชอบ");
    const otherUnit = await client.post("/risks", riskForm(await unitId("engineering")));
    expect(otherUnit.status).toBe(403);
    expect(await otherUnit.text()).toContain("เฉพาะของหน่วยงานของท่าน");
    expect(await db.risk.count()).toBe(before);

    const ok = await client.post("/risks", riskForm(finance));
    expect(ok.status).toBe(200);
    const risk = await db.risk.findFirstOrThrow({
      where: { createdById: head.id },
      include: { measures: true, planItems: true },
    });
    expect([risk.likelihood, risk.impact, risk.level, risk.unitName, risk.includedAt]).toEqual([
      4,
      5,
      "very_high",
      "กองคลัง",
      null,
    ]);
    expect(risk.measures.map((m) => m.owner)).toEqual(["หัวหน้างานพัสดุ กองคลัง"]);
    expect(risk.planItems.map((p) => p.itemNumber).sort()).toEqual([14, 5]);
    expect(
      await db.auditLog.count({ where: { action: "risk.created", actorId: head.id, entityId: String(risk.id) } }),
    ).toBe(1);

    // A head of unit cannot consolidate or publish; staff cannot open the register.
    expect((await client.post("/risks", { intent: "consolidate", fiscalYear: String(year) })).status).toBe(403);
    const staff = app.client(await sessionCookieFor((await createTestPerson()).id));
    expect((await staff.get("/risks")).status).toBe(403);
  });

  it("HR consolidates and publishes; item 37's indicators read the register; the public page shows no names", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
    const client = app.client(await sessionCookieFor(hr.id));
    const engineering = await unitId("engineering");
    expect((await client.post("/risks", riskForm(engineering, { event: "ตรวจรับงานไม่เป็นไปตามแบบ" }, 5))).status).toBe(
      200,
    );

    let r = await item37();
    expect([r["risk-register-report"]!.value, r["risk-register-report"]!.status]).toEqual([0, "in_progress"]);
    expect(r["risk-register-measures"]!.value).toBe(0);

    // Publishing before consolidating is refused; consolidating takes in every pending risk of the year.
    const early = await client.post("/risks", { intent: "publish", fiscalYear: String(year) });
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("ต้องรวบรวมทะเบียนความเสี่ยงของปีนี้ก่อนเผยแพร่");
    expect((await client.post("/risks", { intent: "consolidate", fiscalYear: String(year) })).status).toBe(200);
    expect(await db.risk.count({ where: { fiscalYear: year, includedAt: null } })).toBe(0);
    r = await item37();
    expect([r["risk-register-report"]!.value, r["risk-register-report"]!.status]).toEqual([1, "met"]);
    expect(r["risk-register-measures"]!.value).toBeGreaterThanOrEqual(5);
    expect(r["risk-register-measures"]!.status).toBe("met");
    expect(r["risk-register-publication"]!.status).toBe("in_progress");

    expect((await client.post("/risks", { intent: "publish", fiscalYear: String(year) })).status).toBe(200);
    const twice = await client.post("/risks", { intent: "publish", fiscalYear: String(year) });
    expect(twice.status).toBe(409);
    r = await item37();
    expect([r["risk-register-publication"]!.value, r["risk-register-publication"]!.status]).toEqual([1, "met"]);
    // HR does not enter these by hand any more: the register is their instrument.
    expect(r["risk-register-report"]!.source).toContain("ทะเบียนความเสี่ยง");

    const publicPage = await fetch(`${app.baseUrl}/transparency/risks?year=${year}`);
    expect(publicPage.status).toBe(200);
    const html = await publicPage.text();
    expect(html).toContain("ตรวจรับงานไม่เป็นไปตามแบบ");
    expect(html).toContain("หัวหน้างานพัสดุ กองคลัง");
    expect(html).not.toContain(hr.firstName);
    expect(html).toContain("สูงมาก");
  });

  it("records follow-up per measure and the residual score; refuses outside 1–5; the 2566 register keeps rows 3 and 4 as a gap", async () => {
    const head = await createTestPerson({ roles: ["staff", "manager"], divisionCode: "finance-accounting" });
    const client = app.client(await sessionCookieFor(head.id));
    const measure = await db.riskMeasure.findFirstOrThrow({
      where: { risk: { fiscalYear: year, unitName: "กองคลัง", includedAt: { not: null } } },
      include: { risk: true },
    });
    const done = await client.post("/risks", {
      intent: "follow-up",
      measureId: String(measure.id),
      period: "h1",
      status: "done",
      note: "เผยแพร่ครบ 6 เดือน",
      evidenceUrl: "https://www.lampangcity.go.th/procurement",
    });
    expect(done.status).toBe(200);
    expect(
      await db.riskFollowUp.findUniqueOrThrow({ where: { measureId_period: { measureId: measure.id, period: "h1" } } }),
    ).toMatchObject({ status: "done" });
    const bad = await client.post("/risks", {
      intent: "residual",
      riskId: String(measure.riskId),
      period: "h1",
      residualLikelihood: "0",
      residualImpact: "3",
    });
    expect(bad.status).toBe(400);
    expect(await db.riskReview.count({ where: { riskId: measure.riskId } })).toBe(0);
    expect(
      (
        await client.post("/risks", {
          intent: "residual",
          riskId: String(measure.riskId),
          period: "h1",
          residualLikelihood: "2",
          residualImpact: "3",
        })
      ).status,
    ).toBe(200);

    const page = await (await client.get("/risks?year=2566")).text();
    expect(page).toContain("ข้อมูลสูญหายในเอกสารต้นฉบับ");
    expect(await db.risk.count({ where: { fiscalYear: 2566, gap: true } })).toBe(2);
    expect((await db.risk.findMany({ where: { fiscalYear: 2566, gap: true } })).map((g) => g.sequence)).toEqual([3, 4]);
  });
});
