import type { Division, Person, PersonRole } from "@prisma/client";
import { isActiveOn } from "~/domain/personnel";
import type { PeopleRow } from "~/components/people-table";

export function toPeopleRow(p: Person & { division: Division; roles: PersonRole[] }, now = new Date()): PeopleRow {
  return {
    id: p.id,
    employeeNumber: p.employeeNumber,
    title: p.title,
    firstName: p.firstName,
    lastName: p.lastName,
    position: p.position,
    personnelType: p.personnelType,
    divisionName: p.division.name,
    roles: p.roles.map((r) => r.role),
    active: isActiveOn(p, now),
  };
}
