import { budgetTotals, type TotalRow } from "~/domain/plan-budget";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { loadPlan } from "~/content/plan.server";
import type { PlanItem } from "@prisma/client";
import { sqlite } from "~/utils/db.server";

export const KIND_LABELS: Record<string, string> = { project: "โครงการ", activity: "กิจกรรม", measure: "มาตรการ" };

// The authored plan file changes only with a deploy (setup syncs it, then the server starts), so it is read
// and validated once per process rather than on every page view.
let planFile: ReturnType<typeof loadPlan>["plan"] | undefined;

export async function planOverview() {
  // Stated totals and dimension titles come from the authored file; items from the database.
  planFile ??= loadPlan().plan;
  const plan = planFile;
  // Every signed-in person's /plan: the direct path (decision 054).
  const items = await sqlite.read((sql) => sql.all<PlanItem>(`SELECT * FROM "PlanItem" ORDER BY "number"`));
  const withBudget = items.map((i) => ({
    ...i,
    budget: Object.fromEntries(
      Object.entries(JSON.parse(i.budget) as Record<string, number>).map(([y, a]) => [Number(y), a]),
    ) as Record<number, number>,
  }));
  const toYears = (r: Record<string, number>) =>
    Object.fromEntries(Object.entries(r).map(([y, a]) => [Number(y), a])) as Record<number, number>;
  const totals: TotalRow[] = budgetTotals(
    withBudget,
    {
      dimensions: plan.statedTotals.dimensions.map((d) => ({ ...d, budget: toYears(d.budget) })),
      grandTotal: { ...plan.statedTotals.grandTotal, budget: toYears(plan.statedTotals.grandTotal.budget) },
    },
    PLAN_FISCAL_YEARS,
  );
  return { plan, items: withBudget, totals };
}
