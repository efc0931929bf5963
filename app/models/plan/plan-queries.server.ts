import { budgetTotals, type TotalRow } from "~/domain/plan-budget";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { loadPlan } from "~/content/plan.server";
import type { PlanItem } from "@prisma/client";
import { sqlite } from "~/utils/db.server";
import { keptValue } from "~/utils/versioned-cache.server";

export const KIND_LABELS: Record<string, string> = { project: "โครงการ", activity: "กิจกรรม", measure: "มาตรการ" };

// The authored plan file changes only with a deploy (setup syncs it, then the server starts), so it is read
// and validated once per process rather than on every page view.
let planFile: ReturnType<typeof loadPlan>["plan"] | undefined;

/**
 * The plan's items in order. Read by /plan and every item page, written only when the plan file is synced: kept per
 * process until an item changes (decision 059), read on the direct path (decision 054). Frozen.
 */
export const planItems = keptValue("plan-items", () =>
  sqlite.read((sql) => sql.all<PlanItem>(`SELECT * FROM "PlanItem" ORDER BY "number"`)),
);

export async function planOverview() {
  // Stated totals and dimension titles come from the authored file; items from the database.
  planFile ??= loadPlan().plan;
  const plan = planFile;
  const items = await planItems();
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
