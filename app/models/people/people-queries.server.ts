import type { Prisma } from "@prisma/client";
import { db, sqlite } from "~/utils/db.server";

export type PeopleFilter = {
  q?: string;
  divisionIds?: number[];
  personnelType?: string;
  status?: "active" | "inactive" | "all";
  page?: number;
  pageSize?: number;
};

export function activeWhere(now = new Date()): Prisma.PersonWhereInput {
  return {
    deactivatedAt: null,
    activeFrom: { lte: now },
    OR: [{ activeUntil: null }, { activeUntil: { gt: now } }],
  };
}

export async function searchPeople(filter: PeopleFilter) {
  const pageSize = filter.pageSize ?? 50;
  const page = Math.max(1, filter.page ?? 1);
  const and: Prisma.PersonWhereInput[] = [];
  const q = filter.q?.trim();
  if (q) {
    and.push({
      OR: [
        { employeeNumber: { contains: q } },
        { firstName: { contains: q } },
        { lastName: { contains: q } },
        { position: { contains: q } },
      ],
    });
  }
  if (filter.divisionIds?.length) and.push({ divisionId: { in: filter.divisionIds } });
  if (filter.personnelType) and.push({ personnelType: filter.personnelType });
  if (filter.status === "active" || !filter.status) and.push(activeWhere());
  if (filter.status === "inactive") and.push({ NOT: activeWhere() });
  const where: Prisma.PersonWhereInput = { AND: and };
  const [total, people] = await Promise.all([
    db.person.count({ where }),
    db.person.findMany({
      where,
      include: { division: true, roles: true },
      orderBy: [{ division: { sortOrder: "asc" } }, { employeeNumber: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)), people };
}

export async function countActiveByPersonnelType(divisionIds?: number[], now = new Date()) {
  // On the home page of HR and every manager: one direct read (decision 062), the same conditions as activeWhere.
  const rows = await sqlite.read((sql) =>
    sql.all<{ personnelType: string; count: number }>(
      `SELECT "personnelType", COUNT(*) AS "count" FROM "Person"
       WHERE "deactivatedAt" IS NULL AND "activeFrom" <= ? AND ("activeUntil" IS NULL OR "activeUntil" > ?)
       ${divisionIds ? `AND "divisionId" IN (SELECT value FROM json_each(?))` : ""}
       GROUP BY "personnelType"`,
      now,
      now,
      ...(divisionIds ? [JSON.stringify(divisionIds)] : []),
    ),
  );
  return rows.map((r) => ({ personnelType: r.personnelType, count: Number(r.count) }));
}
