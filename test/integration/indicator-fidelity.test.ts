import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { computeIndicators } from "~/models/plan/indicators.server";
import { planLevelTargets } from "~/models/plan/plan-targets.server";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

// The plan's indicators measured as the seed states them (decision 038), over HTTP as HR and staff.

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const thisYear = fiscalYearOf(new Date());

function post(cookie: string, path: string, fields: Record<string, string>, multipart = false) {
  let body: FormData | URLSearchParams;
  if (multipart) {
    body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set("evidenceFile", new Blob([]), "");
  } else body = new URLSearchParams(fields);
  return fetch(`${app.baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    body,
    headers: { Cookie: cookie, Origin: app.baseUrl },
  });
}

async function result(itemNumber: number, year = thisYear, position?: number) {
  const results = await computeIndicators(year, { itemNumber });
  return position == null ? results : [results[position]!];
}

describe("item 6: the plan states no threshold", () => {
  it("reports the share without judging it, until HR records a local target with its source", async () => {
    const [knowledge] = (await result(6)).filter((r) => r.kind === "knowledge");
    expect(knowledge!.rule).toContain("แผนไม่ได้กำหนดเกณฑ์");
    expect(["no_data", "not_judged"]).toContain(knowledge!.status);

    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const staff = await createTestPerson();
    const hrCookie = await sessionCookieFor(hr.id);
    const staffCookie = await sessionCookieFor(staff.id);
    const fields = {
      intent: "local-target",
      indicatorId: String(knowledge!.id),
      fiscalYear: String(thisYear),
      thresholdPercent: "70",
      source: "มติคณะทำงานฯ ครั้งที่ 1/2570",
    };

    // Staff are refused and nothing is written.
    expect((await post(staffCookie, "/plan/targets", fields)).status).toBe(403);
    // A target without a source is refused in Thai.
    const noSource = await post(hrCookie, "/plan/targets", { ...fields, source: "" });
    expect(noSource.status).toBe(400);
    expect(await noSource.text()).toContain("กรุณาระบุที่มาของเป้าหมาย");
    expect(await db.indicatorLocalTarget.count()).toBe(0);

    expect((await post(hrCookie, "/plan/targets", fields)).status).toBe(200);
    const [judged] = (await result(6)).filter((r) => r.kind === "knowledge");
    expect(judged!.rule).toContain("ไม่น้อยกว่าร้อยละ 70");
    expect(judged!.rule).toContain("มติคณะทำงานฯ ครั้งที่ 1/2570");
    expect(
      await db.auditLog.count({ where: { action: "indicator.local_target_set", entityId: String(knowledge!.id) } }),
    ).toBe(1);

    // An indicator whose threshold the plan states cannot be given a local one.
    const item3 = (await result(3)).find((r) => r.kind === "knowledge")!;
    const refused = await post(hrCookie, "/plan/targets", { ...fields, indicatorId: String(item3.id) });
    expect(refused.status).toBe(409);
    expect(await db.indicatorLocalTarget.count()).toBe(1);
  });
});

describe("item 10: knowledge measured outside the app", () => {
  it("takes participants, passed and the instrument from HR and judges the share against 80%", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const cookie = await sessionCookieFor(hr.id);
    const indicator = await db.planIndicator.findFirstOrThrow({ where: { itemNumber: 10, kind: "knowledge" } });
    const base = {
      indicatorId: String(indicator.id),
      fiscalYear: String(thisYear),
      evidenceUrl: "https://example.go.th/item10",
    };

    const tooMany = await post(
      cookie,
      `/plan/items/10?indicator=${indicator.id}`,
      { ...base, participants: "40", value: "41", instrumentUsed: "แบบทดสอบ 10 ข้อ" },
      true,
    );
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain("จำนวนผู้ผ่านมากกว่าจำนวนผู้เข้าร่วมไม่ได้");
    const noInstrument = await post(
      cookie,
      `/plan/items/10?indicator=${indicator.id}`,
      { ...base, participants: "40", value: "31" },
      true,
    );
    expect(noInstrument.status).toBe(400);
    expect(await db.indicatorEntry.count({ where: { indicatorId: indicator.id } })).toBe(0);

    // 31 of 40 is 77.5%: below 80.
    expect(
      (
        await post(
          cookie,
          `/plan/items/10?indicator=${indicator.id}`,
          { ...base, participants: "40", value: "31", instrumentUsed: "แบบทดสอบก่อน-หลัง 10 ข้อ" },
          true,
        )
      ).status,
    ).toBe(200);
    let r = (await result(10)).find((x) => x.id === indicator.id)!;
    expect([r.numerator, r.denominator, r.value, r.status]).toEqual([31, 40, 77.5, "in_progress"]);
    expect(r.source).toContain("แบบทดสอบก่อน-หลัง 10 ข้อ");
    // 32 of 40 is exactly 80%: met.
    expect(
      (
        await post(
          cookie,
          `/plan/items/10?indicator=${indicator.id}`,
          { ...base, participants: "40", value: "32", instrumentUsed: "แบบทดสอบก่อน-หลัง 10 ข้อ" },
          true,
        )
      ).status,
    ).toBe(200);
    r = (await result(10)).find((x) => x.id === indicator.id)!;
    expect([r.numerator, r.denominator, r.status]).toEqual([32, 40, "met"]);
  });
});

describe("rules the plan states beyond a number", () => {
  it("does not judge item 24 outside 2566, the only year the plan runs it", async () => {
    const y2567 = await result(24, 2567);
    expect(y2567.map((r) => r.status)).toEqual(["not_applicable", "not_applicable"]);
    expect(y2567[0]!.rule).toContain("2566");
    expect((await result(24, 2566)).map((r) => r.status)).not.toContain("not_applicable");
  });

  it("judges item 12 by level and item 34 by every council meeting", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const cookie = await sessionCookieFor(hr.id);
    const item12 = await db.planIndicator.findFirstOrThrow({ where: { itemNumber: 12 } });
    const item34 = await db.planIndicator.findFirstOrThrow({ where: { itemNumber: 34 } });
    const evidence = { fiscalYear: String(thisYear), evidenceUrl: "https://example.go.th/e" };
    // "พอใช้" (index 2) is below "ดี".
    expect(
      (
        await post(
          cookie,
          `/plan/items/12?indicator=${item12.id}`,
          { indicatorId: String(item12.id), value: "2", ...evidence },
          true,
        )
      ).status,
    ).toBe(200);
    expect((await result(12))[0]).toMatchObject({ status: "in_progress", valueText: "ระดับพอใช้" });
    expect(
      (
        await post(
          cookie,
          `/plan/items/12?indicator=${item12.id}`,
          { indicatorId: String(item12.id), value: "1", ...evidence },
          true,
        )
      ).status,
    ).toBe(200);
    expect((await result(12))[0]).toMatchObject({ status: "met", valueText: "ระดับดี" });
    // 11 of 12 meetings published on three channels is not "every meeting".
    expect(
      (
        await post(
          cookie,
          `/plan/items/34?indicator=${item34.id}`,
          { indicatorId: String(item34.id), participants: "12", value: "11", ...evidence },
          true,
        )
      ).status,
    ).toBe(200);
    expect((await result(34))[0]!.status).toBe("in_progress");
    expect(
      (
        await post(
          cookie,
          `/plan/items/34?indicator=${item34.id}`,
          { indicatorId: String(item34.id), participants: "12", value: "12", ...evidence },
          true,
        )
      ).status,
    ).toBe(200);
    expect((await result(34))[0]!.status).toBe("met");
  });

  it("shows the plan's ITA ramp beside items 15, 17 and 25 and says the status follows the item's own 85", async () => {
    for (const n of [15, 17, 25]) {
      const ita = (await result(n, 2567)).find((r) => r.instrument === "ita-score")!;
      expect(ita.planTargetNote).toContain("ITA ไม่น้อยกว่า 70 คะแนน");
      expect(ita.planTargetNote).toContain("ตามเป้าหมายของรายการเอง (85 คะแนน)");
    }
    const item35 = (await result(35, 2568)).find((r) => r.instrument === "manual-entry")!;
    expect(item35.planTargetNote).toContain("ลดลงร้อยละ 30");
    expect(item35.planTargetNote).toContain("ลดลงร้อยละ 5");
  });

  it("says no data, not 0 and not met, for an app count in a finished year before the app held any record", async () => {
    const item16Count = (await result(16, 2566)).find((r) => r.instrument === "announcement");
    if (item16Count) {
      expect(await db.policyDocument.count()).toBe(0);
      expect(item16Count.status).toBe("no_data");
      expect(item16Count.value).toBeNull();
    }
    const orders = (await result(30, 2566)).find((r) => r.instrument === "delegation-orders")!;
    expect(await db.delegationOrder.count()).toBe(0);
    expect([orders.status, orders.value]).toEqual(["no_data", null]);
  });
});

describe("plan-level targets (Part 1 §4)", () => {
  it("shows the ITA ramp and the case reduction per year beside the values HR recorded", async () => {
    let targets = await planLevelTargets();
    expect(targets.rows.map((r) => r.ita.target)).toEqual([65, 70, 75, 80, 85]);
    expect(targets.rows.map((r) => r.cases.targetPercent)).toEqual([10, 20, 30, 40, 50]);
    expect(targets.baseline).toBeNull();

    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const cookie = await sessionCookieFor(hr.id);
    const negative = await post(cookie, "/plan/targets", {
      intent: "baseline",
      value: "-3",
      source: "รายงานศูนย์ฯ ปี 2565",
    });
    expect(negative.status).toBe(400);
    expect(await db.planBaseline.count()).toBe(0);
    expect(
      (await post(cookie, "/plan/targets", { intent: "baseline", value: "12", source: "รายงานศูนย์ปฏิบัติการฯ ปี 2565" }))
        .status,
    ).toBe(200);

    // An ITA score of 86 in 2568 passes 85, so 2570's goal becomes 90.
    const ita = await db.planIndicator.findFirstOrThrow({ where: { itemNumber: 15, instrument: "ita-score" } });
    expect(
      (
        await post(
          cookie,
          `/plan/items/15?indicator=${ita.id}`,
          { indicatorId: String(ita.id), fiscalYear: "2568", value: "86", evidenceUrl: "https://itas.example/2568" },
          true,
        )
      ).status,
    ).toBe(200);
    targets = await planLevelTargets();
    expect(targets.baseline).toMatchObject({
      value: 12,
      source: "รายงานศูนย์ปฏิบัติการฯ ปี 2565",
      enteredBy: `${hr.title}${hr.firstName} ${hr.lastName}`,
    });
    // A newer baseline for the same year replaces the older one.
    expect((await post(cookie, "/plan/targets", { intent: "baseline", value: "14", source: "ฉบับแก้ไข" })).status).toBe(
      200,
    );
    expect((await planLevelTargets()).baseline).toMatchObject({ value: 14, source: "ฉบับแก้ไข" });
    const y2568 = targets.rows.find((r) => r.fiscalYear === 2568)!;
    expect([y2568.ita.score, y2568.ita.status]).toEqual([86, "met"]);
    expect(targets.rows.find((r) => r.fiscalYear === 2570)!.ita.target).toBe(90);

    const page = await (await app.client(cookie).get("/plan")).text();
    expect(page).toContain("เป้าหมายระดับแผน");
    expect(page).toContain("≥ 90");
  });

  it("counts founded corruption cases per year from the register, none before its first case", async () => {
    const before = await planLevelTargets();
    expect(before.rows.map((r) => r.cases.cases)).toEqual([null, null, null, null, null]);
    let serial = 0;
    const complaint = (fiscalYear: number, receivedAt: string, outcome: string | null, category = "corruption") =>
      db.complaint.create({
        data: {
          receiptHash: `cases-${fiscalYear}-${(serial += 1)}`,
          receivedAt: new Date(receivedAt),
          fiscalYear,
          subject: "ทดสอบ",
          details: "ทดสอบ",
          status: outcome ? "closed" : "investigating",
          category,
          outcome,
          closedAt: outcome ? new Date(receivedAt) : null,
        },
      });
    // The register's first case is in 2567 (received 2023-12-01): 2566 has no data, later years count.
    await complaint(2567, "2023-12-01T03:00:00Z", "disciplinary");
    await complaint(2567, "2024-01-10T03:00:00Z", "referred_nacc");
    await complaint(2567, "2024-02-10T03:00:00Z", "unfounded");
    await complaint(2568, "2024-11-10T03:00:00Z", "referred_general");
    await complaint(2568, "2024-12-10T03:00:00Z", "disciplinary", "misconduct");
    await complaint(2569, "2025-12-10T03:00:00Z", null);
    await complaint(2569, "2026-01-10T03:00:00Z", "referred_police");
    const after = await planLevelTargets();
    expect(after.rows.map((r) => [r.fiscalYear, r.cases.cases])).toEqual([
      [2566, null],
      [2567, 2],
      [2568, 0],
      [2569, 1],
      [2570, 0],
    ]);
  });
});
