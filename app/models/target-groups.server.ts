import { inGroup, type GroupRules } from "~/domain/indicators";
import { isActiveOn } from "~/domain/personnel";
import { db } from "~/utils/db.server";
import { divisionAndDescendantIds } from "./organization.server";

// Who is in a target group on a date. Groups are rules (content/plan/target-groups.yaml) over the roster.

export async function targetGroups() {
  return db.targetGroup.findMany({ orderBy: { id: "asc" } });
}

export async function groupRules(code: string): Promise<(GroupRules & { name: string }) | null> {
  const group = await db.targetGroup.findUnique({ where: { code } });
  if (!group) return null;
  const divisionCodes = JSON.parse(group.divisionCodes) as string[];
  let divisionIds: number[] | null = null;
  if (divisionCodes.length) {
    const roots = await db.division.findMany({ where: { code: { in: divisionCodes } } });
    divisionIds = (await Promise.all(roots.map((r) => divisionAndDescendantIds(r.id)))).flat();
  }
  return { name: group.name, personnelTypes: JSON.parse(group.personnelTypes) as string[], divisionIds, positionIncludes: group.positionIncludes };
}

type Member = { id: number; personnelType: string; divisionId: number; position: string; activeFrom: Date; activeUntil: Date | null; deactivatedAt: Date | null };

/** People active on `at` who match the group's rules. Pass `people` to reuse one roster read. */
export async function populationOf(code: string, at: Date, people?: Member[]) {
  const rules = await groupRules(code);
  if (!rules) return null;
  const roster =
    people ??
    (await db.person.findMany({ select: { id: true, personnelType: true, divisionId: true, position: true, activeFrom: true, activeUntil: true, deactivatedAt: true } }));
  return { name: rules.name, members: roster.filter((p) => isActiveOn(p, at) && inGroup(p, rules)) };
}

/** Whether one person is in the group on `at`: their own row against the rules, not the whole roster. */
export async function isMember(code: string, personId: number, at: Date, rules?: GroupRules | null): Promise<boolean> {
  const groupRulesFor = rules === undefined ? await groupRules(code) : rules;
  if (!groupRulesFor) return false;
  const person = await db.person.findUnique({ where: { id: personId } });
  return Boolean(person && isActiveOn(person, at) && inGroup(person, groupRulesFor));
}
