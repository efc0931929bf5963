import type { Division, Person, PersonRole } from "@prisma/client";
import { isActiveOn, type PeopleRow } from "~/domain/personnel";
import { refusal } from "~/domain/refusal";
import { db } from "~/utils/db.server";
import { divisionAndDescendantIds } from "./organization.server";
import { searchPeople } from "./people-queries.server";

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

/**
 * /unit: the people a manager supervises, their own unit and the units below it (decision 025), not the whole
 * division; searched and paged.
 */
export async function unitPeoplePage(unitId: number, filter: { q: string; page: number }) {
  const unit = await db.division.findUnique({ where: { id: unitId } });
  if (!unit) throw refusal(404, "ไม่พบหน่วยงานของท่าน");
  const result = await searchPeople({
    q: filter.q,
    divisionIds: await divisionAndDescendantIds(unitId),
    page: filter.page,
  });
  return {
    unitName: unit.name,
    q: filter.q,
    rows: result.people.map((p) => toPeopleRow(p)),
    page: result.page,
    pageCount: result.pageCount,
    total: result.total,
  };
}
