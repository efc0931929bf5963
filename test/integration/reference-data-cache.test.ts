import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { allDivisions, listDivisionOptions } from "~/models/people/organization.server";
import { assignedCourseIds, yearAssignments } from "~/models/training/assignments.server";
import { listCourses } from "~/models/training/catalogue.server";
import { myCourses } from "~/models/training/my-courses.server";
import { planItems, planOverview } from "~/models/plan/plan-queries.server";
import { documentsFor } from "~/models/plan/policy-documents.server";
import { db } from "~/utils/db.server";
import { createTestPerson } from "../support/factories";

// Decision 059: the course catalogue, a year's course assignments and the divisions are kept per process while their
// CacheVersion number is unchanged; SQL triggers bump it with every write to their tables. Each test shows that a
// repeated read is the kept value and that the next read after a write — through Prisma or through another
// connection, as another server process would write — sees the write.

const year = fiscalYearOf(new Date());

/** A write on a second connection to the same file: what another server process does. */
function writeElsewhere(sql: string, ...args: unknown[]) {
  const other = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
  try {
    other.pragma("busy_timeout = 5000");
    other.prepare(sql).run(...args);
  } finally {
    other.close();
  }
}

describe("the course catalogue", () => {
  it("is read once while no course or lesson changes, and is frozen", async () => {
    const first = await listCourses();
    expect(first.length).toBeGreaterThan(0);
    expect(await listCourses()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0]!.lessons)).toBe(true);
    expect(() => (first as unknown[]).push({})).toThrow(TypeError);
  });

  it("shows a course's new title after the course changes", async () => {
    const before = await listCourses();
    const course = before[0]!;
    await db.course.update({ where: { id: course.id }, data: { title: `${course.title} (แก้ไข)` } });
    const after = await listCourses();
    expect(after).not.toBe(before);
    expect(after.find((c) => c.id === course.id)!.title).toBe(`${course.title} (แก้ไข)`);
    await db.course.update({ where: { id: course.id }, data: { title: course.title } });
    expect((await listCourses()).find((c) => c.id === course.id)!.title).toBe(course.title);
  });

  it("drops a lesson retired by another process", async () => {
    const course = (await listCourses()).find((c) => c.lessons.length > 1)!;
    const retired = course.lessons[0]!.id;
    writeElsewhere(`UPDATE "Lesson" SET "retired" = 1 WHERE "id" = ?`, retired);
    const after = (await listCourses()).find((c) => c.id === course.id)!;
    expect(after.lessons.map((l) => l.id)).not.toContain(retired);
    expect(after.lessons).toHaveLength(course.lessons.length - 1);
    await db.lesson.update({ where: { id: retired }, data: { retired: false } });
    expect((await listCourses()).find((c) => c.id === course.id)!.lessons.map((l) => l.id)).toContain(retired);
  });
});

/** This year's assignment of a course to every person ("all-personnel"), through Prisma. */
async function assignToEveryone(courseId: number, assignedById: number) {
  const group = await db.targetGroup.findUniqueOrThrow({ where: { code: "all-personnel" } });
  await db.courseAssignment.create({
    data: { courseId, fiscalYear: year, groupId: group.id, assignedAt: new Date(), assignedById },
  });
}

describe("a year's course assignments", () => {
  it("follow assignments made and removed, here and by another process", async () => {
    const person = await createTestPerson();
    const [course] = await listCourses();
    await db.courseAssignment.deleteMany({ where: { fiscalYear: year } });
    const none = await yearAssignments(year);
    expect(none).toEqual([]);
    expect(await yearAssignments(year)).toBe(none);
    expect(await assignedCourseIds(person.id, year, new Date())).toEqual(new Set());

    await assignToEveryone(course!.id, person.id);
    expect(await assignedCourseIds(person.id, year, new Date())).toEqual(new Set([course!.id]));
    expect((await myCourses(person.id, year)).map((c) => c.slug)).toEqual([course!.slug]);

    writeElsewhere(`DELETE FROM "CourseAssignment" WHERE "fiscalYear" = ?`, year);
    expect(await assignedCourseIds(person.id, year, new Date())).toEqual(new Set());
    expect(await myCourses(person.id, year)).toEqual([]);
  });

  it("are kept per year: a change to one year is seen in that year and the other stays right", async () => {
    const person = await createTestPerson();
    const [course] = await listCourses();
    await db.courseAssignment.deleteMany({ where: { fiscalYear: { in: [year, year - 1] } } });
    const lastYear = await yearAssignments(year - 1);
    await assignToEveryone(course!.id, person.id);
    expect((await yearAssignments(year)).map((a) => a.courseId)).toEqual([course!.id]);
    expect(await yearAssignments(year - 1)).toEqual(lastYear);
  });
});

describe("the divisions", () => {
  it("are read once while none changes, and a new division shows in the options", async () => {
    const first = await allDivisions();
    expect(await allDivisions()).toBe(first);
    const parent = first[0]!;
    writeElsewhere(
      `INSERT INTO "Division" ("code", "name", "kind", "parentId", "sortOrder") VALUES (?, ?, 'unit', ?, 9999)`,
      "test-cache-unit",
      "งานทดสอบแคช",
      parent.id,
    );
    const options = await listDivisionOptions();
    expect(options.at(-1)).toMatchObject({ name: "งานทดสอบแคช", depth: 1 });
    expect(await allDivisions()).not.toBe(first);
  });
});

describe("the published policy documents", () => {
  it("show a document published by another process, and the reader's own acknowledgement", async () => {
    const reader = await createTestPerson();
    const before = await documentsFor(reader.id);
    writeElsewhere(
      `INSERT INTO "PolicyDocument" ("title", "body", "targetGroupCode", "publishedAt", "publishedById")
       VALUES ('ประกาศทดสอบแคช', 'เนื้อหา', 'all-personnel', ?, ?)`,
      new Date().toISOString().replace("Z", "+00:00"),
      reader.id,
    );
    const after = await documentsFor(reader.id);
    expect(after).toHaveLength(before.length + 1);
    const published = after.find((d) => d.title === "ประกาศทดสอบแคช")!;
    expect(published.acknowledgedAt).toBeNull();

    const at = new Date("2026-11-28T10:00:00.000Z");
    await db.policyAcknowledgement.create({
      data: { documentId: published.id, personId: reader.id, acknowledgedAt: at },
    });
    const read = (await documentsFor(reader.id)).find((d) => d.id === published.id)!;
    expect(read.acknowledgedAt).toEqual(at);
  });
});

describe("the plan's items", () => {
  it("are read once while none changes, and show an item renamed by another process", async () => {
    const first = await planItems();
    expect(first.length).toBe(41);
    expect(await planItems()).toBe(first);
    const item = first[2]!;
    writeElsewhere(`UPDATE "PlanItem" SET "name" = ? WHERE "number" = ?`, `${item.name} (ทดสอบ)`, item.number);
    expect((await planItems()).find((i) => i.number === item.number)!.name).toBe(`${item.name} (ทดสอบ)`);
    expect((await planOverview()).items.find((i) => i.number === item.number)!.name).toBe(`${item.name} (ทดสอบ)`);
  });
});
