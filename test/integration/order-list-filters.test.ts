import type { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { ORDER_STATUSES } from "~/domain/delegation";
import { bangkokMidnightUtc, toCommonEraYear } from "~/domain/thai-date";
import { listOrders, type OrderFilter } from "~/models/orders/order-queries.server";
import { db } from "~/utils/db.server";
import { createTestPerson } from "../support/factories";

// Decision 063 moved the order list ("ทั้งหมด") from a Prisma filter to one direct read. The filter it replaced is the
// oracle: for every filter the list shows, and a few together, both give the same orders in the same order.

/** The Prisma filter of the list before decision 063 (kept here as the oracle). */
async function oracle(filter: OrderFilter, viewer: { personId: number; mayReadDrafts: boolean }, now: Date) {
  const and: Prisma.DelegationOrderWhereInput[] = [];
  if (!viewer.mayReadDrafts)
    and.push({ OR: [{ signedAt: { not: null } }, { authorId: viewer.personId }, { delegatorId: viewer.personId }] });
  if (filter.divisionId) and.push({ issuingDivisionId: filter.divisionId });
  if (filter.status === "expired") and.push({ status: { in: ["signed", "circulated"] }, effectiveUntil: { lte: now } });
  else if (filter.status && (ORDER_STATUSES as readonly string[]).includes(filter.status)) {
    and.push({ status: filter.status });
    if (filter.status === "signed" || filter.status === "circulated")
      and.push({ OR: [{ effectiveUntil: null }, { effectiveUntil: { gt: now } }] });
  }
  if (filter.year) {
    const ce = toCommonEraYear(filter.year);
    and.push({
      OR: [
        { year: filter.year },
        { year: null, createdAt: { gte: bangkokMidnightUtc(ce, 1, 1), lt: bangkokMidnightUtc(ce + 1, 1, 1) } },
      ],
    });
  }
  if (filter.delegate) {
    const person = await db.person.findUnique({ where: { employeeNumber: filter.delegate } });
    and.push({
      delegates: {
        some: { OR: [{ personId: person?.id ?? -1 }, ...(person ? [{ positionTitle: person.position }] : [])] },
      },
    });
  }
  if (filter.q) and.push({ OR: [{ title: { contains: filter.q } }, { body: { contains: filter.q } }] });
  const orders = await db.delegationOrder.findMany({
    where: { AND: and },
    orderBy: [{ year: "desc" }, { number: "desc" }, { updatedAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return orders.map((o) => o.id);
}

describe("the order list on the direct path (decision 063)", () => {
  it("lists the orders the client's filter gave, for each filter and together", async () => {
    const now = new Date();
    const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
    const me = await createTestPerson();
    const other = await createTestPerson();
    const holder = await createTestPerson({ position: "ผู้อำนวยการกองคลังทดสอบ" });
    const [unitA, unitB] = await db.division.findMany({ take: 2, orderBy: { id: "asc" } });
    let serial = 0;
    const order = async (
      over: Partial<Prisma.DelegationOrderUncheckedCreateInput>,
      delegates: { personId?: number; positionTitle?: string }[] = [],
    ) => {
      serial += 1;
      // Delegates are added while it is a draft: a signed order's content cannot change (the database refuses).
      const { status = "draft", year, number, signedAt, signerName, circulatedAt, endedAt, ...content } = over;
      const created = await db.delegationOrder.create({
        data: {
          status: "draft",
          title: `คำสั่งทดสอบรายการที่ ${serial}`,
          body: "มอบอำนาจให้ปฏิบัติราชการแทน",
          issuingDivisionId: unitA!.id,
          delegatorId: other.id,
          authorId: other.id,
          effectiveFrom: days(-30),
          ...content,
        },
      });
      for (const [i, d] of delegates.entries())
        await db.delegationDelegate.create({ data: { orderId: created.id, position: i + 1, ...d } });
      await db.delegationOrder.update({
        where: { id: created.id },
        data: { status, year, number, signedAt, signerName, circulatedAt, endedAt, updatedAt: days(-serial) },
      });
      return created;
    };
    const signed = (year: number, number: number) => ({ year, number, signedAt: days(-20), signerName: "นายทดสอบ" });
    await order({ status: "draft", authorId: me.id }); // my draft
    await order({ status: "draft", createdAt: new Date("2025-06-01T00:00:00Z") }); // another's draft, written in 2568
    await order({ status: "submitted", delegatorId: me.id, submittedAt: days(-3) }, [{ personId: holder.id }]);
    await order({ status: "signed", ...signed(2569, 1) }, [{ positionTitle: "ผู้อำนวยการกองคลังทดสอบ" }]);
    await order({ status: "signed", ...signed(2569, 2), effectiveUntil: days(-1) }); // ended by its date
    await order(
      {
        status: "circulated",
        ...signed(2568, 7),
        circulatedAt: days(-19),
        effectiveUntil: days(30),
        issuingDivisionId: unitB!.id,
      },
      [{ personId: other.id }],
    );
    await order({ status: "circulated", ...signed(2568, 8), circulatedAt: days(-19), title: "คำสั่งเรื่องการจัดซื้อจัดจ้าง" });
    await order({ status: "revoked", ...signed(2567, 3), endedAt: days(-2), body: "ยกเลิกการมอบอำนาจเรื่องจัดซื้อ" });
    await order({ status: "superseded", ...signed(2567, 4), endedAt: days(-2), issuingDivisionId: unitB!.id });

    const filters: OrderFilter[] = [
      {},
      { divisionId: unitB!.id },
      ...ORDER_STATUSES.map((status) => ({ status })),
      { status: "expired" },
      { year: 2569 },
      { year: 2568 },
      { delegate: holder.employeeNumber },
      { delegate: other.employeeNumber },
      { delegate: "no-such-number" },
      { q: "จัดซื้อ" },
      { q: "ไม่มีคำนี้" },
      { status: "circulated", year: 2568, divisionId: unitB!.id },
      { status: "signed", year: 2569, delegate: holder.employeeNumber },
    ];
    let nonEmpty = 0;
    for (const viewer of [
      { personId: me.id, mayReadDrafts: false },
      { personId: other.id, mayReadDrafts: true },
    ])
      for (const filter of filters) {
        const listed = (await listOrders(filter, viewer, now)).map((o) => o.id);
        expect(listed, JSON.stringify({ filter, viewer })).toEqual(await oracle(filter, viewer, now));
        if (listed.length) nonEmpty += 1;
      }
    expect(nonEmpty).toBeGreaterThan(filters.length); // the filters select something, for both viewers
    // Another's draft is HR's to see, not staff's.
    expect((await listOrders({ status: "draft" }, { personId: me.id, mayReadDrafts: false }, now)).length).toBe(1);
    expect((await listOrders({ status: "draft" }, { personId: me.id, mayReadDrafts: true }, now)).length).toBe(2);
  });

  it("searches for % and _ as themselves", async () => {
    const author = await createTestPerson();
    const division = (await db.division.findFirstOrThrow()).id;
    for (const title of ["ส่วนลด 50%_พิเศษ", "ส่วนลด 50X-พิเศษ"])
      await db.delegationOrder.create({
        data: {
          status: "draft",
          title,
          body: "-",
          issuingDivisionId: division,
          delegatorId: author.id,
          authorId: author.id,
          effectiveFrom: new Date(),
        },
      });
    const titles = async (q: string) =>
      (await listOrders({ q }, { personId: author.id, mayReadDrafts: true })).map((o) => o.title);
    expect(await titles("50%_")).toEqual(["ส่วนลด 50%_พิเศษ"]);
    expect(await titles("ส่วนลด")).toHaveLength(2);
  });
});
