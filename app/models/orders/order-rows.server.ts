import { type OrderRow } from "~/domain/delegation";
import { orderStanding } from "~/domain/delegation-actions";
import { fullName } from "~/domain/personnel";
import type { OrderListRow } from "./order-queries.server";

/** One listed order as the order table shows it; an order past its end date reads "หมดอายุแล้ว". */
export function toOrderRow(o: OrderListRow, now = new Date()): OrderRow {
  return {
    id: o.id,
    number: o.number,
    year: o.year,
    title: o.title,
    status: orderStanding(o, now),
    divisionName: o.issuingDivision.name,
    delegatorName: fullName(o.delegator),
    delegates: o.delegates.map((d) => (d.person ? fullName(d.person) : `ผู้ดำรงตำแหน่ง${d.positionTitle}`)).join(", "),
    signedAt: o.signedAt?.toISOString() ?? null,
  };
}
