import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { toBuddhistYear } from "~/domain/thai-date";
import type { Role } from "~/domain/roles";
import { createDraft, signOrder, submitForSignature } from "~/models/orders/order-commands.server";
import { countOrdersSignedInFiscalYear, powersHeldBy } from "~/models/orders/order-queries.server";
import { ordersPage } from "~/models/orders/order-pages.server";
import { db } from "~/utils/db.server";
import { startAppServer, type HttpClient } from "../support/app-server";
import { TEST_PASSWORD, createTestPerson, sessionCookieFor } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

async function personWith(roles: ("staff" | "hr" | "manager" | "admin")[], divisionCode = "finance") {
  const person = await createTestPerson({ roles, divisionCode });
  return { person, client: app.client(await sessionCookieFor(person.id)) };
}

async function orderFields(delegator: string, delegate: string, overrides: Record<string, string> = {}) {
  const division = await db.division.findUniqueOrThrow({ where: { code: "finance" } });
  return {
    title: "มอบอำนาจอนุมัติการจัดซื้อจัดจ้างวงเงินเล็ก",
    issuingDivisionId: String(division.id),
    delegatorEmployeeNumber: delegator,
    effectiveFrom: "2026-11-01",
    effectiveUntil: "2027-09-30",
    body: "เพื่อให้การปฏิบัติราชการเป็นไปด้วยความรวดเร็ว จึงมอบอำนาจดังต่อไปนี้",
    "delegates.0.employeeNumber": delegate,
    "delegates.0.positionTitle": "",
    "powers.0.kind": "approve",
    "powers.0.description": "อนุมัติการจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจง",
    "powers.0.legalBasis": "ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างฯ พ.ศ. 2560 ข้อ 79",
    "powers.0.limits": "",
    "powers.0.ceilingBaht": "100000",
    recipientEmployeeNumbers: "",
    supersedesId: "",
    ...overrides,
  };
}

async function draftThroughForm(client: HttpClient, fields: Record<string, string | string[]>) {
  const response = await client.post("/orders/new", fields);
  if (response.status !== 302) return { response, id: null };
  return { response, id: Number(response.headers.get("location")!.split("/").pop()) };
}

const post = (client: HttpClient, id: number, fields: Record<string, string>) => client.post(`/orders/${id}`, fields);

