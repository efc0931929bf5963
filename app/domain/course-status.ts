// Where a person stands in a course in one fiscal year, from their attempts and lesson progress.

export type CourseStatus = "not_started" | "pre_test_done" | "studying" | "passed" | "not_passed";

export const COURSE_STATUS_LABELS: Record<CourseStatus, string> = {
  not_started: "ยังไม่เริ่ม",
  pre_test_done: "ทำแบบทดสอบก่อนเรียนแล้ว",
  studying: "กำลังเรียน",
  passed: "ผ่านแล้ว",
  not_passed: "ยังไม่ผ่าน",
};

export type CourseProgressInput = {
  preTestSubmitted: boolean;
  lessonsDone: number;
  lessonCount: number;
  postTestsSubmitted: number;
  countingPostTestPassed: boolean | null; // null when no post-test is submitted
};

export function courseStatus(p: CourseProgressInput): CourseStatus {
  if (p.countingPostTestPassed === true) return "passed";
  if (p.postTestsSubmitted > 0) return "not_passed";
  if (!p.preTestSubmitted) return "not_started";
  if (p.lessonsDone > 0) return "studying";
  return "pre_test_done";
}

export type NextStep = "pre_test" | "lessons" | "post_test" | "retake" | "done" | "no_retakes_left";

export function nextStep(
  p: CourseProgressInput & { maxPostTestAttempts: number; grading?: "best" | "first" | "last" },
): NextStep {
  if (p.countingPostTestPassed === true) return "done";
  if (!p.preTestSubmitted) return "pre_test";
  if (p.lessonsDone < p.lessonCount) return "lessons";
  if (p.postTestsSubmitted === 0) return "post_test";
  // Under "first" the first post-test is the result: a retake could not change it.
  if (p.grading === "first") return "no_retakes_left";
  return p.postTestsSubmitted < p.maxPostTestAttempts ? "retake" : "no_retakes_left";
}

/**
 * Whether a submitted attempt may show per-item feedback — right or wrong, the key, explanations — to the person
 * who took it. Only once the course is settled for them in the attempt's fiscal year: passed, or no post-test
 * left to take (or that year is over). Before that, the score only, for every attempt, a pre-test included: a
 * retake draws from the same bank, so per-item feedback would teach the key. Used by the model that builds the
 * attempt page's data, so the browser is never sent what it may not show.
 */
export function attemptFeedbackOpen(p: {
  submitted: boolean;
  next: NextStep;
  attemptFiscalYear: number;
  currentFiscalYear: number;
}): boolean {
  if (!p.submitted) return false;
  return p.next === "done" || p.next === "no_retakes_left" || p.attemptFiscalYear !== p.currentFiscalYear;
}
