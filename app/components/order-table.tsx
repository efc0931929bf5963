import { Link } from "@remix-run/react";
import { ORDER_STANDING_LABELS, formatOrderNumber, type OrderRow } from "~/domain/delegation";
import { formatThaiDate } from "~/domain/thai-date";

const TONE: Record<string, string> = {
  signed: "badge--ok",
  circulated: "badge--ok",
  revoked: "badge--bad",
  superseded: "badge--bad",
  submitted: "badge--warn",
};

export type { OrderRow };

export function OrderStatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge ${TONE[status] ?? ""}`}>
      {ORDER_STANDING_LABELS[status as keyof typeof ORDER_STANDING_LABELS] ?? status}
    </span>
  );
}

export function OrderTable({ rows, empty }: { rows: OrderRow[]; empty: string }) {
  if (rows.length === 0) return <p className="card muted">{empty}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>เลขที่</th>
            <th>เรื่อง</th>
            <th className="hide-narrow">หน่วยงาน</th>
            <th className="hide-narrow">ผู้มอบอำนาจ</th>
            <th className="hide-narrow">ผู้รับมอบอำนาจ</th>
            <th>สถานะ</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id}>
              <td>
                {formatOrderNumber(o.number, o.year)}
                {o.signedAt ? <div className="muted">{formatThaiDate(o.signedAt)}</div> : null}
              </td>
              <td>
                <Link to={`/orders/${o.id}`}>{o.title}</Link>
              </td>
              <td className="hide-narrow">{o.divisionName}</td>
              <td className="hide-narrow">{o.delegatorName}</td>
              <td className="hide-narrow">{o.delegates}</td>
              <td>
                <OrderStatusBadge status={o.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
