import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import { assignmentYearLock } from "~/domain/course-assignments";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { fullName } from "~/domain/personnel";
import { fieldRefusal, refusal } from "~/domain/refusal";
import { writeAudit } from "~/utils/audit.server";
import { db, sqlite, type Tx } from "~/utils/db.server";
import { keptPerVersion } from "~/utils/versioned-cache.server";
import { groupIdsOf, groupsWithCounts, unionOfGroups } from "~/models/people/target-groups.server";

// The one module that writes CourseAssignment: which target groups must take which course in a fiscal year.

type Client = Tx | typeof db;

function assertHr(actor: Pick<Actor, "roles">) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะงานบุคคลเท่านั้นที่กำหนดหลักสูตรให้กลุ่มเป้าหมายได้");
}

/** Why the year is read-only (closed, or earlier than this one), or null. */
export async function yearLock(client: Client, fiscalYear: number, now: Date): Promise<string | null> {
  const closed =
    (await client.fiscalYearClosure.findUnique({ where: { fiscalYear }, select: { fiscalYear: true } })) != null;
  return assignmentYearLock(fiscalYear, fiscalYearOf(now), closed);
}

/**
 * /hr/groups: the groups with today's member counts, every course with the groups it is assigned to in the
 * year, whether the year is read-only, and (when `unassignId` is given) what removing that assignment would do.
 */
export async function groupsPage(
  fiscalYear: number,
  actor: Pick<Actor, "roles">,
  options: {
    unassignId?: number | null;
    done?: { kind: "assigned" | "unassigned"; courseSlug: string; groupCodes: string[] } | null;
  } = {},
  now = new Date(),
) {
  assertHr(actor);
  const [groups, courses, assignments, lock] = await Promise.all([
    groupsWithCounts(now),
    db.course.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, slug: true, title: true } }),
    db.courseAssignment.findMany({
      where: { fiscalYear },
      include: { group: true, assignedBy: true },
      orderBy: { id: "asc" },
    }),
    yearLock(db, fiscalYear, now),
  ]);
  const members = new Map(groups.map((g) => [g.code, g.memberCount]));
  const byCourse = courses.map((c) => ({
    slug: c.slug,
    title: c.title,
    groups: assignments
      .filter((a) => a.courseId === c.id)
      .map((a) => ({
        assignmentId: a.id,
        code: a.group.code,
        name: a.group.name,
        memberCount: members.get(a.group.code) ?? 0,
        assignedAt: a.assignedAt.toISOString(),
        assignedBy: fullName(a.assignedBy),
      })),
  }));
  let confirmUnassign = null;
  if (options.unassignId != null) {
    const course = byCourse.find((c) => c.groups.some((g) => g.assignmentId === options.unassignId));
    const group = course?.groups.find((g) => g.assignmentId === options.unassignId);
    if (!course || !group) throw refusal(404, "ไม่พบการมอบหมายหลักสูตรนี้ (อาจถูกยกเลิกไปแล้ว)");
    confirmUnassign = {
      assignmentId: group.assignmentId,
      courseSlug: course.slug,
      courseTitle: course.title,
      groupName: group.name,
      memberCount: group.memberCount,
      fiscalYear,
    };
  }
  // What the last command did, said again after its redirect (names and counts from the database, not the URL).
  let notice: string | null = null;
  const doneCourse = options.done ? courses.find((c) => c.slug === options.done!.courseSlug) : undefined;
  const doneGroups = options.done ? groups.filter((g) => options.done!.groupCodes.includes(g.code)) : [];
  if (options.done && doneCourse && doneGroups.length) {
    const ids = await db.targetGroup.findMany({
      where: { code: { in: doneGroups.map((g) => g.code) } },
      select: { id: true },
    });
    const people = (
      await unionOfGroups(
        ids.map((g) => g.id),
        now,
      )
    ).size.toLocaleString("th-TH");
    const names = doneGroups.map((g) => g.name).join(", ");
    notice =
      options.done.kind === "assigned"
        ? `มอบหมายหลักสูตร "${doneCourse.title}" ให้กลุ่ม ${names} ปีงบประมาณ ${fiscalYear} แล้ว: สมาชิก ${people} คนจะเห็นหลักสูตรนี้ใน "หลักสูตรของฉัน"`
        : `ยกเลิกการมอบหมายหลักสูตร "${doneCourse.title}" ของกลุ่ม ${names} ปีงบประมาณ ${fiscalYear} แล้ว (สมาชิก ${people} คน ผลการเรียนที่ทำไปแล้วยังเก็บไว้)`;
  }
  return { year: fiscalYear, readOnly: lock, groups, courses: byCourse, confirmUnassign, notice };
}

