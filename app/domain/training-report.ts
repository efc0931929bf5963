import { COURSE_STATUS_LABELS, type CourseStatus } from "./course-status";
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
    const needle = filter.q.toLowerCase().replace(/\s+/g, "");
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
