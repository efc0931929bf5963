import type { TargetGroup } from "@prisma/client";
import { fieldRefusal, refusal } from "~/domain/refusal";
import type { GroupRules } from "~/domain/indicators";
import { fullName } from "~/domain/personnel";
import {
  isGroupMember,
  NO_NAMED_MEMBERS,
  type GroupRulesInput,
  type MemberKind,
  type NamedMembers,
} from "~/domain/target-groups";
import type { GroupFormInput } from "~/schemas/target-group";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { topLevelMap } from "~/models/people/organization.server";
import type { Actor as FullActor } from "~/domain/actor";

// Who is in a target group on a date. A group is rules over the roster (from content/plan/target-groups.yaml,
// or defined by HR in the app) plus people HR named into or out of it. This module owns TargetGroupMember and
// the HR groups; the plan sync writes the content groups' rules.

type Client = Pick<Tx, "targetGroup" | "targetGroupMember" | "division" | "person">;
type DivisionRow = { id: number; code: string; parentId: number | null };

export async function targetGroups() {
  return db.targetGroup.findMany({ orderBy: { id: "asc" } });
}

/** A division code list to the ids it covers (a division includes its sections); null when any division. */
function divisionIdsFor(divisionCodes: string[], divisions: DivisionRow[]): number[] | null {
  if (!divisionCodes.length) return null;
  const ids = divisions.filter((d) => divisionCodes.includes(d.code)).map((d) => d.id);
  for (let i = 0; i < ids.length; i++)
    for (const d of divisions) if (d.parentId === ids[i] && !ids.includes(d.id)) ids.push(d.id);
  return ids;
}

function rulesOf(
  group: Pick<TargetGroup, "personnelTypes" | "divisionCodes" | "positionIncludes">,
  divisions: DivisionRow[],
): GroupRules {
  return {
    personnelTypes: JSON.parse(group.personnelTypes) as string[],
    divisionIds: divisionIdsFor(JSON.parse(group.divisionCodes) as string[], divisions),
    positionIncludes: group.positionIncludes,
  };
}

const allDivisions = (client: Pick<Client, "division"> = db) =>
  client.division.findMany({ select: { id: true, code: true, parentId: true } });

export async function groupRules(code: string): Promise<(GroupRules & { name: string }) | null> {
  const group = await db.targetGroup.findUnique({ where: { code } });
  if (!group) return null;
  return { name: group.name, ...rulesOf(group, await allDivisions()) };
}

function namedFrom(rows: { personId: number; kind: string }[]): NamedMembers {
  return {
    included: new Set(rows.filter((r) => r.kind === "include").map((r) => r.personId)),
    excluded: new Set(rows.filter((r) => r.kind === "exclude").map((r) => r.personId)),
  };
}

async function namedMembersOf(groupId: number, client: Pick<Client, "targetGroupMember"> = db): Promise<NamedMembers> {
  return namedFrom(
    await client.targetGroupMember.findMany({ where: { groupId }, select: { personId: true, kind: true } }),
  );
}

type Member = {
  id: number;
  personnelType: string;
  divisionId: number;
  position: string;
  activeFrom: Date;
  activeUntil: Date | null;
  deactivatedAt: Date | null;
};
const MEMBER_FIELDS = {
  id: true,
  personnelType: true,
  divisionId: true,
  position: true,
  activeFrom: true,
  activeUntil: true,
  deactivatedAt: true,
} as const;

/**
 * What membership is computed from — the roster's membership fields, every group, their named members and the
 * divisions — read once and kept in this process until the "membership" number in CacheVersion changes (SQL
 * triggers bump it on any change to those tables, whichever process makes it; decision 041). A snapshot read
 * while a change lands is at least as new as the number it is stored under, so it is never kept too long.
 */
type Snapshot = {
  version: number | null;
  roster: Member[];
  groups: Map<string, TargetGroup>;
  groupsById: Map<number, TargetGroup>;
  named: Map<number, NamedMembers>;
  divisions: DivisionRow[];
};
let snapshot: Snapshot | null = null;
const populations = new WeakMap<object, Map<string, Member[]>>();

async function membershipVersion(): Promise<number | null> {
  const rows = await db.$queryRawUnsafe<{ version: number | bigint }[]>(
    `SELECT "version" FROM "CacheVersion" WHERE "name" = 'membership'`,
  );
  return rows.length ? Number(rows[0]!.version) : null;
}

