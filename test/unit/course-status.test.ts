import { describe, expect, it } from "vitest";
import { attemptFeedbackOpen, courseStatus, nextStep } from "~/domain/course-status";

const base = {
  preTestSubmitted: false,
  lessonsDone: 0,
  lessonCount: 4,
  postTestsSubmitted: 0,
  countingPostTestPassed: null,
};

describe("course status and next step", () => {
  it("walks from not started to passed", () => {
    expect(courseStatus(base)).toBe("not_started");
    expect(nextStep({ ...base, maxPostTestAttempts: 3 })).toBe("pre_test");
    const pre = { ...base, preTestSubmitted: true };
    expect(courseStatus(pre)).toBe("pre_test_done");
    expect(nextStep({ ...pre, maxPostTestAttempts: 3 })).toBe("lessons");
    const studying = { ...pre, lessonsDone: 2 };
    expect(courseStatus(studying)).toBe("studying");
    const read = { ...pre, lessonsDone: 4 };
    expect(nextStep({ ...read, maxPostTestAttempts: 3 })).toBe("post_test");
    const failed = { ...read, postTestsSubmitted: 1, countingPostTestPassed: false };
    expect(courseStatus(failed)).toBe("not_passed");
    expect(nextStep({ ...failed, maxPostTestAttempts: 3 })).toBe("retake");
    expect(nextStep({ ...failed, postTestsSubmitted: 3, maxPostTestAttempts: 3 })).toBe("no_retakes_left");
    const passed = { ...read, postTestsSubmitted: 2, countingPostTestPassed: true };
    expect(courseStatus(passed)).toBe("passed");
    expect(nextStep({ ...passed, maxPostTestAttempts: 3 })).toBe("done");
  });
});

describe("grading 'first'", () => {
  it("offers no retake after the first post-test, whatever its result", () => {
    const failed = {
      ...base,
      preTestSubmitted: true,
      lessonsDone: 4,
      postTestsSubmitted: 1,
      countingPostTestPassed: false,
    };
    expect(nextStep({ ...failed, maxPostTestAttempts: 3, grading: "first" })).toBe("no_retakes_left");
    expect(nextStep({ ...failed, maxPostTestAttempts: 3, grading: "best" })).toBe("retake");
  });
});

describe("attemptFeedbackOpen (issue 16, finding 8)", () => {
  const base = { submitted: true, attemptFiscalYear: 2570, currentFiscalYear: 2570 };
  it("is closed while the course is not settled, a pre-test included, and before submission", () => {
    for (const next of ["pre_test", "lessons", "post_test", "retake"] as const)
      expect(attemptFeedbackOpen({ ...base, next })).toBe(false);
    expect(attemptFeedbackOpen({ ...base, submitted: false, next: "done" })).toBe(false);
  });
  it("opens once passed, out of attempts, or the year is over", () => {
    expect(attemptFeedbackOpen({ ...base, next: "done" })).toBe(true);
    expect(attemptFeedbackOpen({ ...base, next: "no_retakes_left" })).toBe(true);
    expect(attemptFeedbackOpen({ ...base, next: "retake", currentFiscalYear: 2571 })).toBe(true);
  });
});
