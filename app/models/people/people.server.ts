import { isActiveOn } from "~/domain/personnel";
import { accountChangeProblem, type AccountSnapshot } from "~/domain/admin-access";
import { fieldRefusal, refusal } from "~/domain/refusal";
import type { PersonInput } from "~/schemas/person";
import type { Role } from "~/domain/roles";
import { bangkokMidnightUtc } from "~/domain/thai-date";
import { splitThaiName } from "~/domain/personnel";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { checkOwnPassword } from "~/utils/auth.server";
import { hashPassword } from "~/utils/password.server";
import { invalidateAllSessions } from "~/utils/session.server";

// The one module that writes people, their roles and passwords. Every change is audited in its transaction.

/** Who is acting; without roles the actor counts as not an administrator (decision 026). */
export type PeopleActor = { actorId: number; ip: string | null; roles?: readonly Role[] };

function parseIsoDate(value: string): Date {
  const [y, m, d] = value.split("-").map(Number);
  return bangkokMidnightUtc(y!, m!, d!);
}

export function toRow(input: PersonInput) {
  return {
    employeeNumber: input.employeeNumber,
    title: input.title,
    firstName: input.firstName,
    lastName: input.lastName,
    position: input.position,
    personnelType: input.personnelType,
    divisionId: input.divisionId,
    activeFrom: parseIsoDate(input.activeFrom),
    activeUntil: input.activeUntil ? parseIsoDate(input.activeUntil) : null,
  };
}

export const auditable = (p: {
  employeeNumber: string;
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  personnelType: string;
  divisionId: number;
  activeFrom: Date;
  activeUntil: Date | null;
}) => ({
  employeeNumber: p.employeeNumber,
  title: p.title,
  firstName: p.firstName,
  lastName: p.lastName,
  position: p.position,
  personnelType: p.personnelType,
  divisionId: p.divisionId,
  activeFrom: p.activeFrom.toISOString(),
  activeUntil: p.activeUntil?.toISOString() ?? null,
});

type AccountRow = {
  id: number;
  employeeNumber: string;
  title: string;
  firstName: string;
  lastName: string;
  activeFrom: Date;
  activeUntil: Date | null;
  deactivatedAt: Date | null;
};

function snapshotOf(p: Omit<AccountRow, "id">, roles: readonly string[], now: Date): AccountSnapshot {
  return {
    roles,
    active: isActiveOn(p, now),
    employeeNumber: p.employeeNumber,
    name: `${p.title}${p.firstName} ${p.lastName}`,
    activeFrom: bangkokDay(p.activeFrom),
    activeUntil: p.activeUntil ? bangkokDay(p.activeUntil) : null,
  };
}

/** The calendar day in Bangkok: dates are compared by day, as the form edits them. */
const bangkokDay = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

/**
 * Refuses (403/409) a change that touches administrator access unless the rule in app/domain/admin-access.ts allows
 * it: admins' accounts are changed by admins only, and the last active admin keeps admin access. Reads inside `tx`.
 */
export async function guardAccountChange(
  tx: Tx,
  person: AccountRow,
  actor: PeopleActor,
  change: { row?: Partial<Omit<AccountRow, "id">>; roles?: readonly string[]; passwordChanged?: boolean },
  now = new Date(),
) {
  const roles = (await tx.personRole.findMany({ where: { personId: person.id } })).map((r) => r.role);
  const admins = await tx.person.findMany({ where: { deactivatedAt: null, roles: { some: { role: "admin" } } } });
  const problem = accountChangeProblem({
    actorRoles: actor.roles ?? [],
    before: snapshotOf(person, roles, now),
    after: snapshotOf({ ...person, ...change.row }, change.roles ?? roles, now),
    passwordChanged: change.passwordChanged,
    activeAdmins: admins.filter((a) => isActiveOn(a, now)).length,
  });
  if (problem) throw refusal(problem.status, problem.message);
}

async function assertDivisionExists(tx: Tx, divisionId: number) {
  if (!(await tx.division.findUnique({ where: { id: divisionId } }))) {
    throw fieldRefusal("divisionId", "ไม่พบหน่วยงานที่เลือก");
  }
}

