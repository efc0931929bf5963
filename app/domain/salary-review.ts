// Rules of a salary-step review round (plan item 19). Pure: caps, pool, quorum and recusal are decided here in
// integers (half steps, hundredths of a percent, baht) so no float rounding can tip a boundary.
import { bangkokMidnightUtc, toCommonEraYear } from "./thai-date";
import { isHr } from "./actor";

export type IncreaseType = "steps" | "percent";
export type CommitteeKind = "screening" | "salary";
export type CommitteeRole = "chair" | "member" | "secretary";

export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  screening: "คณะกรรมการกลั่นกรองผลการประเมินผลการปฏิบัติงาน",
  salary: "คณะกรรมการพิจารณาเลื่อนขั้นเงินเดือน",
};
export const COMMITTEE_ROLE_LABELS: Record<CommitteeRole, string> = {
  chair: "ประธานกรรมการ",
  member: "กรรมการ",
  secretary: "กรรมการและเลขานุการ",
};
export const STEP_CHOICES = [0, 1, 2, 3] as const; // half steps: none, 0.5, 1, 1.5
export const APPEAL_OUTCOME_LABELS = { rejected: "ยืนตามผลเดิม", changed: "แก้ไขผลการพิจารณา" } as const;

/** Round 1 takes effect on 1 April, round 2 on 1 October, both of the fiscal year's Buddhist-era year. */
export function roundEffectiveDate(fiscalYear: number, half: 1 | 2): Date {
  return bangkokMidnightUtc(toCommonEraYear(fiscalYear), half === 1 ? 4 : 10, 1);
}

export function roundTitle(fiscalYear: number, half: 1 | 2): string {
  return `การเลื่อนขั้นเงินเดือน ปีงบประมาณ ${fiscalYear} ครั้งที่ ${half} (1 ${half === 1 ? "เมษายน" : "ตุลาคม"} ${fiscalYear})`;
}

export function formatHalfSteps(halfSteps: number): string {
  return halfSteps === 0 ? "ไม่เลื่อนขั้น" : `${halfSteps / 2} ขั้น`;
}

export function formatBasisPoints(basisPoints: number): string {
  return basisPoints === 0 ? "ไม่เลื่อนเงินเดือน" : `ร้อยละ ${(basisPoints / 100).toFixed(2)}`;
}

export function formatIncrease(p: {
  increaseType: string;
  halfSteps: number | null;
  basisPoints: number | null;
}): string {
  return p.increaseType === "steps" ? formatHalfSteps(p.halfSteps ?? 0) : formatBasisPoints(p.basisPoints ?? 0);
}

export const formatBaht = (baht: number) => `${baht.toLocaleString("th-TH")} บาท`;

/**
 * The baht an increase costs. A percentage of the base salary is rounded up to the next 10 baht, as the
 * salary rules do; a step costs the person's step value from the salary table, half a step half of it (rounded up).
 */
export function increaseAmountBaht(p: {
  increaseType: IncreaseType;
  baseSalaryBaht: number;
  stepValueBaht: number | null;
  halfSteps: number | null;
  basisPoints: number | null;
}): number {
  if (p.increaseType === "percent") {
    const satangTimesHundred = p.baseSalaryBaht * (p.basisPoints ?? 0); // baht × basis points
    return Math.ceil(satangTimesHundred / 100_000) * 10;
  }
  return Math.ceil(((p.stepValueBaht ?? 0) * (p.halfSteps ?? 0)) / 2);
}

export type RoundLimits = { stepCapHalfSteps: number; percentCapBasisPoints: number; poolBaht: number };

/** A Thai message with the figures when a proposal exceeds the per-person cap; null when it is within. */
export function capViolation(
  p: { increaseType: IncreaseType; halfSteps: number | null; basisPoints: number | null },
  limits: Omit<RoundLimits, "poolBaht">,
): string | null {
  if (p.increaseType === "steps") {
    const proposed = p.halfSteps ?? 0;
    if (proposed < 0) return "จำนวนขั้นต้องไม่ติดลบ";
    if (proposed > limits.stepCapHalfSteps)
      return `เสนอ ${formatHalfSteps(proposed)} เกินเพดานต่อคน ${formatHalfSteps(limits.stepCapHalfSteps)}`;
    return null;
  }
  const proposed = p.basisPoints ?? 0;
  if (proposed < 0) return "ร้อยละที่เลื่อนต้องไม่ติดลบ";
  if (proposed > limits.percentCapBasisPoints)
    return `เสนอ${formatBasisPoints(proposed)} เกินเพดานต่อคน${formatBasisPoints(limits.percentCapBasisPoints)}`;
  return null;
}

/** A Thai message with the figures when the round's total would exceed its pool; null when it fits. */
export function poolViolation(totalWithProposalBaht: number, poolBaht: number): string | null {
  if (totalWithProposalBaht <= poolBaht) return null;
  return `รวมทั้งรอบเป็น ${formatBaht(totalWithProposalBaht)} เกินวงเงินของรอบ ${formatBaht(poolBaht)} (เกิน ${formatBaht(totalWithProposalBaht - poolBaht)})`;
}