describe("the life of an order", () => {
  it("is drafted, submitted, signed with a password by the delegator only, circulated and acknowledged", async () => {
    const manager = await personWith(["staff", "manager"]);
    const otherManager = await personWith(["staff", "manager"]);
    const delegate = await personWith(["staff"]);
    const bystander = await personWith(["staff"], "health");
    const hr = await personWith(["staff", "hr"], "personnel-management");

    const { id } = await draftThroughForm(
      manager.client,
      await orderFields(manager.person.employeeNumber, delegate.person.employeeNumber),
    );
    expect(id).not.toBeNull();
    const orderId = id!;
    expect((await post(manager.client, orderId, { intent: "submit" })).status).toBe(200);

    const wrongSigner = await post(otherManager.client, orderId, { intent: "sign", password: TEST_PASSWORD });
    expect(wrongSigner.status).toBe(404); // another manager's draft is not even visible to them
    const wrongPassword = await post(manager.client, orderId, { intent: "sign", password: "not-my-password" });
    expect(wrongPassword.status).toBe(400);
    expect(await wrongPassword.text()).toContain("รหัสผ่านไม่ถูกต้อง ยังไม่ได้ลงนาม");
    expect((await db.delegationOrder.findUniqueOrThrow({ where: { id: orderId } })).number).toBeNull();

    const signed = await post(manager.client, orderId, { intent: "sign", password: TEST_PASSWORD });
    expect(signed.status).toBe(200);
    const order = await db.delegationOrder.findUniqueOrThrow({ where: { id: orderId } });
    expect(order.status).toBe("signed");
    expect(order.year).toBe(toBuddhistYear(new Date().getUTCFullYear()));
    expect(order.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await signed.text()).toContain(`ได้เลขที่คำสั่ง ที่ ${order.number}/${order.year}`);

    const page = await (await manager.client.get(`/orders/${orderId}`)).text();
    expect(page).toContain("ตรวจสอบแล้ว: เนื้อหาตรงกับที่ลงนาม");

    expect((await post(manager.client, orderId, { intent: "circulate" })).status).toBe(200);
    const early = await post(bystander.client, orderId, { intent: "acknowledge" });
    expect(early.status).toBe(403);
    expect(await early.text()).toContain("ไม่ได้แจ้งเวียนถึงท่าน");

    const inbox = await (await delegate.client.get("/orders?view=inbox")).text();
    expect(inbox).toContain("มอบอำนาจอนุมัติการจัดซื้อจัดจ้างวงเงินเล็ก");
    expect((await post(delegate.client, orderId, { intent: "acknowledge" })).status).toBe(200);
    const twice = await post(delegate.client, orderId, { intent: "acknowledge" });
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("ท่านรับทราบคำสั่งนี้แล้ว");

    const hrView = await (await hr.client.get(`/orders/${orderId}`)).text();
    expect(hrView).toContain("การรับทราบ (1/");
    const actions = (
      await db.auditLog.findMany({
        where: { entityType: "DelegationOrder", entityId: String(orderId) },
        orderBy: { id: "asc" },
      })
    ).map((a) => a.action);
    expect(actions).toEqual([
      "order.drafted",
      "order.submitted",
      "order.signed",
      "order.circulated",
      "order.acknowledged",
    ]);
    expect(await countOrdersSignedInFiscalYear(fiscalYearOf(new Date()))).toBeGreaterThanOrEqual(1);
  });

  it("circulates to everyone active in the recipient units, and to the delegates", async () => {
    const manager = await personWith(["staff", "manager"]);
    const delegate = await personWith(["staff"]);
    const auditor = await personWith(["staff"], "internal-audit");
    const unit = await db.division.findUniqueOrThrow({ where: { code: "internal-audit" } });
    const { id, response } = await draftThroughForm(
      manager.client,
      await orderFields(manager.person.employeeNumber, delegate.person.employeeNumber, {
        recipientDivisionIds: String(unit.id),
      }),
    );
    expect(response.status, await response.clone().text()).toBe(302);
    await post(manager.client, id!, { intent: "submit" });
    await post(manager.client, id!, { intent: "sign", password: TEST_PASSWORD });
    await post(manager.client, id!, { intent: "circulate" });
    const rows = await db.delegationAcknowledgement.findMany({ where: { orderId: id! } });
    expect(rows.map((r) => r.personId)).toEqual(expect.arrayContaining([delegate.person.id, auditor.person.id]));
    expect((await post(auditor.client, id!, { intent: "acknowledge" })).status).toBe(200);
  });
});

describe("the orders page's tabs", () => {
  it("show the same counts whichever tab is open, and each list has as many rows as its count", async () => {
    const manager = await personWith(["staff", "manager"]);
    const colleague = await personWith(["staff", "manager"]);
    const delegate = await personWith(["staff"]);
    // To sign: the manager's own order sent for signature (also one of their drafts until signed).
    const toSign = await draftThroughForm(
      manager.client,
      await orderFields(manager.person.employeeNumber, delegate.person.employeeNumber),
    );
    expect((await post(manager.client, toSign.id!, { intent: "submit" })).status).toBe(200);
    // A draft not sent yet.
    await draftThroughForm(
      manager.client,
      await orderFields(manager.person.employeeNumber, delegate.person.employeeNumber),
    );
    // To acknowledge: a colleague's order delegating to the manager, signed and circulated.
    const toAck = await draftThroughForm(
      colleague.client,
      await orderFields(colleague.person.employeeNumber, manager.person.employeeNumber),
    );
    for (const intent of ["submit", "sign", "circulate"])
      expect((await post(colleague.client, toAck.id!, { intent, password: TEST_PASSWORD })).status).toBe(200);

    const viewer = { personId: manager.person.id, roles: ["staff", "manager"] as Role[], ip: null };
    const pages = await Promise.all(
      ["inbox", "mine", "all"].map((view) => ordersPage(viewer, new URLSearchParams({ view }))),
    );
    for (const page of pages) expect(page.counts).toEqual({ inbox: 2, mine: 2 });
    const [inbox, mine] = pages;
    expect([inbox!.toSign.length, inbox!.toAcknowledge.length]).toEqual([1, 1]);
    expect(mine!.rows).toHaveLength(2);
  });
});

