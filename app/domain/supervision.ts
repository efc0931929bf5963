import { isHr } from "./actor";
// Who supervises whom (decision 025). Pure: the unit tree and positions come in as data.
//
// A manager supervises the people of their own unit and of every unit below it in the division tree, never
// themselves and never a superior. A superior is anyone in a unit above (outside the manager's subtree, so never
// in scope) or, in the manager's own unit, a head or deputy whose position ranks at least as high as the
// manager's: the unit head (ผู้อำนวยการ…, หัวหน้า…, ปลัดเทศบาล, นายกเทศมนตรี…, ประธานสภา…) ranks 2, a deputy
// (รอง…) 1, everyone else 0 (ordinary staff of the unit are supervised by its manager-role holders). HR (and admins) may record appraisals for anyone but themselves.

export type UnitNode = { id: number; parentId: number | null };

const HEAD_PREFIXES = ["ผู้อำนวยการ", "หัวหน้า", "ปลัดเทศบาล", "นายกเทศมนตรี", "ประธานสภา"];

/** 2 = head of a unit, 1 = deputy head, 0 = everyone else; read from the position title. */
export function positionRank(position: string): 0 | 1 | 2 {
  const p = position.trim();
  if (HEAD_PREFIXES.some((h) => p.startsWith(h))) return 2;
  if (p.startsWith("รอง") && HEAD_PREFIXES.some((h) => p.slice(3).startsWith(h))) return 1;
  return 0;
}

/** A unit and every unit below it. */
export function unitAndBelow(units: readonly UnitNode[], unitId: number): Set<number> {
  const ids = [unitId];
  for (let i = 0; i < ids.length; i++)
    for (const u of units) if (u.parentId === ids[i] && !ids.includes(u.id)) ids.push(u.id);
  return new Set(ids);
}

export type Supervisor = { personId: number; divisionId: number; position: string; roles: readonly string[] };
export type Supervisee = { id: number; divisionId: number; position: string };

/** Whether `manager` supervises `person` (manager role only; HR is handled by `mayAppraisePerson`). */
export function supervises(manager: Supervisor, person: Supervisee, units: readonly UnitNode[]): boolean {
  if (!manager.roles.includes("manager") || person.id === manager.personId) return false;
  if (!unitAndBelow(units, manager.divisionId).has(person.divisionId)) return false;
  if (person.divisionId !== manager.divisionId) return true;
  const rank = positionRank(person.position);
  return rank === 0 || rank < positionRank(manager.position);
}

/** Whether the actor may record a supervisor's appraisal for this person: HR for anyone else, a manager for those they supervise. */
export function mayAppraisePerson(actor: Supervisor, person: Supervisee, units: readonly UnitNode[]): boolean {
  if (person.id === actor.personId) return false;
  return isHr(actor) || supervises(actor, person, units);
}

/** A proposal already recorded may be revised only by the appraiser who recorded it, or by HR. */
export function mayReviseProposal(
  actor: { personId: number; roles: readonly string[] },
  appraisedById: number | null,
): boolean {
  return appraisedById == null || appraisedById === actor.personId || isHr(actor);
}

export const NOT_SUPERVISOR_MESSAGE = "ท่านไม่ใช่ผู้บังคับบัญชาของบุคลากรผู้นี้";
export const OTHER_APPRAISER_MESSAGE = "ผู้บังคับบัญชาท่านอื่นบันทึกข้อเสนอของบุคลากรผู้นี้แล้ว แก้ไขได้เฉพาะผู้บันทึกหรือเจ้าหน้าที่งานบุคคล";
