import type { TargetGroup } from "@prisma/client";
import type { GroupRules } from "~/domain/indicators";
import { isGroupMember, NO_NAMED_MEMBERS, type NamedMembers } from "~/domain/target-groups";
import { db, sqlite, type Tx } from "~/utils/db.server";

// Who is in a target group on a date. A group is rules over the roster (from content/plan/target-groups.yaml,
// or defined by HR in the app) plus people HR named into or out of it. This module owns TargetGroupMember and
// the HR groups; the plan sync writes the content groups' rules. HR's group page and commands:
// target-group-admin.server.ts.

type Client = Pick<Tx, "targetGroup" | "targetGroupMember" | "division" | "person">;
type DivisionRow = { id: number; code: string; parentId: number | null };

export async function targetGroups() {
  return db.targetGroup.findMany({ orderBy: { id: "asc" } });
}

/** A division code list to the ids it covers (a division includes its sections); null when any division. */
export function divisionIdsFor(divisionCodes: string[], divisions: DivisionRow[]): number[] | null {
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

export async function namedMembersOf(
  groupId: number,
  client: Pick<Client, "targetGroupMember"> = db,
): Promise<NamedMembers> {
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
export const MEMBER_FIELDS = {
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
  rosterById: Map<number, Member>;
  groups: Map<string, TargetGroup>;
  groupsById: Map<number, TargetGroup>;
  named: Map<number, NamedMembers>;
  divisions: DivisionRow[];
};
let snapshot: Snapshot | null = null;
const populations = new WeakMap<object, Map<string, Member[]>>();

async function membershipVersion(): Promise<number | null> {
  // Several times per page: the direct path (decision 054).
  const rows = await sqlite.read((sql) =>
    sql.all<{ version: number }>(`SELECT "version" FROM "CacheVersion" WHERE "name" = 'membership'`),
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
    rosterById: new Map(roster.map((p) => [p.id, p])),
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

/** The same roster by person id (kept with it). */
export async function rosterByIdForMembership(): Promise<ReadonlyMap<number, Member>> {
  return (await membershipSnapshot()).rosterById;
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

/**
 * Whether one person is in the group on `at`, from the membership snapshot (one version check when it is current;
 * every staff member's home page asks).
 */
export async function isMember(code: string, personId: number, at: Date): Promise<boolean> {
  const current = await membershipSnapshot();
  const group = current.groups.get(code);
  const person = current.rosterById.get(personId);
  return Boolean(group && person && memberOf(current, group, person, at));
}

/** The ids of every group one person is in on `at` (each learner's course list asks), from the snapshot. */
export async function groupIdsOf(personId: number, at: Date): Promise<Set<number>> {
  const current = await membershipSnapshot();
  const person = current.rosterById.get(personId);
  if (!person) return new Set();
  return new Set([...current.groupsById.values()].filter((g) => memberOf(current, g, person, at)).map((g) => g.id));
}

const memberOf = (current: Snapshot, group: TargetGroup, person: Member, at: Date) =>
  isGroupMember(person, rulesOf(group, current.divisions), current.named.get(group.id) ?? NO_NAMED_MEMBERS, at);

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
