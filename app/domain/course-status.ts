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

export function nextStep(p: CourseProgressInput & { maxPostTestAttempts: number; grading?: "best" | "first" | "last" }): NextStep {
  if (p.countingPostTestPassed === true) return "done";
  if (!p.preTestSubmitted) return "pre_test";
  if (p.lessonsDone < p.lessonCount) return "lessons";
  if (p.postTestsSubmitted === 0) return "post_test";
  // Under "first" the first post-test is the result: a retake could not change it.
  if (p.grading === "first") return "no_retakes_left";
  return p.postTestsSubmitted < p.maxPostTestAttempts ? "retake" : "no_retakes_left";
}
