import { fiscalYearRange } from "./fiscal-year";

// Rules for assigning courses to target groups, used by /hr/groups (what to show) and the model (what to allow).

/** Why a fiscal year's assignments cannot change, or null when they can: earlier years and closed years are read-only. */
export function assignmentYearLock(fiscalYear: number, currentFiscalYear: number, closed: boolean): string | null {
  if (closed) return `ปีงบประมาณ ${fiscalYear} ปิดและบันทึกผลแล้ว การมอบหมายหลักสูตรของปีนี้แก้ไขไม่ได้`;
  if (fiscalYear < currentFiscalYear)
    return `ปีงบประมาณ ${fiscalYear} ผ่านไปแล้ว การมอบหมายหลักสูตรของปีนี้แก้ไขไม่ได้ (ดูได้อย่างเดียว)`;
  return null;
}

/**
 * When a course assigned for a fiscal year is due: the group's own due date if it has one, else the last day of
 * that fiscal year (30 September, Bangkok). Returned as the last instant before the year ends.
 */
export function courseDueDate(fiscalYear: number, groupDueDates: readonly (Date | null)[] = []): Date {
  const own = groupDueDates.filter((d): d is Date => d != null);
  if (own.length > 0) return new Date(Math.min(...own.map((d) => d.getTime())));
  return new Date(fiscalYearRange(fiscalYear).end.getTime() - 1);
}
