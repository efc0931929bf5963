import { z } from "zod";

// The fraud-risk matrix: score = likelihood × impact (each 1–5); the level is read from bands that are data
// (content/rules/risk-matrix.yaml). Pure; the schema is here so the loader and the tests check the same thing.

export const RISK_LEVELS = ["low", "medium", "high", "very_high"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

const scaleLabels = z.object({
  1: z.string().min(1),
  2: z.string().min(1),
  3: z.string().min(1),
  4: z.string().min(1),
  5: z.string().min(1),
});

export const riskMatrixSchema = z
  .object({
    source: z.string().min(1),
    likelihood: scaleLabels,
    impact: scaleLabels,
    levels: z
      .array(
        z.object({
          level: z.enum(RISK_LEVELS),
          label: z.string().min(1),
          minScore: z.number().int().min(1).max(25),
          maxScore: z.number().int().min(1).max(25),
        }),
      )
      .min(1),
  })
  .superRefine((m, ctx) => {
    // Every score 1..25 must fall in exactly one band, in rising order.
    for (let score = 1; score <= 25; score++) {
      const hits = m.levels.filter((b) => b.minScore <= score && score <= b.maxScore).length;
      if (hits !== 1)
        ctx.addIssue({
          code: "custom",
          path: ["levels"],
          message: `score ${score} is in ${hits} bands (must be exactly 1)`,
        });
    }
    if (new Set(m.levels.map((b) => b.level)).size !== m.levels.length)
      ctx.addIssue({ code: "custom", path: ["levels"], message: "a level is listed twice" });
  });

export type RiskMatrix = z.infer<typeof riskMatrixSchema>;

export function isRiskScale(value: unknown): value is 1 | 2 | 3 | 4 | 5 {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Score and level of a likelihood and impact (1–5 each); throws on anything else (the form refuses it first). */
export function assessRisk(
  matrix: RiskMatrix,
  likelihood: number,
  impact: number,
): { score: number; level: RiskLevel; label: string } {
  if (!isRiskScale(likelihood) || !isRiskScale(impact))
    throw new RangeError(`likelihood and impact must be integers 1–5, got ${likelihood} × ${impact}`);
  const score = likelihood * impact;
  const band = matrix.levels.find((b) => b.minScore <= score && score <= b.maxScore)!;
  return { score, level: band.level, label: band.label };
}

export function levelLabel(matrix: RiskMatrix, level: RiskLevel | string | null): string {
  return matrix.levels.find((b) => b.level === level)?.label ?? "—";
}

/** Worst first: very high, high, medium, low. */
export function levelRank(level: string | null): number {
  const i = RISK_LEVELS.indexOf(level as RiskLevel);
  return i < 0 ? -1 : i;
}
