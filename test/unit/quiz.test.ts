import { describe, expect, it } from "vitest";
import {
  choiceOrder,
  correctNeededToPass,
  countingAttempt,
  drawQuestions,
  isPass,
  itemStatistics,
  percent,
  scoreItems,
  seededRandom,
  shuffle,
} from "~/domain/quiz";

const bank = Array.from({ length: 32 }, (_, i) => i + 1);

describe("drawing questions", () => {
  it("draws the requested number of distinct questions from the bank", () => {
    const drawn = drawQuestions(bank, 15, seededRandom(1));
    expect(drawn).toHaveLength(15);
    expect(new Set(drawn).size).toBe(15);
    for (const q of drawn) expect(bank).toContain(q);
  });

  it("differs between seeds and repeats for the same seed", () => {
    expect(drawQuestions(bank, 15, seededRandom(7))).toEqual(drawQuestions(bank, 15, seededRandom(7)));
    expect(drawQuestions(bank, 15, seededRandom(7))).not.toEqual(drawQuestions(bank, 15, seededRandom(8)));
  });

  it("avoids the pre-test's questions when the bank has enough others", () => {
    const pre = new Set(drawQuestions(bank, 15, seededRandom(3)));
    const post = drawQuestions(bank, 15, seededRandom(4), pre);
    expect(post.filter((q) => pre.has(q))).toEqual([]);
  });

  it("fills from the pre-test's questions only as far as a small bank forces it", () => {
    const small = bank.slice(0, 20);
    const pre = new Set(drawQuestions(small, 15, seededRandom(5)));
    const post = drawQuestions(small, 15, seededRandom(6), pre);
    expect(post).toHaveLength(15);
    expect(post.filter((q) => pre.has(q))).toHaveLength(10); // only 5 fresh questions exist
    expect(post.filter((q) => !pre.has(q))).toHaveLength(5);
  });

  it("draws the whole bank when it is smaller than the test", () => {
    expect(drawQuestions([1, 2, 3], 15, seededRandom(9)).sort()).toEqual([1, 2, 3]);
  });

  it("shuffles choices into a permutation and leaves the input alone", () => {
    const input = [0, 1, 2, 3];
    const order = choiceOrder(4, seededRandom(11));
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    shuffle(input, seededRandom(2));
    expect(input).toEqual([0, 1, 2, 3]);
  });

  it("spreads shuffles evenly (each choice lands first about a quarter of the time)", () => {
    const random = seededRandom(12);
    const firsts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) firsts[choiceOrder(4, random)[0]!]! += 1;
    for (const count of firsts) expect(count).toBeGreaterThan(850);
  });
});

describe("the pass rule", () => {
  it("passes exactly at 80% and fails just under it", () => {
    expect(isPass(12, 15, 80)).toBe(true); // 80%
    expect(isPass(11, 15, 80)).toBe(false); // 73.3%
    expect(isPass(799, 1000, 80)).toBe(false); // 79.9%
    expect(isPass(800, 1000, 80)).toBe(true);
    expect(isPass(4, 5, 80)).toBe(true);
    expect(isPass(3, 4, 80)).toBe(false); // 75%
  });

  it("handles tiny and empty tests", () => {
    expect(isPass(1, 1, 80)).toBe(true);
    expect(isPass(0, 1, 80)).toBe(false);
    expect(isPass(0, 0, 80)).toBe(false);
    expect(isPass(2, 3, 67)).toBe(false); // 66.67% < 67%
    expect(isPass(2, 3, 66)).toBe(true);
  });

  it("says how many correct answers pass", () => {
    expect(correctNeededToPass(15, 80)).toBe(12);
    expect(correctNeededToPass(10, 80)).toBe(8);
    expect(correctNeededToPass(3, 80)).toBe(3);
    for (const total of [1, 3, 7, 15, 33]) {
      const needed = correctNeededToPass(total, 80);
      expect(isPass(needed, total, 80)).toBe(true);
      expect(isPass(needed - 1, total, 80)).toBe(false);
    }
  });

  it("scores items and formats percentages", () => {
    expect(
      scoreItems([
        { selectedIndex: 1, correctIndex: 1 },
        { selectedIndex: null, correctIndex: 0 },
        { selectedIndex: 2, correctIndex: 3 },
      ]),
    ).toEqual({ correct: 1, total: 3 });
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBe(0);
  });
});