describe("bad input is refused in Thai and changes nothing", () => {
  it("missing fields, an end before the start, delegating to oneself, an unknown or inactive delegate", async () => {
    const manager = await personWith(["staff", "manager"]);
    const gone = await createTestPerson();
    await db.person.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
    const before = await db.delegationOrder.count();
    const cases: [Record<string, string>, string][] = [
      [{ title: "", body: "" }, "กรุณากรอกเรื่อง"],
      [{ effectiveFrom: "2026-12-01", effectiveUntil: "2026-11-01" }, "วันสิ้นสุดต้องไม่ก่อนวันเริ่มมีผล"],
      [{ "delegates.0.employeeNumber": manager.person.employeeNumber }, "มอบอำนาจให้ตนเองไม่ได้"],
      [{ "delegates.0.employeeNumber": "NOPE999" }, "ไม่พบบุคลากรเลขประจำตัว NOPE999"],
      [{ "delegates.0.employeeNumber": gone.employeeNumber }, "ไม่ได้ปฏิบัติงานอยู่ มอบอำนาจให้ไม่ได้"],
      [{ "powers.0.legalBasis": "" }, "กรุณาระบุฐานอำนาจ"],
      [{ "powers.0.ceilingBaht": "-5" }, "วงเงินต้องไม่ติดลบ"],
    ];
    for (const [overrides, message] of cases) {
      const { response } = await draftThroughForm(
        manager.client,
        await orderFields(manager.person.employeeNumber, "", {
          "delegates.0.employeeNumber": (await createTestPerson()).employeeNumber,
          ...overrides,
        }),
      );
      expect(response.status, message).toBe(400);
      expect(await response.text(), message).toContain(message);
    }
    expect(await db.delegationOrder.count()).toBe(before);
  });

  it("staff may not draft; a signed order cannot be edited; a non-delegator cannot sign", async () => {
    const staff = await personWith(["staff"]);
    const manager = await personWith(["staff", "manager"]);
    const hr = await personWith(["staff", "hr"], "personnel-management");
    const delegate = await createTestPerson();
    expect((await staff.client.get("/orders/new")).status).toBe(403);
    expect(
      (await draftThroughForm(staff.client, await orderFields(manager.person.employeeNumber, delegate.employeeNumber)))
        .response.status,
    ).toBe(403);

    // HR drafts for the manager; HR can see it but only the manager can sign.
    const { id } = await draftThroughForm(
      hr.client,
      await orderFields(manager.person.employeeNumber, delegate.employeeNumber),
    );
    await post(hr.client, id!, { intent: "submit" });
    const hrSigns = await post(hr.client, id!, { intent: "sign", password: TEST_PASSWORD });
    expect(hrSigns.status).toBe(403);
    expect(await hrSigns.text()).toContain("ลงนามได้เฉพาะผู้มอบอำนาจ");
    await post(manager.client, id!, { intent: "sign", password: TEST_PASSWORD });
    const snapshot = JSON.stringify(
      await db.delegationOrder.findUniqueOrThrow({ where: { id: id! }, include: { powers: true, delegates: true } }),
    );
    const editPage = await hr.client.get(`/orders/${id}/edit`);
    expect(editPage.status).toBe(409);
    expect(await editPage.text()).toContain("คำสั่งที่ลงนามแล้วแก้ไขไม่ได้");
    const edit = await hr.client.post(
      `/orders/${id}/edit`,
      await orderFields(manager.person.employeeNumber, delegate.employeeNumber, { title: "เปลี่ยนชื่อหลังลงนาม" }),
    );
    expect([403, 409]).toContain(edit.status);
    expect(
      JSON.stringify(
        await db.delegationOrder.findUniqueOrThrow({ where: { id: id! }, include: { powers: true, delegates: true } }),
      ),
    ).toBe(snapshot);
    await expect(
      db.delegationOrder.update({ where: { id: id! }, data: { title: "แก้ตรง ๆ ในฐานข้อมูล" } }),
    ).rejects.toThrow();
    await expect(
      db.delegationPower.updateMany({ where: { orderId: id! }, data: { ceilingBaht: 9_999_999 } }),
    ).rejects.toThrow();
  });
});