export async function createPerson(input: PersonInput, roles: Role[], actor: PeopleActor) {
  return db.$transaction(async (tx) => {
    await assertDivisionExists(tx, input.divisionId);
    if (await tx.person.findUnique({ where: { employeeNumber: input.employeeNumber } })) {
      throw fieldRefusal("employeeNumber", "เลขประจำตัวนี้มีอยู่ในระบบแล้ว");
    }
    const person = await tx.person.create({
      data: { ...toRow(input), roles: { create: roles.map((role) => ({ role })) } },
    });
    await writeAudit(tx, {
      ...actor,
      action: "person.created",
      entityType: "Person",
      entityId: person.employeeNumber,
      after: { ...auditable(person), roles },
    });
    return person;
  });
}

export async function updatePerson(personId: number, input: PersonInput, actor: PeopleActor) {
  return db.$transaction(async (tx) => {
    const before = await tx.person.findUnique({ where: { id: personId } });
    if (!before) throw refusal(404, "ไม่พบบุคลากรนี้");
    await assertDivisionExists(tx, input.divisionId);
    if (input.employeeNumber !== before.employeeNumber) {
      if (await tx.person.findUnique({ where: { employeeNumber: input.employeeNumber } })) {
        throw fieldRefusal("employeeNumber", "เลขประจำตัวนี้มีอยู่ในระบบแล้ว");
      }
    }
    await guardAccountChange(tx, before, actor, { row: toRow(input) });
    const after = await tx.person.update({ where: { id: personId }, data: toRow(input) });
    await writeAudit(tx, {
      ...actor,
      action: "person.updated",
      entityType: "Person",
      entityId: after.employeeNumber,
      before: auditable(before),
      after: auditable(after),
    });
    return after;
  });
}

export async function setRoles(personId: number, roles: Role[], actor: PeopleActor) {
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId }, include: { roles: true } });
    if (!person) throw refusal(404, "ไม่พบบุคลากรนี้");
    const before = person.roles.map((r) => r.role).sort();
    const after = [...new Set(roles)].sort();
    if (personId === actor.actorId && before.includes("admin") && !after.includes("admin")) {
      throw fieldRefusal("roles", "ไม่สามารถถอดบทบาทผู้ดูแลระบบของตนเองได้");
    }
    await guardAccountChange(tx, person, actor, { roles: after });
    await tx.personRole.deleteMany({ where: { personId } });
    await tx.personRole.createMany({ data: after.map((role) => ({ personId, role })) });
    await writeAudit(tx, {
      ...actor,
      action: "person.roles_changed",
      entityType: "Person",
      entityId: person.employeeNumber,
      before: { roles: before },
      after: { roles: after },
    });
  });
}

export async function deactivatePerson(personId: number, actor: PeopleActor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId } });
    if (!person) throw refusal(404, "ไม่พบบุคลากรนี้");
    if (person.deactivatedAt) throw refusal(400, "บุคลากรนี้ถูกระงับการใช้งานอยู่แล้ว");
    if (personId === actor.actorId) throw refusal(400, "ไม่สามารถระงับการใช้งานบัญชีของตนเองได้");
    await guardAccountChange(tx, person, actor, { row: { deactivatedAt: now } }, now);
    await tx.person.update({ where: { id: personId }, data: { deactivatedAt: now } });
    await invalidateAllSessions(tx, personId);
    await writeAudit(tx, {
      ...actor,
      action: "person.deactivated",
      entityType: "Person",
      entityId: person.employeeNumber,
      before: { deactivatedAt: null },
      after: { deactivatedAt: now.toISOString() },
    });
  });
}

