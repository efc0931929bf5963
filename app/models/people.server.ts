import type { Prisma } from "@prisma/client";
import { normalizeDate, parseCsv } from "~/domain/csv-parse";
import { ROSTER_COLUMNS } from "~/domain/roster-columns";
import { PERSONNEL_TYPES, PERSONNEL_TYPE_LABELS, isActiveOn } from "~/domain/personnel";
import { accountChangeProblem, type AccountSnapshot } from "~/domain/admin-access";
import { refusal } from "~/domain/refusal";
import { personSchema, type PersonInput } from "~/schemas/person";
import type { Role } from "~/domain/roles";
import { bangkokMidnightUtc } from "~/domain/thai-date";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { checkOwnPassword } from "~/utils/auth.server";
import { hashPassword } from "~/utils/password.server";
import { invalidateAllSessions } from "~/utils/session.server";

// The one module that writes people, their roles and passwords. Every change is audited in its transaction.

/** Who is acting; without roles the actor counts as not an administrator (decision 026). */
type Actor = { actorId: number; ip: string | null; roles?: readonly Role[] };

export class PersonError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function parseIsoDate(value: string): Date {
  const [y, m, d] = value.split("-").map(Number);
  return bangkokMidnightUtc(y!, m!, d!);
}

function toRow(input: PersonInput) {
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

const auditable = (p: {
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

type AccountRow = { id: number; employeeNumber: string; title: string; firstName: string; lastName: string; activeFrom: Date; activeUntil: Date | null; deactivatedAt: Date | null };

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
async function guardAccountChange(
  tx: Prisma.TransactionClient,
  person: AccountRow,
  actor: Actor,
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

async function assertDivisionExists(tx: Prisma.TransactionClient, divisionId: number) {
  if (!(await tx.division.findUnique({ where: { id: divisionId } }))) {
    throw new PersonError("ไม่พบหน่วยงานที่เลือก", "divisionId");
  }
}

export async function createPerson(input: PersonInput, roles: Role[], actor: Actor) {
  return db.$transaction(async (tx) => {
    await assertDivisionExists(tx, input.divisionId);
    if (await tx.person.findUnique({ where: { employeeNumber: input.employeeNumber } })) {
      throw new PersonError("เลขประจำตัวนี้มีอยู่ในระบบแล้ว", "employeeNumber");
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

export async function updatePerson(personId: number, input: PersonInput, actor: Actor) {
  return db.$transaction(async (tx) => {
    const before = await tx.person.findUnique({ where: { id: personId } });
    if (!before) throw new PersonError("ไม่พบบุคลากรนี้");
    await assertDivisionExists(tx, input.divisionId);
    if (input.employeeNumber !== before.employeeNumber) {
      if (await tx.person.findUnique({ where: { employeeNumber: input.employeeNumber } })) {
        throw new PersonError("เลขประจำตัวนี้มีอยู่ในระบบแล้ว", "employeeNumber");
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

export async function setRoles(personId: number, roles: Role[], actor: Actor) {
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId }, include: { roles: true } });
    if (!person) throw new PersonError("ไม่พบบุคลากรนี้");
    const before = person.roles.map((r) => r.role).sort();
    const after = [...new Set(roles)].sort();
    if (personId === actor.actorId && before.includes("admin") && !after.includes("admin")) {
      throw new PersonError("ไม่สามารถถอดบทบาทผู้ดูแลระบบของตนเองได้", "roles");
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

export async function deactivatePerson(personId: number, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId } });
    if (!person) throw new PersonError("ไม่พบบุคลากรนี้");
    if (person.deactivatedAt) throw new PersonError("บุคลากรนี้ถูกระงับการใช้งานอยู่แล้ว");
    if (personId === actor.actorId) throw new PersonError("ไม่สามารถระงับการใช้งานบัญชีของตนเองได้");
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

export async function reactivatePerson(personId: number, actor: Actor) {
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId } });
    if (!person) throw new PersonError("ไม่พบบุคลากรนี้");
    if (!person.deactivatedAt) throw new PersonError("บุคลากรนี้ใช้งานอยู่แล้ว");
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

export async function resetPassword(personId: number, newPassword: string, actor: Actor) {
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId } });
    if (!person) throw new PersonError("ไม่พบบุคลากรนี้");
    await guardAccountChange(tx, person, actor, { passwordChanged: true });
    // The admin knows this password: the person must replace it at their next sign-in (decision 024).
    await tx.person.update({ where: { id: personId }, data: { passwordHash, mustChangePassword: true } });
    await invalidateAllSessions(tx, personId);
    await writeAudit(tx, { ...actor, action: "person.password_reset", entityType: "Person", entityId: person.employeeNumber });
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
    throw new PersonError("รหัสผ่านปัจจุบันไม่ถูกต้อง", "currentPassword");
  }
  const person = await db.person.findUniqueOrThrow({ where: { id: personId } });
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.person.update({ where: { id: personId }, data: { passwordHash, mustChangePassword: false } });
    await invalidateAllSessions(tx, personId, currentSessionId);
    await writeAudit(tx, { actorId: personId, ip, action: "auth.password_changed", entityType: "Person", entityId: person.employeeNumber });
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
    if (!division) throw new PersonError("ยังไม่มีหน่วยงานในฐานข้อมูล: run `npm run setup` first");
    const existing = await tx.person.findUnique({ where: { employeeNumber: input.employeeNumber }, include: { roles: true } });
    const person = existing
      ? await tx.person.update({
          where: { id: existing.id },
          data: { title, firstName, lastName, passwordHash, deactivatedAt: null, ...(input.position ? { position: input.position } : {}) },
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

const THAI_TITLES = ["นางสาว", "นาย", "นาง", "ว่าที่ร้อยตรี", "ดร.", "ว่าที่ ร.ต."];

export function splitThaiName(name: string): { title: string; firstName: string; lastName: string } {
  let rest = name.trim().replace(/\s+/g, " ");
  const title = THAI_TITLES.find((t) => rest.startsWith(t)) ?? "";
  rest = rest.slice(title.length).trim();
  const [firstName = "", ...others] = rest.split(" ");
  return { title, firstName, lastName: others.join(" ") };
}

// Roster import (CSV with Thai headers): a dry run that says what each row would do, then an all-or-nothing apply.


export type RosterRowPlan = {
  line: number;
  employeeNumber: string;
  name: string;
  action: "create" | "update" | "unchanged" | "error";
  errors: string[];
  changes: string[];
  input?: PersonInput;
};

function unknownPersonnelType(value: string, line: number): string {
  const allowed = Object.values(PERSONNEL_TYPE_LABELS).join(", ");
  return value
    ? `แถว ${line}: ไม่รู้จักประเภทบุคลากร "${value}" (ใช้ได้: ${allowed})`
    : `แถว ${line}: ยังไม่ได้ระบุประเภทบุคลากร (ใช้ได้: ${allowed})`;
}

export async function planRosterImport(text: string): Promise<{ rows: RosterRowPlan[]; headerErrors: string[] }> {
  const table = parseCsv(text);
  const [header, ...body] = table;
  if (!header) return { rows: [], headerErrors: ["ไฟล์ว่าง"] };
  const index = Object.fromEntries(Object.entries(ROSTER_COLUMNS).map(([key, label]) => [key, header.findIndex((h) => h.trim() === label)]));
  const missing = Object.entries(ROSTER_COLUMNS).filter(([key]) => key !== "activeUntil" && index[key] === -1).map(([, label]) => label);
  if (missing.length) return { rows: [], headerErrors: [`ไม่พบคอลัมน์: ${missing.join(", ")}`] };
  if (body.length > 5000) return { rows: [], headerErrors: ["นำเข้าได้ครั้งละไม่เกิน 5,000 แถว"] };

  const divisions = await db.division.findMany();
  const existing = new Map((await db.person.findMany()).map((p) => [p.employeeNumber, p]));
  const typeByLabel = new Map(Object.entries(PERSONNEL_TYPE_LABELS).map(([code, label]) => [label, code]));
  const seen = new Set<string>();
  const rows = body.map((cells, i): RosterRowPlan => {
    const cell = (key: keyof typeof ROSTER_COLUMNS) => (index[key]! >= 0 ? (cells[index[key]!] ?? "").trim() : "");
    const errors: string[] = [];
    const typeText = cell("personnelType");
    const personnelType = (PERSONNEL_TYPES as readonly string[]).includes(typeText) ? typeText : (typeByLabel.get(typeText) ?? "");
    if (!personnelType) errors.push(unknownPersonnelType(typeText, i + 2));
    const divisionText = cell("division");
    const division = divisions.find((d) => d.code === divisionText || d.name === divisionText);
    if (!division) errors.push(`ไม่พบหน่วยงาน "${divisionText}"`);
    const activeFrom = normalizeDate(cell("activeFrom"));
    const untilText = cell("activeUntil");
    const activeUntil = untilText ? normalizeDate(untilText) : "";
    if (!activeFrom) errors.push("วันเริ่มปฏิบัติงานต้องเป็น ปปปป-ดด-วว");
    if (untilText && !activeUntil) errors.push("วันสิ้นสุดต้องเป็น ปปปป-ดด-วว");
    const candidate = {
      employeeNumber: cell("employeeNumber"),
      title: cell("title"),
      firstName: cell("firstName"),
      lastName: cell("lastName"),
      position: cell("position"),
      personnelType,
      divisionId: division?.id ?? 0,
      activeFrom: activeFrom ?? "",
      activeUntil: activeUntil ?? "",
    };
    const parsed = personSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (field === "divisionId" && !division) continue;
        if (field === "personnelType") continue; // said above, with the value and the row
        if ((field === "activeFrom" || field === "activeUntil") && errors.some((e) => e.startsWith("วัน"))) continue;
        errors.push(`${ROSTER_COLUMNS[field as keyof typeof ROSTER_COLUMNS] ?? field}: ${issue.message}`);
      }
    }
    if (candidate.employeeNumber && seen.has(candidate.employeeNumber)) errors.push("เลขประจำตัวซ้ำกับแถวก่อนหน้าในไฟล์");
    seen.add(candidate.employeeNumber);
    const base = { line: i + 2, employeeNumber: candidate.employeeNumber, name: `${candidate.title}${candidate.firstName} ${candidate.lastName}` };
    if (errors.length || !parsed.success) return { ...base, action: "error", errors, changes: [] };
    const before = existing.get(candidate.employeeNumber);
    if (!before) return { ...base, action: "create", errors: [], changes: [], input: parsed.data };
    const next = toRow(parsed.data);
    const changes = (Object.keys(next) as (keyof typeof next)[]).filter((k) => {
      const a = before[k];
      const b = next[k];
      return a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() !== (b as Date | null)?.getTime() : a !== b;
    });
    const label = (k: string) => (k === "divisionId" ? ROSTER_COLUMNS.division : ROSTER_COLUMNS[k as keyof typeof ROSTER_COLUMNS] ?? k);
    return { ...base, action: changes.length ? "update" : "unchanged", errors: [], changes: changes.map(label), input: parsed.data };
  });
  return { rows, headerErrors: [] };
}

export async function applyRosterImport(text: string, actor: Actor) {
  const plan = await planRosterImport(text);
  if (plan.headerErrors.length || plan.rows.some((r) => r.action === "error")) {
    throw new PersonError("ไฟล์ยังมีแถวที่ไม่ถูกต้อง แก้ไขแล้วตรวจสอบอีกครั้งก่อนนำเข้า");
  }
  const toWrite = plan.rows.filter((r) => r.action === "create" || r.action === "update");
  await db.$transaction(
    async (tx) => {
      for (const row of toWrite) {
        const data = toRow(row.input!);
        if (row.action === "create") {
          const person = await tx.person.create({ data: { ...data, roles: { create: [{ role: "staff" }] } } });
          await writeAudit(tx, { ...actor, action: "person.created", entityType: "Person", entityId: person.employeeNumber, after: { ...auditable(person), roles: ["staff"], source: "roster import" } });
        } else {
          const before = await tx.person.findUniqueOrThrow({ where: { employeeNumber: row.employeeNumber } });
          await guardAccountChange(tx, before, actor, { row: data });
          const after = await tx.person.update({ where: { id: before.id }, data });
          await writeAudit(tx, { ...actor, action: "person.updated", entityType: "Person", entityId: after.employeeNumber, before: auditable(before), after: { ...auditable(after), source: "roster import" } });
        }
      }
      await writeAudit(tx, {
        ...actor,
        action: "roster.imported",
        entityType: "Roster",
        after: { created: toWrite.filter((r) => r.action === "create").length, updated: toWrite.filter((r) => r.action === "update").length, unchanged: plan.rows.length - toWrite.length },
      });
    },
    { timeout: 120_000 },
  );
  return { created: toWrite.filter((r) => r.action === "create").length, updated: toWrite.filter((r) => r.action === "update").length, unchanged: plan.rows.length - toWrite.length };
}
