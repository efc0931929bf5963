import type { Prisma } from "@prisma/client";
import type { Actor } from "~/domain/actor";
import { contentHash, formatOrderNumber } from "~/domain/delegation";
import { mayDraftOrder, type OrderAction } from "~/domain/delegation-actions";
import { fullName, isActiveOn } from "~/domain/personnel";
import { refusal } from "~/domain/refusal";
import { bangkokCalendarDate, toBuddhistYear } from "~/domain/thai-date";
import type { DelegationOrderInput } from "~/schemas/delegation-order";
import { writeAudit } from "~/utils/audit.server";
import { checkOwnPassword } from "~/utils/auth.server";
import { db, type Tx } from "~/utils/db.server";
import { divisionAndDescendantIds } from "~/models/people/organization.server";
import { resolveInput, writeChildren } from "./order-input.server";
import { sealFor } from "./order-seal.server";
import { canonicalOrder, checkOrderAction, findOrder, type FullOrder } from "./order-store.server";

// The one module that writes delegation orders, their delegates, powers, recipients and acknowledgements.
// Every command reads the order once inside its transaction and asks `orderRefusal` (decision 044) whether the
// actor may take the step; the order page shows its buttons from the same rules (`orderActions`).

export async function createDraft(input: DelegationOrderInput, actor: Actor, now = new Date()) {
  if (!mayDraftOrder(actor)) throw refusal(403, "เฉพาะผู้บังคับบัญชาและกองการเจ้าหน้าที่เท่านั้นที่ร่างคำสั่งได้");
  return db.$transaction(async (tx) => {
    const resolved = await resolveInput(tx, input, now);
    const order = await tx.delegationOrder.create({
      data: { ...resolved.row, status: "draft", authorId: actor.personId },
    });
    await writeChildren(tx, order.id, resolved);
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "order.drafted",
      entityType: "DelegationOrder",
      entityId: order.id,
      after: input,
    });
    return order;
  });
}

export async function updateDraft(orderId: number, input: DelegationOrderInput, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const order = await findOrder(tx, orderId);
    checkOrderAction("edit", order, actor, undefined, now);
    const resolved = await resolveInput(tx, input, now);
    await tx.delegationOrder.update({ where: { id: orderId }, data: resolved.row });
    await writeChildren(tx, orderId, resolved);
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "order.edited",
      entityType: "DelegationOrder",
      entityId: orderId,
      after: input,
    });
  });
}

/** A status step: read once, check with the shared rules, update, audit. */
async function transition(
  orderId: number,
  actor: Actor,
  step: OrderAction,
  audit: string,
  data: (order: FullOrder) => Prisma.DelegationOrderUpdateInput,
  now: Date,
) {
  return db.$transaction(async (tx) => {
    const order = await findOrder(tx, orderId);
    checkOrderAction(step, order, actor, undefined, now);
    const update = data(order);
    await tx.delegationOrder.update({ where: { id: orderId }, data: update });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: audit,
      entityType: "DelegationOrder",
      entityId: orderId,
      before: { status: order.status },
      after: { status: update.status ?? order.status, ...(update.endReason ? { reason: update.endReason } : {}) },
    });
  });
}

export function submitForSignature(orderId: number, actor: Actor, now = new Date()) {
  return transition(
    orderId,
    actor,
    "submit",
    "order.submitted",
    () => ({ status: "submitted", submittedAt: now }),
    now,
  );
}

export function returnToDraft(orderId: number, actor: Actor, now = new Date()) {
  return transition(
    orderId,
    actor,
    "returnToDraft",
    "order.returned",
    () => ({ status: "draft", submittedAt: null }),
    now,
  );
}

export function revokeOrder(orderId: number, reason: string, actor: Actor, now = new Date()) {
  return transition(
    orderId,
    actor,
    "revoke",
    "order.revoked",
    () => ({ status: "revoked", endedAt: now, endReason: reason }),
    now,
  );
}

/**
 * Sign: only the delegator, with their password again (throttled per person and every failure audited, decision
 * 023). The order is read once, inside the transaction. The number is the next in the Buddhist-era year of
 * signing, taken from a counter row in the same transaction, so numbers have no gaps and no duplicates.
 */
