import { isIntegrityOfficer } from "./actor";

// The corruption complaint channel's rules (plan items 40, 41; decisions 031–033). Pure: used by the pages
// (what to show) and by app/models/complaints (what to allow).

export const COMPLAINT_STATUSES = ["received", "acknowledged", "investigating", "closed"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: "รับเรื่องแล้ว รอตรวจรับ",
  acknowledged: "ตรวจรับเรื่องแล้ว",
  investigating: "อยู่ระหว่างตรวจสอบข้อเท็จจริง",
  closed: "ยุติเรื่องแล้ว",
};

export const COMPLAINT_CATEGORIES = ["corruption", "misconduct", "out_of_scope"] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  corruption: "การทุจริต",
  misconduct: "การประพฤติมิชอบ",
  out_of_scope: "ไม่อยู่ในขอบเขต (ส่งต่อช่องทางร้องเรียนทั่วไป)",
};
export const UNCLASSIFIED_LABEL = "ยังไม่จัดประเภท";
export const OTHER_LABEL = "อื่น ๆ";

export const COMPLAINT_OUTCOMES = [
  "unfounded",
  "disciplinary",
  "referred_nacc",
  "referred_police",
  "referred_sao",
  "referred_general",
] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];
export const COMPLAINT_OUTCOME_LABELS: Record<ComplaintOutcome, string> = {
  unfounded: "ไม่มีมูล ยุติเรื่อง",
  disciplinary: "มีมูล ดำเนินการทางวินัย",
  referred_nacc: "มีมูล ส่งสำนักงาน ป.ป.ช.",
  referred_police: "มีมูล ส่งพนักงานสอบสวน (ตำรวจ)",
  referred_sao: "มีมูล ส่งสำนักงานการตรวจเงินแผ่นดิน",
  referred_general: "ส่งต่อช่องทางร้องเรียนทั่วไป",
};
/** Outcomes an officer may pick when closing an investigated case (out-of-scope cases close on classification). */
export const INVESTIGATED_OUTCOMES = [
  "unfounded",
  "disciplinary",
  "referred_nacc",
  "referred_police",
  "referred_sao",
] as const;

/** A case that counts toward "corruption cases" in the plan-level target: classified corruption, closed as founded. */
export function isFoundedCorruption(c: { category: string | null; outcome: string | null; status: string }): boolean {
  return (
    c.status === "closed" &&
    c.category === "corruption" &&
    c.outcome != null &&
    c.outcome !== "unfounded" &&
    c.outcome !== "referred_general"
  );
}

// ── who may do what ──

export type CaseFacts = {
  status: string;
  category: string | null;
  divisionId: number | null;
  investigatorId: number | null;
  investigatorDeclaredAt: Date | string | null;
  findings: string | null;
};

export type CaseAction =
  "acknowledge" | "classify" | "assign" | "declare" | "findings" | "close" | "message" | "identity";

/** Only integrity officers see cases and reporters; HR and managers do not unless they hold the role too. */
export function maySeeCases(viewer: { roles: readonly string[] }): boolean {
  return isIntegrityOfficer(viewer);
}

export function caseActions(c: CaseFacts, viewer: { personId: number; roles: readonly string[] }): Set<CaseAction> {
  const actions = new Set<CaseAction>();
  if (!maySeeCases(viewer)) return actions;
  actions.add("identity");
  actions.add("message"); // also after closing: the reporter is told the outcome
  if (c.status === "closed") return actions;
  if (c.status === "received") actions.add("acknowledge");
  if (c.status === "acknowledged") actions.add("classify");
  if (c.status === "investigating") {
    actions.add("assign");
    if (c.investigatorId === viewer.personId && !c.investigatorDeclaredAt) actions.add("declare");
    if (c.investigatorId != null && c.investigatorDeclaredAt) actions.add("findings");
    if (c.findings) actions.add("close");
  }
  return actions;
}

/** An investigator may not belong to the unit concerned (the division or any unit under it). */
export function investigatorConflict(
  caseDivisionId: number | null,
  investigatorDivisionChain: readonly number[],
): boolean {
  return caseDivisionId != null && investigatorDivisionChain.includes(caseDivisionId);
}

// ── deadlines (content/rules/complaints.yaml), counted in Bangkok calendar days ──

