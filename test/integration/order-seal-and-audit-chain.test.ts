import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentHash, formatOrderCode } from "~/domain/delegation";
import type { Role } from "~/domain/roles";
import { verifyAuditChain } from "~/models/audit-chain.server";
import { createDraft, signOrder, submitForSignature } from "~/models/orders/order-commands.server";
import { canonicalOrder, findOrder } from "~/models/orders/order-store.server";
import { sealLegacyOrders } from "~/models/orders/order-verify.server";
import { delegationOrderSchema } from "~/schemas/delegation-order";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { TEST_PASSWORD, createTestPerson, sessionCookieFor } from "../support/factories";
import { ROOT, bin } from "../support/paths";

// Issue 16, finding 7: the order seal is keyed (its key is not in the database), printed orders carry a code
// anyone can check, and the audit log is a hash chain. Each test plays someone holding the database file.

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

async function signedOrder() {
  const manager = await createTestPerson({ roles: ["staff", "manager"], divisionCode: "finance" });
  const delegate = await createTestPerson();
  const division = await db.division.findUniqueOrThrow({ where: { code: "finance" } });
  const actor = { personId: manager.id, roles: ["staff", "manager"] as Role[], ip: null };
  const draft = await createDraft(
    delegationOrderSchema.parse({
      title: "มอบอำนาจอนุมัติการจัดซื้อจัดจ้างวงเงินเล็ก",
      issuingDivisionId: division.id,
      delegatorEmployeeNumber: manager.employeeNumber,
      effectiveFrom: "2026-11-01",
      effectiveUntil: "2027-09-30",
      body: "เพื่อให้การปฏิบัติราชการเป็นไปด้วยความรวดเร็ว จึงมอบอำนาจดังต่อไปนี้",
      delegates: [{ employeeNumber: delegate.employeeNumber, positionTitle: "" }],
      powers: [
        {
          kind: "approve",
          description: "อนุมัติการจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจง",
          legalBasis: "ระเบียบกระทรวงการคลังฯ พ.ศ. 2560 ข้อ 79",
          limits: "",
          ceilingBaht: 5000,
        },
      ],
      recipientEmployeeNumbers: "",
      recipientDivisionIds: [],
    }),
    actor,
  );
  await submitForSignature(draft.id, actor);
  await signOrder(draft.id, TEST_PASSWORD, actor);
  const order = await db.delegationOrder.findUniqueOrThrow({ where: { id: draft.id } });
  return { order, staff: app.client(await sessionCookieFor(manager.id)) };
}

// `npm run audit:verify`, run as its own process (asynchronously: the server in this process keeps answering).
const auditVerify = () =>
  new Promise<{ code: number; out: string }>((resolve) => {
    execFile(bin("tsx"), ["scripts/audit-verify.ts"], { cwd: ROOT, env: process.env }, (error, stdout) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout });
    });
  });

describe("the order seal", () => {
  it("a printed order's code checks out publicly; after a ceiling is raised in the database and the old hash recomputed, it no longer does", async () => {
    const { order, staff } = await signedOrder();
    expect(order.seal).toMatch(/^[0-9a-f]{64}$/);
    expect(order.verifyCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const code = formatOrderCode(order.verifyCode!);

    expect(await (await staff.get(`/orders/${order.id}`)).text()).toContain("ตรวจสอบแล้ว: เนื้อหาตรงกับที่ลงนาม");
    expect(await (await staff.get(`/orders/${order.id}/print`)).text()).toContain(`รหัสตรวจสอบ ${code}`);
    // One public box for certificates and orders, tolerant of spaces, dashes and case; no sign-in.
    const anyone = app.client();
    const typed = `${order.verifyCode!.slice(0, 3).toLowerCase()} ${order.verifyCode!.slice(3)}`;
    const redirected = await anyone.get(`/verify?code=${encodeURIComponent(typed)}`);
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get("location")).toBe(`/verify/order/${code}`);
    const good = await (await anyone.get(`/verify/order/${code}`)).text();
    expect(good).toContain(`คำสั่งรหัส ${code} ตรงกับที่ลงนาม`);
    expect(good).toContain("5,000");
    expect((await anyone.get(`/verify/order/ABCDE-FGHJK`)).status).toBe(404);

    // Someone with the database file raises the ceiling and recomputes the old unkeyed hash the app's old way.
    for (const t of ["DelegationPower_frozen_update", "DelegationOrder_content_frozen_after_signing"])
      await db.$executeRawUnsafe(`DROP TRIGGER "${t}"`);
    await db.$executeRawUnsafe(`UPDATE "DelegationPower" SET "ceilingBaht" = 99999999 WHERE "orderId" = ?`, order.id);
    const forged = contentHash(canonicalOrder(await findOrder(db, order.id)));
    await db.$executeRawUnsafe(`UPDATE "DelegationOrder" SET "contentHash" = ? WHERE "id" = ?`, forged, order.id);

    const staffPage = await (await staff.get(`/orders/${order.id}`)).text();
    expect(staffPage).toContain("ไม่ตรงกับที่ลงนาม");
    expect(staffPage).not.toContain("ตรวจสอบแล้ว: เนื้อหาตรงกับที่ลงนาม");
    const bad = await (await anyone.get(`/verify/order/${code}`)).text();
    expect(bad).toContain("ไม่ตรงกับที่ลงนาม");
    expect(bad).not.toContain(`คำสั่งรหัส ${code} ตรงกับที่ลงนาม`);
    expect(bad).toContain("99,999,999");
    expect(await (await staff.get(`/orders/${order.id}/print`)).text()).not.toContain(`รหัสตรวจสอบ ${code}`);

    // Removing the seal does not get the order sealed again by setup: it was signed under the audit chain.
    await db.$executeRawUnsafe(
      `UPDATE "DelegationOrder" SET "seal" = NULL, "verifyCode" = NULL WHERE "id" = ?`,
      order.id,
    );
    expect((await sealLegacyOrders()).refused).toContain(order.id);
    expect(await (await staff.get(`/orders/${order.id}`)).text()).toContain("ยังไม่มีตราประทับของระบบ");
  });
});

