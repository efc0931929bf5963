import { isHr, isManager } from "./actor";

// The fraud-risk register's rules (plan item 37): who may do what to which risk. Pure; used by the pages (what to
// show) and the models (what to allow).

export const RISK_TYPES = [
  "permits",
  "procurement",
  "budget",
  "public_property",
  "conflict_of_interest",
  "personnel",
  "service",
  "other",
] as const;
export type RiskType = (typeof RISK_TYPES)[number];
export const RISK_TYPE_LABELS: Record<RiskType, string> = {
  permits: "การอนุมัติ/อนุญาต",
  procurement: "การจัดซื้อจัดจ้าง",
  budget: "การใช้จ่ายงบประมาณ",
  public_property: "การใช้ทรัพย์สินของทางราชการ",
  conflict_of_interest: "ผลประโยชน์ทับซ้อน",
  personnel: "การบริหารงานบุคคล",
  service: "การให้บริการประชาชน",
  other: "อื่น ๆ",
};

export const FOLLOW_UP_STATUSES = ["done", "in_progress", "not_started"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  done: "ดำเนินการแล้ว",
  in_progress: "อยู่ระหว่างดำเนินการ",
  not_started: "ยังไม่ได้ดำเนินการ",
};

export const LOST_ROW_TEXT = "ข้อมูลสูญหายในเอกสารต้นฉบับ";

/** The three indicators of item 37 that read the register (content/plan/items/37.yaml names them). */
export const RISK_REGISTER_INSTRUMENTS = [
  "risk-register-report",
  "risk-register-measures",
  "risk-register-publication",
] as const;
export type RiskRegisterInstrument = (typeof RISK_REGISTER_INSTRUMENTS)[number];
export function isRiskRegisterInstrument(instrument: string): instrument is RiskRegisterInstrument {
  return (RISK_REGISTER_INSTRUMENTS as readonly string[]).includes(instrument);
}

type Viewer = { personId: number; roles: readonly string[] };
export type RiskFacts = { divisionId: number | null; includedAt: Date | string | null; gap: boolean };

/** HR (the municipal working group) sees every unit; a head of unit sees the register and works on their unit's risks. */
export function mayOpenRegister(viewer: Viewer): boolean {
  return isHr(viewer) || isManager(viewer);
}

/** Who may add a risk for a unit: HR for any unit, a head of unit for their own top-level unit. */
export function mayAssessUnit(viewer: Viewer, viewerUnitId: number | null, unitId: number | null): boolean {
  if (isHr(viewer)) return true;
  return isManager(viewer) && viewerUnitId != null && unitId === viewerUnitId;
}

/** Measures may be added while the risk is in the register; follow-ups are recorded by HR or the unit's head. */
export function mayWorkOnRisk(viewer: Viewer, viewerUnitId: number | null, risk: RiskFacts): boolean {
  if (risk.gap) return false;
  return mayAssessUnit(viewer, viewerUnitId, risk.divisionId);
}

export function mayConsolidate(viewer: Viewer): boolean {
  return isHr(viewer);
}

/** Item 37's count indicators judged in integers: a count meets its minimum. */
export function registerIndicatorMet(count: number, minimum: number): boolean {
  return count >= minimum;
}
