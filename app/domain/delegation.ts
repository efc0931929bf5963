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

/** What a person reads: the stored status, or "หมดอายุแล้ว" once the end date has passed (see `orderStanding`). */
export const ORDER_STANDING_LABELS: Record<OrderStatus | "expired", string> = {
  ...ORDER_STATUS_LABELS,
  expired: "หมดอายุแล้ว",
};

/** One order as a list shows it (the models build it, the order table renders it). */
export type OrderRow = {
  id: number;
  number: number | null;
  year: number | null;
  title: string;
  /** Stored status, or "expired" (see `orderStanding` in delegation-actions.ts). */
  status: string;
  divisionName: string;
  delegatorName: string;
  delegates: string;
  signedAt: string | null;
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
  powers: {
    kind: string;
    description: string;
    legalBasis: string;
    limits: string | null;
    ceilingBaht: number | null;
  }[];
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

/** The old unkeyed digest, kept in `contentHash` for reference only: anyone can recompute it (decision 022). */
export function contentHash(order: CanonicalOrder): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(canonicalJson(order))));
}

// The short code printed on a signed order for the public check at /verify (decision 022): 10 symbols from an
// alphabet without look-alikes (no 0 O 1 I L), shown as two groups of five. Certificates use 12 (XXXX-XXXX-XXXX).
export const ORDER_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const ORDER_CODE_LENGTH = 10;

/** The order code from the seal (hex HMAC): its first 10 pairs of bytes, each mod 31 (bias below 0.05%). */
export function orderCodeFromSeal(sealHex: string): string {
  let code = "";
  for (let i = 0; i < ORDER_CODE_LENGTH; i++)
    code += ORDER_CODE_ALPHABET[parseInt(sealHex.slice(i * 4, i * 4 + 4), 16) % ORDER_CODE_ALPHABET.length];
  return code;
}

export const formatOrderCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/** What someone typed, with spaces, dashes and case ignored. */
export function normalizeVerifyCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-‐-―_.]/g, "");
}

export const isOrderCode = (code: string) =>
  code.length === ORDER_CODE_LENGTH && [...code].every((c) => ORDER_CODE_ALPHABET.includes(c));

export type OrderInForce = {
  status: string;
  effectiveFrom: Date;
  effectiveUntil: Date | null;
  endedAt: Date | null;
  delegates: { personId: number | null; positionTitle: string | null }[];
};

/** Signed (or circulated) and not ended on `at`, and `at` inside its effective period. */
export function isInForce(order: Omit<OrderInForce, "delegates">, at: Date): boolean {
  if (
    order.status !== "signed" &&
    order.status !== "circulated" &&
    order.status !== "revoked" &&
    order.status !== "superseded"
  ) {
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
  return order.delegates.some(
    (d) => d.personId === person.id || (d.positionTitle !== null && d.positionTitle === person.position),
  );
}