export async function signOrder(
  orderId: number,
  password: string,
  actor: Actor,
  now = new Date(),
  seenVersion?: string,
) {
  if (!(await checkOwnPassword(actor.personId, password, actor.ip, "sign_order"))) {
    throw refusal(400, "รหัสผ่านไม่ถูกต้อง ยังไม่ได้ลงนาม กรุณากรอกรหัสผ่านของท่านอีกครั้ง", {
      password: "รหัสผ่านไม่ถูกต้อง ยังไม่ได้ลงนาม กรุณากรอกรหัสผ่านของท่านอีกครั้ง",
    });
  }
  return db.$transaction(async (tx) => {
    const current = await findOrder(tx, orderId);
    checkOrderAction("sign", current, actor, undefined, now);
    // The signer signs what they saw: a draft changed since the page was opened must be read again.
    if (seenVersion !== undefined && current.updatedAt.toISOString() !== seenVersion) {
      throw refusal(409, "คำสั่งนี้ถูกแก้ไขหลังจากที่ท่านเปิดดู กรุณาตรวจเนื้อหาอีกครั้งก่อนลงนาม");
    }
    if (current.supersedes && current.supersedes.status !== "signed" && current.supersedes.status !== "circulated") {
      throw refusal(409, "คำสั่งเดิมที่จะแทนที่สิ้นผลไปแล้ว กรุณาดึงกลับเป็นร่างและแก้ไข");
    }
    // The delegator is the signer (checked above): their name and position are on the order already.
    const signer = current.delegator;
    const year = toBuddhistYear(bangkokCalendarDate(now).year);
    const [counter] = await tx.$queryRawUnsafe<{ lastNumber: number }[]>(
      `INSERT INTO "OrderNumberCounter" ("year", "lastNumber") VALUES (?, 1)
       ON CONFLICT ("year") DO UPDATE SET "lastNumber" = "lastNumber" + 1 RETURNING "lastNumber"`,
      year,
    );
    const number = Number(counter!.lastNumber);
    const signed: FullOrder = {
      ...current,
      number,
      year,
      signedAt: now,
      signerName: fullName(signer),
      signerPosition: signer.position,
    };
    const hash = contentHash(canonicalOrder(signed));
    const { seal, verifyCode } = sealFor(canonicalOrder(signed));
    await tx.delegationOrder.update({
      where: { id: orderId },
      data: {
        status: "signed",
        number,
        year,
        signedAt: now,
        signerName: signed.signerName,
        signerPosition: signed.signerPosition,
        contentHash: hash,
        seal,
        verifyCode,
      },
    });
    if (current.supersedesId) {
      const reason = `ถูกแทนที่โดยคำสั่ง${formatOrderNumber(number, year)}`;
      await tx.delegationOrder.update({
        where: { id: current.supersedesId },
        data: { status: "superseded", endedAt: now, endReason: reason },
      });
      await writeAudit(tx, {
        actorId: actor.personId,
        ip: actor.ip,
        action: "order.superseded",
        entityType: "DelegationOrder",
        entityId: current.supersedesId,
        after: { reason },
      });
    }
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "order.signed",
      entityType: "DelegationOrder",
      entityId: orderId,
      before: { status: current.status },
      after: { status: "signed", number, year, contentHash: hash, verifyCode },
    });
    return { number, year };
  });
}

/**
 * Send the circular: every delegate, every named recipient and everyone active in the recipient units, except the
 * delegator (it is their own order; issue 12 item 7).
 */
export async function circulateOrder(orderId: number, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const order = await findOrder(tx, orderId);
    checkOrderAction("circulate", order, actor, undefined, now);
    const rows = await circulationRows(tx, order, now);
    await tx.delegationAcknowledgement.createMany({ data: rows.added });
    await tx.delegationOrder.update({ where: { id: orderId }, data: { status: "circulated", circulatedAt: now } });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "order.circulated",
      entityType: "DelegationOrder",
      entityId: orderId,
      before: { status: "signed" },
      after: { status: "circulated", recipients: rows.total },
    });
    return rows.total;
  });
}

async function circulationRows(tx: Tx, order: FullOrder, now: Date) {
  const unitIds = (
    await Promise.all(order.recipientDivisions.map((r) => divisionAndDescendantIds(r.divisionId, tx)))
  ).flat();
  const unitPeople = unitIds.length
    ? await tx.person.findMany({
        where: { divisionId: { in: unitIds }, deactivatedAt: null },
        select: { id: true, activeFrom: true, activeUntil: true, deactivatedAt: true },
      })
    : [];
  const positionHolders = order.delegates.filter((d) => d.positionTitle).map((d) => d.positionTitle!);
  const holders = positionHolders.length
    ? await tx.person.findMany({ where: { position: { in: positionHolders }, deactivatedAt: null } })
    : [];
  const named = new Set([
    ...order.delegates.flatMap((d) => (d.personId ? [d.personId] : [])),
    ...holders.filter((p) => isActiveOn(p, now)).map((p) => p.id),
  ]);
  const existing = new Set(
    (await tx.delegationAcknowledgement.findMany({ where: { orderId: order.id } })).map((a) => a.personId),
  );
  const skip = (id: number) => existing.has(id) || id === order.delegatorId;
  const added = [
    ...[...named].filter((id) => !skip(id)).map((personId) => ({ orderId: order.id, personId, named: true })),
    ...unitPeople
      .filter((p) => isActiveOn(p, now) && !named.has(p.id) && !skip(p.id))
      .map((p) => ({ orderId: order.id, personId: p.id, named: false })),
  ];
  return { added, total: existing.size + added.length };
}

export async function acknowledgeOrder(orderId: number, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const order = await findOrder(tx, orderId);
    const ack = await tx.delegationAcknowledgement.findUnique({
      where: { orderId_personId: { orderId, personId: actor.personId } },
    });
    checkOrderAction("acknowledge", order, actor, ack, now);
    await tx.delegationAcknowledgement.update({ where: { id: ack!.id }, data: { acknowledgedAt: now } });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "order.acknowledged",
      entityType: "DelegationOrder",
      entityId: orderId,
      after: { acknowledgedAt: now.toISOString() },
    });
  });
}
