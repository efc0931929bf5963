import { bangkokCalendarDate, bangkokMidnightUtc, formatThaiDate } from "./thai-date";

// The gift rules of plan item 16 as a pure function of the facts and the rule set (content/rules/gifts.yaml).
// The same function tells the person which case applies while they type (browser) and decides what is stored
// (server). Money is integer satang; dates are Bangkok calendar dates "YYYY-MM-DD".

export type GiftSource = { code: string; title: string };
export type GiftCondition = {
  relative?: boolean;
  toGeneralPublic?: boolean;
  giverHasBusiness?: boolean;
  maxBaht?: string;
};
export type GiftRule = { code: string; title: string; when: GiftCondition; explanation: string; sources: string[] };
export type GiftRuleSet = {
  sources: GiftSource[];
  reportWithinDays: number;
  reportSources: string[];
  allowed: GiftRule[];
  beyond: Omit<GiftRule, "when">;
  stricter: GiftRule[];
};

export type GiftFacts = {
  relative: boolean;
  toGeneralPublic: boolean;
  giverHasBusiness: boolean;
  valueSatang: number;
  outcome: GiftOutcome;
  receivedOn: string; // YYYY-MM-DD (Bangkok)
};

export const GIFT_OUTCOMES = ["accepted", "declined", "returned"] as const;
export type GiftOutcome = (typeof GIFT_OUTCOMES)[number];
export const GIFT_OUTCOME_LABELS: Record<GiftOutcome, string> = {
  accepted: "รับไว้",
  declined: "ปฏิเสธ ไม่รับ",
  returned: "ส่งคืนผู้ให้แล้ว",
};

export const GIFT_DECISIONS = ["return", "hand_over", "keep"] as const;
export type GiftDecision = (typeof GIFT_DECISIONS)[number];
export const GIFT_DECISION_LABELS: Record<GiftDecision, string> = {
  return: "ให้ส่งคืนผู้ให้",
  hand_over: "ให้ส่งมอบเป็นทรัพย์สินของเทศบาล",
  keep: "ให้เก็บไว้ได้ตามที่กฎหมายอนุญาต",
};

export type GiftAssessment = {
  ruleCode: string;
  ruleTitle: string;
  /** allowed: may keep without reporting; report: beyond the rules, report to the head; none: not received. */
  verdict: "allowed" | "report" | "not_received";
  mustReport: boolean;
  reportDueOn: string | null;
  /** Plain Thai for the person, said before they save. */
  message: string;
  sources: string[]; // source titles
};

/** "3000", "3,000.5", "3000.01" → satang; null if not a non-negative amount with at most two decimals. */
export function parseBahtToSatang(text: string): number | null {
  const clean = text.trim().replace(/,/g, "");
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(clean);
  if (!match) return null;
  const satang = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(satang) ? satang : null;
}

/** 300001 → "3,000.01" */
export function formatSatang(satang: number): string {
  const baht = Math.floor(Math.abs(satang) / 100);
  const rest = String(Math.abs(satang) % 100).padStart(2, "0");
  return `${satang < 0 ? "-" : ""}${baht.toLocaleString("en-US")}.${rest}`;
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/** Today's calendar date in Bangkok, "YYYY-MM-DD". */
export function bangkokIsoDate(now: Date | string | number): string {
  const { year, month, day } = bangkokCalendarDate(now);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d! + days));
  return t.toISOString().slice(0, 10);
}

/** The instant a Bangkok calendar date begins (for fiscal years and display). */
export function isoDateStart(isoDate: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number);
  return bangkokMidnightUtc(y!, m!, d!);
}

function fits(when: GiftCondition, facts: GiftFacts): boolean {
  if (when.relative !== undefined && when.relative !== facts.relative) return false;
  if (when.toGeneralPublic !== undefined && when.toGeneralPublic !== facts.toGeneralPublic) return false;
  if (when.giverHasBusiness !== undefined && when.giverHasBusiness !== facts.giverHasBusiness) return false;
  if (when.maxBaht !== undefined) {
    const max = parseBahtToSatang(when.maxBaht);
    if (max === null || facts.valueSatang > max) return false;
  }
  return true;
}

/**
 * Which case applies: the municipality's stricter rules first (any that fits means report), then the law's
 * allowances in order, else beyond the rules. Declined or already returned gifts need no report.
 */
