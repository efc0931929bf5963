import { timingSafeEqual } from "node:crypto";
import { canonicalJson, orderCodeFromSeal, type CanonicalOrder } from "~/domain/delegation";
import { keyedHash } from "~/utils/seal-key.server";

// The seal of a signed delegation order (decision 022): HMAC-SHA256 of its canonical content with the install's
// seal key, which is not in the database. Someone who edits the stored order cannot make a matching seal.

export function sealFor(canonical: CanonicalOrder): { seal: string; verifyCode: string } {
  const seal = keyedHash("order-seal", canonicalJson(canonical));
  return { seal, verifyCode: orderCodeFromSeal(seal) };
}

/** Whether a stored seal and code are the ones this content gives under the key. */
export function sealVerifies(
  canonical: CanonicalOrder,
  stored: { seal: string | null; verifyCode: string | null },
): boolean {
  if (!stored.seal) return false;
  const expected = sealFor(canonical);
  const a = Buffer.from(expected.seal, "utf8");
  const b = Buffer.from(stored.seal, "utf8");
  return a.length === b.length && timingSafeEqual(a, b) && stored.verifyCode === expected.verifyCode;
}
