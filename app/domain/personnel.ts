export const PERSONNEL_TYPES = [
  "executive",
  "council_member",
  "municipal_officer",
  "permanent_employee",
  "contract_employee",
  "teacher",
] as const;
export type PersonnelType = (typeof PERSONNEL_TYPES)[number];

export const PERSONNEL_TYPE_LABELS: Record<PersonnelType, string> = {
  executive: "ผู้บริหาร",
  council_member: "สมาชิกสภาเทศบาล",
  municipal_officer: "พนักงานเทศบาล",
  permanent_employee: "ลูกจ้างประจำ",
  contract_employee: "พนักงานจ้าง",
  teacher: "พนักงานครู",
};

export function personnelTypeLabel(type: string): string {
  return (PERSONNEL_TYPE_LABELS as Record<string, string>)[type] ?? type;
}

export function fullName(person: { title: string; firstName: string; lastName: string }): string {
  return `${person.title}${person.firstName} ${person.lastName}`;
}

/** Active on `at`: started, not yet ended, not deactivated. */
export function isActiveOn(
  person: { activeFrom: Date; activeUntil: Date | null; deactivatedAt: Date | null },
  at: Date,
): boolean {
  const t = at.getTime();
  if (person.activeFrom.getTime() > t) return false;
  if (person.activeUntil && person.activeUntil.getTime() <= t) return false;
  if (person.deactivatedAt && person.deactivatedAt.getTime() <= t) return false;
  return true;
}

// Names as the roster and the shell give them ("นางสาวพิมพ์ชนก วงศ์ลำปาง"): title, first name, last name.
const THAI_TITLES = ["นางสาว", "นาย", "นาง", "ว่าที่ร้อยตรี", "ดร.", "ว่าที่ ร.ต."];

export function splitThaiName(name: string): { title: string; firstName: string; lastName: string } {
  let rest = name.trim().replace(/\s+/g, " ");
  const title = THAI_TITLES.find((t) => rest.startsWith(t)) ?? "";
  rest = rest.slice(title.length).trim();
  const [firstName = "", ...others] = rest.split(" ");
  return { title, firstName, lastName: others.join(" ") };
}

/** One person as the people tables show them (admin list, a manager's unit). */
export type PeopleRow = {
  id: number;
  employeeNumber: string;
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  personnelType: string;
  divisionName: string;
  roles: string[];
  active: boolean;
};