/** Assign a course to one or more groups for a year; groups it already has are left as they are. */
export async function assignCourse(
  input: { courseSlug: string; fiscalYear: number; groupCodes: string[] },
  actor: Pick<Actor, "personId" | "ip"> & Partial<Pick<Actor, "roles">>,
  now = new Date(),
) {
  if (actor.roles) assertHr(actor as Pick<Actor, "roles">);
  const outcome = await db.$transaction(async (tx) => {
    const lock = await yearLock(tx, input.fiscalYear, now);
    if (lock) throw refusal(409, lock);
    const course = await tx.course.findUnique({ where: { slug: input.courseSlug } });
    if (!course) throw fieldRefusal("courseSlug", "ไม่พบหลักสูตรที่เลือก");
    const groups = await tx.targetGroup.findMany({ where: { code: { in: input.groupCodes } } });
    if (groups.length !== new Set(input.groupCodes).size) throw fieldRefusal("groupCodes", "ไม่พบกลุ่มเป้าหมายที่เลือก");
    const existing = new Set(
      (await tx.courseAssignment.findMany({ where: { courseId: course.id, fiscalYear: input.fiscalYear } })).map(
        (a) => a.groupId,
      ),
    );
    const added = groups.filter((g) => !existing.has(g.id));
    if (!added.length) throw fieldRefusal("groupCodes", "หลักสูตรนี้กำหนดให้กลุ่มที่เลือกในปีงบประมาณนี้แล้ว");
    for (const g of added) {
      await tx.courseAssignment.create({
        data: {
          courseId: course.id,
          fiscalYear: input.fiscalYear,
          groupId: g.id,
          assignedAt: now,
          assignedById: actor.personId,
        },
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
    return { course, added };
  });
  // Who must now take the course through the groups just added (counted after the write, outside the transaction).
  const people = await unionOfGroups(
    outcome.added.map((g) => g.id),
    now,
  );
  return {
    courseSlug: outcome.course.slug,
    courseTitle: outcome.course.title,
    groupCodes: outcome.added.map((g) => g.code),
    people: people.size,
  };
}

/** Remove one group's assignment of a course (after HR confirmed it, with the count in front of them). */
export async function unassignCourse(
  assignmentId: number,
  actor: Pick<Actor, "personId" | "roles" | "ip">,
  now = new Date(),
) {
  assertHr(actor);
  const assignment = await db.$transaction(async (tx) => {
    const assignment = await tx.courseAssignment.findUnique({
      where: { id: assignmentId },
      include: { course: true, group: true },
    });
    if (!assignment) throw refusal(404, "ไม่พบการมอบหมายหลักสูตรนี้ (อาจถูกยกเลิกไปแล้ว)");
    const lock = await yearLock(tx, assignment.fiscalYear, now);
    if (lock) throw refusal(409, lock);
    await tx.courseAssignment.delete({ where: { id: assignmentId } });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "course.unassigned",
      entityType: "Course",
      entityId: assignment.course.slug,
      before: { fiscalYear: assignment.fiscalYear, groupCode: assignment.group.code },
    });
    return assignment;
  });
  return {
    courseSlug: assignment.course.slug,
    courseTitle: assignment.course.title,
    groupCode: assignment.group.code,
    groupName: assignment.group.name,
    fiscalYear: assignment.fiscalYear,
    people: (await unionOfGroups([assignment.groupId], now)).size,
  };
}

/** The ids of the courses assigned to a person in a fiscal year, through the groups they are in on `at`. */
/**
 * Which course is assigned to which group in a fiscal year. Read by most pages (every person's course list), changed
 * only by HR: kept per process until a course assignment changes (decision 059). Frozen; do not use inside a
 * transaction that writes assignments.
 */
export const yearAssignments = keptPerVersion("course-assignments", (fiscalYear: number) =>
  db.courseAssignment.findMany({
    where: { fiscalYear },
    select: { id: true, courseId: true, groupId: true },
    orderBy: { id: "asc" },
  }),
);

export async function assignedCourseIds(personId: number, fiscalYear: number, at: Date): Promise<Set<number>> {
  const assignments = await yearAssignments(fiscalYear);
  if (!assignments.length) return new Set();
  const groups = await groupIdsOf(personId, at);
  return new Set(assignments.filter((a) => groups.has(a.groupId)).map((a) => a.courseId));
}

/**
 * Whether a person may open a course this year: it is assigned to them, or they already have attempts in it
 * this year (taken out of the group midway, they can still see and finish what they started).
 */
export async function mayTakeCourse(
  personId: number,
  courseId: number,
  fiscalYear: number,
  at: Date,
): Promise<boolean> {
  // Already begun: one direct read (decision 062), on every course page.
  const begun = await sqlite.read(
    (sql) =>
      sql.all(
        `SELECT 1 FROM "Attempt" WHERE "personId" = ? AND "courseId" = ? AND "fiscalYear" = ? LIMIT 1`,
        personId,
        courseId,
        fiscalYear,
      ).length > 0,
  );
  if (begun) return true;
  return (await assignedCourseIds(personId, fiscalYear, at)).has(courseId);
}

/** coursePopulation for several courses at once: one read of the year's assignments (HR's pages list every course). */
export async function coursePopulations(
  courseIds: readonly number[],
  fiscalYear: number,
  at: Date,
): Promise<Map<number, Set<number>>> {
  const assignments = await yearAssignments(fiscalYear);
  const populations = new Map<number, Set<number>>();
  for (const courseId of courseIds) {
    const groupIds = assignments.filter((a) => a.courseId === courseId).map((a) => a.groupId);
    populations.set(courseId, await unionOfGroups(groupIds, at));
  }
  return populations;
}

/** Who must take a course in a fiscal year: the union of the groups it is assigned to, on `at`. */
export async function coursePopulation(courseId: number, fiscalYear: number, at: Date): Promise<Set<number>> {
  const assignments = await yearAssignments(fiscalYear);
  return unionOfGroups(
    assignments.filter((a) => a.courseId === courseId).map((a) => a.groupId),
    at,
  );
}
