import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CONTENT_ROOT, ContentError, loadYamlFile, relativeContentPath } from "./yaml-file.server";

// content/plan: the action plan 2566–2570 as data (plan.yaml and items/NN.yaml), validated on load.

const amounts = z.record(z.string().regex(/^25[67]\d$/), z.number().int().min(0));
const missionNumber = z.string().regex(/^\d\.\d(\.\d)?$/);

const planFileSchema = z.object({
  title: z.string().min(1),
  organization: z.string().min(1),
  fiscalYears: z.array(z.number().int()).min(1),
  dimensions: z
    .array(
      z.object({
        number: z.number().int().min(1).max(4),
        title: z.string().min(1),
        itemCount: z.number().int().min(1),
        missions: z.array(
          z.object({
            number: missionNumber,
            title: z.string().min(1),
            subMissions: z.array(z.object({ number: missionNumber, title: z.string().min(1) })).default([]),
          }),
        ),
      }),
    )
    .length(4),
  statedTotals: z.object({
    dimensions: z.array(z.object({ dimension: z.number().int(), itemCount: z.number().int(), budget: amounts })),
    grandTotal: z.object({ itemCount: z.number().int(), budget: amounts }),
  }),
  // Part 1 §4: the plan-level targets (ITA score ramp, corruption cases down against 2565).
  targets: z.looseObject({
    corruptionCaseReduction: z.object({ text: z.string().min(1), baselineYear: z.number().int(), byYear: amounts }),
    itaScore: amounts,
    itaScoreText: z.string().min(1),
    goals: z.array(
      z.looseObject({
        text: z.string().min(1),
        fiscalYear: z.number().int(),
        minimumItaScore: z.number().optional(),
        appliesWhen: z.enum(["not-yet-passed", "already-passed"]).optional(),
        corruptionCaseReductionPercent: z.number().optional(),
      }),
    ),
  }),
});

const INDICATOR_KINDS = ["knowledge", "attestation", "count", "survey", "manual"] as const;

const itemFileSchema = z.object({
  number: z.number().int().min(1).max(41),
  name: z.string().min(1),
  kind: z.enum(["project", "activity", "measure"]),
  dimension: z.number().int().min(1).max(4),
  mission: missionNumber,
  subMission: missionNumber.nullable(),
  responsibleUnit: z.string().min(1),
  targetGroup: z.object({ text: z.string().nullable(), headCount: z.number().int().positive().nullable() }),
  duration: z.string().nullable(),
  budget: amounts,
  objectives: z.array(z.string()),
  outputs: z.array(z.string()),
  outcomes: z.array(z.string()),
  indicators: z
    .array(
      z.object({
        text: z.string().min(1),
        kind: z.enum(INDICATOR_KINDS),
        thresholdPercent: z.number().min(0).max(100).optional(),
        minimumCount: z.number().int().min(0).optional(),
        minimumScore: z.number().optional(),
        instrument: z.string().min(1),
        // Rules the plan states that the numbers above cannot carry (see IndicatorExtra in app/domain/indicators.ts).
        fiscalYears: z.array(z.number().int().min(2566).max(2570)).min(1).optional(),
        planTarget: z.enum(["ita", "corruption-cases"]).optional(),
        minimumLevel: z.enum(["ดีมาก", "ดี", "พอใช้"]).optional(),
        everyOccurrence: z.string().min(1).optional(),
      }),
    )
    .min(1),
  // Each correction to the seed keeps the maintainers' English `reason` and shows users `reasonTh`.
  corrections: z.array(z.looseObject({ field: z.string().min(1), reason: z.string().min(1), reasonTh: z.string().min(1) })),
});

export type PlanFile = z.infer<typeof planFileSchema>;
export type PlanItem = Omit<z.infer<typeof itemFileSchema>, "budget"> & { budget: Record<number, number> };

const toYearAmounts = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).map(([year, amount]) => [Number(year), amount])) as Record<number, number>;

export function loadPlan(root = CONTENT_ROOT): { plan: PlanFile; items: PlanItem[] } {
  const dir = path.join(root, "plan");
  const plan = loadYamlFile(path.join(dir, "plan.yaml"), planFileSchema);
  const itemFiles = fs.readdirSync(path.join(dir, "items")).filter((f) => f.endsWith(".yaml")).sort();
  const items = itemFiles.map((file) => {
    const item = loadYamlFile(path.join(dir, "items", file), itemFileSchema);
    return { ...item, budget: toYearAmounts(item.budget) };
  });

  const problems: string[] = [];
  const numbers = items.map((i) => i.number);
  for (let n = 1; n <= 41; n++) if (!numbers.includes(n)) problems.push(`item ${n} is missing`);
  if (new Set(numbers).size !== numbers.length) problems.push("an item number is used twice");
  const missions = new Set(plan.dimensions.flatMap((d) => d.missions.flatMap((m) => [m.number, ...m.subMissions.map((s) => s.number)])));
  for (const [index, item] of items.entries()) {
    const where = `items/${itemFiles[index]}`;
    if (!missions.has(item.mission)) problems.push(`${where}: mission ${item.mission} is not in plan.yaml`);
    if (item.subMission && !missions.has(item.subMission)) problems.push(`${where}: subMission ${item.subMission} is not in plan.yaml`);
    if (!item.mission.startsWith(`${item.dimension}.`)) problems.push(`${where}: mission ${item.mission} is not in dimension ${item.dimension}`);
    for (const year of plan.fiscalYears) if (item.budget[year] === undefined) problems.push(`${where}: no budget for ${year}`);
  }
  for (const d of plan.dimensions) {
    const count = items.filter((i) => i.dimension === d.number).length;
    if (count !== d.itemCount) problems.push(`dimension ${d.number}: ${count} items, plan.yaml states ${d.itemCount}`);
  }
  if (problems.length) throw new ContentError(relativeContentPath(dir), problems);
  return { plan, items };
}