describe("which post-test counts", () => {
  const at = (day: number) => new Date(Date.UTC(2026, 10, day));
  const attempts = [
    { id: 1, submittedAt: at(1), correct: 9, total: 15 },
    { id: 2, submittedAt: at(2), correct: 13, total: 15 },
    { id: 3, submittedAt: at(3), correct: 11, total: 15 },
  ];
  it("best, first and last", () => {
    expect(countingAttempt(attempts, "best")?.id).toBe(2);
    expect(countingAttempt(attempts, "first")?.id).toBe(1);
    expect(countingAttempt(attempts, "last")?.id).toBe(3);
  });
  it("compares scores as fractions when banks changed size between tries", () => {
    const mixed = [
      { id: 1, submittedAt: at(1), correct: 12, total: 15 }, // 80%
      { id: 2, submittedAt: at(2), correct: 9, total: 10 }, // 90%
    ];
    expect(countingAttempt(mixed, "best")?.id).toBe(2);
  });
  it("keeps the earlier of equal best scores, and nothing when there are no attempts", () => {
    const tie = [
      { id: 5, submittedAt: at(5), correct: 12, total: 15 },
      { id: 4, submittedAt: at(4), correct: 12, total: 15 },
    ];
    expect(countingAttempt(tie, "best")?.id).toBe(4);
    expect(countingAttempt([], "best")).toBeUndefined();
  });
});

describe("item statistics", () => {
  it("computes facility as the share correct", () => {
    const stats = itemStatistics([
      { itemCorrect: true, attemptCorrect: 10, attemptTotal: 15 },
      { itemCorrect: false, attemptCorrect: 5, attemptTotal: 15 },
      { itemCorrect: true, attemptCorrect: 14, attemptTotal: 15 },
      { itemCorrect: false, attemptCorrect: 12, attemptTotal: 15 },
    ]);
    expect(stats.attempts).toBe(4);
    expect(stats.facility).toBe(0.5);
  });

  it("gives a positive discrimination when strong candidates get the item right, negative when weak ones do", () => {
    const strongRight = [15, 14, 13, 12].map((c) => ({ itemCorrect: true, attemptCorrect: c, attemptTotal: 15 }));
    const weakWrong = [3, 4, 5, 6].map((c) => ({ itemCorrect: false, attemptCorrect: c, attemptTotal: 15 }));
    expect(itemStatistics([...strongRight, ...weakWrong]).discrimination!).toBeGreaterThan(0.9);
    const inverted = [
      ...[1, 2, 3].map((c) => ({ itemCorrect: true, attemptCorrect: c, attemptTotal: 15 })),
      ...[13, 14, 12].map((c) => ({ itemCorrect: false, attemptCorrect: c, attemptTotal: 15 })),
    ];
    expect(itemStatistics(inverted).discrimination!).toBeLessThan(-0.9);
  });

  it("matches a hand computation of the rest-of-test correlation", () => {
    // x = [1,0,1], rest = [(5-1)/4, 2/4, (3-1)/4] = [1, .5, .5]; r = 0.5 by hand.
    const stats = itemStatistics([
      { itemCorrect: true, attemptCorrect: 5, attemptTotal: 5 },
      { itemCorrect: false, attemptCorrect: 2, attemptTotal: 5 },
      { itemCorrect: true, attemptCorrect: 3, attemptTotal: 5 },
    ]);
    expect(stats.discrimination).toBeCloseTo(0.5, 10);
  });

  it("has no discrimination without variance, and no facility without attempts", () => {
    expect(
      itemStatistics([
        { itemCorrect: true, attemptCorrect: 3, attemptTotal: 5 },
        { itemCorrect: true, attemptCorrect: 4, attemptTotal: 5 },
      ]).discrimination,
    ).toBeNull();
    expect(itemStatistics([])).toEqual({ attempts: 0, facility: null, discrimination: null });
  });
});
