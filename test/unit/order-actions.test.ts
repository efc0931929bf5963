import { describe, expect, it } from "vitest";
import {
  isExpired,
  mayDraftOrder,
  orderActions,
  orderRefusal,
  orderStanding,
  type OrderActions,
  type OrderFacts,
} from "~/domain/delegation-actions";

// One rule set for who may do what with a delegation order (decision 044): every role × every status.

const AUTHOR = 1;
const DELEGATOR = 2;
const HR = 3;
const STAFF = 4; // a recipient
const now = new Date("2026-11-28T03:00:00Z");

const viewers = {
  author: { personId: AUTHOR, roles: ["staff", "manager"] as const },
  delegator: { personId: DELEGATOR, roles: ["staff", "manager"] as const },
  hr: { personId: HR, roles: ["staff", "hr"] as const },
  staff: { personId: STAFF, roles: ["staff"] as const },
};

function order(status: string, overrides: Partial<OrderFacts> = {}): OrderFacts {
  const signed = !["draft", "submitted"].includes(status);
  return {
    status,
    authorId: AUTHOR,
    delegatorId: DELEGATOR,
    signedAt: signed ? new Date("2026-03-05T03:00:00Z") : null,
    circulatedAt:
      status === "circulated" || status === "superseded" || status === "revoked"
        ? new Date("2026-03-06T03:00:00Z")
        : null,
    effectiveUntil: null,
    ...overrides,
  };
}

const none: OrderActions = {
  edit: false,
  submit: false,
  returnToDraft: false,
  sign: false,
  circulate: false,
  revoke: false,
  acknowledge: false,
};
const only = (...keys: (keyof OrderActions)[]): OrderActions => ({
  ...none,
  ...Object.fromEntries(keys.map((k) => [k, true])),
});
const unacknowledged = { acknowledgedAt: null };

describe("orderActions: each role × each status", () => {
  const table: [string, keyof typeof viewers, OrderActions][] = [
    ["draft", "author", only("edit", "submit")],
    ["draft", "delegator", none],
    ["draft", "hr", none],
    ["submitted", "author", only("returnToDraft")],
    ["submitted", "delegator", only("sign", "returnToDraft")],
    ["submitted", "hr", none],
    ["signed", "author", only("circulate")],
    ["signed", "delegator", only("circulate", "revoke")],
    ["signed", "hr", only("circulate", "revoke")],
    ["signed", "staff", none],
    ["circulated", "author", none],
    ["circulated", "delegator", only("revoke")],
    ["circulated", "hr", only("revoke", "acknowledge")],
    ["circulated", "staff", only("acknowledge")],
    ["revoked", "delegator", none],
    ["revoked", "staff", none],
    ["superseded", "hr", none],
    ["superseded", "staff", none],
  ];
  it.each(table)("%s order, %s", (status, who, expected) => {
    expect(orderActions(order(status), viewers[who], unacknowledged, now)).toEqual(expected);
  });

  it("the delegator and the author never acknowledge their own order, even with a recipient row", () => {
    expect(orderActions(order("circulated"), viewers.delegator, unacknowledged, now).acknowledge).toBe(false);
    expect(orderActions(order("circulated"), viewers.author, unacknowledged, now).acknowledge).toBe(false);
    expect(orderRefusal("acknowledge", order("circulated"), viewers.delegator, unacknowledged, now)?.message).toContain(
      "ไม่ต้องรับทราบ",
    );
  });

  it("a recipient acknowledges once, only when it was circulated to them and while it is in force", () => {
    expect(orderRefusal("acknowledge", order("circulated"), viewers.staff, null, now)?.status).toBe(403);
    expect(orderRefusal("acknowledge", order("circulated"), viewers.staff, { acknowledgedAt: now }, now)?.message).toBe(
      "ท่านรับทราบคำสั่งนี้แล้ว",
    );
    const expired = order("circulated", { effectiveUntil: new Date("2026-09-29T17:00:00Z") }); // ถึง 30 ก.ย. 2569
    expect(orderActions(expired, viewers.staff, unacknowledged, now).acknowledge).toBe(false);
    expect(orderRefusal("acknowledge", expired, viewers.staff, unacknowledged, now)?.message).toContain("สิ้นผลแล้ว");
  });
});

describe("orderRefusal", () => {
  it("hides drafts from those not involved (404) and explains the rest in Thai with the right status", () => {
    expect(orderRefusal("view", order("draft"), viewers.staff)?.status).toBe(404);
    expect(orderRefusal("view", order("submitted"), viewers.hr)).toBeNull();
    expect(orderRefusal("view", order("signed"), viewers.staff)).toBeNull();
    expect(orderRefusal("sign", order("submitted"), viewers.hr)?.status).toBe(403);
    expect(orderRefusal("sign", order("submitted"), viewers.hr)?.message).toContain("ลงนามได้เฉพาะผู้มอบอำนาจ");
    expect(orderRefusal("sign", order("signed"), viewers.delegator)?.message).toBe("คำสั่งนี้ลงนามแล้ว");
    expect(orderRefusal("edit", order("signed"), viewers.author)?.status).toBe(409);
    expect(orderRefusal("edit", order("draft"), viewers.hr)?.message).toBe("เฉพาะผู้ร่างเท่านั้นที่แก้ไขร่างนี้ได้");
    expect(orderRefusal("circulate", order("circulated"), viewers.hr)?.message).toBe("แจ้งเวียนคำสั่งนี้แล้ว");
    expect(orderRefusal("revoke", order("signed"), viewers.staff)?.status).toBe(403);
  });

  it("only managers and HR draft", () => {
    expect(mayDraftOrder(viewers.delegator)).toBe(true);
    expect(mayDraftOrder(viewers.hr)).toBe(true);
    expect(mayDraftOrder({ roles: ["admin"] })).toBe(true);
    expect(mayDraftOrder(viewers.staff)).toBe(false);
  });
});

describe("orderStanding", () => {
  it("says expired once the end date has passed, and otherwise the stored status", () => {
    const until = "2026-09-29T17:00:00.000Z"; // stored "ถึง 30 ก.ย. 2569" (Bangkok midnight, as isInForce reads it)
    expect(orderStanding({ status: "circulated", effectiveUntil: until }, now)).toBe("expired");
    expect(isExpired({ status: "circulated", effectiveUntil: until }, new Date("2026-09-01T00:00:00Z"))).toBe(false);
    expect(orderStanding({ status: "circulated", effectiveUntil: null }, now)).toBe("circulated");
    expect(orderStanding({ status: "superseded", effectiveUntil: until }, now)).toBe("superseded");
    expect(orderStanding({ status: "submitted", effectiveUntil: until }, now)).toBe("submitted");
  });
});
