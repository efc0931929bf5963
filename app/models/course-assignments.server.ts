import { fullName } from "~/domain/personnel";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { groupIdsOf, unionOfGroups } from "./target-groups.server";

// The one module that writes CourseAssignment: which target groups must take which course in a fiscal year.

type Actor = { personId: number; ip: string | null };

export class AssignmentError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Every course with the groups it is assigned to in a fiscal year. */
export async function assignmentsForYear(fiscalYear: number) {
  const [courses, assignments] = await Promise.all([
    db.course.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, slug: true, title: true } }),
    db.courseAssignment.findMany({ where: { fiscalYear }, include: { group: true, assignedBy: true }, orderBy: { id: "asc" } }),
  ]);
  return courses.map((c) => ({
    ...c,
    groups: assignments
      .filter((a) => a.courseId === c.id)
      .map((a) => ({ assignmentId: a.id, code: a.group.code, name: a.group.name, assignedAt: a.assignedAt.toISOString(), assignedBy: fullName(a.assignedBy) })),
  }));
}

/** Assign a course to one or more groups for a year; groups it already has are left as they are. */
export async function assignCourse(input: { courseSlug: string; fiscalYear: number; groupCodes: string[] }, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({ where: { slug: input.courseSlug } });
    if (!course) throw new AssignmentError("ไม่พบหลักสูตรที่เลือก", 400, "courseSlug");
    const groups = await tx.targetGroup.findMany({ where: { code: { in: input.groupCodes } } });
    if (groups.length !== new Set(input.groupCodes).size) throw new AssignmentError("ไม่พบกลุ่มเป้าหมายที่เลือก", 400, "groupCodes");
    const existing = new Set(
      (await tx.courseAssignment.findMany({ where: { courseId: course.id, fiscalYear: input.fiscalYear } })).map((a) => a.groupId),
    );
    const added = groups.filter((g) => !existing.has(g.id));
    if (!added.length) throw new AssignmentError("หลักสูตรนี้กำหนดให้กลุ่มที่เลือกในปีงบประมาณนี้แล้ว", 400, "groupCodes");
    for (const g of added) {
      await tx.courseAssignment.create({
        data: { courseId: course.id, fiscalYear: input.fiscalYear, groupId: g.id, assignedAt: now, assignedById: actor.personId },
      });
    }
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "course.assigned",
      entityType: "Course",
      entityId: course.slug,
      after: { fiscalYear: input.fiscalYear, groupCodes: added.map((g) => g.code) },
    });
    return added.length;
  });
}

export async function unassignCourse(assignmentId: number, actor: Actor) {
  return db.$transaction(async (tx) => {
    const assignment = await tx.courseAssignment.findUnique({ where: { id: assignmentId }, include: { course: true, group: true } });
    if (!assignment) throw new AssignmentError("ไม่พบการกำหนดหลักสูตรนี้ (อาจถูกยกเลิกไปแล้ว)", 404);
    await tx.courseAssignment.delete({ where: { id: assignmentId } });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "course.unassigned",
      entityType: "Course",
      entityId: assignment.course.slug,
      before: { fiscalYear: assignment.fiscalYear, groupCode: assignment.group.code },
    });
  });
}

/** The ids of the courses assigned to a person in a fiscal year, through the groups they are in on `at`. */
export async function assignedCourseIds(personId: number, fiscalYear: number, at: Date): Promise<Set<number>> {
  const assignments = await db.courseAssignment.findMany({ where: { fiscalYear }, select: { courseId: true, groupId: true } });
  if (!assignments.length) return new Set();
  const groups = await groupIdsOf(personId, at);
  return new Set(assignments.filter((a) => groups.has(a.groupId)).map((a) => a.courseId));
}

/**
 * Whether a person may open a course this year: it is assigned to them, or they already have attempts in it
 * this year (taken out of the group midway, they can still see and finish what they started).
 */
export async function mayTakeCourse(personId: number, courseId: number, fiscalYear: number, at: Date): Promise<boolean> {
  if (await db.attempt.findFirst({ where: { personId, courseId, fiscalYear }, select: { id: true } })) return true;
  return (await assignedCourseIds(personId, fiscalYear, at)).has(courseId);
}

/** Who must take a course in a fiscal year: the union of the groups it is assigned to, on `at`. */
export async function coursePopulation(courseId: number, fiscalYear: number, at: Date): Promise<Set<number>> {
  const assignments = await db.courseAssignment.findMany({ where: { courseId, fiscalYear }, select: { groupId: true } });
  return unionOfGroups(
    assignments.map((a) => a.groupId),
    at,
  );
}
