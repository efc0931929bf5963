import { describe, expect, it } from "vitest";
import { loadPlan } from "~/content/plan.server";
import { budgetTotals } from "~/domain/plan-budget";

describe("the plan as data", () => {
  const { plan, items } = loadPlan();
  const stated = {
    dimensions: plan.statedTotals.dimensions.map((d) => ({
      ...d,
      budget: Object.fromEntries(Object.entries(d.budget).map(([y, a]) => [Number(y), a])),
    })),
    grandTotal: {
      ...plan.statedTotals.grandTotal,
      budget: Object.fromEntries(Object.entries(plan.statedTotals.grandTotal.budget).map(([y, a]) => [Number(y), a])),
    },
  };

  it("has all 41 items in 4 dimensions (12 + 18 + 4 + 7)", () => {
    expect(items).toHaveLength(41);
    expect([1, 2, 3, 4].map((d) => items.filter((i) => i.dimension === d).length)).toEqual([12, 18, 4, 7]);
  });

  it("adds the items' budgets up to the totals the document states, for every dimension and fiscal year", () => {
    const rows = budgetTotals(items, stated, plan.fiscalYears);
    expect(rows).toHaveLength(4 * 5 + 5);
    expect(rows.filter((r) => !r.matches)).toEqual([]);
    expect(rows.find((r) => r.dimension === null && r.fiscalYear === 2566)!.computed).toBe(4_894_000);
    expect(rows.find((r) => r.dimension === null && r.fiscalYear === 2570)!.computed).toBe(4_394_000);
  });

  it("flags a total that does not match", () => {
    const shifted = items.map((i) =>
      i.number === 2 ? { ...i, budget: { ...i.budget, 2567: i.budget[2567]! + 20_000 } } : i,
    );
    const bad = budgetTotals(shifted, stated, plan.fiscalYears).filter((r) => !r.matches);
    expect(bad.map((r) => [r.dimension, r.fiscalYear])).toEqual([
      [1, 2567],
      [null, 2567],
    ]);
  });

  it("records the corrections made to the summary table", () => {
    const corrected = items.filter((i) => i.corrections.length > 0).map((i) => i.number);
    expect(corrected).toEqual(expect.arrayContaining([2, 3, 4, 31]));
  });

  it("marks the training items' knowledge indicators", () => {
    for (const n of [3, 5]) {
      expect(items.find((i) => i.number === n)!.indicators.some((ind) => ind.kind === "knowledge")).toBe(true);
    }
    expect(items.find((i) => i.number === 30)!.indicators.some((ind) => ind.kind === "count")).toBe(true);
  });
});
