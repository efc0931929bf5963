import type { OrderRow } from "~/components/order-table";
import { fullName } from "~/domain/personnel";
import type { OrderListRow } from "./delegation-queries.server";

export function toOrderRow(o: OrderListRow): OrderRow {
  return {
    id: o.id,
    number: o.number,
    year: o.year,
    title: o.title,
    status: o.status,
    divisionName: o.issuingDivision.name,
    delegatorName: fullName(o.delegator),
    delegates: o.delegates.map((d) => (d.person ? fullName(d.person) : `ผู้ดำรงตำแหน่ง${d.positionTitle}`)).join(", "),
    signedAt: o.signedAt?.toISOString() ?? null,
  };
}
