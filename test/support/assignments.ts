import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { db } from "~/utils/db.server";
import { createTestPerson } from "./factories";

let assigner: number | undefined;

/**
 * Assign courses to a target group (default: every course, "all-personnel", every plan year), written straight
 * to the database as a fixture. Idempotent, so each test file can call it in beforeAll.
 */
export async function assignCourse(
  slugs: string | string[] | "all" = "all",
  options: { groupCode?: string; fiscalYears?: readonly number[] } = {},
) {
  // The assigner is a left teacher: in no target group, so counting tests see the population they expect.
  assigner ??= (
    await db.person.update({
      where: { id: (await createTestPerson({ roles: ["hr"], personnelType: "teacher" })).id },
      data: { deactivatedAt: new Date("2020-06-01T00:00:00Z") },
    })
  ).id;
  const courses = await db.course.findMany({
    where: slugs === "all" ? {} : { slug: { in: typeof slugs === "string" ? [slugs] : slugs } },
  });
  const group = await db.targetGroup.findUniqueOrThrow({ where: { code: options.groupCode ?? "all-personnel" } });
  for (const course of courses) {
    for (const fiscalYear of options.fiscalYears ?? PLAN_FISCAL_YEARS) {
      await db.courseAssignment.upsert({
        where: { courseId_fiscalYear_groupId: { courseId: course.id, fiscalYear, groupId: group.id } },
        create: { courseId: course.id, fiscalYear, groupId: group.id, assignedAt: new Date(), assignedById: assigner },
        update: {},
      });
    }
  }
}
