import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const HEADER = "เลขประจำตัว,คำนำหน้า,ชื่อ,นามสกุล,ตำแหน่ง,ประเภทบุคลากร,หน่วยงาน,เริ่มปฏิบัติงาน,สิ้นสุดการปฏิบัติงาน";

async function upload(cookie: string, fields: Record<string, string>, csv?: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (csv !== undefined) form.append("file", new File(["\uFEFF" + csv], "roster.csv", { type: "text/csv" }));
  return fetch(`${app.baseUrl}/admin/people/import`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookie, Origin: app.baseUrl },
  });
}

describe("roster import", () => {
  it("previews per row without writing, refuses to apply with errors, then upserts by employee number, audited", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
    const existing = await createTestPerson({ employeeNumber: "770001" });
    const cookie = await sessionCookieFor(hr.id);
    const bad = [
      HEADER,
      "770001,นาย,ทดสอบ1,ระบบ,หัวหน้าฝ่ายทดสอบ,พนักงานเทศบาล,กองคลัง,2563-01-01,",
      "770002,นาง,สมหญิง,ใจดี,นักวิชาการเงินและบัญชี,พนักงานจ้าง,finance-accounting,2569-10-01,",
      "770003,นาย,,ไม่มีชื่อ,คนงาน,ลูกจ้างประจำ,กองที่ไม่มีจริง,2569-02-30,",
    ].join("\n");
    const preview = await upload(cookie, { intent: "preview" }, bad);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("เพิ่มใหม่ 1 · แก้ไข 1 · ไม่เปลี่ยนแปลง 0 · ผิดพลาด 1");
    expect(html).toContain("ไม่พบหน่วยงาน");
    expect(html).toContain("วันเริ่มปฏิบัติงานต้องเป็น");
    expect(html).toMatch(/เปลี่ยน: [^<]*ตำแหน่ง, หน่วยงาน/);
    expect(await db.person.count({ where: { employeeNumber: { in: ["770002", "770003"] } } })).toBe(0);
    const refused = await upload(cookie, { intent: "apply", csv: bad });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("ไฟล์ยังมีแถวที่ไม่ถูกต้อง");
    expect(refusedHtml).toContain("ตรวจสอบไฟล์นี้อีกครั้ง"); // the refused file is kept to check again
    expect(await db.person.count({ where: { employeeNumber: "770002" } })).toBe(0);

    const good = bad.split("\n").slice(0, 3).join("\n");
    const applied = await upload(cookie, { intent: "apply", csv: good });
    expect(applied.status).toBe(200);
    expect(await applied.text()).toContain("นำเข้าแล้ว: เพิ่มใหม่ 1 คน แก้ไข 1 คน");
    const created = await db.person.findUniqueOrThrow({
      where: { employeeNumber: "770002" },
      include: { division: true, roles: true },
    });
    expect([created.division.code, created.personnelType, created.roles.map((r) => r.role)]).toEqual([
      "finance-accounting",
      "contract_employee",
      ["staff"],
    ]);
    expect(created.activeFrom.toISOString()).toBe("2026-09-30T17:00:00.000Z"); // 1 Oct 2569 BE, Bangkok midnight
    expect((await db.person.findUniqueOrThrow({ where: { id: existing.id } })).position).toBe("หัวหน้าฝ่ายทดสอบ");
    expect(await db.auditLog.count({ where: { action: "roster.imported" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "person.updated", entityId: "770001" } })).toBe(1);

    const staff = await createTestPerson();
    expect((await upload(await sessionCookieFor(staff.id), { intent: "preview" }, good)).status).toBe(403);
  });
});
