import { describe, expect, it } from "vitest";
import { loadAllCourses, type CourseContent } from "~/content/courses.server";

// Tells a test-wise reader uses to pick the key without knowing the law (decision 037). Each is measured per
// bank and must stay at or under what a key placed by chance would give, plus the stated margin.

/**
 * An option is negative when its verdict, the words it opens with, refuses or denies: "ไม่…" (including
 * "ไม่ถูกต้อง"), "ห้าม…", "ปฏิเสธ…", "งด…", "คืน…" (handing a gift back). A test-wise reader scans the openings.
 * Quantity phrases ("ไม่เกิน", "ไม่น้อยกว่า", …) state an amount, not a refusal, and do not count.
 */
const QUANTITY_PHRASES = /^\s*(ไม่เกิน|ไม่น้อยกว่า|ไม่ต่ำกว่า|ไม่มากกว่า|ไม่ว่า)/;
const NEGATIVE_OPENING = /^\s*(ไม่|ห้าม|ปฏิเสธ|งด|คืน)/;

export function isNegative(choice: string): boolean {
  return !QUANTITY_PHRASES.test(choice) && NEGATIVE_OPENING.test(choice);
}

type Question = CourseContent["questions"][number];

/** The index (0-based) of the only negative option, or null when none or several are negative. */
export function loneNegative(q: Question): number | null {
  const negatives = q.choices.flatMap((c, i) => (isNegative(c) ? [i] : []));
  return negatives.length === 1 ? negatives[0]! : null;
}

/** The index of the option strictly longer (in characters) than every other, or null on a tie. */
export function uniqueLongest(q: Question): number | null {
  const lengths = q.choices.map((c) => [...c.trim()].length);
  const max = Math.max(...lengths);
  return lengths.filter((l) => l === max).length === 1 ? lengths.indexOf(max) : null;
}

export function bankTells(questions: Question[]) {
  const loneNegativeQuestions = questions.filter((q) => loneNegative(q) !== null);
  const loneNegativeKeys = loneNegativeQuestions.filter((q) => loneNegative(q) === q.answer - 1);
  const longestKeys = questions.filter((q) => uniqueLongest(q) === q.answer - 1);
  const positions = [0, 0, 0, 0];
  for (const q of questions) positions[q.answer - 1]! += 1;
  return {
    total: questions.length,
    loneNegative: loneNegativeQuestions.length,
    loneNegativeKey: loneNegativeKeys.map((q) => q.id),
    longestKey: longestKeys.map((q) => q.id),
    positions,
  };
}

// Thresholds (decision 037). Four options: chance puts the key on any given option 1 time in 4.
export const LIMITS = {
  /** Share of questions whose key is the unique longest option: 1/4 + 5 points at most, and at least 10% so that
   * "never pick the longest" is not a rule either. */
  longestKeyShare: 0.3,
  longestKeyMinShare: 0.1,
  /** Share of a bank's keys on any one position, at most and at least (uniform is 25%). */
  positionMax: 0.35,
  positionMin: 0.15,
  /** Of the questions with exactly one negative option, the share where that option is the key: 1/4, rounded up per bank. */
  loneNegativeKeyShare: 0.25,
};

export function tellProblems(slug: string, questions: Question[]): string[] {
  const t = bankTells(questions);
  const problems: string[] = [];
  if (t.longestKey.length > LIMITS.longestKeyShare * t.total) {
    problems.push(
      `${slug}: the key is the longest option in ${t.longestKey.length}/${t.total} (limit ${Math.floor(LIMITS.longestKeyShare * t.total)}): ${t.longestKey.join(", ")}`,
    );
  }
  if (t.longestKey.length < LIMITS.longestKeyMinShare * t.total) {
    problems.push(
      `${slug}: the key is the longest option in only ${t.longestKey.length}/${t.total} (at least ${Math.ceil(LIMITS.longestKeyMinShare * t.total)})`,
    );
  }
  t.positions.forEach((n, i) => {
    if (n > LIMITS.positionMax * t.total || n < LIMITS.positionMin * t.total) {
      problems.push(
        `${slug}: the key is option ${i + 1} in ${n}/${t.total} (allowed ${Math.ceil(LIMITS.positionMin * t.total)}–${Math.floor(LIMITS.positionMax * t.total)})`,
      );
    }
  });
  const allowed = Math.ceil(LIMITS.loneNegativeKeyShare * t.loneNegative);
  if (t.loneNegativeKey.length > allowed) {
    problems.push(
      `${slug}: the only negative option is the key in ${t.loneNegativeKey.length} of ${t.loneNegative} (limit ${allowed}): ${t.loneNegativeKey.join(", ")}`,
    );
  }
  return problems;
}

describe("question-bank tells", () => {
  const courses = loadAllCourses();

  it("recognises negatives and ignores quantity phrases", () => {
    expect(isNegative("ไม่ถูกต้อง เพราะ…")).toBe(true);
    expect(isNegative("ห้ามรับทุกกรณี")).toBe(true);
    expect(isNegative("ปฏิเสธอย่างสุภาพ")).toBe(true);
    expect(isNegative("วงเงินไม่เกิน 500,000 บาท")).toBe(false);
    expect(isNegative("ไม่น้อยกว่ากึ่งหนึ่งของสมาชิก")).toBe(false);
    expect(isNegative("รับได้ เพราะไม่เกินสามพันบาท")).toBe(false);
  });

  it("flags a bank built the test-wise way", () => {
    const q = (id: string, choices: string[], answer: number) => ({
      id,
      lesson: "a",
      prompt: "?",
      choices,
      answer,
      explanation: "พ.ร.บ.",
      sourceHash: "",
    });
    const bad = Array.from({ length: 12 }, (_, i) =>
      q(`b-${i}`, ["รับได้", "รับได้ถ้าเล็กน้อย", "รับได้ถ้าหัวหน้าอนุญาต", "ไม่รับ และรายงานผู้บังคับบัญชาตามขั้นตอนที่กำหนด"], 4),
    );
    const problems = tellProblems("bad", bad);
    expect(problems.some((p) => p.includes("longest"))).toBe(true);
    expect(problems.some((p) => p.includes("option 4"))).toBe(true);
    expect(problems.some((p) => p.includes("only negative"))).toBe(true);
  });

  for (const course of courses) {
    it(`${course.slug}: no tell above chance`, () => {
      expect(tellProblems(course.slug, course.questions)).toEqual([]);
    });
  }

  it("across all banks, the only negative option is the key no more often than chance", () => {
    const all = courses.flatMap((c) => c.questions);
    const t = bankTells(all);
    expect(t.loneNegativeKey.length).toBeLessThanOrEqual(LIMITS.loneNegativeKeyShare * t.loneNegative);
  });
});