async function membershipSnapshot(): Promise<Snapshot> {
  const version = await membershipVersion();
  if (snapshot && version != null && snapshot.version === version) return snapshot;
  const [roster, groups, named, divisions] = await Promise.all([
    db.person.findMany({ select: MEMBER_FIELDS }),
    db.targetGroup.findMany({ orderBy: { id: "asc" } }),
    db.targetGroupMember.findMany({ select: { groupId: true, personId: true, kind: true } }),
    allDivisions(),
  ]);
  const next: Snapshot = {
    version,
    roster,
    groups: new Map(groups.map((g) => [g.code, g])),
    groupsById: new Map(groups.map((g) => [g.id, g])),
    named: new Map(groups.map((g) => [g.id, namedFrom(named.filter((n) => n.groupId === g.id))])),
    divisions,
  };
  if (version != null) snapshot = next;
  return next;
}

/** The roster fields membership needs, read once for many groups (cached per process; see membershipSnapshot). */
export async function rosterForMembership(): Promise<Member[]> {
  return (await membershipSnapshot()).roster;
}

/** People in the group on `at`. Pass `people` to filter that roster (the same array gives the same answer, kept). */
export async function populationOf<P extends Member = Member>(code: string, at: Date, people?: P[]) {
  const current = await membershipSnapshot();
  const group = current.groups.get(code);
  if (!group) return null;
  const roster = people ?? (current.roster as P[]);
  // The same roster, group and date within one computation (an item page asks for six years) are filtered once.
  let memo = populations.get(roster);
  if (!memo || memo.size > 64) populations.set(roster, (memo = new Map())); // an open year's date moves on
  const key = `${group.id}:${current.version}:${at.getTime()}`;
  const known = memo.get(key) as P[] | undefined;
  if (known) return { name: group.name, members: known };
  const rules = rulesOf(group, current.divisions);
  const named = current.named.get(group.id) ?? NO_NAMED_MEMBERS;
  const members = roster.filter((p) => isGroupMember(p, rules, named, at));
  memo.set(key, members);
  return { name: group.name, members };
}

/** Whether one person is in the group on `at`: their own rows, not the whole roster. */
export async function isMember(code: string, personId: number, at: Date): Promise<boolean> {
  const group = await db.targetGroup.findUnique({ where: { code } });
  if (!group) return false;
  const [person, named, divisions] = await Promise.all([
    db.person.findUnique({ where: { id: personId }, select: MEMBER_FIELDS }),
    db.targetGroupMember.findMany({ where: { groupId: group.id, personId }, select: { personId: true, kind: true } }),
    allDivisions(),
  ]);
  return Boolean(person && isGroupMember(person, rulesOf(group, divisions), namedFrom(named), at));
}

/** The ids of every group one person is in on `at`. */
export async function groupIdsOf(personId: number, at: Date): Promise<Set<number>> {
  const [person, groups, named, divisions] = await Promise.all([
    db.person.findUnique({ where: { id: personId }, select: MEMBER_FIELDS }),
    db.targetGroup.findMany(),
    db.targetGroupMember.findMany({ where: { personId }, select: { groupId: true, personId: true, kind: true } }),
    allDivisions(),
  ]);
  if (!person) return new Set();
  return new Set(
    groups
      .filter((g) =>
        isGroupMember(person, rulesOf(g, divisions), namedFrom(named.filter((n) => n.groupId === g.id)), at),
      )
      .map((g) => g.id),
  );
}

/** The union of several groups' populations on `at`, as person ids; one roster read. */
export async function unionOfGroups(groupIds: number[], at: Date): Promise<Set<number>> {
  if (!groupIds.length) return new Set();
  const current = await membershipSnapshot();
  const members = new Set<number>();
  for (const id of groupIds) {
    const group = current.groupsById.get(id);
    if (!group) continue;
    for (const p of (await populationOf(group.code, at))!.members) members.add(p.id);
  }
  return members;
}

// ---- HR pages ----

