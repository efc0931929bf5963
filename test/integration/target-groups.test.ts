import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { syncPlan } from "~/content/plan-sync.server";
import { loadAllCourses } from "~/content/courses.server";
import { populationOf } from "~/models/people/target-groups.server";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const year = fiscalYearOf(new Date());

async function hrClient() {
  const hr = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
  return { hr, client: app.client(await sessionCookieFor(hr.id)) };
}

async function memberIds(code: string) {
  return new Set((await populationOf(code, new Date()))!.members.map((m) => m.id));
}

describe("HR target groups", () => {
  it("creates a group from rules, names people out and in, and the population follows; every change audited", async () => {
    const { hr, client } = await hrClient();
    const engineering = await db.division.findUniqueOrThrow({ where: { code: "engineering" } });
    const engineerA = await createTestPerson({
      divisionCode: "engineering-design",
      personnelType: "contract_employee",
    });
    const engineerB = await createTestPerson({
      divisionCode: "engineering-design",
      personnelType: "contract_employee",
    });
    const outsider = await createTestPerson({
      divisionCode: "finance-procurement",
      personnelType: "contract_employee",
    });

    const preview = await client.post("/hr/groups/new", {
      intent: "preview",
      name: "พนักงานจ้างสำนักช่าง",
      personnelTypes: ["contract_employee"],
      divisionIds: [String(engineering.id)],
    });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain(engineerA.employeeNumber);
    expect(await db.targetGroup.count({ where: { managedBy: "hr" } })).toBe(0); // a preview saves nothing

    const created = await client.post("/hr/groups/new", {
      intent: "save",
      name: "พนักงานจ้างสำนักช่าง",
      personnelTypes: ["contract_employee"],
      divisionIds: [String(engineering.id)],
      positionIncludes: "",
    });
    expect(created.status).toBe(302);
    const code = created.headers.get("location")!.split("/").pop()!;
    const group = await db.targetGroup.findUniqueOrThrow({ where: { code } });
    expect(group).toMatchObject({ managedBy: "hr", name: "พนักงานจ้างสำนักช่าง", divisionCodes: '["engineering"]' });
    expect(await memberIds(code)).toEqual(new Set([engineerA.id, engineerB.id]));

    expect(
      (
        await client.post(`/hr/groups/${code}`, {
          intent: "name",
          employeeNumber: engineerB.employeeNumber,
          kind: "exclude",
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await client.post(`/hr/groups/${code}`, {
          intent: "name",
          employeeNumber: outsider.employeeNumber,
          kind: "include",
        })
      ).status,
    ).toBe(302);
    expect(await memberIds(code)).toEqual(new Set([engineerA.id, outsider.id]));

    const page = await (await client.get(`/hr/groups/${code}`)).text();
    expect(page).toContain(outsider.employeeNumber);
    expect(page).toContain("ยกเว้นเป็นรายบุคคล");

    expect((await client.post(`/hr/groups/${code}`, { intent: "unname", personId: String(engineerB.id) })).status).toBe(
      302,
    );
    expect(await memberIds(code)).toEqual(new Set([engineerA.id, engineerB.id, outsider.id]));

    const audit = await db.auditLog.findMany({
      where: { entityType: "TargetGroup", entityId: code },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "target_group.created",
      "target_group.member_named",
      "target_group.member_named",
      "target_group.member_removed",
    ]);
    expect(audit.every((a) => a.actorId === hr.id)).toBe(true);

    // The list shows the group with today's count.
    const list = await (await client.get("/hr/groups")).text();
    expect(list).toContain("พนักงานจ้างสำนักช่าง");
  });

  it("refuses bad input in Thai and changes nothing", async () => {
    const { client } = await hrClient();
    const before = await db.auditLog.count();
    const noName = await client.post("/hr/groups/new", { intent: "save", name: "", personnelTypes: ["nobody"] });
    expect(noName.status).toBe(400);
    const noNameText = await noName.text();
    expect(noNameText).toContain("กรุณากรอกชื่อกลุ่ม");
    expect(noNameText).toContain("ประเภทบุคลากรไม่ถูกต้อง");
    expect(await db.targetGroup.count({ where: { managedBy: "hr" } })).toBe(1);

    const unknown = await client.post("/hr/groups/all-personnel", {
      intent: "name",
      employeeNumber: "999999",
      kind: "include",
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("ไม่พบบุคลากรเลขประจำตัว 999999");

    // A content group's rules come from the plan file.
    const contentEdit = await client.post("/hr/groups/all-personnel", {
      intent: "save",
      name: "เปลี่ยนชื่อ",
      personnelTypes: ["teacher"],
    });
    expect(contentEdit.status).toBe(403);
    expect(await contentEdit.text()).toContain("แก้ไขเงื่อนไขได้ที่ไฟล์แผนเท่านั้น");
    expect((await db.targetGroup.findUniqueOrThrow({ where: { code: "all-personnel" } })).name).not.toBe("เปลี่ยนชื่อ");

    const noGroups = await client.post("/hr/groups", {
      intent: "assign",
      courseSlug: "ethics",
      fiscalYear: String(year),
    });
    expect(noGroups.status).toBe(400);
    expect(await noGroups.text()).toContain("กรุณาเลือกกลุ่มเป้าหมายอย่างน้อย 1 กลุ่ม");
    expect(await db.courseAssignment.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("a content group takes named members and keeps them, and HR groups, through a plan sync", async () => {
    const { client } = await hrClient();
    const teacher = await createTestPerson({ personnelType: "teacher" });
    expect((await memberIds("all-personnel")).has(teacher.id)).toBe(false);
    expect(
      (
        await client.post("/hr/groups/all-personnel", {
          intent: "name",
          employeeNumber: teacher.employeeNumber,
          kind: "include",
        })
      ).status,
    ).toBe(302);
    expect((await memberIds("all-personnel")).has(teacher.id)).toBe(true);
    const hrGroups = await db.targetGroup.findMany({ where: { managedBy: "hr" } });
    await db.targetGroup.update({ where: { code: "council" }, data: { managedBy: "hr", name: "สภา (ปรับโดยงานบุคคล)" } });

    await syncPlan(loadAllCourses());

    expect((await memberIds("all-personnel")).has(teacher.id)).toBe(true);
    expect(await db.targetGroup.findMany({ where: { managedBy: "hr", code: { not: "council" } } })).toEqual(hrGroups);
    expect((await db.targetGroup.findUniqueOrThrow({ where: { code: "council" } })).name).toBe("สภา (ปรับโดยงานบุคคล)");
    await db.targetGroup.update({ where: { code: "council" }, data: { managedBy: "content" } });
  });

  it("staff cannot reach the group pages", async () => {
    const staff = await createTestPerson();
    const client = app.client(await sessionCookieFor(staff.id));
    expect((await client.get("/hr/groups")).status).toBe(403);
    expect((await client.get("/hr/groups/all-personnel")).status).toBe(403);
    expect(
      (
        await client.post("/hr/groups/all-personnel", {
          intent: "name",
          employeeNumber: staff.employeeNumber,
          kind: "include",
        })
      ).status,
    ).toBe(403);
    expect(await db.targetGroupMember.count({ where: { personId: staff.id } })).toBe(0);
  });
});

describe("course assignment", () => {
  it("shows a course in My courses to members only, refuses it to others, and HR's report counts the group", async () => {
    const { client } = await hrClient();
    const member = await createTestPerson({ divisionCode: "internal-audit", personnelType: "permanent_employee" });
    const outsider = await createTestPerson({
      divisionCode: "finance-procurement",
      personnelType: "permanent_employee",
    });
    const memberClient = app.client(await sessionCookieFor(member.id));
    const outsiderClient = app.client(await sessionCookieFor(outsider.id));
    const audit = await db.division.findUniqueOrThrow({ where: { code: "internal-audit" } });
    const created = await client.post("/hr/groups/new", {
      intent: "save",
      name: "ลูกจ้างประจำหน่วยตรวจสอบภายใน",
      personnelTypes: ["permanent_employee"],
      divisionIds: [String(audit.id)],
    });
    const code = created.headers.get("location")!.split("/").pop()!;

    expect(await (await memberClient.get("/courses")).text()).toContain("ยังไม่มีหลักสูตรที่กำหนดให้ท่าน");
    const assigned = await client.post("/hr/groups", {
      intent: "assign",
      courseSlug: "no-gift",
      fiscalYear: String(year),
      groupCodes: [code],
    });
    expect(assigned.status).toBe(302);

    const mine = await (await memberClient.get("/courses")).text();
    expect(mine).toContain('data-testid="course-no-gift"');
    expect(mine).not.toContain('data-testid="course-ethics"');
    expect(await (await outsiderClient.get("/courses")).text()).not.toContain('data-testid="course-no-gift"');

    expect((await memberClient.get("/courses/no-gift")).status).toBe(200);
    const refused = await outsiderClient.get("/courses/no-gift");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("หลักสูตรนี้ไม่ได้กำหนดให้ท่านเรียนในปีงบประมาณนี้");
    expect((await outsiderClient.get("/courses/no-gift/lessons/gifts-and-the-law")).status).toBe(403);
    expect((await outsiderClient.post("/courses/no-gift/lessons/gifts-and-the-law", {})).status).toBe(403);
    const refusedStart = await outsiderClient.post("/courses/no-gift", { kind: "pre" });
    expect(refusedStart.status).toBe(403);
    expect(await db.attempt.count({ where: { personId: outsider.id } })).toBe(0);

    // The member starts; after the assignment is removed the started course stays reachable, but leaves the list.
    const start = await memberClient.post("/courses/no-gift", { kind: "pre" });
    expect(start.status).toBe(302);
    const assignment = await db.courseAssignment.findFirstOrThrow({
      where: { group: { code }, course: { slug: "no-gift" }, fiscalYear: year },
    });
    const hrReport = await (await client.get(`/hr/courses/no-gift?year=${year}`)).text();
    expect(hrReport).toContain(member.employeeNumber);
    expect(hrReport).not.toContain(outsider.employeeNumber);

    expect(
      (
        await client.post("/hr/groups", {
          intent: "unassign",
          assignmentId: String(assignment.id),
          courseSlug: "no-gift",
          fiscalYear: String(year),
        })
      ).status,
    ).toBe(302);
    expect(await db.courseAssignment.count({ where: { id: assignment.id } })).toBe(0);
    expect((await memberClient.get("/courses/no-gift")).status).toBe(200);
    expect(await (await memberClient.get("/courses")).text()).not.toContain('data-testid="course-no-gift"');
    const afterReport = await (await client.get(`/hr/courses/no-gift?year=${year}`)).text();
    expect(afterReport).toContain(member.employeeNumber);
    expect(afterReport).toContain("นอกกลุ่มเป้าหมาย");

    const actions = (
      await db.auditLog.findMany({ where: { entityType: "Course", entityId: "no-gift" }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["course.assigned", "course.unassigned"]);
  });
});