export async function reactivatePerson(personId: number, actor: PeopleActor) {
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId } });
    if (!person) throw refusal(404, "ไม่พบบุคลากรนี้");
    if (!person.deactivatedAt) throw refusal(400, "บุคลากรนี้ใช้งานอยู่แล้ว");
    await guardAccountChange(tx, person, actor, { row: { deactivatedAt: null } });
    await tx.person.update({ where: { id: personId }, data: { deactivatedAt: null } });
    await writeAudit(tx, {
      ...actor,
      action: "person.reactivated",
      entityType: "Person",
      entityId: person.employeeNumber,
      before: { deactivatedAt: person.deactivatedAt.toISOString() },
      after: { deactivatedAt: null },
    });
  });
}

export async function resetPassword(personId: number, newPassword: string, actor: PeopleActor) {
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId } });
    if (!person) throw refusal(404, "ไม่พบบุคลากรนี้");
    await guardAccountChange(tx, person, actor, { passwordChanged: true });
    // The admin knows this password: the person must replace it at their next sign-in (decision 024).
    await tx.person.update({ where: { id: personId }, data: { passwordHash, mustChangePassword: true } });
    await invalidateAllSessions(tx, personId);
    await writeAudit(tx, {
      ...actor,
      action: "person.password_reset",
      entityType: "Person",
      entityId: person.employeeNumber,
    });
  });
}

/** The person changes their own password: every other session of theirs ends. */
export async function changeOwnPassword(
  personId: number,
  currentSessionId: string,
  currentPassword: string,
  newPassword: string,
  ip: string | null,
) {
  // Throttled per person and every failure audited (decision 023); a 429 Refusal when over the limit.
  if (!(await checkOwnPassword(personId, currentPassword, ip, "change_password"))) {
    throw fieldRefusal("currentPassword", "รหัสผ่านปัจจุบันไม่ถูกต้อง");
  }
  const person = await db.person.findUniqueOrThrow({ where: { id: personId } });
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.person.update({ where: { id: personId }, data: { passwordHash, mustChangePassword: false } });
    await invalidateAllSessions(tx, personId, currentSessionId);
    await writeAudit(tx, {
      actorId: personId,
      ip,
      action: "auth.password_changed",
      entityType: "Person",
      entityId: person.employeeNumber,
    });
  });
}

/** For `npm run user`: create or update an account from the shell. */
export async function upsertAccountFromShell(input: {
  employeeNumber: string;
  name: string;
  roles: Role[];
  password: string;
  divisionCode?: string;
  position?: string;
}) {
  const passwordHash = await hashPassword(input.password);
  const { title, firstName, lastName } = splitThaiName(input.name);
  return db.$transaction(async (tx) => {
    const division = input.divisionCode
      ? await tx.division.findUnique({ where: { code: input.divisionCode } })
      : await tx.division.findFirst({ orderBy: { sortOrder: "asc" } });
    if (!division) throw refusal(400, "ยังไม่มีหน่วยงานในฐานข้อมูล: run `npm run setup` first");
    const existing = await tx.person.findUnique({
      where: { employeeNumber: input.employeeNumber },
      include: { roles: true },
    });
    const person = existing
      ? await tx.person.update({
          where: { id: existing.id },
          data: {
            title,
            firstName,
            lastName,
            passwordHash,
            deactivatedAt: null,
            ...(input.position ? { position: input.position } : {}),
          },
        })
      : await tx.person.create({
          data: {
            employeeNumber: input.employeeNumber,
            title,
            firstName,
            lastName,
            position: input.position ?? "ผู้ดูแลระบบ",
            personnelType: "municipal_officer",
            divisionId: division.id,
            activeFrom: new Date(),
            passwordHash,
          },
        });
    await tx.personRole.deleteMany({ where: { personId: person.id } });
    await tx.personRole.createMany({ data: input.roles.map((role) => ({ personId: person.id, role })) });
    await invalidateAllSessions(tx, person.id);
    await writeAudit(tx, {
      actorId: null,
      ip: "shell",
      action: existing ? "person.updated" : "person.created",
      entityType: "Person",
      entityId: person.employeeNumber,
      before: existing ? { roles: existing.roles.map((r) => r.role) } : undefined,
      after: { name: input.name, roles: input.roles, passwordSet: true },
    });
    return { person, created: !existing };
  });
}
