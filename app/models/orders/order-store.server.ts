import type { Prisma } from "@prisma/client";
import {
  orderRefusal,
  type OrderAcknowledgementFacts,
  type OrderAction,
  type OrderViewer,
} from "~/domain/delegation-actions";
import { formatOrderNumber, type CanonicalOrder } from "~/domain/delegation";
import { fullName } from "~/domain/personnel";
import { refusal } from "~/domain/refusal";
import type { Db, Tx } from "~/utils/db.server";
import { sealVerifies } from "./order-seal.server";

// One delegation order as the models read it (with its people, powers and units), the content its signature
// covers, and the one permission check every command runs on the order it has just read.

export const ORDER_INCLUDE = {
  issuingDivision: true,
  delegator: true,
  author: true,
  supersedes: true,
  delegates: { orderBy: { position: "asc" }, include: { person: true } },
  powers: { orderBy: { position: "asc" } },
  recipientDivisions: { include: { division: true } },
} satisfies Prisma.DelegationOrderInclude;

export type FullOrder = Prisma.DelegationOrderGetPayload<{ include: typeof ORDER_INCLUDE }>;

export async function findOrder(tx: Tx | Db, id: number): Promise<FullOrder> {
  const order = Number.isInteger(id)
    ? await tx.delegationOrder.findUnique({ where: { id }, include: ORDER_INCLUDE })
    : null;
  if (!order) throw refusal(404, "ไม่พบคำสั่งนี้");
  return order;
}

/** Throws the refusal of `orderRefusal` (app/domain/delegation-actions.ts) when the viewer may not take the action. */
export function checkOrderAction(
  action: OrderAction,
  order: FullOrder,
  viewer: OrderViewer,
  mine?: OrderAcknowledgementFacts,
  now = new Date(),
) {
  const refused = orderRefusal(action, order, viewer, mine, now);
  if (refused) throw refused;
}

/** The canonical content a signature covers; recomputed later to show whether the stored order still matches. */
export function canonicalOrder(order: FullOrder): CanonicalOrder {
  return {
    number: order.number!,
    year: order.year!,
    title: order.title,
    body: order.body,
    issuingDivision: order.issuingDivision.code,
    delegator: {
      personId: order.delegatorId,
      name: order.signerName ?? fullName(order.delegator),
      position: order.signerPosition ?? order.delegator.position,
    },
    effectiveFrom: order.effectiveFrom.toISOString(),
    effectiveUntil: order.effectiveUntil?.toISOString() ?? null,
    // Stable identifiers only: a later correction of someone's name or employee number, or a unit's name, is
    // not a change to the order.
    delegates: order.delegates.map((d) => ({ personId: d.personId, positionTitle: d.positionTitle })),
    powers: order.powers.map((p) => ({
      kind: p.kind,
      description: p.description,
      legalBasis: p.legalBasis,
      limits: p.limits,
      ceilingBaht: p.ceilingBaht,
    })),
    recipientDivisions: order.recipientDivisions.map((r) => r.division.code).sort(),
    supersedes: order.supersedes ? formatOrderNumber(order.supersedes.number, order.supersedes.year) : null,
  };
}

/**
 * Whether what is stored now is what was signed: the keyed seal (decision 022) verifies. Null for an unsigned
 * order. The unkeyed `contentHash` proves nothing (anyone with the database can recompute it) and is not used.
 */
export function hashMatches(order: FullOrder): boolean | null {
  if (!order.signedAt) return null;
  return sealVerifies(canonicalOrder(order), order);
}
