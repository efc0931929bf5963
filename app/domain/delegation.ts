import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";

// Delegation orders (plan item 30): numbers, the canonical content that a signature covers, and the powers a
// person holds on a date. Pure.

export const ORDER_STATUSES = ["draft", "submitted", "signed", "circulated", "revoked", "superseded"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  draft: "ร่าง",
  submitted: "รอลงนาม",
  signed: "ลงนามแล้ว",
  circulated: "แจ้งเวียนแล้ว",
  revoked: "ยกเลิกแล้ว",
  superseded: "ถูกแทนที่แล้ว",
};

export const POWER_KINDS = ["order", "permit", "approve"] as const;
export type PowerKind = (typeof POWER_KINDS)[number];
export const POWER_KIND_LABELS: Record<PowerKind, string> = { order: "สั่งการ", permit: "อนุญาต", approve: "อนุมัติ" };

/** "ที่ 12/2570" */
export function formatOrderNumber(number: number | null, year: number | null): string {
  return number && year ? `ที่ ${number}/${year}` : "(ยังไม่มีเลขที่)";
}

export type CanonicalOrder = {
  number: number;
  year: number;
  title: string;
  body: string;
  issuingDivision: string; // division code
  delegator: { personId: number; name: string; position: string };
  effectiveFrom: string; // ISO instant
  effectiveUntil: string | null;
  delegates: { personId: number | null; positionTitle: string | null }[];
  powers: { kind: string; description: string; legalBasis: string; limits: string | null; ceilingBaht: number | null }[];
  recipientDivisions: string[]; // division codes
  supersedes: string | null;
};

/** JSON with keys in a fixed order at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(order: CanonicalOrder): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(canonicalJson(order))));
}

export type OrderInForce = {
  status: string;
  effectiveFrom: Date;
  effectiveUntil: Date | null;
  endedAt: Date | null;
  delegates: { personId: number | null; positionTitle: string | null }[];
};

/** Signed (or circulated) and not ended on `at`, and `at` inside its effective period. */
export function isInForce(order: Omit<OrderInForce, "delegates">, at: Date): boolean {
  if (order.status !== "signed" && order.status !== "circulated" && order.status !== "revoked" && order.status !== "superseded") {
    return false;
  }
  const t = at.getTime();
  if (order.endedAt && order.endedAt.getTime() <= t) return false;
  if (order.effectiveFrom.getTime() > t) return false;
  if (order.effectiveUntil && order.effectiveUntil.getTime() <= t) return false;
  return true;
}

/** Whether the order delegates to this person, by name or through the position they hold. */
export function delegatesTo(order: Pick<OrderInForce, "delegates">, person: { id: number; position: string }): boolean {
  return order.delegates.some((d) => d.personId === person.id || (d.positionTitle !== null && d.positionTitle === person.position));
}