/** Every group with its member count on `at`, content groups first. */
export async function groupsWithCounts(at: Date) {
  const [groups, named, divisions, roster] = await Promise.all([
    db.targetGroup.findMany({ orderBy: [{ managedBy: "asc" }, { id: "asc" }] }),
    db.targetGroupMember.findMany({ select: { groupId: true, personId: true, kind: true } }),
    allDivisions(),
    rosterForMembership(),
  ]);
  return groups.map((g) => {
    const rules = rulesOf(g, divisions);
    const namedInGroup = namedFrom(named.filter((n) => n.groupId === g.id));
    return {
      code: g.code,
      name: g.name,
      managedBy: g.managedBy,
      memberCount: roster.filter((p) => isGroupMember(p, rules, namedInGroup, at)).length,
      included: namedInGroup.included.size,
      excluded: namedInGroup.excluded.size,
    };
  });
}

export async function groupDetail(code: string) {
  const group = await db.targetGroup.findUnique({
    where: { code },
    include: {
      members: { include: { person: { include: { division: true } }, addedBy: true }, orderBy: { addedAt: "asc" } },
    },
  });
  if (!group) return null;
  const divisions = await db.division.findMany({
    where: { code: { in: JSON.parse(group.divisionCodes) as string[] } },
  });
  return {
    id: group.id,
    code: group.code,
    name: group.name,
    managedBy: group.managedBy,
    personnelTypes: JSON.parse(group.personnelTypes) as string[],
    divisionIds: divisions.map((d) => d.id),
    divisionNames: divisions.map((d) => d.name),
    positionIncludes: group.positionIncludes ?? "",
    members: group.members.map((m) => ({
      personId: m.personId,
      kind: m.kind as MemberKind,
      employeeNumber: m.person.employeeNumber,
      name: fullName(m.person),
      divisionName: m.person.division.name,
      addedAt: m.addedAt.toISOString(),
      addedBy: fullName(m.addedBy),
    })),
  };
}

const PREVIEW_ROWS = 20;

/**
 * Who would be in a group with these rules and named members on `at`: the count, the first rows and the count
 * per top-level unit. Used before saving (the rules as typed) and after (the saved group).
 */
export async function previewPopulation(rules: GroupRulesInput, groupCode: string | null, at: Date) {
  const [people, divisionRows, group] = await Promise.all([
    db.person.findMany({
      select: { ...MEMBER_FIELDS, employeeNumber: true, title: true, firstName: true, lastName: true },
      orderBy: { employeeNumber: "asc" },
    }),
    db.division.findMany({ orderBy: { sortOrder: "asc" } }),
    groupCode ? db.targetGroup.findUnique({ where: { code: groupCode } }) : null,
  ]);
  const codes = divisionRows.filter((d) => rules.divisionIds.includes(d.id)).map((d) => d.code);
  const groupRulesFor: GroupRules = {
    personnelTypes: rules.personnelTypes,
    divisionIds: divisionIdsFor(codes, divisionRows),
    positionIncludes: rules.positionIncludes || null,
  };
  const named = group ? await namedMembersOf(group.id) : NO_NAMED_MEMBERS;
  const members = people.filter((p) => isGroupMember(p, groupRulesFor, named, at));
  const topOf = topLevelMap(divisionRows);
  const nameOf = new Map(divisionRows.map((d) => [d.id, d.name]));
  const countByUnit = new Map<number, number>();
  for (const p of members) {
    const unit = topOf.get(p.divisionId) ?? p.divisionId;
    countByUnit.set(unit, (countByUnit.get(unit) ?? 0) + 1);
  }
  return {
    count: members.length,
    rows: members.slice(0, PREVIEW_ROWS).map((p) => ({
      employeeNumber: p.employeeNumber,
      name: fullName(p),
      divisionName: nameOf.get(p.divisionId) ?? "",
      named: named.included.has(p.id),
    })),
    byUnit: divisionRows
      .filter((d) => countByUnit.has(d.id))
      .map((d) => ({ name: d.name, count: countByUnit.get(d.id)! })),
  };
}

type Actor = Pick<FullActor, "personId" | "ip">;

async function ruleColumns(tx: Tx, input: GroupFormInput) {
  const divisions = await tx.division.findMany({
    where: { id: { in: input.divisionIds } },
    orderBy: { sortOrder: "asc" },
  });
  if (divisions.length !== new Set(input.divisionIds).size) throw fieldRefusal("divisionIds", "ไม่พบหน่วยงานที่เลือก", 400);
  return {
    name: input.name,
    personnelTypes: JSON.stringify(input.personnelTypes),
    divisionCodes: JSON.stringify(divisions.map((d) => d.code)),
    positionIncludes: input.positionIncludes || null,
  };
}

