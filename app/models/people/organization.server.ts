import { db } from "~/utils/db.server";
import { keptValue } from "~/utils/versioned-cache.server";

export type DivisionOption = { id: number; name: string; depth: number };

/**
 * Every division in file order. Most pages need the tree (scopes, filters, names); it changes when the organization
 * file is loaded: kept per process until a division changes (they bump "membership"; decision 059). Frozen; inside
 * a transaction read through the transaction instead.
 */
export const allDivisions = keptValue("membership", () => db.division.findMany({ orderBy: { sortOrder: "asc" } }));

/** Divisions in file order with their depth, for selects and filters. */
export async function listDivisionOptions(): Promise<DivisionOption[]> {
  const divisions = await allDivisions();
  const depthOf = new Map<number, number>();
  return divisions.map((d) => {
    const depth = d.parentId ? (depthOf.get(d.parentId) ?? 0) + 1 : 0;
    depthOf.set(d.id, depth);
    return { id: d.id, name: d.name, depth };
  });
}

/** A division and every unit below it. Pass the transaction when called inside one (see decision 008). */
export async function divisionAndDescendantIds(
  divisionId: number,
  client: Pick<typeof db, "division"> = db,
): Promise<number[]> {
  const divisions =
    client === db ? await allDivisions() : await client.division.findMany({ select: { id: true, parentId: true } });
  const ids = [divisionId];
  for (let i = 0; i < ids.length; i++) {
    for (const d of divisions) if (d.parentId === ids[i]) ids.push(d.id);
  }
  return ids;
}

/** The top-level unit (สำนัก/กอง) a division belongs to: a manager sees that whole unit. */
export async function topLevelDivisionId(divisionId: number): Promise<number> {
  return topLevelMap(await allDivisions()).get(divisionId) ?? divisionId;
}

/** Each division's top-level unit (สำนัก/กอง), from a list already read. */
export function topLevelMap(divisions: { id: number; parentId: number | null }[]): Map<number, number> {
  const byId = new Map(divisions.map((d) => [d.id, d]));
  const topOf = new Map<number, number>();
  for (const d of divisions) {
    let top = d;
    while (top.parentId && byId.has(top.parentId)) top = byId.get(top.parentId)!;
    topOf.set(d.id, top.id);
  }
  return topOf;
}
