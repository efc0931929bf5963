import path from "node:path";
import { z } from "zod";
import { PERSONNEL_TYPES } from "~/domain/personnel";
import { db } from "~/utils/db.server";
import type { CourseContent } from "./courses.server";
import { loadPlan } from "./plan.server";
import { CONTENT_ROOT, loadYamlFile } from "./yaml-file.server";

const targetGroupsSchema = z.object({
  groups: z.array(
    z.object({
      code: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string().min(1),
      personnelTypes: z.array(z.enum(PERSONNEL_TYPES)).default([]),
      divisionCodes: z.array(z.string()).default([]),
      positionIncludes: z.string().optional(),
    }),
  ),
  items: z.record(z.string().regex(/^\d+$/), z.string()),
});

export function loadTargetGroups(root = CONTENT_ROOT) {
  return loadYamlFile(path.join(root, "plan", "target-groups.yaml"), targetGroupsSchema);
}

/**
 * Plan items, their indicators and the target groups into the database. A knowledge indicator is measured by
 * the post-test of the course that names the item in its planProjects; without such a course it has none yet.
 */
export async function syncPlan(courses: Pick<CourseContent, "slug" | "planProjects" | "passPercent">[], root = CONTENT_ROOT) {
  const { items } = loadPlan(root);
  const groups = loadTargetGroups(root);
  const courseForItem = new Map<number, { slug: string; passPercent: number }>();
  for (const c of courses) for (const n of c.planProjects) courseForItem.set(n, { slug: c.slug, passPercent: c.passPercent });
  await db.$transaction(
    async (tx) => {
      for (const g of groups.groups) {
        const data = {
          name: g.name,
          personnelTypes: JSON.stringify(g.personnelTypes),
          divisionCodes: JSON.stringify(g.divisionCodes),
          positionIncludes: g.positionIncludes ?? null,
        };
        // HR's groups and every group's named members belong to the app: the plan file never overwrites them.
        const existing = await tx.targetGroup.findUnique({ where: { code: g.code }, select: { managedBy: true } });
        if (!existing) await tx.targetGroup.create({ data: { code: g.code, managedBy: "content", ...data } });
        else if (existing.managedBy === "content") await tx.targetGroup.update({ where: { code: g.code }, data });
      }
      for (const item of items) {
        const data = {
          name: item.name,
          kind: item.kind,
          dimension: item.dimension,
          mission: item.mission,
          subMission: item.subMission,
          responsibleUnit: item.responsibleUnit,
          targetGroupText: item.targetGroup.text,
          headCount: item.targetGroup.headCount,
          duration: item.duration,
          budget: JSON.stringify(item.budget),
          details: JSON.stringify({ objectives: item.objectives, outputs: item.outputs, outcomes: item.outcomes, corrections: item.corrections }),
        };
        await tx.planItem.upsert({ where: { number: item.number }, create: { number: item.number, ...data }, update: data });
        await tx.planIndicator.deleteMany({ where: { itemNumber: item.number, position: { gte: item.indicators.length } } });
        for (const [position, ind] of item.indicators.entries()) {
          const course = ind.kind === "knowledge" ? courseForItem.get(item.number) : undefined;
          const extra = { fiscalYears: ind.fiscalYears, planTarget: ind.planTarget, minimumLevel: ind.minimumLevel, everyOccurrence: ind.everyOccurrence };
          const indicator = {
            text: ind.text,
            kind: ind.kind,
            instrument: ind.instrument,
            thresholdPercent: ind.thresholdPercent ?? null,
            minimumCount: ind.minimumCount ?? null,
            minimumScore: ind.minimumScore ?? null,
            courseSlug: course?.slug ?? null,
            // The pass mark is the course's own (decision 038); 80 only where no course measures the indicator.
            passPercent: course?.passPercent ?? 80,
            extra: JSON.stringify(extra),
            targetGroupCode: groups.items[String(item.number)] ?? null,
          };
          await tx.planIndicator.upsert({
            where: { itemNumber_position: { itemNumber: item.number, position } },
            create: { itemNumber: item.number, position, ...indicator },
            update: indicator,
          });
        }
      }
    },
    { timeout: 60_000 },
  );
  return items.length;
}
