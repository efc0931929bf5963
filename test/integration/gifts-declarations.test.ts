import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { bangkokIsoDate, addDays } from "~/domain/gift-rules";
import type { Role } from "~/domain/roles";
import { homePage } from "~/models/home/home-page.server";
import { computeIndicators } from "~/models/plan/indicators.server";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const today = bangkokIsoDate(new Date());
const gift = (over: Record<string, string> = {}) => ({
  giverName: "บริษัท ทดสอบ จำกัด",
  giverKind: "business",
  giverRelative: "no",
  occasion: "ปีใหม่",
  description: "กระเช้าของขวัญ",
  value: "5000",
  receivedOn: today,
  outcome: "accepted",
  ...over,
});
const noGiftIndicator = async () =>
  (await computeIndicators(fiscalYearOf(new Date()), { itemNumber: 16 })).find(
    (r) => r.instrument === "no-gift-declaration",
  )!;

describe("the gift register and the No Gift declaration (item 16)", () => {
  it("records, refuses bad input with nothing changed, lets only the head decide, shows HR, and moves the indicator", async () => {
    const staff = await createTestPerson({ divisionCode: "finance-procurement" });
    const colleague = await createTestPerson({ divisionCode: "finance-procurement" });
    const head = await createTestPerson({ roles: ["staff", "manager"], divisionCode: "finance" });
    const otherHead = await createTestPerson({ roles: ["staff", "manager"], divisionCode: "engineering" });
    const hrPerson = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
    const [s, c, h, o, hr] = await Promise.all(
      [staff, colleague, head, otherHead, hrPerson].map(async (p) => app.client(await sessionCookieFor(p.id))),
    );

    const refusals: [Record<string, string>, string][] = [
      [gift({ value: "-5" }), "มูลค่าต้องเป็นจำนวนเงินบาทที่ไม่ติดลบ"],
      [gift({ value: "999999999999" }), "มูลค่าสูงเกินกว่าที่เป็นไปได้"],
      [gift({ receivedOn: addDays(today, 1) }), "วันที่ได้รับต้องไม่เป็นวันในอนาคต"],
      [gift({ giverName: "" }), "กรุณาระบุผู้ให้"],
      [gift({ value: "3000.001" }), "ทศนิยมไม่เกิน ๒ ตำแหน่ง"],
    ];
    for (const [fields, message] of refusals) {
      const response = await s.post("/gifts/new", fields);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
    }
    expect(await db.giftReport.count()).toBe(0);

    const within = await s.post("/gifts/new", gift({ value: "3000.00" }));
    expect(within.status).toBe(302);
    const recorded = await s.post("/gifts/new", gift());
    expect(recorded.status).toBe(302);
    const id = Number(recorded.headers.get("location")!.split("/").pop());
    const record = await db.giftReport.findUniqueOrThrow({ where: { id } });
    expect([record.mustReport, record.ruleCase, record.reportDueOn, record.valueSatang]).toEqual([
      true,
      "beyond-limit",
      addDays(today, 30),
      500000,
    ]);
    expect((await db.giftReport.findFirstOrThrow({ where: { valueSatang: 300000 } })).mustReport).toBe(false);

    // Who may see it: the person, their head, HR; not a colleague, not another unit's manager.
    expect((await s.get(`/gifts/${id}`)).status).toBe(200);
    expect(await (await h.get("/gifts")).text()).toContain("รายงานที่รอท่านวินิจฉัย 1 รายการ");
    expect((await hr.get(`/gifts/${id}`)).status).toBe(200);
    expect((await c.get(`/gifts/${id}`)).status).toBe(404);
    expect((await o.get(`/gifts/${id}`)).status).toBe(404);

    const decision = { decision: "return", reason: "ผู้ให้เป็นคู่สัญญาของเทศบาล ให้ส่งคืน" };
    const own = await s.post(`/gifts/${id}`, decision);
    expect(own.status).toBe(403);
    expect(await own.text()).toContain("ท่านวินิจฉัยรายงานของตนเองไม่ได้");
    expect((await o.post(`/gifts/${id}`, decision)).status).toBe(404);
    const noReason = await h.post(`/gifts/${id}`, { decision: "return", reason: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("กรุณาระบุเหตุผลของคำวินิจฉัย");
    expect((await db.giftReport.findUniqueOrThrow({ where: { id } })).decidedAt).toBeNull();
    expect((await h.post(`/gifts/${id}`, decision)).status).toBe(200);
    const twice = await h.post(`/gifts/${id}`, { decision: "keep", reason: "เปลี่ยนใจให้เก็บไว้" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("คำวินิจฉัยแก้ไขไม่ได้");
    expect((await db.giftReport.findUniqueOrThrow({ where: { id } })).decision).toBe("return");
    await expect(db.giftReport.update({ where: { id }, data: { valueSatang: 1 } })).rejects.toThrow();

    // Superseding a decided record keeps it, with the reason, and links the new one.
    const noSupersedeReason = await s.post(
      "/gifts/new",
      gift({ value: "5100", supersedesId: String(id), supersedeReason: "" }),
    );
    expect(noSupersedeReason.status).toBe(400);
    const superseding = await s.post(
      "/gifts/new",
      gift({ value: "5100", supersedesId: String(id), supersedeReason: "มูลค่าที่ถูกต้องตามใบเสร็จ" }),
    );
    expect(superseding.status).toBe(302);
    const old = await db.giftReport.findUniqueOrThrow({ where: { id } });
    expect([old.supersededReason, old.decision]).toEqual(["มูลค่าที่ถูกต้องตามใบเสร็จ", "return"]);
    const newId = Number(superseding.headers.get("location")!.split("/").pop());

    // HR: the register and the CSV; staff may not.
    expect((await s.get("/hr/gifts")).status).toBe(403);
    expect(await (await hr.get("/hr/gifts")).text()).toContain("กระเช้าของขวัญ");
    const csv = await (await hr.get(`/hr/gifts.csv?year=${fiscalYearOf(new Date())}`)).text();
    expect(csv).toContain("5000.00");
    expect(csv).toContain("มูลค่าที่ถูกต้องตามใบเสร็จ");

    // The yearly declaration: "none" is refused while the register has a report this year; listing it counts.
    const before = await noGiftIndicator();
    expect(before.numerator).toBe(0);
    const none = await s.post("/gifts/declaration", { kind: "none", confirm: "on" });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("ท่านมีรายการที่เกินกว่าที่กำหนดในทะเบียนปีนี้");
    expect(await db.noGiftDeclaration.count()).toBe(0);
    expect(
      (await s.post("/gifts/declaration", { kind: "listed", giftIds: [String(newId)], confirm: "on" })).status,
    ).toBe(200);
    const second = await c.post("/gifts/declaration", { kind: "none", confirm: "on" });
    expect(second.status).toBe(200);
    const again = await s.post("/gifts/declaration", { kind: "listed", giftIds: [String(newId)], confirm: "on" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("ยื่นซ้ำไม่ได้");
    const after = await noGiftIndicator();
    expect([after.numerator! - before.numerator!, after.denominator]).toEqual([2, before.denominator]);
    expect(await (await hr.get("/hr/gifts")).text()).toContain(`ยื่นแล้ว 2/${after.denominator} คน`);

    const actions = (await db.auditLog.findMany({ where: { entityType: "GiftReport", entityId: String(id) } }))
      .map((a) => a.action)
      .sort();
    expect(actions).toEqual(["gift.decided", "gift.reported", "gift.superseded"]);
  });
});

describe("conflict-of-interest declarations (item 5)", () => {
  it("yearly once, per case with recusal, reviewed by the head (HR for executives), seen only by them", async () => {
    const staff = await createTestPerson({ divisionCode: "engineering-works" });
    const colleague = await createTestPerson({ divisionCode: "engineering-works" });
    const head = await createTestPerson({ roles: ["staff", "manager"], divisionCode: "engineering" });
    const otherHead = await createTestPerson({ roles: ["staff", "manager"], divisionCode: "finance" });
    const hrPerson = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
    const deputyMayor = await createTestPerson({ personnelType: "executive", divisionCode: "executive" });
    const [s, c, h, o, hr, ex] = await Promise.all(
      [staff, colleague, head, otherHead, hrPerson, deputyMayor].map(async (p) =>
        app.client(await sessionCookieFor(p.id)),
      ),
    );

    const both = await s.post("/declarations/new?kind=yearly", {
      nothingToDeclare: "on",
      businesses: "ร้านวัสดุก่อสร้างของพี่ชาย",
    });
    expect(both.status).toBe(400);
    expect(await both.text()).toContain("ไม่ต้องกรอกรายการส่วนได้เสีย");
    expect(await db.conflictDeclaration.count()).toBe(0);
    const yearly = await s.post("/declarations/new?kind=yearly", {
      businesses: "ร้านวัสดุก่อสร้างของพี่ชาย เคยเสนอราคาต่อเทศบาล",
    });
    expect(yearly.status).toBe(302);
    const again = await s.post("/declarations/new?kind=yearly", { nothingToDeclare: "on" });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("ยื่นซ้ำไม่ได้");

    const kase = await s.post("/declarations/new?kind=case", {
      caseType: "inspection_committee",
      caseRef: "คำสั่งที่ 9/2570 ตรวจรับงานจ้าง",
      hasConflict: "yes",
      conflictDetail: "ผู้รับจ้างเป็นพี่ชาย",
    });
    expect(kase.status).toBe(302);
    const caseId = Number(kase.headers.get("location")!.split("/").pop());
    for (const [client, status] of [
      [s, 200],
      [h, 200],
      [hr, 200],
      [c, 404],
      [o, 404],
    ] as const)
      expect((await client.get(`/declarations/${caseId}`)).status).toBe(status);

    const own = await s.post(`/declarations/${caseId}`, { outcome: "recusal", note: "ถอนตัวเอง" });
    expect(own.status).toBe(403);
    const wrong = await h.post(`/declarations/${caseId}`, { outcome: "no_conflict", note: "" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("ต้องงดเว้นการพิจารณา");
    const noNote = await h.post(`/declarations/${caseId}`, { outcome: "recusal", note: "" });
    expect(noNote.status).toBe(400);
    expect((await db.conflictDeclaration.findUniqueOrThrow({ where: { id: caseId } })).reviewedAt).toBeNull();
    expect((await h.post(`/declarations/${caseId}`, { outcome: "recusal", note: "แต่งตั้งกรรมการแทน" })).status).toBe(200);
    expect((await h.post(`/declarations/${caseId}`, { outcome: "recusal", note: "ซ้ำ" })).status).toBe(409);

    // An executive's declaration is reviewed by HR, not by a manager.
    const exDecl = await ex.post("/declarations/new?kind=yearly", { nothingToDeclare: "on" });
    const exId = Number(exDecl.headers.get("location")!.split("/").pop());
    expect((await h.get(`/declarations/${exId}`)).status).toBe(404);
    expect((await hr.post(`/declarations/${exId}`, { outcome: "no_conflict", note: "" })).status).toBe(200);

    // HR sees all and the position risk table; staff may not.
    expect((await s.get("/hr/declarations")).status).toBe(403);
    expect(await (await hr.get("/hr/declarations")).text()).toContain("คำสั่งที่ 9/2570");
    const risk = {
      position: "นายช่างโยธา",
      risk: "ตรวจรับงานของผู้รับจ้างที่เป็นญาติ",
      level: "high",
      controls: "แถลงส่วนได้เสียก่อนตรวจรับ และงดเว้นเมื่อมีส่วนได้เสีย",
    };
    expect((await s.post("/hr/declarations/positions", risk)).status).toBe(403);
    expect((await hr.post("/hr/declarations/positions", { ...risk, controls: "" })).status).toBe(400);
    expect((await hr.post("/hr/declarations/positions", risk)).status).toBe(200);
    expect(await (await hr.get("/hr/declarations/positions")).text()).toContain("ตรวจรับงานของผู้รับจ้างที่เป็นญาติ");

    await expect(
      db.conflictDeclaration.update({ where: { id: caseId }, data: { reviewOutcome: "no_conflict" } }),
    ).rejects.toThrow();
    const actions = (
      await db.auditLog.findMany({ where: { entityType: "ConflictDeclaration", entityId: String(caseId) } })
    )
      .map((a) => a.action)
      .sort();
    expect(actions).toEqual(["declaration.case", "declaration.reviewed"]);
  });
});

describe("what waits on the home page (issue 17: read from the membership snapshot)", () => {
  it("counts a subordinate's gift report and declaration for the head of their unit, not for another head", async () => {
    const staff = await createTestPerson({ divisionCode: "strategy-planning" });
    const colleague = await createTestPerson({ divisionCode: "strategy-research" });
    const head = await createTestPerson({ roles: ["staff", "manager"], divisionCode: "strategy" });
    const otherHead = await createTestPerson({ roles: ["staff", "manager"], divisionCode: "social-welfare" });
    const waitingFor = async (person: { id: number }, roles: Role[]) =>
      (await homePage({ personId: person.id, roles, ip: null })).waiting.map((w) => w.text);
    const before = await waitingFor(head, ["staff", "manager"]);
    expect(before.filter((t) => /รอท่าน(วินิจฉัย|พิจารณา)/.test(t))).toEqual([]);

    const s = app.client(await sessionCookieFor(staff.id));
    expect((await s.post("/gifts/new", gift())).status).toBe(302);
    const c = app.client(await sessionCookieFor(colleague.id));
    expect((await c.post("/declarations/new?kind=yearly", { nothingToDeclare: "on" })).status).toBe(302);

    expect(await waitingFor(head, ["staff", "manager"])).toEqual(
      expect.arrayContaining(["รายงานของขวัญรอท่านวินิจฉัย 1 รายการ", "แบบแสดงส่วนได้เสียรอท่านพิจารณา 1 ฉบับ"]),
    );
    const other = await waitingFor(otherHead, ["staff", "manager"]);
    expect(other.filter((t) => /รอท่าน(วินิจฉัย|พิจารณา)/.test(t))).toEqual([]);
  });
});
