import { isHr } from "./actor";
import { refusal, type Refusal } from "./refusal";

// Who may do what with a delegation order (decision 044): ONE rule set. The order page asks `orderActions` which
// buttons to show; every command asks `orderRefusal` (through the model's `checkOrderAction`) inside its
// transaction, on the order it has just read. Each check is in the order its refusal should be reported.

export type OrderAction =
  "view" | "edit" | "submit" | "returnToDraft" | "sign" | "circulate" | "revoke" | "acknowledge";

/** What the rules read from an order. Dates may be Date (model) or ISO strings (serialized). */
export type OrderFacts = {
  status: string;
  authorId: number;
  delegatorId: number;
  signedAt: Date | string | null;
  circulatedAt: Date | string | null;
  effectiveUntil: Date | string | null;
};
export type OrderViewer = { personId: number; roles: readonly string[] };
/** The viewer's acknowledgement row of this order, when they are a recipient. */
export type OrderAcknowledgementFacts = { acknowledgedAt: Date | string | null } | null | undefined;

const time = (d: Date | string) => (typeof d === "string" ? new Date(d) : d).getTime();

/** Signed or circulated, but its end date has passed (e.g. "ถึง 30 ก.ย. 2569" on 1 ต.ค. 2569). */
export function isExpired(order: Pick<OrderFacts, "status" | "effectiveUntil">, now: Date): boolean {
  return (
    (order.status === "signed" || order.status === "circulated") &&
    order.effectiveUntil !== null &&
    time(order.effectiveUntil) <= now.getTime()
  );
}

/** The status a person should read: "หมดอายุแล้ว" once the end date has passed, otherwise the stored status. */
export function orderStanding(order: Pick<OrderFacts, "status" | "effectiveUntil">, now: Date): string {
  return isExpired(order, now) ? "expired" : order.status;
}

/** Who may draft an order: managers (for themselves) and HR (for a manager). */
export function mayDraftOrder(viewer: { roles: readonly string[] }): boolean {
  return viewer.roles.includes("manager") || isHr(viewer);
}

/** Null when the viewer may take the action now; otherwise the Thai refusal to show. */
export function orderRefusal(
  action: OrderAction,
  order: OrderFacts,
  viewer: OrderViewer,
  mine?: OrderAcknowledgementFacts,
  now = new Date(),
): Refusal | null {
  const isAuthor = order.authorId === viewer.personId;
  const isDelegator = order.delegatorId === viewer.personId;
  const hr = isHr(viewer);
  // Drafts are seen by their author, their delegator and HR; signed orders by everyone signed in.
  if (!order.signedAt && !isAuthor && !isDelegator && !hr) return refusal(404, "ไม่พบคำสั่งนี้");
  switch (action) {
    case "view":
      return null;
    case "edit":
      if (order.signedAt) return refusal(409, "คำสั่งที่ลงนามแล้วแก้ไขไม่ได้ หากต้องการเปลี่ยนแปลง ให้ออกคำสั่งใหม่แทนที่คำสั่งนี้");
      if (order.status !== "draft") return refusal(409, "แก้ไขได้เฉพาะคำสั่งที่เป็นร่าง (ดึงกลับมาเป็นร่างก่อน)");
      if (!isAuthor) return refusal(403, "เฉพาะผู้ร่างเท่านั้นที่แก้ไขร่างนี้ได้");
      return null;
    case "submit":
      if (!isAuthor) return refusal(403, "เฉพาะผู้ร่างเท่านั้นที่เสนอลงนามได้");
      if (order.status !== "draft") return refusal(409, "เสนอลงนามได้เฉพาะคำสั่งที่เป็นร่าง");
      return null;
    case "returnToDraft":
      if (order.status !== "submitted") return refusal(409, "ดึงกลับได้เฉพาะคำสั่งที่รอลงนาม");
      if (!isAuthor && !isDelegator) return refusal(403, "เฉพาะผู้ร่างหรือผู้มอบอำนาจเท่านั้นที่ดึงกลับเป็นร่างได้");
      return null;
    case "sign":
      if (!isDelegator) return refusal(403, "ลงนามได้เฉพาะผู้มอบอำนาจตามคำสั่งนี้เท่านั้น");
      if (order.status !== "submitted")
        return refusal(409, order.signedAt ? "คำสั่งนี้ลงนามแล้ว" : "ลงนามได้เฉพาะคำสั่งที่เสนอลงนามแล้ว");
      return null;
    case "circulate":
      if (order.status !== "signed")
        return refusal(409, order.status === "circulated" ? "แจ้งเวียนคำสั่งนี้แล้ว" : "แจ้งเวียนได้เฉพาะคำสั่งที่ลงนามแล้ว");
      if (!isAuthor && !isDelegator && !hr) return refusal(403, "เฉพาะผู้ร่าง ผู้มอบอำนาจ หรือกองการเจ้าหน้าที่เท่านั้นที่แจ้งเวียนได้");
      return null;
    case "revoke":
      if (order.status !== "signed" && order.status !== "circulated")
        return refusal(409, "ยกเลิกได้เฉพาะคำสั่งที่ลงนามแล้วและยังมีผล");
      if (!isDelegator && !hr) return refusal(403, "เฉพาะผู้มอบอำนาจหรือกองการเจ้าหน้าที่เท่านั้นที่ยกเลิกคำสั่งได้");
      return null;
    case "acknowledge":
      if (order.status === "draft" || order.status === "submitted") return refusal(404, "ไม่พบคำสั่งนี้");
      // One's own order is not news to acknowledge (issue 12 item 7).
      if (isDelegator || isAuthor) return refusal(409, "ท่านเป็นผู้ร่างหรือผู้มอบอำนาจตามคำสั่งนี้ จึงไม่ต้องรับทราบ");
      if (!mine || !order.circulatedAt) return refusal(403, "คำสั่งนี้ไม่ได้แจ้งเวียนถึงท่าน จึงรับทราบไม่ได้");
      if (mine.acknowledgedAt) return refusal(409, "ท่านรับทราบคำสั่งนี้แล้ว");
      if (order.status === "revoked" || order.status === "superseded" || isExpired(order, now))
        return refusal(409, "คำสั่งนี้สิ้นผลแล้ว จึงไม่ต้องรับทราบ");
      return null;
  }
}

export type OrderActions = Record<Exclude<OrderAction, "view">, boolean>;

/** The buttons the order page shows: each action the viewer may take now. */
export function orderActions(
  order: OrderFacts,
  viewer: OrderViewer,
  mine?: OrderAcknowledgementFacts,
  now = new Date(),
): OrderActions {
  const may = (action: OrderAction) => orderRefusal(action, order, viewer, mine, now) === null;
  return {
    edit: may("edit"),
    submit: may("submit"),
    returnToDraft: may("returnToDraft"),
    sign: may("sign"),
    circulate: may("circulate"),
    revoke: may("revoke"),
    acknowledge: may("acknowledge"),
  };
}
