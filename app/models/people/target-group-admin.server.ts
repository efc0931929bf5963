import type { TargetGroup } from "@prisma/client";
import { fieldRefusal, refusal } from "~/domain/refusal";
import type { GroupRules } from "~/domain/indicators";
import { fullName } from "~/domain/personnel";
import { isGroupMember, NO_NAMED_MEMBERS, type GroupRulesInput, type MemberKind } from "~/domain/target-groups";
import type { GroupFormInput } from "~/schemas/target-group";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { topLevelMap } from "~/models/people/organization.server";
import type { Actor as FullActor } from "~/domain/actor";
import { divisionIdsFor, MEMBER_FIELDS, namedMembersOf } from "./target-groups.server";

// HR's target groups: one group's page, the preview of its rules, and the commands that change a group (audited).

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
