import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

// Issue 12, item 2: removing a course from a group goes through a confirmation that says which course, which
// group, how many people and which year; earlier and closed fiscal years are read-only, on the page and in the model.

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

async function groupOf(divisionCode: string, size: number) {
  const { client } = await hrClient();
  const division = await db.division.findUniqueOrThrow({ where: { code: divisionCode } });
  for (let i = 0; i < size; i += 1) await createTestPerson({ divisionCode, personnelType: "permanent_employee" });
  const created = await client.post("/hr/groups/new", {
    intent: "save",
    name: `ลูกจ้างประจำ ${divisionCode}`,
    personnelTypes: ["permanent_employee"],
    divisionIds: [String(division.id)],
  });
  expect(created.status).toBe(302);
  return created.headers.get("location")!.split("/").pop()!;
}

describe("course assignment on /hr/groups", () => {
  it("says how many people an assignment reaches, and asks before removing it", async () => {
    const { client } = await hrClient();
    const code = await groupOf("internal-audit", 3);

    const assigned = await client.post("/hr/groups", {
      intent: "assign",
      courseSlug: "no-gift",
      fiscalYear: String(year),
      groupCodes: [code],
    });
    expect(assigned.status).toBe(302);
    const notice = await (await client.get(assigned.headers.get("location")!)).text();
    expect(notice).toContain("สมาชิก 3 คนจะเห็นหลักสูตรนี้");

    const assignment = await db.courseAssignment.findFirstOrThrow({
      where: { group: { code }, course: { slug: "no-gift" }, fiscalYear: year },
    });
    const page = await (await client.get(`/hr/groups?year=${year}`)).text();
    expect(page).toContain(`unassign=${assignment.id}`);
    expect(page).toContain("ยกเลิกการมอบหมาย");

    // The link only asks: nothing is removed until the confirmation is posted.
    const confirm = await (await client.get(`/hr/groups?year=${year}&unassign=${assignment.id}`)).text();
    expect(confirm).toContain("ยืนยันยกเลิกการมอบหมายหลักสูตร");
    expect(confirm).toContain((await db.course.findUniqueOrThrow({ where: { slug: "no-gift" } })).title);
    expect(confirm).toContain(`ลูกจ้างประจำ internal-audit`);
    expect(confirm).toMatch(/data-testid="confirm-count">3 คน</);
    expect(confirm).toContain(`ปีงบประมาณ ${year}`);
    expect(await db.courseAssignment.count({ where: { id: assignment.id } })).toBe(1);

    const removed = await client.post("/hr/groups", { intent: "unassign", assignmentId: String(assignment.id) });
    expect(removed.status).toBe(302);
    expect(await db.courseAssignment.count({ where: { id: assignment.id } })).toBe(0);
    expect(await (await client.get(removed.headers.get("location")!)).text()).toContain("ยกเลิกการมอบหมายหลักสูตร");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "course.unassigned", entityId: "no-gift" },
      orderBy: { id: "desc" },
    });
    expect(JSON.parse(audit.before!)).toMatchObject({ fiscalYear: year, groupCode: code });
  });

  it("keeps an earlier fiscal year read-only: no buttons, and the model refuses in Thai", async () => {
    const { hr, client } = await hrClient();
    const code = await groupOf("engineering-design", 1);
    const group = await db.targetGroup.findUniqueOrThrow({ where: { code } });
    const course = await db.course.findUniqueOrThrow({ where: { slug: "ethics" } });
    const past = await db.courseAssignment.create({
      data: {
        courseId: course.id,
        fiscalYear: year - 1,
        groupId: group.id,
        assignedAt: new Date("2024-10-02T00:00:00Z"),
        assignedById: hr.id,
      },
    });

    const page = await (await client.get(`/hr/groups?year=${year - 1}`)).text();
    expect(page).toContain(`ปีงบประมาณ ${year - 1} ผ่านไปแล้ว`);
    expect(page).not.toContain(`unassign=${past.id}`);
    expect(page).not.toContain('value="assign"');

    const unassign = await client.post("/hr/groups", { intent: "unassign", assignmentId: String(past.id) });
    expect(unassign.status).toBe(409);
    expect(await unassign.text()).toContain("ผ่านไปแล้ว");
    expect(await db.courseAssignment.count({ where: { id: past.id } })).toBe(1);

    const assign = await client.post("/hr/groups", {
      intent: "assign",
      courseSlug: "no-gift",
      fiscalYear: String(year - 1),
      groupCodes: [code],
    });
    expect(assign.status).toBe(409);
    expect(await db.courseAssignment.count({ where: { groupId: group.id, fiscalYear: year - 1 } })).toBe(1);
  });

  it("keeps a closed fiscal year read-only", async () => {
    const { hr, client } = await hrClient();
    const code = await groupOf("finance-procurement", 1);
    // A closure cannot be undone (this file's own database; this test runs last).
    await db.fiscalYearClosure.create({ data: { fiscalYear: year, closedAt: new Date(), closedById: hr.id } });
    const page = await (await client.get(`/hr/groups?year=${year}`)).text();
    expect(page).toContain(`ปีงบประมาณ ${year} ปิดและบันทึกผลแล้ว`);
    expect(page).not.toContain('value="assign"');
    const assign = await client.post("/hr/groups", {
      intent: "assign",
      courseSlug: "ethics",
      fiscalYear: String(year),
      groupCodes: [code],
    });
    expect(assign.status).toBe(409);
    expect(await assign.text()).toContain("ปิดและบันทึกผลแล้ว");
    expect(await db.courseAssignment.count({ where: { group: { code } } })).toBe(0);
  });
});