const auditedRules = (g: Pick<TargetGroup, "name" | "personnelTypes" | "divisionCodes" | "positionIncludes">) => ({
  name: g.name,
  personnelTypes: JSON.parse(g.personnelTypes) as string[],
  divisionCodes: JSON.parse(g.divisionCodes) as string[],
  positionIncludes: g.positionIncludes,
});

/** A new HR group; its code is `hr-<id>`, so it never collides with the plan's groups. */
export async function createGroup(input: GroupFormInput, actor: Actor) {
  return db.$transaction(async (tx) => {
    const columns = await ruleColumns(tx, input);
    const draft = await tx.targetGroup.create({
      data: { code: `hr-new-${crypto.randomUUID()}`, managedBy: "hr", ...columns },
    });
    const group = await tx.targetGroup.update({ where: { id: draft.id }, data: { code: `hr-${draft.id}` } });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "target_group.created",
      entityType: "TargetGroup",
      entityId: group.code,
      after: auditedRules(group),
    });
    return group;
  });
}

/** New rules for an HR group. The plan's groups change only through the plan file. */
export async function updateGroup(code: string, input: GroupFormInput, actor: Actor) {
  return db.$transaction(async (tx) => {
    const before = await tx.targetGroup.findUnique({ where: { code } });
    if (!before) throw refusal(404, "ไม่พบกลุ่มเป้าหมายนี้");
    if (before.managedBy !== "hr") throw refusal(403, "กลุ่มนี้กำหนดตามแผน แก้ไขเงื่อนไขได้ที่ไฟล์แผนเท่านั้น");
    const group = await tx.targetGroup.update({ where: { id: before.id }, data: await ruleColumns(tx, input) });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "target_group.updated",
      entityType: "TargetGroup",
      entityId: code,
      before: auditedRules(before),
      after: auditedRules(group),
    });
    return group;
  });
}

/** Name a person into (include) or out of (exclude) any group; naming them again switches the kind. */
export async function addNamedMember(
  code: string,
  employeeNumber: string,
  kind: MemberKind,
  actor: Actor,
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const group = await tx.targetGroup.findUnique({ where: { code } });
    if (!group) throw refusal(404, "ไม่พบกลุ่มเป้าหมายนี้");
    const person = await tx.person.findUnique({ where: { employeeNumber: employeeNumber.trim() } });
    if (!person) throw fieldRefusal("employeeNumber", `ไม่พบบุคลากรเลขประจำตัว ${employeeNumber.trim()}`, 400);
    const existing = await tx.targetGroupMember.findUnique({
      where: { groupId_personId: { groupId: group.id, personId: person.id } },
    });
    if (existing?.kind === kind) {
      throw fieldRefusal(
        "employeeNumber",
        `${fullName(person)} ถูก${kind === "include" ? "เพิ่ม" : "ยกเว้น"}ในกลุ่มนี้อยู่แล้ว`,
        400,
      );
    }
    const data = { kind, addedAt: now, addedById: actor.personId };
    await tx.targetGroupMember.upsert({
      where: { groupId_personId: { groupId: group.id, personId: person.id } },
      create: { groupId: group.id, personId: person.id, ...data },
      update: data,
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "target_group.member_named",
      entityType: "TargetGroup",
      entityId: code,
      before: existing ? { employeeNumber: person.employeeNumber, kind: existing.kind } : null,
      after: { employeeNumber: person.employeeNumber, kind },
    });
    return person;
  });
}

export async function removeNamedMember(code: string, personId: number, actor: Actor) {
  return db.$transaction(async (tx) => {
    const group = await tx.targetGroup.findUnique({ where: { code } });
    if (!group) throw refusal(404, "ไม่พบกลุ่มเป้าหมายนี้");
    const existing = await tx.targetGroupMember.findUnique({
      where: { groupId_personId: { groupId: group.id, personId } },
      include: { person: true },
    });
    if (!existing) throw refusal(404, "ไม่พบรายชื่อนี้ในกลุ่ม (อาจถูกนำออกไปแล้ว)");
    await tx.targetGroupMember.delete({ where: { groupId_personId: { groupId: group.id, personId } } });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "target_group.member_removed",
      entityType: "TargetGroup",
      entityId: code,
      before: { employeeNumber: existing.person.employeeNumber, kind: existing.kind },
      after: null,
    });
  });
}
