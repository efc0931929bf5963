import { inGroup, type GroupRules } from "./indicators";
import { isActiveOn } from "./personnel";

// Target groups: rules over the roster plus people HR names into or out of a group. Pure; no I/O.

export type NamedMembers = { included: ReadonlySet<number>; excluded: ReadonlySet<number> };

export const NO_NAMED_MEMBERS: NamedMembers = { included: new Set(), excluded: new Set() };

type Candidate = {
  id: number;
  personnelType: string;
  divisionId: number;
  position: string;
  activeFrom: Date;
  activeUntil: Date | null;
  deactivatedAt: Date | null;
};

/**
 * In the group on `at`: active, and either named in, or matching the rules without being named out.
 * A named exclusion wins over the rules; a named inclusion wins over both (HR named the person on purpose).
 */
export function isGroupMember(person: Candidate, rules: GroupRules, named: NamedMembers, at: Date): boolean {
  if (!isActiveOn(person, at)) return false;
  if (named.included.has(person.id)) return true;
  return !named.excluded.has(person.id) && inGroup(person, rules);
}

export const GROUP_MANAGERS = { content: "ตามแผน (ไฟล์แผน)", hr: "กำหนดโดยงานบุคคล" } as const;
export const MEMBER_KIND_LABELS = { include: "เพิ่มเป็นรายบุคคล", exclude: "ยกเว้นเป็นรายบุคคล" } as const;
export type MemberKind = keyof typeof MEMBER_KIND_LABELS;

export type GroupRulesInput = { personnelTypes: string[]; divisionIds: number[]; positionIncludes: string };
