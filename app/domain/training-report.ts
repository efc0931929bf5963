import { COURSE_STATUS_LABELS, courseStatus, type CourseStatus } from "./course-status";
import { isPass } from "./quiz";
import { bangkokCalendarDate } from "./thai-date";

// HR's training report rules: which roster rows a filter keeps, and how dates go into CSVs. Pure.

export const COURSE_STATUSES = Object.keys(COURSE_STATUS_LABELS) as CourseStatus[];

export type RosterFilter = { status: CourseStatus | ""; q: string; divisionIds: ReadonlySet<number> | null };

/** The filter as the URL carries it: unknown statuses are ignored, the search is trimmed and capped. */
export function parseRosterFilter(params: URLSearchParams): {
  status: CourseStatus | "";
  q: string;
  division: number | null;
} {
  const statusParam = params.get("status") ?? "";
  const status = (COURSE_STATUSES as string[]).includes(statusParam) ? (statusParam as CourseStatus) : "";
  const q = (params.get("q") ?? "").trim().replace(/\s+/g, " ").slice(0, 100);
  const division = Number(params.get("division"));
  return { status, q, division: Number.isInteger(division) && division > 0 ? division : null };
}

/** Whether a roster row matches: the status, a division (with its sections), and a name or employee number. */
export function rosterRowMatches(
  row: { status: CourseStatus; name: string; employeeNumber: string; divisionId: number },
  filter: RosterFilter,
): boolean {
  if (filter.status && row.status !== filter.status) return false;
  if (filter.divisionIds && !filter.divisionIds.has(row.divisionId)) return false;
  if (filter.q) {
    const needle = searchNeedle(filter.q);
    const hay = `${row.name}${row.employeeNumber}`.toLowerCase().replace(/\s+/g, "");
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** Who still has something to do: everyone not yet passed (not started, studying, or not passed). */
export function stillToDo(status: CourseStatus): boolean {
  return status !== "passed";
}

/** "2026-11-28": the Bangkok calendar date, for spreadsheets (beside the Thai Buddhist-era date). */
export function isoDate(value: Date | string | number): string {
  const { year, month, day } = bangkokCalendarDate(value);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export type Score = { correct: number; total: number };

/** One person's standing in a course and year, as the report reads it (CourseResult rows and lesson progress). */
export type PersonCourseResult = {
  pre: Score | null; // the first submitted pre-test
  post: Score | null; // the post-test that counts under the course's grading
  postTries: number; // submitted post-tests
  studied: boolean; // at least one of the course's lessons read that year
};

const NO_RESULT: PersonCourseResult = { pre: null, post: null, postTries: 0, studied: false };

/** The status courseStatus gives for these results (the same rule the learner's own page uses). */
export function reportStatus(r: PersonCourseResult | undefined, passPercent: number): CourseStatus {
  const x = r ?? NO_RESULT;
  return courseStatus({
    preTestSubmitted: Boolean(x.pre),
    lessonsDone: x.studied ? 1 : 0,
    lessonCount: 1,
    postTestsSubmitted: x.postTries,
    countingPostTestPassed: x.post ? isPass(x.post.correct, x.post.total, passPercent) : null,
  });
}

/** The mean of correct/total as a percentage with one decimal; null when nobody has a score. */
export function averagePercent(scores: readonly Score[]): number | null {
  if (!scores.length) return null;
  return Math.round((scores.reduce((s, x) => s + x.correct / x.total, 0) / scores.length) * 1000) / 10;
}

/** A course's summary over its population: counts by status and the mean pre-test and counting post-test scores. */
export function courseSummary(rows: readonly { status: CourseStatus; pre: Score | null; post: Score | null }[]) {
  const count = (status: CourseStatus) => rows.filter((r) => r.status === status).length;
  return {
    population: rows.length,
    passed: count("passed"),
    notStarted: count("not_started"),
    inProgress: count("pre_test_done") + count("studying"),
    notPassed: count("not_passed"),
    averagePre: averagePercent(rows.flatMap((r) => (r.pre ? [r.pre] : []))),
    averagePost: averagePercent(rows.flatMap((r) => (r.post ? [r.post] : []))),
  };
}

/** The search as SQL compares it: lower case, no spaces (rosterRowMatches' rule for names and numbers). */
export function searchNeedle(q: string): string {
  return q.toLowerCase().replace(/\s+/g, "");
}