export function assessGift(facts: GiftFacts, rules: GiftRuleSet): GiftAssessment {
  const titleOf = (codes: string[]) => codes.map((c) => rules.sources.find((s) => s.code === c)?.title ?? c);
  const stricter = rules.stricter.find((r) => fits(r.when, facts));
  const allowed = stricter ? undefined : rules.allowed.find((r) => fits(r.when, facts));
  const rule = stricter ?? allowed ?? rules.beyond;
  const beyondRules = !allowed;
  const received = facts.outcome === "accepted";
  const mustReport = beyondRules && received;
  const reportDueOn =
    mustReport && isIsoDate(facts.receivedOn) ? addDays(facts.receivedOn, rules.reportWithinDays) : null;
  let message = rule.explanation;
  if (beyondRules && !received) {
    message = `${rule.explanation} — ท่าน${facts.outcome === "declined" ? "ปฏิเสธไม่รับ" : "ส่งคืนผู้ให้"}แล้ว จึงไม่ต้องรายงาน ระบบบันทึกไว้เป็นหลักฐาน`;
  } else if (mustReport && reportDueOn) {
    message = `${rule.explanation} เมื่อบันทึก ระบบจะส่งรายงานถึงผู้บังคับบัญชาทันที (ต้องรายงานภายใน ${formatThaiDate(isoDateStart(reportDueOn))})`;
  }
  return {
    ruleCode: rule.code,
    ruleTitle: rule.title,
    verdict: beyondRules ? (received ? "report" : "not_received") : "allowed",
    mustReport,
    reportDueOn,
    message,
    sources: titleOf(
      [...rule.sources, ...(mustReport ? rules.reportSources : [])].filter((c, i, a) => a.indexOf(c) === i),
    ),
  };
}

export type GiftStanding = {
  mustReport: boolean;
  reportDueOn: string | null;
  recordedAt: Date | string;
  decidedAt: Date | string | null;
  supersededAt: Date | string | null;
};

/** Reported after the last day (the day of receipt + the period, Bangkok calendar). */
export function filedLate(g: GiftStanding): boolean {
  return g.mustReport && g.reportDueOn !== null && bangkokIsoDate(g.recordedAt) > g.reportDueOn;
}

/** Not decided by the end of the last day, or filed after it and still undecided. Day 30 is on time; day 31 is late. */
export function isOverdue(g: GiftStanding, now: Date): boolean {
  if (!g.mustReport || g.decidedAt || g.supersededAt || !g.reportDueOn) return false;
  return bangkokIsoDate(now) > g.reportDueOn;
}

export type GiftStatus = "no_report" | "awaiting_decision" | "overdue" | "decided" | "superseded";
export const GIFT_STATUS_LABELS: Record<GiftStatus, string> = {
  no_report: "ไม่ต้องรายงาน",
  awaiting_decision: "รอผู้บังคับบัญชาวินิจฉัย",
  overdue: "เกินกำหนด ๓๐ วัน",
  decided: "วินิจฉัยแล้ว",
  superseded: "ถูกแทนที่",
};

export function giftStatus(g: GiftStanding, now: Date): GiftStatus {
  if (g.supersededAt) return "superseded";
  if (!g.mustReport) return "no_report";
  if (g.decidedAt) return "decided";
  return isOverdue(g, now) ? "overdue" : "awaiting_decision";
}

/** Who decides a report: the head of the person's unit (a manager of that unit or one above), never the person. */
export type GiftViewer = { personId: number; isHr: boolean; isHeadOfPerson: boolean };

export function giftActions(
  g: GiftStanding & { personId: number },
  viewer: GiftViewer,
): Set<"view" | "decide" | "supersede"> {
  const actions = new Set<"view" | "decide" | "supersede">();
  const own = g.personId === viewer.personId;
  if (own || viewer.isHr || viewer.isHeadOfPerson) actions.add("view");
  if (!own && viewer.isHeadOfPerson && g.mustReport && !g.decidedAt && !g.supersededAt) actions.add("decide");
  if (own && !g.supersededAt) actions.add("supersede");
  return actions;
}

/** The yearly declaration complies when nothing went beyond the rules, or every listed report was filed on time. */
export function noGiftCompliant(kind: "none" | "listed", listed: GiftStanding[]): boolean {
  if (kind === "none") return true;
  return listed.length > 0 && listed.every((g) => !filedLate(g));
}
