import type { DelegationOrder } from "@prisma/client";
import { ORDER_STATUSES, delegatesTo, isInForce } from "~/domain/delegation";
import { fiscalYearRange } from "~/domain/fiscal-year";
import { fullName } from "~/domain/personnel";
import { bangkokMidnightUtc, toCommonEraYear } from "~/domain/thai-date";
import { db, sqlite } from "~/utils/db.server";
import { modelRows } from "~/utils/model-rows.server";
import { allDivisions, listDivisionOptions } from "~/models/people/organization.server";
import { activeWhere } from "~/models/people/people-queries.server";
import { ORDER_INCLUDE } from "./order-store.server";

// Read-only queries over delegation orders.

export async function orderFormOptions() {
  const [divisions, people, managers, replaceable] = await Promise.all([
    listDivisionOptions(),
    db.person.findMany({ where: activeWhere(), orderBy: { employeeNumber: "asc" } }),
    db.person.findMany({
      where: { AND: [activeWhere(), { roles: { some: { role: "manager" } } }] },
      orderBy: { employeeNumber: "asc" },
    }),
    db.delegationOrder.findMany({
      where: { status: { in: ["signed", "circulated"] } },
      orderBy: [{ year: "desc" }, { number: "desc" }],
    }),
  ]);
  return {
    divisions,
    people: people.map((p) => ({ employeeNumber: p.employeeNumber, name: `${fullName(p)} · ${p.position}` })),
    managers: managers.map((p) => ({ employeeNumber: p.employeeNumber, name: `${fullName(p)} · ${p.position}` })),
    replaceable: replaceable.map((o) => ({ id: o.id, label: `ที่ ${o.number}/${o.year} ${o.title}` })),
  };
}

export type OrderFilter = { divisionId?: number; status?: string; year?: number; delegate?: string; q?: string };

type PersonName = { title: string; firstName: string; lastName: string };

/** A listed order with what the lists show of it: the issuing unit, the delegator and the delegates by name. */
export type OrderListRow = DelegationOrder & {
  issuingDivision: { name: string };
  delegator: PersonName;
  delegates: { person: PersonName | null; positionTitle: string | null }[];
};

/**
 * The orders with their list details: unit names from the kept divisions and the people's names in one direct read
 * (decision 062), instead of four reads through the client for every list.
 */
async function withListDetails(orders: DelegationOrder[]): Promise<OrderListRow[]> {
  if (!orders.length) return [];
  const [divisions, { delegates, people }] = await Promise.all([
    allDivisions(),
    sqlite.read((sql) => {
      const delegates = sql.all<{ orderId: number; personId: number | null; positionTitle: string | null }>(
        `SELECT "orderId", "personId", "positionTitle" FROM "DelegationDelegate"
         WHERE "orderId" IN (SELECT value FROM json_each(?)) ORDER BY "id"`,
        JSON.stringify(orders.map((o) => o.id)),
      );
      const personIds = [
        ...new Set([...orders.map((o) => o.delegatorId), ...delegates.flatMap((d) => d.personId ?? [])]),
      ];
      const people = sql.all<PersonName & { id: number }>(
        `SELECT "id", "title", "firstName", "lastName" FROM "Person" WHERE "id" IN (SELECT value FROM json_each(?))`,
        JSON.stringify(personIds),
      );
      return { delegates, people };
    }),
  ]);
  const divisionName = new Map(divisions.map((d) => [d.id, d.name]));
  const person = new Map(people.map((p) => [p.id, p]));
  return orders.map((o) => ({
    ...o,
    issuingDivision: { name: divisionName.get(o.issuingDivisionId) ?? "" },
    delegator: person.get(o.delegatorId)!,
    delegates: delegates
      .filter((d) => d.orderId === o.id)
      .map((d) => ({ person: d.personId == null ? null : person.get(d.personId)!, positionTitle: d.positionTitle })),
  }));
}

/** Every order the viewer may read that meets the filters, newest number first (at most 200): one direct read. */
export async function listOrders(
  filter: OrderFilter,
  viewer: { personId: number; mayReadDrafts: boolean },
  now = new Date(),
) {
  const conditions: string[] = [];
  const args: unknown[] = [];
  const and = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    args.push(...values);
  };
  // Others' drafts stay private to their author, their delegator and HR.
  if (!viewer.mayReadDrafts)
    and(`(t."signedAt" IS NOT NULL OR t."authorId" = ? OR t."delegatorId" = ?)`, viewer.personId, viewer.personId);
  if (filter.divisionId) and(`t."issuingDivisionId" = ?`, filter.divisionId);
  if (filter.status === "expired") and(`t."status" IN ('signed', 'circulated') AND t."effectiveUntil" <= ?`, now);
  else if (filter.status && (ORDER_STATUSES as readonly string[]).includes(filter.status)) {
    and(`t."status" = ?`, filter.status);
    // "ลงนามแล้ว"/"แจ้งเวียนแล้ว" means still in its period; a passed end date is "หมดอายุแล้ว".
    if (filter.status === "signed" || filter.status === "circulated")
      and(`(t."effectiveUntil" IS NULL OR t."effectiveUntil" > ?)`, now);
  }
  if (filter.year) {
    // An order without a number yet (a draft) belongs to the year it was written in.
    const ce = toCommonEraYear(filter.year);
    and(
      `(t."year" = ? OR (t."year" IS NULL AND t."createdAt" >= ? AND t."createdAt" < ?))`,
      filter.year,
      bangkokMidnightUtc(ce, 1, 1),
      bangkokMidnightUtc(ce + 1, 1, 1),
    );
  }
  // The words searched for are taken as they are: % and _ match themselves, not any text.
  const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  if (pattern) and(`(t."title" LIKE ? ESCAPE '\\' OR t."body" LIKE ? ESCAPE '\\')`, pattern, pattern);
  const orders = await sqlite.read((sql) => {
    if (filter.delegate) {
      // Orders naming the person, or the position they hold (whoever holds it).
      const [person] = sql.all<{ id: number; position: string }>(
        `SELECT "id", "position" FROM "Person" WHERE "employeeNumber" = ?`,
        filter.delegate,
      );
      and(
        `EXISTS (SELECT 1 FROM "DelegationDelegate" d WHERE d."orderId" = t."id" AND (d."personId" = ? OR d."positionTitle" = ?))`,
        person?.id ?? -1,
        person?.position ?? null,
      );
    }
    return modelRows(
      sql,
      "DelegationOrder",
      `${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""}
       ORDER BY t."year" DESC, t."number" DESC, t."updatedAt" DESC, t."id" DESC LIMIT 200`,
      ...args,
    );
  });
  return withListDetails(orders);
}

