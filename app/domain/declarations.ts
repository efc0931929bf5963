// Conflict-of-interest declarations (plan item 5): who reviews them, who may see them, what a review may say.
// Pure; used by the pages (what to show) and the models (what to allow).

export const DECLARATION_KINDS = ["yearly", "case"] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];
export const DECLARATION_KIND_LABELS: Record<DeclarationKind, string> = { yearly: "ประจำปี", case: "รายกรณี" };

export const CASE_TYPES = ["procurement_committee", "inspection_committee", "salary_committee", "other"] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  procurement_committee: "คณะกรรมการจัดซื้อจัดจ้าง",
  inspection_committee: "คณะกรรมการตรวจรับพัสดุ",
  salary_committee: "คณะกรรมการเลื่อนขั้นเงินเดือน",
  other: "การพิจารณาเรื่องอื่น",
};

export const REVIEW_OUTCOMES = ["no_conflict", "managed", "recusal"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  no_conflict: "ไม่มีส่วนได้เสีย",
  managed: "มีส่วนได้เสีย จัดการได้ (ระบุวิธี)",
  recusal: "ให้งดเว้นการพิจารณา (ถอนตัว)",
};

/** Executives and council members have no supervisor in the municipality's line: HR reviews theirs. */
export const REVIEWED_BY_HR = ["executive", "council_member"] as const;

export function reviewedByHr(personnelType: string): boolean {
  return (REVIEWED_BY_HR as readonly string[]).includes(personnelType);
}

/**
 * The viewer's relation to a declaration's author. `headOfPerson`: a manager of the person's unit or a unit
 * above it (the model computes it from the division tree).
 */
export type DeclarationViewer = { personId: number; isHr: boolean; isHeadOfPerson: boolean };
export type DeclarationFacts = { personId: number; personnelType: string; reviewedAt: Date | string | null };

export function isReviewer(d: DeclarationFacts, viewer: DeclarationViewer): boolean {
  if (d.personId === viewer.personId) return false;
  return reviewedByHr(d.personnelType) ? viewer.isHr : viewer.isHeadOfPerson;
}

/** Visible to the person, their reviewer and HR only. */
export function mayView(d: DeclarationFacts, viewer: DeclarationViewer): boolean {
  return d.personId === viewer.personId || viewer.isHr || isReviewer(d, viewer);
}

export function mayReview(d: DeclarationFacts, viewer: DeclarationViewer): boolean {
  return !d.reviewedAt && isReviewer(d, viewer);
}

/** What is wrong with a review, in Thai, or null. A declared conflict on a case means recusal. */
export function reviewProblem(
  d: { kind: string; hasConflict: boolean },
  outcome: ReviewOutcome,
  note: string,
): string | null {
  if ((outcome === "managed" || outcome === "recusal") && note.trim().length < 5)
    return "กรุณาระบุเหตุผลหรือวิธีจัดการส่วนได้เสีย";
  if (d.kind === "case" && d.hasConflict && outcome !== "recusal")
    return "ผู้ยื่นแจ้งว่ามีส่วนได้เสียในเรื่องนี้ จึงต้องงดเว้นการพิจารณา (ถอนตัว)";
  return null;
}

export type YearlyAnswer = {
  nothingToDeclare: boolean;
  outsidePositions?: string;
  businesses?: string;
  shareholdings?: string;
  otherInterests?: string;
};

/** "Nothing to declare" is an answer; so is at least one interest; both at once, or neither, is not. */
export function yearlyAnswerProblem(a: YearlyAnswer): string | null {
  const any = [a.outsidePositions, a.businesses, a.shareholdings, a.otherInterests].some((v) => v && v.trim());
  if (a.nothingToDeclare && any) return 'เลือก "ไม่มีสิ่งที่ต้องแจ้ง" แล้ว จึงไม่ต้องกรอกรายการส่วนได้เสีย';
  if (!a.nothingToDeclare && !any) return 'กรุณากรอกอย่างน้อยหนึ่งรายการ หรือเลือก "ไม่มีสิ่งที่ต้องแจ้ง"';
  return null;
}

export const RISK_LEVELS = ["low", "medium", "high"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { low: "ต่ำ", medium: "ปานกลาง", high: "สูง" };

/** PDPA notice shown on every declaration and gift form. */
export const DECLARATION_PRIVACY_NOTICE = {
  purpose: "เพื่อป้องกันการขัดกันระหว่างประโยชน์ส่วนบุคคลกับประโยชน์ส่วนรวม ตามแผนปฏิบัติการป้องกันการทุจริต (โครงการที่ ๕ และมาตรการที่ ๑๖)",
  whoSees: "ท่าน ผู้บังคับบัญชาผู้พิจารณา (หรือกองการเจ้าหน้าที่สำหรับคณะผู้บริหารและสมาชิกสภา) และกองการเจ้าหน้าที่เท่านั้น",
  retention: "เก็บรักษาไว้ ๑๐ ปีนับแต่สิ้นปีงบประมาณที่ยื่น แล้วทำลายตามระเบียบงานสารบรรณ",
};
