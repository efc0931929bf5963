// A plan item's JSON columns (details and budget, as the plan sync stores them), read in one place.

export type PlanItemDetails = {
  objectives: string[];
  outputs: string[];
  outcomes: string[];
  corrections: Record<string, unknown>[];
};

export function parsePlanItemDetails(json: string): PlanItemDetails {
  const raw = JSON.parse(json) as Partial<PlanItemDetails>;
  return {
    objectives: raw.objectives ?? [],
    outputs: raw.outputs ?? [],
    outcomes: raw.outcomes ?? [],
    corrections: raw.corrections ?? [],
  };
}

/** Budget per fiscal year (BE), in baht; keys as the column stores them ("2566"). */
export function parsePlanItemBudget(json: string): Record<string, number> {
  return JSON.parse(json) as Record<string, number>;
}

/** The seed corrections in Thai, one line per reason (the same reason repeated over budget years shows once). */
export function correctionNotes(corrections: Record<string, unknown>[]): { text: string; fields: string[] }[] {
  const byText = new Map<string, string[]>();
  for (const c of corrections) {
    const text = String(c.reasonTh ?? c.reason ?? "");
    byText.set(text, [...(byText.get(text) ?? []), String(c.field ?? "")]);
  }
  return [...byText].map(([text, fields]) => ({ text, fields }));
}
