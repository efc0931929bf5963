import { isActiveOn } from "~/domain/personnel";
import { isAdmin, type Actor } from "~/domain/actor";
import { refusal } from "~/domain/refusal";
import { auditActionLabel } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { toDateInputValue } from "~/utils/dates";
import { listDivisionOptions } from "./organization.server";

// What /admin/people/:personId shows: the person as the form edits them, the divisions to choose from, and the
// person's latest audited changes.

export async function personPage(personId: number, actor: Pick<Actor, "roles">) {
  const person = Number.isInteger(personId)
    ? await db.person.findUnique({ where: { id: personId }, include: { roles: true, division: true } })
    : null;
  if (!person) throw refusal(404, "ไม่พบบุคลากรนี้");
  const [divisions, history] = await Promise.all([
    listDivisionOptions(),
    db.auditLog.findMany({
      where: { entityType: "Person", entityId: person.employeeNumber },
      orderBy: { at: "desc" },
      take: 10,
    }),
  ]);
  return {
    isAdmin: isAdmin(actor),
    divisions,
    person: {
      id: person.id,
      employeeNumber: person.employeeNumber,
      title: person.title,
      firstName: person.firstName,
      lastName: person.lastName,
      position: person.position,
      personnelType: person.personnelType,
      divisionId: String(person.divisionId),
      divisionName: person.division.name,
      activeFrom: toDateInputValue(person.activeFrom),
      activeUntil: toDateInputValue(person.activeUntil),
      deactivatedAt: person.deactivatedAt?.toISOString() ?? null,
      active: isActiveOn(person, new Date()),
      hasPassword: Boolean(person.passwordHash),
      roles: person.roles.map((r) => r.role),
    },
    history: history.map((h) => ({ id: h.id, at: h.at.toISOString(), action: auditActionLabel(h.action) })),
  };
}