// The inbox's rules as SQL conditions on "DelegationOrder" o, written once: the home page and the tabs count with
// them on the direct path (decision 054), and the lists read the orders they select.
type OrderCondition = { where: string; args: (number | string | Date)[] };

/** Orders waiting for this person's signature (they are the delegator). */
const toSign = (personId: number): OrderCondition => ({
  where: `o."delegatorId" = ? AND o."status" = 'submitted'`,
  args: [personId],
});

/**
 * Orders circulated to this person that they have not acknowledged yet: only ones still in force (not revoked,
 * superseded or past their end date) and never their own (they wrote or signed it). Issue 12 item 7.
 */
const toAcknowledge = (personId: number, now: Date): OrderCondition => ({
  where: `o."status" = 'circulated' AND o."circulatedAt" IS NOT NULL
    AND o."delegatorId" <> ? AND o."authorId" <> ?
    AND (o."effectiveUntil" IS NULL OR o."effectiveUntil" > ?)
    AND EXISTS (SELECT 1 FROM "DelegationAcknowledgement" r
                WHERE r."orderId" = o."id" AND r."personId" = ? AND r."acknowledgedAt" IS NULL)`,
  args: [personId, personId, now, personId],
});

/** Drafts this person is writing or has sent to be signed. */
const drafts = (personId: number): OrderCondition => ({
  where: `o."authorId" = ? AND o."status" IN ('draft', 'submitted')`,
  args: [personId],
});

/** How many orders meet each condition: one direct read. */
async function countOrders<K extends string>(conditions: Record<K, OrderCondition>): Promise<Record<K, number>> {
  const entries = Object.entries(conditions) as [K, OrderCondition][];
  const [row] = await sqlite.read((sql) =>
    sql.all<Record<K, number>>(
      `SELECT ${entries.map(([name, c]) => `(SELECT COUNT(*) FROM "DelegationOrder" o WHERE ${c.where}) AS "${name}"`).join(", ")}`,
      ...entries.flatMap(([, c]) => c.args),
    ),
  );
  return Object.fromEntries(entries.map(([name]) => [name, Number(row![name])])) as Record<K, number>;
}

/** The orders meeting a condition, with what the lists show, in `orderBy`'s order (SQL on the order `t`). */
async function ordersWhere(condition: OrderCondition, orderBy: string) {
  const orders = await sqlite.read((sql) =>
    modelRows(
      sql,
      "DelegationOrder",
      `WHERE t."id" IN (SELECT o."id" FROM "DelegationOrder" o WHERE ${condition.where}) ORDER BY ${orderBy}, t."id"`,
      ...condition.args,
    ),
  );
  return withListDetails(orders);
}

export function ordersToSign(personId: number) {
  return ordersWhere(toSign(personId), `t."submittedAt" ASC`);
}

export function ordersToAcknowledge(personId: number, now = new Date()) {
  return ordersWhere(toAcknowledge(personId, now), `t."circulatedAt" DESC`);
}

/** How many orders wait for this person's signature and acknowledgement (the home page shows counts only). */
export function ordersWaitingCounts(personId: number, now = new Date()) {
  return countOrders({ toSign: toSign(personId), toAcknowledge: toAcknowledge(personId, now) });
}

export function myDrafts(personId: number) {
  return ordersWhere(drafts(personId), `t."updatedAt" DESC`);
}

/** How many drafts this person is writing or has sent to be signed (the tab's count when the list is not shown). */
export async function myDraftCount(personId: number) {
  return (await countOrders({ drafts: drafts(personId) })).drafts;
}

/** Powers a person holds by delegation on a date, from the orders in force then. */
export async function powersHeldBy(personId: number, at: Date) {
  const person = await db.person.findUnique({ where: { id: personId } });
  if (!person) return [];
  const orders = await db.delegationOrder.findMany({
    where: {
      signedAt: { not: null },
      OR: [{ delegates: { some: { personId } } }, { delegates: { some: { positionTitle: person.position } } }],
    },
    include: ORDER_INCLUDE,
  });
  return orders
    .filter((o) => isInForce(o, at) && delegatesTo(o, person))
    .flatMap((o) => o.powers.map((p) => ({ order: o, power: p })));
}

/** Orders signed in a fiscal year: the count indicator of plan item 30. */
export async function countOrdersSignedInFiscalYear(fiscalYear: number): Promise<number> {
  const { start, end } = fiscalYearRange(fiscalYear);
  return db.delegationOrder.count({ where: { signedAt: { gte: start, lt: end } } });
}
