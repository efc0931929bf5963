import type { Actor } from "~/domain/actor";
import { isHr, isManager } from "~/domain/actor";
import { reviewedByHr } from "~/domain/declarations";
import { fullName } from "~/domain/personnel";
import { refusal } from "~/domain/refusal";
import { db, type Tx } from "~/utils/db.server";
import { divisionAndDescendantIds } from "~/models/people/organization.server";
import { rosterByIdForMembership } from "~/models/people/target-groups.server";

// Who the viewer is to the registers' people: HR, and for a manager the units they head (their own unit and the
// units below it; see issue 13 — a person's head is a manager of the person's unit or of a unit above it).

export type RegisterScope = { personId: number; isHr: boolean; headOfUnitIds: Set<number> };

export async function scopeOf(actor: Actor, client: Tx | typeof db = db): Promise<RegisterScope> {
  // Outside a transaction the person's division comes from the membership snapshot (kept per process, as new as the
  // last change to people; decision 041): every register page and the home page ask.
  const me =
    client === db
      ? (await rosterByIdForMembership()).get(actor.personId)
      : await client.person.findUnique({ where: { id: actor.personId }, select: { divisionId: true } });
  if (!me) throw refusal(403, "ไม่พบข้อมูลบุคลากรของท่าน");
  const headOfUnitIds = isManager(actor)
    ? new Set(await divisionAndDescendantIds(me.divisionId, client))
    : new Set<number>();
  return { personId: actor.personId, isHr: isHr(actor), headOfUnitIds };
}

/** The viewer's relation to one person: the head of their unit (or HR, for executives and council members). */
export function relationTo(scope: RegisterScope, person: { id: number; divisionId: number; personnelType: string }) {
  const isHeadOfPerson =
    person.id !== scope.personId &&
    (reviewedByHr(person.personnelType) ? scope.isHr : scope.headOfUnitIds.has(person.divisionId));
  return { personId: scope.personId, isHr: scope.isHr, isHeadOfPerson };
}

export const PERSON_FIELDS = {
  id: true,
  employeeNumber: true,
  title: true,
  firstName: true,
  lastName: true,
  position: true,
  personnelType: true,
  divisionId: true,
} as const;
export type PersonRow = {
  id: number;
  employeeNumber: string;
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  personnelType: string;
  divisionId: number;
};

/** People and division names by id, read once for a list. */
export async function peopleAndDivisions(personIds: number[], client: Tx | typeof db = db) {
  const [people, divisions] = await Promise.all([
    client.person.findMany({ where: { id: { in: [...new Set(personIds)] } }, select: PERSON_FIELDS }),
    client.division.findMany({ select: { id: true, name: true } }),
  ]);
  const personById = new Map<number, PersonRow>(people.map((p) => [p.id, p]));
  const divisionName = new Map(divisions.map((d) => [d.id, d.name]));
  const nameOf = (id: number | null | undefined) =>
    id != null && personById.has(id) ? fullName(personById.get(id)!) : "—";
  return { personById, divisionName, nameOf };
}
