// The plan's budget arithmetic: totals per dimension and fiscal year from the items, against the totals the
// document states. Pure; amounts are whole baht.

export type YearAmounts = Record<number, number>;
export type BudgetItem = { number: number; dimension: number; budget: YearAmounts };
export type StatedTotals = {
  dimensions: { dimension: number; itemCount: number; budget: YearAmounts }[];
  grandTotal: { itemCount: number; budget: YearAmounts };
};

export type TotalRow = {
  dimension: number | null; // null: the grand total
  fiscalYear: number;
  computed: number;
  stated: number | null;
  matches: boolean;
};

export function budgetTotals(
  items: readonly BudgetItem[],
  stated: StatedTotals,
  fiscalYears: readonly number[],
): TotalRow[] {
  const rows: TotalRow[] = [];
  const dimensions = [...new Set(items.map((i) => i.dimension))].sort((a, b) => a - b);
  for (const dimension of dimensions) {
    const inDimension = items.filter((i) => i.dimension === dimension);
    const statedDimension = stated.dimensions.find((d) => d.dimension === dimension);
    for (const year of fiscalYears) {
      const computed = inDimension.reduce((sum, i) => sum + (i.budget[year] ?? 0), 0);
      const statedAmount = statedDimension?.budget[year] ?? null;
      rows.push({ dimension, fiscalYear: year, computed, stated: statedAmount, matches: statedAmount === computed });
    }
  }
  for (const year of fiscalYears) {
    const computed = items.reduce((sum, i) => sum + (i.budget[year] ?? 0), 0);
    const statedAmount = stated.grandTotal.budget[year] ?? null;
    rows.push({
      dimension: null,
      fiscalYear: year,
      computed,
      stated: statedAmount,
      matches: statedAmount === computed,
    });
  }
  return rows;
}