export type ComplaintRules = { acknowledgeDays: number; progressReportDays: number; closeDays: number };

const DAY_MS = 86_400_000;
const BANGKOK_OFFSET_MS = 7 * 3_600_000; // UTC+7, no daylight saving

/** Days since 1970-01-01 on Bangkok's calendar. */
export function bangkokDayNumber(at: Date): number {
  return Math.floor((at.getTime() + BANGKOK_OFFSET_MS) / DAY_MS);
}

/** The first instant after the deadline: the end of the Bangkok day `days` days after the day of `from`. */
export function dueBy(from: Date, days: number): Date {
  return new Date((bangkokDayNumber(from) + days + 1) * DAY_MS - BANGKOK_OFFSET_MS);
}

/** The last day on which the step is still on time (the Bangkok day before `dueBy`), for display. */
export function lastDay(from: Date, days: number): Date {
  return new Date(dueBy(from, days).getTime() - DAY_MS);
}

/** Calendar days in Bangkok from `from` to `to` (same day = 0). */
export function bangkokDaysBetween(from: Date, to: Date): number {
  return bangkokDayNumber(to) - bangkokDayNumber(from);
}

export type DeadlineState = {
  key: "acknowledge" | "progress" | "close";
  label: string;
  lastDay: Date;
  doneAt: Date | null;
  overdue: boolean;
};

type DeadlineFacts = {
  receivedAt: Date;
  acknowledgedAt: Date | null;
  closedAt: Date | null;
  lastReportedAt: Date | null;
};

export function deadlinesOf(c: DeadlineFacts, rules: ComplaintRules, now: Date): DeadlineState[] {
  const late = (due: Date, doneAt: Date | null) =>
    doneAt ? doneAt.getTime() >= due.getTime() : now.getTime() >= due.getTime();
  const states: DeadlineState[] = [
    {
      key: "acknowledge",
      label: `ตรวจรับและแจ้งผู้ร้องภายใน ${rules.acknowledgeDays} วัน`,
      lastDay: lastDay(c.receivedAt, rules.acknowledgeDays),
      doneAt: c.acknowledgedAt,
      overdue: late(dueBy(c.receivedAt, rules.acknowledgeDays), c.acknowledgedAt),
    },
  ];
  if (!c.closedAt) {
    const since = c.lastReportedAt ?? c.acknowledgedAt ?? c.receivedAt;
    states.push({
      key: "progress",
      label: `แจ้งความคืบหน้าแก่ผู้ร้องทุก ${rules.progressReportDays} วัน`,
      lastDay: lastDay(since, rules.progressReportDays),
      doneAt: null,
      overdue: late(dueBy(since, rules.progressReportDays), null),
    });
  }
  states.push({
    key: "close",
    label: `ยุติเรื่องหรือแจ้งเหตุที่ยังไม่ยุติภายใน ${rules.closeDays} วัน`,
    lastDay: lastDay(c.receivedAt, rules.closeDays),
    doneAt: c.closedAt,
    overdue: late(dueBy(c.receivedAt, rules.closeDays), c.closedAt),
  });
  return states;
}

export function isOverdue(c: DeadlineFacts, rules: ComplaintRules, now: Date): boolean {
  return deadlinesOf(c, rules, now).some((d) => d.overdue && !d.doneAt);
}

export function closedWithinDeadline(c: { receivedAt: Date; closedAt: Date | null }, rules: ComplaintRules): boolean {
  return c.closedAt != null && c.closedAt.getTime() < dueBy(c.receivedAt, rules.closeDays).getTime();
}

// ── public statistics ──

export const MINIMUM_CATEGORY_SIZE = 5;

/** Categories with fewer than `minimum` cases are folded into "อื่น ๆ", so no small group can be picked out. */
export function foldSmallGroups(
  groups: { label: string; count: number }[],
  minimum = MINIMUM_CATEGORY_SIZE,
): { label: string; count: number }[] {
  const shown = groups.filter((g) => g.count >= minimum);
  const folded = groups.filter((g) => g.count > 0 && g.count < minimum).reduce((sum, g) => sum + g.count, 0);
  return folded > 0 ? [...shown, { label: OTHER_LABEL, count: folded }] : shown;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
