import {
  contentHash,
  formatOrderCode,
  formatOrderNumber,
  isOrderCode,
  normalizeVerifyCode,
  POWER_KIND_LABELS,
  type PowerKind,
} from "~/domain/delegation";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { canonicalOrder, findOrder, hashMatches } from "./order-store.server";
import { sealFor } from "./order-seal.server";

// The public check of a printed order's code (/verify, decision 022) and the one-time seal of orders signed
// before seals existed.

export type OrderVerification = Awaited<ReturnType<typeof orderVerificationPage>>;

/** Anyone, signed in or not: what the printed order should say, and whether the stored order still matches its seal. */
export async function orderVerificationPage(typed: string) {
  const code = normalizeVerifyCode(typed);
  const row = isOrderCode(code)
    ? await db.delegationOrder.findUnique({ where: { verifyCode: code }, select: { id: true } })
    : null;
  if (!row) return { code: isOrderCode(code) ? formatOrderCode(code) : typed.trim().toUpperCase(), order: null };
  const order = await findOrder(db, row.id);
  return {
    code: formatOrderCode(code),
    order: {
      label: formatOrderNumber(order.number, order.year),
      title: order.title,
      division: order.issuingDivision.name,
      signedAt: order.signedAt!.toISOString(),
      delegator: `${order.signerName ?? ""} ตำแหน่ง${order.signerPosition ?? ""}`,
      effectiveFrom: order.effectiveFrom.toISOString(),
      effectiveUntil: order.effectiveUntil?.toISOString() ?? null,
      delegates: order.delegates.length,
      powers: order.powers.map((p) => ({
        text: `${POWER_KIND_LABELS[p.kind as PowerKind] ?? p.kind}: ${p.description}`,
        ceilingBaht: p.ceilingBaht,
      })),
      ended: order.endedAt ? order.endReason : null,
      matches: hashMatches(order) === true,
    },
  };
}

/**
 * Seal orders signed before seals existed, on the same install (run by setup and `npm run seal:legacy-orders`).
 * Only an order whose signing was recorded before the audit chain began, and whose stored content still gives
 * its old digest, is sealed: an order signed since, or one whose seal was removed, is never sealed again.
 */
export async function sealLegacyOrders(): Promise<{ sealed: number; refused: number[] }> {
  const candidates = await db.delegationOrder.findMany({
    where: { signedAt: { not: null }, seal: null },
    select: { id: true },
  });
  let sealed = 0;
  const refused: number[] = [];
  for (const { id } of candidates) {
    const done = await db.$transaction(async (tx) => {
      const order = await findOrder(tx, id);
      const signing = await tx.auditLog.findFirst({
        where: { action: "order.signed", entityType: "DelegationOrder", entityId: String(id) },
        orderBy: { id: "asc" },
      });
      if (!signing || signing.hash !== null) return false;
      if ((await tx.auditLog.count({ where: { id: { lt: signing.id }, hash: { not: null } } })) > 0) return false;
      if (!order.contentHash || contentHash(canonicalOrder(order)) !== order.contentHash) return false;
      const { seal, verifyCode } = sealFor(canonicalOrder(order));
      await tx.delegationOrder.update({ where: { id }, data: { seal, verifyCode } });
      await writeAudit(tx, {
        actorId: null,
        action: "order.sealed_legacy",
        entityType: "DelegationOrder",
        entityId: id,
        after: { verifyCode },
      });
      return true;
    });
    if (done) sealed += 1;
    else refused.push(id);
  }
  return { sealed, refused };
}