describe("the audit log's hash chain", () => {
  it(
    "reports a row whose content was rewritten, a deleted row and an inserted one, at that row",
    { timeout: 120_000 },
    async () => {
      const person = await createTestPerson();
      for (let i = 0; i < 4; i++) {
        await writeAudit(db, {
          actorId: person.id,
          action: "person.updated",
          entityType: "Person",
          entityId: person.id,
          after: { step: i },
        });
      }
      const rows = await db.auditLog.findMany({
        where: { actorId: person.id, action: "person.updated" },
        orderBy: { id: "asc" },
      });
      expect(rows).toHaveLength(4);
      expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
      expect((await verifyAuditChain()).ok).toBe(true);
      expect(await auditVerify()).toMatchObject({ code: 0 });

      await db.$executeRawUnsafe(`DROP TRIGGER "AuditLog_no_update"`);
      await db.$executeRawUnsafe(`DROP TRIGGER "AuditLog_no_delete"`);
      // Rewritten: one row's `after` changed.
      await db.$executeRawUnsafe(
        `UPDATE "AuditLog" SET "after" = ? WHERE "id" = ?`,
        JSON.stringify({ step: 99 }),
        rows[1]!.id,
      );
      let report = await verifyAuditChain();
      expect(report.ok).toBe(false);
      expect(report.breaks).toEqual([{ id: rows[1]!.id, kind: "rewritten" }]);
      const cli = await auditVerify();
      expect(cli.code).toBe(1);
      expect(cli.out).toContain(`row ${rows[1]!.id}: rewritten`);
      const admin = app.client(await sessionCookieFor((await createTestPerson({ roles: ["staff", "admin"] })).id));
      const page = await (await admin.get("/admin/audit")).text();
      expect(page).toContain("ห่วงโซ่บันทึกขาด");
      expect(page).toContain(`รายการที่ ${rows[1]!.id}: เนื้อหาของรายการนี้ถูกแก้ไขหลังบันทึก`);
      await db.$executeRawUnsafe(`UPDATE "AuditLog" SET "after" = ? WHERE "id" = ?`, rows[1]!.after, rows[1]!.id);
      expect((await verifyAuditChain()).ok).toBe(true);

      // Deleted: the chain breaks at the row after it.
      await db.$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE "id" = ?`, rows[2]!.id);
      report = await verifyAuditChain();
      expect(report.breaks).toEqual([{ id: rows[3]!.id, kind: "link" }]);
      expect((await auditVerify()).out).toContain(`row ${rows[3]!.id}: link`);

      // Inserted (in place of the deleted row, with a made-up hash, or with none).
      await db.$executeRawUnsafe(
        `INSERT INTO "AuditLog" ("id", "at", "actorId", "action", "entityType", "entityId", "prevHash", "hash") VALUES (?, ?, ?, 'person.updated', 'Person', ?, ?, ?)`,
        rows[2]!.id,
        rows[2]!.at.toISOString().replace("Z", "+00:00"),
        person.id,
        String(person.id),
        rows[1]!.hash,
        "f".repeat(64),
      );
      report = await verifyAuditChain();
      expect(report.breaks).toEqual([
        { id: rows[2]!.id, kind: "rewritten" },
        { id: rows[3]!.id, kind: "link" },
      ]);
      await db.$executeRawUnsafe(`UPDATE "AuditLog" SET "hash" = NULL, "prevHash" = NULL WHERE "id" = ?`, rows[2]!.id);
      expect((await verifyAuditChain()).breaks).toContainEqual({ id: rows[2]!.id, kind: "unsealed" });
    },
  );
});
