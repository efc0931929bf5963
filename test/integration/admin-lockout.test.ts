import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toDateInputValue } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

// Issue 16, finding 6 (decision 026): HR cannot lock administrators out; the last active admin stays an admin.

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const ADMIN_ONLY = "เฉพาะผู้ดูแลระบบเท่านั้นที่แก้ไขบัญชีของผู้ดูแลระบบ";
const LAST_ADMIN = "ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อย 1 คน";

async function detailsOf(personId: number, overrides: Record<string, string> = {}) {
  const p = await db.person.findUniqueOrThrow({ where: { id: personId } });
  return {
    intent: "details",
    employeeNumber: p.employeeNumber,
    title: p.title,
    firstName: p.firstName,
    lastName: p.lastName,
    position: p.position,
    personnelType: p.personnelType,
    divisionId: String(p.divisionId),
    activeFrom: toDateInputValue(p.activeFrom),
    activeUntil: toDateInputValue(p.activeUntil),
    ...overrides,
  };
}

const snapshot = async (personId: number) => {
  const p = await db.person.findUniqueOrThrow({
    where: { id: personId },
    include: { roles: { orderBy: { role: "asc" } } },
  });
  return { ...p, updatedAt: undefined, roles: p.roles.map((r) => r.role) };
};

describe("administrator accounts", () => {
  it("refuses HR every change that touches an admin's account, with a Thai 403, changing nothing", async () => {
    const admin = await createTestPerson({ roles: ["staff", "admin"] });
    await createTestPerson({ roles: ["staff", "admin"] }); // not the last admin: the refusal is about who asks
    const hr = app.client(await sessionCookieFor((await createTestPerson({ roles: ["staff", "hr"] })).id));
    const before = await snapshot(admin.id);
    const attempts: Record<string, string | string[]>[] = [
      await detailsOf(admin.id, { employeeNumber: "EVIL001" }),
      await detailsOf(admin.id, { firstName: "ถูกเปลี่ยนชื่อ" }),
      await detailsOf(admin.id, { activeUntil: "2020-06-01" }),
      { intent: "deactivate" },
      { intent: "reset-password", newPassword: "hr-knows-this-1", confirmPassword: "hr-knows-this-1" },
      { intent: "roles", roles: ["staff"] },
    ];
    for (const form of attempts) {
      const response = await hr.post(`/admin/people/${admin.id}`, form);
      expect(response.status, JSON.stringify(form)).toBe(403);
      expect(await response.text()).toContain("เฉพาะผู้ดูแลระบบ");
      expect(await snapshot(admin.id)).toEqual(before);
    }
    // HR still edits an admin's position (not part of the account) and everyone else as before.
    expect(
      (await hr.post(`/admin/people/${admin.id}`, await detailsOf(admin.id, { position: "นักวิชาการคอมพิวเตอร์ชำนาญการ" })))
        .status,
    ).toBe(200);
    const staff = await createTestPerson();
    expect((await hr.post(`/admin/people/${staff.id}`, { intent: "deactivate" })).status).toBe(200);
    // A deactivated admin cannot be reactivated by HR either.
    const retired = await createTestPerson({ roles: ["staff", "admin"] });
    await db.person.update({ where: { id: retired.id }, data: { deactivatedAt: new Date() } });
    const reactivate = await hr.post(`/admin/people/${retired.id}`, { intent: "reactivate" });
    expect(reactivate.status).toBe(403);
    expect(await reactivate.text()).toContain(ADMIN_ONLY);
    expect((await db.person.findUniqueOrThrow({ where: { id: retired.id } })).deactivatedAt).not.toBeNull();
  });

  it("lets an admin change another admin, but never deactivate or demote the last active admin", async () => {
    // Only two admins exist in this file's database from here: make every other admin inactive first.
    await db.person.updateMany({ where: { roles: { some: { role: "admin" } } }, data: { deactivatedAt: new Date() } });
    const first = await createTestPerson({ roles: ["staff", "admin"] });
    const second = await createTestPerson({ roles: ["staff", "admin"] });
    const firstClient = app.client(await sessionCookieFor(first.id));
    const secondClient = app.client(await sessionCookieFor(second.id));

    expect(
      (await firstClient.post(`/admin/people/${second.id}`, await detailsOf(second.id, { firstName: "แอดมินสอง" })))
        .status,
    ).toBe(200);
    expect((await db.person.findUniqueOrThrow({ where: { id: second.id } })).firstName).toBe("แอดมินสอง");
    // Demoting the second admin is allowed while the first remains; then the first is the last one.
    expect(
      (await firstClient.post(`/admin/people/${second.id}`, { intent: "roles", roles: ["staff", "hr"] })).status,
    ).toBe(200);
    // The second (now HR) cannot touch the last admin; no admin (the first is the only one) can end the last admin's access.
    const before = await snapshot(first.id);
    const forms: Record<string, string | string[]>[] = [
      { intent: "deactivate" },
      await detailsOf(first.id, { activeUntil: "2020-01-01" }),
      { intent: "roles", roles: ["staff"] },
    ];
    for (const form of forms) {
      const response = await secondClient.post(`/admin/people/${first.id}`, form);
      expect(response.status).toBeGreaterThanOrEqual(403);
      expect(await snapshot(first.id)).toEqual(before);
    }
    // An admin setting the last admin's end date in the past (which ends access) is refused with 409.
    const third = await createTestPerson({ roles: ["staff", "admin"] });
    await db.person.update({ where: { id: third.id }, data: { activeFrom: new Date("2030-01-01T00:00:00Z") } }); // admin role, not yet active
    // The last admin ending their own access through an end date in the past is refused with 409.
    const endsAccess = await firstClient.post(
      `/admin/people/${first.id}`,
      await detailsOf(first.id, { activeUntil: "2020-01-01" }),
    );
    expect(endsAccess.status).toBe(409);
    expect(await endsAccess.text()).toContain(LAST_ADMIN);
    expect(await snapshot(first.id)).toEqual(before);
  });
});