/** Quorum: more than `quorumPercent` of the members present (50 = more than half). */
export function hasQuorum(present: number, members: number, quorumPercent: number): boolean {
  return members > 0 && present * 100 > quorumPercent * members;
}

/**
 * Quorum for one case: members recused from it neither count as present nor as seats, so a case where too
 * many present members are recused cannot be decided even though the meeting itself has quorum.
 */
export function caseHasQuorum(r: {
  presentIds: readonly number[];
  memberIds: readonly number[];
  recusedIds: readonly number[];
  quorumPercent: number;
}): boolean {
  const recused = new Set(r.recusedIds);
  const seats = r.memberIds.filter((id) => !recused.has(id)).length;
  const present = r.presentIds.filter((id) => !recused.has(id) && r.memberIds.includes(id)).length;
  return hasQuorum(present, seats, r.quorumPercent);
}

/** A committee needs exactly one chair and one secretary; returns the Thai problem or null. */
export function committeeCompositionProblem(roles: readonly CommitteeRole[]): string | null {
  const chairs = roles.filter((r) => r === "chair").length;
  const secretaries = roles.filter((r) => r === "secretary").length;
  if (chairs !== 1) return `คณะกรรมการต้องมีประธานกรรมการ 1 คน (ขณะนี้ ${chairs} คน)`;
  if (secretaries !== 1) return `คณะกรรมการต้องมีกรรมการและเลขานุการ 1 คน (ขณะนี้ ${secretaries} คน)`;
  return null;
}

/** Whether an appeal may still be filed: after publication, until the end of the deadline day. */
export function appealOpen(r: { publishedAt: Date | null; appealDeadline: Date | null }, now: Date): boolean {
  return Boolean(r.publishedAt && r.appealDeadline && now.getTime() < r.appealDeadline.getTime());
}

/** End of the appeal period: `appealDays` whole days after publication (Bangkok midnight after the last day). */
export function appealDeadlineAfter(publishedAt: Date, appealDays: number): Date {
  const bangkok = new Date(publishedAt.getTime() + 7 * 3600_000);
  return bangkokMidnightUtc(bangkok.getUTCFullYear(), bangkok.getUTCMonth() + 1, bangkok.getUTCDate() + appealDays + 1);
}

export type RoundStage = "appraisal" | "screening" | "deciding" | "ready" | "published";

export const ROUND_STAGE_LABELS: Record<RoundStage, string> = {
  appraisal: "ผู้บังคับบัญชาประเมินและเสนอ",
  screening: "คณะกรรมการกลั่นกรองพิจารณา",
  deciding: "คณะกรรมการพิจารณาเลื่อนขั้นเงินเดือนพิจารณา",
  ready: "พร้อมประกาศผล",
  published: "ประกาศผลแล้ว",
};

/** Where a round stands, from how many cases each committee has decided in closed meetings. */
export function roundStage(r: {
  published: boolean;
  cases: number;
  appraised: number;
  screened: number;
  decided: number;
}): RoundStage {
  if (r.published) return "published";
  if (r.cases === 0 || r.appraised < r.cases) return "appraisal";
  if (r.screened < r.cases) return "screening";
  if (r.decided < r.cases) return "deciding";
  return "ready";
}

/** A result as a distribution bucket ("steps:2", "percent:350", "pending") and its Thai label. */
export function resultKey(p: {
  increaseType: string;
  decided: { halfSteps: number | null; basisPoints: number | null } | null;
}): string {
  if (!p.decided) return "pending";
  return p.increaseType === "steps" ? `steps:${p.decided.halfSteps ?? 0}` : `percent:${p.decided.basisPoints ?? 0}`;
}

export function resultKeyLabel(key: string): string {
  if (key === "pending") return "ยังไม่มีมติ";
  const [kind, value] = key.split(":");
  return kind === "steps" ? formatHalfSteps(Number(value)) : formatBasisPoints(Number(value));
}

/** The decision that stands for a case in a committee: the latest in a closed meeting (corrections come later). */
export function standingDecision<
  T extends { id: number; correctsId: number | null; meeting: { closedAt: Date | null; committeeId: number } },
>(decisions: T[], committeeId: number): T | null {
  const closed = decisions.filter((d) => d.meeting.committeeId === committeeId && d.meeting.closedAt);
  const corrected = new Set(closed.map((d) => d.correctsId).filter((id): id is number => id != null));
  const standing = closed.filter((d) => !corrected.has(d.id));
  return standing.sort((a, b) => b.id - a.id)[0] ?? null;
}

/**
 * What a viewer sees of a round's cases: HR sees all; a manager only the cases of the people they supervise
 * (decision 025), never their own, and without the committees' work and appeals.
 */
export function casesForViewer<C extends { personId: number; screened: unknown; decided: unknown; appeals: unknown[] }>(
  cases: C[],
  viewer: { personId: number; roles: readonly string[] },
  supervises: (personId: number) => boolean,
): C[] {
  if (isHr(viewer)) return cases;
  return cases
    .filter((c) => c.personId !== viewer.personId && supervises(c.personId))
    .map((c) => ({ ...c, screened: null, decided: null, appeals: [] }));
}
