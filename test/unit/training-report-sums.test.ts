import { describe, expect, it } from "vitest";
import { courseStatus } from "~/domain/course-status";
import { isPass, itemStatistics, itemStatisticsFromSums, seededRandom, type ItemSums } from "~/domain/quiz";
import { courseSummary, reportStatus } from "~/domain/training-report";

// Decision 048: HR's report computes question statistics from sums taken in SQL and each person's status from
// their CourseResult rows. Both must give exactly what the row-by-row versions give.

type Response = { itemCorrect: boolean; attemptCorrect: number; attemptTotal: number };

/** The sums the SQL of questionSums takes over the same responses. */
function sumsOf(responses: Response[]): ItemSums {
  const s: ItemSums = { n: 0, sumX: 0, sumY: 0, sumYY: 0, sumXY: 0 };
  for (const r of responses) {
    const x = r.itemCorrect ? 1 : 0;
    const y = r.attemptTotal > 1 ? (r.attemptCorrect - x) / (r.attemptTotal - 1) : 0;
    s.n += 1;
    s.sumX += x;
    s.sumY += y;
    s.sumYY += y * y;
    s.sumXY += x * y;
  }
  return s;
}

describe("question statistics from sums", () => {
  it("equal the two-pass statistics on random responses", () => {
    const random = seededRandom(48);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 60);
      const total = 1 + Math.floor(random() * 20);
      const responses = Array.from({ length: n }, () => {
        const attemptCorrect = Math.floor(random() * (total + 1));
        const itemCorrect = attemptCorrect > 0 && (attemptCorrect === total || random() < attemptCorrect / total);
        return { itemCorrect, attemptCorrect, attemptTotal: total };
      });
      const expected = itemStatistics(responses);
      const actual = itemStatisticsFromSums(sumsOf(responses));
      expect(actual.attempts).toBe(expected.attempts);
      expect(actual.facility).toBeCloseTo(expected.facility!, 12);
      if (expected.discrimination == null) expect(actual.discrimination).toBeNull();
      else expect(actual.discrimination).toBeCloseTo(expected.discrimination, 9);
    }
  });

  it("give no discrimination when every answer or every rest score is the same, and nothing for no responses", () => {
    const same = (itemCorrect: boolean, attemptCorrect: number) => ({ itemCorrect, attemptCorrect, attemptTotal: 15 });
    // Rest scores all 0.7: a variance of zero that floating point sums do not cancel exactly.
    const flatRest = [same(true, 11), same(false, 10)];
    expect(itemStatistics(flatRest).discrimination).toBeNull();
    expect(itemStatisticsFromSums(sumsOf(flatRest)).discrimination).toBeNull();
    const allRight = [same(true, 15), same(true, 10), same(true, 3)];
    expect(itemStatisticsFromSums(sumsOf(allRight))).toEqual({ attempts: 3, facility: 1, discrimination: null });
    expect(itemStatisticsFromSums(sumsOf([]))).toEqual({ attempts: 0, facility: null, discrimination: null });
  });
});

describe("a person's status in the report", () => {
  it("is courseStatus of the same results", () => {
    const none = { pre: null, post: null, postTries: 0, studied: false };
    expect(reportStatus(undefined, 80)).toBe("not_started");
    expect(reportStatus({ ...none, pre: { correct: 3, total: 15 } }, 80)).toBe("pre_test_done");
    expect(reportStatus({ ...none, pre: { correct: 3, total: 15 }, studied: true }, 80)).toBe("studying");
    expect(reportStatus({ ...none, post: { correct: 11, total: 15 }, postTries: 2 }, 80)).toBe("not_passed");
    expect(reportStatus({ ...none, post: { correct: 12, total: 15 }, postTries: 1 }, 80)).toBe("passed");
    const inputs = [false, true].flatMap((preTestSubmitted) =>
      [false, true].flatMap((studied) =>
        [null, { correct: 11, total: 15 }, { correct: 12, total: 15 }].map((post) => ({
          preTestSubmitted,
          studied,
          post,
        })),
      ),
    );
    for (const input of inputs) {
      const result = {
        pre: input.preTestSubmitted ? { correct: 1, total: 15 } : null,
        post: input.post,
        postTries: input.post ? 1 : 0,
        studied: input.studied,
      };
      expect(reportStatus(result, 80)).toBe(
        courseStatus({
          preTestSubmitted: input.preTestSubmitted,
          lessonsDone: input.studied ? 1 : 0,
          lessonCount: 4,
          postTestsSubmitted: result.postTries,
          countingPostTestPassed: input.post ? isPass(input.post.correct, input.post.total, 80) : null,
        }),
      );
    }
  });

  it("summarises a population: counts by status and mean scores", () => {
    const summary = courseSummary([
      { status: "passed", pre: { correct: 5, total: 10 }, post: { correct: 9, total: 10 } },
      { status: "not_passed", pre: null, post: { correct: 5, total: 10 } },
      { status: "studying", pre: { correct: 2, total: 10 }, post: null },
      { status: "pre_test_done", pre: { correct: 3, total: 10 }, post: null },
      { status: "not_started", pre: null, post: null },
    ]);
    expect(summary).toEqual({
      population: 5,
      passed: 1,
      notStarted: 1,
      inProgress: 2,
      notPassed: 1,
      averagePre: 33.3,
      averagePost: 70,
    });
  });
});