describe("numbers", () => {
  it("are consecutive with no gaps or duplicates when many are signed at the same moment", async () => {
    const delegate = await createTestPerson();
    const managers = await Promise.all(
      Array.from({ length: 12 }, () => createTestPerson({ roles: ["staff", "manager"], divisionCode: "finance" })),
    );
    const finance = await db.division.findUniqueOrThrow({ where: { code: "finance" } });
    const ids: { id: number; actor: { personId: number; roles: Role[]; ip: null } }[] = [];
    for (const m of managers) {
      const actor = { personId: m.id, roles: ["staff", "manager"] as Role[], ip: null };
      const order = await createDraft(
        {
          title: `คำสั่งทดสอบเลขที่ ${m.employeeNumber}`,
          issuingDivisionId: finance.id,
          delegatorEmployeeNumber: m.employeeNumber,
          effectiveFrom: "2026-11-01",
          effectiveUntil: "",
          body: "ทดสอบการออกเลขพร้อมกันหลายคำสั่ง",
          delegates: [{ employeeNumber: delegate.employeeNumber, positionTitle: undefined }],
          powers: [
            {
              kind: "order",
              description: "สั่งการเรื่องทดสอบ",
              legalBasis: "ระเบียบทดสอบ ข้อ 1",
              limits: undefined,
              ceilingBaht: undefined,
            },
          ],
          recipientDivisionIds: [],
          recipientEmployeeNumbers: "",
          supersedesId: "",
        },
        actor,
      );
      await submitForSignature(order.id, actor);
      ids.push({ id: order.id, actor });
    }
    const before = (await db.orderNumberCounter.findMany()).reduce((max, c) => Math.max(max, c.lastNumber), 0);
    const results = await Promise.all(ids.map(({ id, actor }) => signOrder(id, TEST_PASSWORD, actor)));
    const numbers = results.map((r) => r.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => before + i + 1));
  });
});

describe("the signature's hash", () => {
  it("catches a row changed behind the application's back", async () => {
    const manager = await personWith(["staff", "manager"]);
    const delegate = await createTestPerson();
    const { id } = await draftThroughForm(
      manager.client,
      await orderFields(manager.person.employeeNumber, delegate.employeeNumber),
    );
    await post(manager.client, id!, { intent: "submit" });
    await post(manager.client, id!, { intent: "sign", password: TEST_PASSWORD });
    expect(await (await manager.client.get(`/orders/${id}`)).text()).toContain("ตรวจสอบแล้ว: เนื้อหาตรงกับที่ลงนาม");
    // Someone with direct database access removes the guard and raises the ceiling.
    await db.$executeRawUnsafe(`DROP TRIGGER "DelegationPower_frozen_update"`);
    try {
      await db.$executeRawUnsafe(`UPDATE "DelegationPower" SET "ceilingBaht" = 5000000 WHERE "orderId" = ?`, id!);
      const page = await (await manager.client.get(`/orders/${id}`)).text();
      expect(page).toContain("เนื้อหาที่เก็บอยู่ในระบบไม่ตรงกับที่ลงนาม");
    } finally {
      await db.$executeRawUnsafe(`UPDATE "DelegationPower" SET "ceilingBaht" = 100000 WHERE "orderId" = ?`, id!);
      await db.$executeRawUnsafe(
        `CREATE TRIGGER "DelegationPower_frozen_update" BEFORE UPDATE ON "DelegationPower" WHEN (SELECT "signedAt" FROM "DelegationOrder" WHERE "id" = OLD."orderId") IS NOT NULL BEGIN SELECT RAISE(ABORT, 'signed order is immutable'); END`,
      );
    }
  });
});

