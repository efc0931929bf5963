import { shareMeets, sharePercent } from "./indicators";

// The salary-step satisfaction survey (plan item 19): who counts as satisfied, the aggregates HR sees, and the
// division breakdown that never shows a group small enough to point at a person. Pure; shared with the browser.

export type SurveyDefinition = {
  title: string;
  introduction: string;
  scale: string[]; // labels of 1..5
  statements: string[];
  minimumGroupSize: number;
  satisfiedMeanAtLeast: number;
};

export const SATISFACTION_TARGET_PERCENT = 80;

/** The last moment a survey takes answers: it closes AT surveyClosesAt (midnight), so show the day before. */
export const lastAnswerMoment = (surveyClosesAt: string | Date) => new Date(new Date(surveyClosesAt).getTime() - 1);

export const answerFieldName = (index: number) => `s${index + 1}`;

export function answersInOrder(values: Record<string, number>, statementCount: number): number[] {
  return Array.from({ length: statementCount }, (_, i) => values[answerFieldName(i)]!);
}

/** Satisfied when the mean answer is at least `meanAtLeast`, decided in integers (no rounding at the edge). */
export function isSatisfied(answers: readonly number[], meanAtLeast: number): boolean {
  if (answers.length === 0) return false;
  const sum = answers.reduce((a, b) => a + b, 0);
  return sum >= meanAtLeast * answers.length;
}

export function satisfactionShare(
  responses: readonly (readonly number[])[],
  meanAtLeast: number,
  thresholdPercent = SATISFACTION_TARGET_PERCENT,
) {
  const satisfied = responses.filter((r) => isSatisfied(r, meanAtLeast)).length;
  return {
    satisfied,
    respondents: responses.length,
    percent: sharePercent(satisfied, responses.length),
    meetsTarget: shareMeets(satisfied, responses.length, thresholdPercent),
  };
}

/** Per statement, how many answered 1, 2, 3, 4 and 5. */
export function answerDistributions(responses: readonly (readonly number[])[], statementCount: number): number[][] {
  const counts = Array.from({ length: statementCount }, () => [0, 0, 0, 0, 0]);
  for (const answers of responses) {
    answers.forEach((value, i) => {
      if (i < statementCount && value >= 1 && value <= 5) counts[i]![value - 1]! += 1;
    });
  }
  return counts;
}

export type DivisionGroup = { divisionId: number; respondents: number; satisfied: number };

export type DivisionBreakdown = {
  shown: DivisionGroup[];
  /** Groups below the minimum, folded together (with the next-smallest groups until the fold itself is large enough). */
  folded: { divisionCount: number; respondents: number; satisfied: number } | null;
  /** Every group was too small, even together: nothing is shown. */
  withheld: boolean;
};

/**
 * The breakdown by top-level division without any group smaller than `minimum`. Small groups are folded into one
 * "อื่น ๆ" row; while that row is itself below the minimum, the next-smallest shown group joins it. So every row,
 * and the total minus the shown rows, is at least the minimum: no hidden group can be derived by subtraction.
 */
export function divisionBreakdown(groups: readonly DivisionGroup[], minimum: number): DivisionBreakdown {
  const sorted = groups
    .filter((g) => g.respondents > 0)
    .sort((a, b) => a.respondents - b.respondents || a.divisionId - b.divisionId);
  let foldCount = sorted.filter((g) => g.respondents < minimum).length;
  const sumOf = (list: readonly DivisionGroup[], key: "respondents" | "satisfied") =>
    list.reduce((s, g) => s + g[key], 0);
  while (foldCount > 0 && foldCount < sorted.length && sumOf(sorted.slice(0, foldCount), "respondents") < minimum)
    foldCount += 1;
  const foldedGroups = sorted.slice(0, foldCount);
  if (foldedGroups.length > 0 && sumOf(foldedGroups, "respondents") < minimum)
    return { shown: [], folded: null, withheld: true };
  return {
    shown: sorted.slice(foldCount).sort((a, b) => a.divisionId - b.divisionId),
    folded: foldedGroups.length
      ? {
          divisionCount: foldedGroups.length,
          respondents: sumOf(foldedGroups, "respondents"),
          satisfied: sumOf(foldedGroups, "satisfied"),
        }
      : null,
    withheld: false,
  };
}
