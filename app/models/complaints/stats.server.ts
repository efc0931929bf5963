import { complaintRules } from "~/content/complaint-rules.server";
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_STATUSES,
  COMPLAINT_STATUS_LABELS,
  UNCLASSIFIED_LABEL,
  bangkokDaysBetween,
  closedWithinDeadline,
  foldSmallGroups,
  isFoundedCorruption,
  median,
} from "~/domain/complaints";
import { PLAN_FISCAL_YEARS, fiscalYearOf } from "~/domain/fiscal-year";
import { db, sqlite } from "~/utils/db.server";

// Public numbers of the complaint channel (/report/stats) and the counts the plan's indicators read.
// Nothing here can pick out a case: categories under 5 cases are folded into "อื่น ๆ".

/** Reports received in a fiscal year (items 40 and 41: the public's complaints and tips). */
export function complaintCountForFiscalYear(fiscalYear: number): Promise<number> {
  return db.complaint.count({ where: { fiscalYear } });
}

/**
 * Cases received in each fiscal year and closed as founded corruption (the plan-level "corruption cases down"
 * target), and when the register received its first case (a year before it has no data, not zero cases).
 */
export async function foundedCorruptionCaseCounts(fiscalYears: readonly number[]) {
  // On /plan for everyone who opens it: one direct read (decision 062).
  const { cases, first } = await sqlite.read((sql) => ({
    cases: sql.all<{ fiscalYear: number; status: string; category: string | null; outcome: string | null }>(
      `SELECT "fiscalYear", "status", "category", "outcome" FROM "Complaint"
       WHERE "fiscalYear" IN (SELECT value FROM json_each(?)) AND "status" = 'closed' AND "category" = 'corruption'`,
      JSON.stringify(fiscalYears),
    ),
    first: sql.all<{ receivedAt: string | null }>(`SELECT MIN("receivedAt") AS "receivedAt" FROM "Complaint"`)[0],
  }));
  const counts = new Map(fiscalYears.map((year) => [year, 0]));
  for (const c of cases) if (isFoundedCorruption(c)) counts.set(c.fiscalYear, (counts.get(c.fiscalYear) ?? 0) + 1);
  return { counts, firstReceivedAt: first?.receivedAt ? new Date(first.receivedAt) : null };
}

export async function publicStatsPage(requestedYear: number | null, now = new Date()) {
  const rules = complaintRules();
  const currentYear = fiscalYearOf(now);
  const years = [...new Set([...PLAN_FISCAL_YEARS, currentYear])].sort((a, b) => b - a);
  const fiscalYear = requestedYear && years.includes(requestedYear) ? requestedYear : currentYear;
  const cases = await db.complaint.findMany({
    where: { fiscalYear },
    select: { status: true, category: true, receivedAt: true, closedAt: true },
  });
  const closed = cases.filter((c) => c.closedAt);
  const byCategory = foldSmallGroups([
    ...COMPLAINT_CATEGORIES.map((key) => ({
      label: COMPLAINT_CATEGORY_LABELS[key],
      count: cases.filter((c) => c.category === key).length,
    })),
    { label: UNCLASSIFIED_LABEL, count: cases.filter((c) => !c.category).length },
  ]);
  const perYear = await db.complaint.groupBy({ by: ["fiscalYear"], _count: { _all: true } });
  return {
    fiscalYear,
    years,
    received: cases.length,
    byCategory,
    byStatus: COMPLAINT_STATUSES.map((key) => ({
      label: COMPLAINT_STATUS_LABELS[key],
      count: cases.filter((c) => c.status === key).length,
    })),
    closed: closed.length,
    closedWithinDeadline: closed.filter((c) => closedWithinDeadline(c, rules)).length,
    medianDaysToClose: median(closed.map((c) => bangkokDaysBetween(c.receivedAt, c.closedAt!))),
    closeDays: rules.closeDays,
    trend: years
      .slice()
      .reverse()
      .map((y) => ({ fiscalYear: y, received: perYear.find((p) => p.fiscalYear === y)?._count._all ?? 0 })),
  };
}