describe("who may approve", () => {
  it("lists the powers a person holds on a date, by name or by position, and drops revoked and superseded orders", async () => {
    const manager = await personWith(["staff", "manager"]);
    const delegate = await createTestPerson();
    const holder = await createTestPerson();
    await db.person.update({ where: { id: holder.id }, data: { position: "หัวหน้างานพัสดุทดสอบ" } });
    const { id } = await draftThroughForm(
      manager.client,
      await orderFields(manager.person.employeeNumber, delegate.employeeNumber, {
        "delegates.1.positionTitle": "หัวหน้างานพัสดุทดสอบ",
        "delegates.1.employeeNumber": "",
      }),
    );
    await post(manager.client, id!, { intent: "submit" });
    await post(manager.client, id!, { intent: "sign", password: TEST_PASSWORD });
    const inForce = new Date("2027-01-15T05:00:00Z");
    expect((await powersHeldBy(delegate.id, inForce)).map((p) => p.power.ceilingBaht)).toEqual([100000]);
    expect(await powersHeldBy(holder.id, inForce)).toHaveLength(1);
    expect(await powersHeldBy(delegate.id, new Date("2026-10-15T05:00:00Z"))).toHaveLength(0); // before it took effect
    const page = await (
      await manager.client.get(`/orders/powers?person=${holder.employeeNumber}&date=2027-01-15`)
    ).text();
    expect(page).toContain("อนุมัติการจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจง");

    // A new order replaces it on signing.
    const replacement = await draftThroughForm(
      manager.client,
      await orderFields(manager.person.employeeNumber, delegate.employeeNumber, {
        supersedesId: String(id),
        "powers.0.ceilingBaht": "50000",
      }),
    );
    await post(manager.client, replacement.id!, { intent: "submit" });
    await post(manager.client, replacement.id!, { intent: "sign", password: TEST_PASSWORD });
    const old = await db.delegationOrder.findUniqueOrThrow({ where: { id: id! } });
    expect(old.status).toBe("superseded");
    expect(old.endReason).toContain("ถูกแทนที่โดยคำสั่งที่");
    expect(
      (await powersHeldBy(delegate.id, new Date(Date.now() + 86_400_000 * 60))).map((p) => p.power.ceilingBaht),
    ).toEqual([50000]);

    const revoke = await post(manager.client, replacement.id!, { intent: "revoke", reason: "ปรับโครงสร้างงานพัสดุใหม่" });
    expect(revoke.status).toBe(200);
    expect(await powersHeldBy(delegate.id, new Date(Date.now() + 86_400_000 * 60))).toHaveLength(0);
  });
});

describe("review fixes", () => {
  it("refuses to replace another delegator's order, and a signature on a draft changed since it was opened", async () => {
    const mayor = await personWith(["staff", "manager"]);
    const other = await personWith(["staff", "manager"]);
    const delegate = await createTestPerson();
    const { id } = await draftThroughForm(
      mayor.client,
      await orderFields(mayor.person.employeeNumber, delegate.employeeNumber),
    );
    await post(mayor.client, id!, { intent: "submit" });
    await post(mayor.client, id!, { intent: "sign", password: TEST_PASSWORD });
    const hijack = await draftThroughForm(
      other.client,
      await orderFields(other.person.employeeNumber, delegate.employeeNumber, { supersedesId: String(id) }),
    );
    expect(hijack.response.status).toBe(400);
    expect(await hijack.response.text()).toContain("ต้องเป็นคำสั่งของผู้มอบอำนาจคนเดียวกัน");

    const second = await draftThroughForm(
      mayor.client,
      await orderFields(mayor.person.employeeNumber, delegate.employeeNumber),
    );
    await post(mayor.client, second.id!, { intent: "submit" });
    const seen = (await db.delegationOrder.findUniqueOrThrow({ where: { id: second.id! } })).updatedAt.toISOString();
    // The author pulls it back, raises the ceiling and resubmits while the page is open.
    await post(mayor.client, second.id!, { intent: "return" });
    await mayor.client.post(
      `/orders/${second.id}/edit`,
      await orderFields(mayor.person.employeeNumber, delegate.employeeNumber, { "powers.0.ceilingBaht": "9000000" }),
    );
    await post(mayor.client, second.id!, { intent: "submit" });
    const stale = await post(mayor.client, second.id!, { intent: "sign", password: TEST_PASSWORD, version: seen });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("ถูกแก้ไขหลังจากที่ท่านเปิดดู");
    expect((await db.delegationOrder.findUniqueOrThrow({ where: { id: second.id! } })).signedAt).toBeNull();
  });
});
