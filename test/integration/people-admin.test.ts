import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { TEST_PASSWORD, createTestPerson, sessionCookieFor } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

async function clientWithRoles(...roles: ("staff" | "hr" | "manager" | "admin")[]) {
  const person = await createTestPerson({ roles });
  return { person, client: app.client(await sessionCookieFor(person.id)) };
}

const validPerson = async (overrides: Record<string, string> = {}) => {
  const division = await db.division.findUniqueOrThrow({ where: { code: "engineering-design" } });
  return {
    intent: "details",
    employeeNumber: "555001",
    title: "นาง",
    firstName: "วันเพ็ญ",
    lastName: "แก้วมูล",
    position: "วิศวกรโยธาชำนาญการ",
    personnelType: "municipal_officer",
    divisionId: String(division.id),
    activeFrom: "2024-10-01",
    activeUntil: "",
    ...overrides,
  };
};

describe("role guards", () => {
  it("gives staff a Thai 403 page on every admin page and action, not a crash", async () => {
    const { client } = await clientWithRoles("staff");
    for (const path of ["/admin/people", "/admin/people/new", "/admin/audit", "/unit"]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(403);
      expect(await response.text()).toContain("ไม่มีสิทธิ์เข้าถึง");
    }
    const post = await client.post("/admin/people/new", await validPerson());
    expect(post.status).toBe(403);
    expect(await db.person.count({ where: { employeeNumber: "555001" } })).toBe(0);
  });

  it("sends a signed-out visitor to the login page and back", async () => {
    const response = await app.client().get("/admin/people?q=x");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent("/admin/people?q=x")}`);
  });

  it("lets HR manage people but not roles, passwords or the audit log", async () => {
    const { client } = await clientWithRoles("staff", "hr");
    expect((await client.get("/admin/people")).status).toBe(200);
    expect((await client.get("/admin/audit")).status).toBe(403);
    const target = await createTestPerson();
    const roles = await client.post(`/admin/people/${target.id}`, { intent: "roles", roles: ["staff", "admin"] });
    expect(roles.status).toBe(403);
    const reset = await client.post(`/admin/people/${target.id}`, {
      intent: "reset-password",
      newPassword: "12345678x",
      confirmPassword: "12345678x",
    });
    expect(reset.status).toBe(403);
    const after = await db.personRole.findMany({ where: { personId: target.id } });
    expect(after.map((r) => r.role)).toEqual(["staff"]);
  });

  it("shows a manager the people of their own unit only", async () => {
    const manager = await createTestPerson({ roles: ["staff", "manager"], divisionCode: "finance" });
    const colleague = await createTestPerson({ divisionCode: "finance-revenue" });
    const outsider = await createTestPerson({ divisionCode: "health" });
    const client = app.client(await sessionCookieFor(manager.id));
    const page = await (await client.get("/unit")).text();
    expect(page).toContain("บุคลากรในกองคลัง");
    expect(page).toContain(colleague.employeeNumber);
    expect(page).not.toContain(outsider.employeeNumber);
  });
});

describe("people administration", () => {
  it("creates a person, with an audit record, and refuses a duplicate employee number in Thai", async () => {
    const { client, person: admin } = await clientWithRoles("staff", "admin");
    const created = await client.post("/admin/people/new", await validPerson({ employeeNumber: "555100" }));
    expect(created.status).toBe(302);
    const person = await db.person.findUniqueOrThrow({ where: { employeeNumber: "555100" }, include: { roles: true } });
    expect(person.roles.map((r) => r.role)).toEqual(["staff"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "person.created", entityId: "555100" } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.parse(audit.after!)).toMatchObject({ firstName: "วันเพ็ญ", roles: ["staff"] });

    const duplicate = await client.post(
      "/admin/people/new",
      await validPerson({ employeeNumber: "555100", firstName: "อื่น" }),
    );
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain("เลขประจำตัวนี้มีอยู่ในระบบแล้ว");
    expect(await db.person.count({ where: { employeeNumber: "555100" } })).toBe(1);
  });

  it("refuses bad input with Thai messages and keeps what was typed", async () => {
    const { client } = await clientWithRoles("staff", "hr");
    const response = await client.post(
      "/admin/people/new",
      await validPerson({
        employeeNumber: "555200",
        firstName: "",
        activeUntil: "2020-01-01",
        personnelType: "wizard",
      }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("กรุณากรอกชื่อ");
    expect(html).toContain("กรุณาเลือกประเภทบุคลากร");
    expect(html).toContain("วิศวกรโยธาชำนาญการ");
    expect(await db.person.count({ where: { employeeNumber: "555200" } })).toBe(0);
  });

  it("changes roles with before and after in the audit log", async () => {
    const { client, person: admin } = await clientWithRoles("staff", "admin");
    const target = await createTestPerson();
    const response = await client.post(`/admin/people/${target.id}`, { intent: "roles", roles: ["staff", "manager"] });
    expect(response.status).toBe(200);
    const roles = await db.personRole.findMany({ where: { personId: target.id }, orderBy: { role: "asc" } });
    expect(roles.map((r) => r.role)).toEqual(["manager", "staff"]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "person.roles_changed", entityId: target.employeeNumber },
    });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.parse(audit.before!)).toEqual({ roles: ["staff"] });
    expect(JSON.parse(audit.after!)).toEqual({ roles: ["manager", "staff"] });
  });

  it("refuses an unknown role or no role, and changes nothing", async () => {
    const { client } = await clientWithRoles("staff", "admin");
    const target = await createTestPerson();
    for (const roles of [["staff", "root"], []]) {
      const response = await client.post(`/admin/people/${target.id}`, { intent: "roles", roles });
      expect(response.status).toBe(400);
    }
    expect((await db.personRole.findMany({ where: { personId: target.id } })).map((r) => r.role)).toEqual(["staff"]);
    expect(
      await db.auditLog.count({ where: { action: "person.roles_changed", entityId: target.employeeNumber } }),
    ).toBe(0);
  });

  it("does not let an admin remove their own admin role; the refused change leaves no audit record", async () => {
    const { client, person: admin } = await clientWithRoles("staff", "admin");
    const response = await client.post(`/admin/people/${admin.id}`, { intent: "roles", roles: ["staff"] });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("ไม่สามารถถอดบทบาทผู้ดูแลระบบของตนเองได้");
    expect((await db.personRole.findMany({ where: { personId: admin.id } })).map((r) => r.role).sort()).toEqual([
      "admin",
      "staff",
    ]);
    expect(await db.auditLog.count({ where: { action: "person.roles_changed", entityId: admin.employeeNumber } })).toBe(
      0,
    );
  });

  it("deactivation ends the person's sessions at once and blocks sign-in; reactivation allows it again", async () => {
    const { client } = await clientWithRoles("staff", "hr");
    const target = await createTestPerson();
    const targetClient = app.client(await sessionCookieFor(target.id));
    expect((await targetClient.get("/")).status).toBe(200);
    expect((await client.post(`/admin/people/${target.id}`, { intent: "deactivate" })).status).toBe(200);
    expect((await targetClient.get("/")).status).toBe(302);
    expect(await db.session.count({ where: { personId: target.id } })).toBe(0);
    const login = await app.client().post("/login", { username: target.employeeNumber, password: TEST_PASSWORD });
    expect(login.status).toBe(401);
    expect(await db.auditLog.count({ where: { action: "person.deactivated", entityId: target.employeeNumber } })).toBe(
      1,
    );
    expect((await client.post(`/admin/people/${target.id}`, { intent: "reactivate" })).status).toBe(200);
    const again = await app.client().post("/login", { username: target.employeeNumber, password: TEST_PASSWORD });
    expect(again.status).toBe(302);
  });

  it("lets an admin reset a password, which ends the person's sessions", async () => {
    const { client } = await clientWithRoles("staff", "admin");
    const target = await createTestPerson();
    const targetClient = app.client(await sessionCookieFor(target.id));
    const reset = await client.post(`/admin/people/${target.id}`, {
      intent: "reset-password",
      newPassword: "reset-by-admin-1",
      confirmPassword: "reset-by-admin-1",
    });
    expect(reset.status).toBe(200);
    expect((await targetClient.get("/")).status).toBe(302);
    expect(
      (await app.client().post("/login", { username: target.employeeNumber, password: "reset-by-admin-1" })).status,
    ).toBe(302);
  });

  it("updates a person's details with before/after in the audit log", async () => {
    const { client } = await clientWithRoles("staff", "hr");
    const target = await createTestPerson();
    const response = await client.post(
      `/admin/people/${target.id}`,
      await validPerson({ employeeNumber: target.employeeNumber, position: "ตำแหน่งใหม่" }),
    );
    expect(response.status).toBe(200);
    expect((await db.person.findUniqueOrThrow({ where: { id: target.id } })).position).toBe("ตำแหน่งใหม่");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "person.updated", entityId: target.employeeNumber },
    });
    expect(JSON.parse(audit.before!).position).toBe("เจ้าหน้าที่ทดสอบ");
    expect(JSON.parse(audit.after!).position).toBe("ตำแหน่งใหม่");
  });

  it("shows a Thai 404 for a person who does not exist", async () => {
    const { client } = await clientWithRoles("staff", "admin");
    const response = await client.get("/admin/people/99999999");
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("ไม่พบบุคลากรนี้");
  });

  it("filters the audit log by action and entity", async () => {
    const { client } = await clientWithRoles("staff", "admin");
    const target = await createTestPerson();
    await client.post(`/admin/people/${target.id}`, { intent: "deactivate" });
    const page = await (
      await client.get(`/admin/audit?action=person.deactivated&entity=${target.employeeNumber}`)
    ).text();
    expect(page).toContain("ระงับการใช้งาน");
    expect(page).toContain(target.employeeNumber);
    const none = await (await client.get(`/admin/audit?action=auth.sign_out&entity=${target.employeeNumber}`)).text();
    expect(none).toContain("ไม่พบบันทึกตามเงื่อนไขที่เลือก");
  });
});
