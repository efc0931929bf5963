// Drawing, shuffling and scoring of course tests. Pure: randomness comes in as a function.

export type Random = () => number; // uniform in [0, 1)
export type Grading = "best" | "first" | "last";
export const GRADING_METHODS: readonly Grading[] = ["best", "first", "last"];

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Draw `count` questions from the bank in random order, preferring those not in `avoid` (the pre-test's draw)
 * and filling from `avoid` only when the bank has too few others.
 */
export function drawQuestions<T>(
  bank: readonly T[],
  count: number,
  random: Random,
  avoid: ReadonlySet<T> = new Set(),
): T[] {
  const n = Math.min(count, bank.length);
  const fresh = shuffle(
    bank.filter((q) => !avoid.has(q)),
    random,
  );
  const repeats = shuffle(
    bank.filter((q) => avoid.has(q)),
    random,
  );
  return shuffle([...fresh, ...repeats].slice(0, n), random);
}

/** A random order of a question's choices: shown position -> index into the authored choices. */
export function choiceOrder(choiceCount: number, random: Random): number[] {
  return shuffle(
    Array.from({ length: choiceCount }, (_, i) => i),
    random,
  );
}

/** The pass rule, in integers so that 80% of 15 items is exactly 12 and 79.9% never rounds up. */
export function isPass(correct: number, total: number, passPercent: number): boolean {
  if (total <= 0) return false;
  return correct * 100 >= passPercent * total;
}

/** Fewest correct answers that pass. */
export function correctNeededToPass(total: number, passPercent: number): number {
  return Math.ceil((passPercent * total) / 100);
}

export function percent(correct: number, total: number): number {
  return total > 0 ? Math.round((correct * 1000) / total) / 10 : 0;
}

export type ScoredAttempt = { id: number; submittedAt: Date; correct: number; total: number };

/** The post-test that counts for the year under the course's grading method (ties: the earlier one). */
export function countingAttempt<T extends ScoredAttempt>(attempts: readonly T[], grading: Grading): T | undefined {
  if (attempts.length === 0) return undefined;
  const byTime = [...attempts].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.id - b.id);
  if (grading === "first") return byTime[0];
  if (grading === "last") return byTime[byTime.length - 1];
  // Compare correct/total as fractions without floating point.
  return byTime.reduce((best, a) => (a.correct * best.total > best.correct * a.total ? a : best));
}

export type ItemResponse = { selectedIndex: number | null; correctIndex: number };

export function scoreItems(items: readonly ItemResponse[]): { correct: number; total: number } {
  return { correct: items.filter((i) => i.selectedIndex === i.correctIndex).length, total: items.length };
}

/**
 * Item statistics as Moodle's quiz report computes them, over the attempts that included the item:
 * facility = share correct; discrimination = Pearson correlation between the item (0/1) and the rest of the
 * test (the attempt's score without this item, as a fraction). Null where there is no variance.
 */
export function itemStatistics(
  responses: readonly { itemCorrect: boolean; attemptCorrect: number; attemptTotal: number }[],
): { attempts: number; facility: number | null; discrimination: number | null } {
  const n = responses.length;
  if (n === 0) return { attempts: 0, facility: null, discrimination: null };
  const xs = responses.map((r) => (r.itemCorrect ? 1 : 0));
  const ys = responses.map((r) => {
    const restTotal = r.attemptTotal - 1;
    const restCorrect = r.attemptCorrect - (r.itemCorrect ? 1 : 0);
    return restTotal > 0 ? restCorrect / restTotal : 0;
  });
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const discrimination = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
  return { attempts: n, facility: mx, discrimination };
}

/** Mulberry32: a seeded generator for tests and the demo seed. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sums over one item's responses that itemStatistics needs: x = the item right (0/1), y = the rest's share. */
export type ItemSums = { n: number; sumX: number; sumY: number; sumYY: number; sumXY: number };

/**
 * itemStatistics from sums computed in SQL (one pass, no rows loaded): the same facility and Pearson correlation.
 * A variance within rounding of zero (every rest score equal) counts as none, as in the two-pass version.
 */
export function itemStatisticsFromSums(s: ItemSums): {
  attempts: number;
  facility: number | null;
  discrimination: number | null;
} {
  if (s.n === 0) return { attempts: 0, facility: null, discrimination: null };
  const sxx = (s.sumX * (s.n - s.sumX)) / s.n; // x is 0/1: exact, and zero only when every answer agrees
  const syy = s.sumYY - (s.sumY * s.sumY) / s.n;
  const sxy = s.sumXY - (s.sumX * s.sumY) / s.n;
  const noVariance = syy <= 1e-9 * Math.max(1, s.sumYY);
  const discrimination = sxx > 0 && !noVariance ? sxy / Math.sqrt(sxx * syy) : null;
  return { attempts: s.n, facility: s.sumX / s.n, discrimination };
}
