import { powerCovers } from "~/domain/approvers";
import { POWER_KIND_LABELS, delegatesTo, formatOrderNumber, isInForce, type PowerKind } from "~/domain/delegation";
import { fullName, isActiveOn } from "~/domain/personnel";
import { db } from "~/utils/db.server";

export type Approver = {
  employeeNumber: string;
  name: string;
  position: string;
  unit: string;
  orderId: number;
  orderLabel: string;
  power: string;
  limits: string;
  via: "person" | "position";
};

/**
 * Who may decide a case of this kind and amount on a date: the people named in, or holding a position named in,
 * a signed delegation order in force that day with a power of that kind whose ceiling covers the amount.
 * The same rules as "powers held by a person" (isInForce, delegatesTo), asked the other way round.
 */
export async function whoMayDecide(kind: PowerKind, amountBaht: number | null, at: Date): Promise<Approver[]> {
  const orders = await db.delegationOrder.findMany({
    where: { signedAt: { not: null }, powers: { some: { kind } } },
    include: { powers: { orderBy: { position: "asc" } }, delegates: true },
  });
  const inForce = orders.filter((o) => isInForce(o, at));
  if (!inForce.length) return [];
  const personIds = inForce.flatMap((o) => o.delegates.map((d) => d.personId).filter((id): id is number => id != null));
  const positions = inForce.flatMap((o) =>
    o.delegates.map((d) => d.positionTitle).filter((t): t is string => Boolean(t)),
  );
  const people = (
    await db.person.findMany({
      where: { OR: [{ id: { in: personIds } }, { position: { in: positions } }] },
      include: { division: true },
    })
  ).filter((p) => isActiveOn(p, at));
  const result: Approver[] = [];
  for (const order of inForce) {
    for (const power of order.powers.filter((p) => powerCovers(p, kind, amountBaht))) {
      for (const person of people.filter((p) => delegatesTo(order, p))) {
        result.push({
          employeeNumber: person.employeeNumber,
          name: fullName(person),
          position: person.position,
          unit: person.division.name,
          orderId: order.id,
          orderLabel: formatOrderNumber(order.number, order.year),
          power: `${POWER_KIND_LABELS[kind]}: ${power.description}`,
          limits: [
            power.ceilingBaht != null ? `วงเงินไม่เกิน ${power.ceilingBaht.toLocaleString("th-TH")} บาท` : "ไม่จำกัดวงเงิน",
            power.limits,
          ]
            .filter(Boolean)
            .join(" · "),
          via: order.delegates.some((d) => d.personId === person.id) ? "person" : "position",
        });
      }
    }
  }
  return result.sort((a, b) => a.name.localeCompare(b.name, "th"));
}
