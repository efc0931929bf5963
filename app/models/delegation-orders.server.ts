import type { Prisma } from "@prisma/client";
import { contentHash, delegatesTo, formatOrderNumber, isInForce, type CanonicalOrder } from "~/domain/delegation";
import { fiscalYearRange } from "~/domain/fiscal-year";
import { fullName, isActiveOn } from "~/domain/personnel";
import { bangkokCalendarDate, bangkokMidnightUtc, toBuddhistYear } from "~/domain/thai-date";
import { parseEmployeeNumbers, type DelegationOrderInput } from "~/schemas/delegation-order";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { checkOwnPassword } from "~/utils/auth.server";
import { sealFor, sealVerifies } from "./order-seal.server";
import { divisionAndDescendantIds } from "~/models/people/organization.server";

// The one module that writes delegation orders, their delegates, powers, recipients and acknowledgements.

type Tx = Prisma.TransactionClient;
type Actor = { personId: number; roles: readonly string[]; ip: string | null };

export class OrderError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 = 400,
    readonly field?: string,
  ) {
    super(message);
  }
}

const ORDER_INCLUDE = {
  issuingDivision: true,
  delegator: true,
  author: true,
  supersedes: true,
  delegates: { orderBy: { position: "asc" }, include: { person: true } },
  powers: { orderBy: { position: "asc" } },
  recipientDivisions: { include: { division: true } },
} satisfies Prisma.DelegationOrderInclude;

export type FullOrder = Prisma.DelegationOrderGetPayload<{ include: typeof ORDER_INCLUDE }>;

export async function findOrder(tx: Tx | typeof db, id: number): Promise<FullOrder> {
  const order = Number.isInteger(id) ? await tx.delegationOrder.findUnique({ where: { id }, include: ORDER_INCLUDE }) : null;
  if (!order) throw new OrderError("ไม่พบคำสั่งนี้", 404);
  return order;
}

const isHr = (actor: Actor) => actor.roles.includes("hr") || actor.roles.includes("admin");

/** Drafts are seen by their author, their delegator and HR; signed orders by everyone signed in. */
export function canView(order: FullOrder, actor: Actor): boolean {
  if (order.signedAt) return true;
  return order.authorId === actor.personId || order.delegatorId === actor.personId || isHr(actor);
}

function parseDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return bangkokMidnightUtc(y!, m!, d!);
}

/** Check the people and units an input names; returns what the rows need. Throws Thai field errors. */
async function resolveInput(tx: Tx, input: DelegationOrderInput, now: Date) {
  const delegator = await tx.person.findUnique({ where: { employeeNumber: input.delegatorEmployeeNumber }, include: { roles: true } });
  if (!delegator) throw new OrderError("ไม่พบผู้มอบอำนาจเลขประจำตัวนี้", 400, "delegatorEmployeeNumber");
  if (!delegator.roles.some((r) => r.role === "manager")) {
    throw new OrderError("ผู้มอบอำนาจต้องเป็นผู้บังคับบัญชา (มีบทบาทผู้บังคับบัญชาในระบบ)", 400, "delegatorEmployeeNumber");
  }
  if (!isActiveOn(delegator, now)) throw new OrderError("ผู้มอบอำนาจไม่ได้ปฏิบัติงานอยู่", 400, "delegatorEmployeeNumber");
  if (!(await tx.division.findUnique({ where: { id: input.issuingDivisionId } }))) {
    throw new OrderError("ไม่พบหน่วยงานที่เลือก", 400, "issuingDivisionId");
  }
  const delegates: { personId: number | null; positionTitle: string | null }[] = [];
  for (const [index, d] of input.delegates.entries()) {
    const field = `delegates.${index}.employeeNumber`;
    if (d.employeeNumber) {
      const person = await tx.person.findUnique({ where: { employeeNumber: d.employeeNumber } });
      if (!person) throw new OrderError(`ไม่พบบุคลากรเลขประจำตัว ${d.employeeNumber}`, 400, field);
      if (person.id === delegator.id) throw new OrderError("มอบอำนาจให้ตนเองไม่ได้", 400, field);
      if (!isActiveOn(person, now)) throw new OrderError(`${fullName(person)} ไม่ได้ปฏิบัติงานอยู่ มอบอำนาจให้ไม่ได้`, 400, field);
      if (delegates.some((x) => x.personId === person.id)) throw new OrderError("ระบุผู้รับมอบอำนาจซ้ำ", 400, field);
      delegates.push({ personId: person.id, positionTitle: null });
    } else {
      if (d.positionTitle === delegator.position) throw new OrderError("มอบอำนาจให้ตำแหน่งของผู้มอบอำนาจเองไม่ได้", 400, `delegates.${index}.positionTitle`);
      delegates.push({ personId: null, positionTitle: d.positionTitle! });
    }
  }
  const recipientNumbers = parseEmployeeNumbers(input.recipientEmployeeNumbers);
  const recipients = recipientNumbers.length
    ? await tx.person.findMany({ where: { employeeNumber: { in: recipientNumbers } } })
    : [];
  const unknown = recipientNumbers.filter((n) => !recipients.some((p) => p.employeeNumber === n));
  if (unknown.length) throw new OrderError(`ไม่พบบุคลากรเลขประจำตัว ${unknown.join(", ")}`, 400, "recipientEmployeeNumbers");
  const divisionIds = [...new Set(input.recipientDivisionIds)];
  if (divisionIds.length && (await tx.division.count({ where: { id: { in: divisionIds } } })) !== divisionIds.length) {
    throw new OrderError("มีหน่วยงานผู้รับที่ไม่มีอยู่ในระบบ", 400, "recipientDivisionIds");
  }
  let supersedesId: number | null = null;
  if (input.supersedesId) {
    const old = await tx.delegationOrder.findUnique({ where: { id: input.supersedesId } });
    if (!old || (old.status !== "signed" && old.status !== "circulated")) {
      throw new OrderError("คำสั่งที่จะแทนที่ต้องเป็นคำสั่งที่ลงนามแล้วและยังมีผล", 400, "supersedesId");
    }
    // Only the same delegator may replace their own order (others would end it without the right to revoke it).
    if (old.delegatorId !== delegator.id) {
      throw new OrderError("คำสั่งที่จะแทนที่ต้องเป็นคำสั่งของผู้มอบอำนาจคนเดียวกัน", 400, "supersedesId");
    }
    supersedesId = old.id;
  }
  return {
    row: {
      title: input.title,
      body: input.body,
      issuingDivisionId: input.issuingDivisionId,
      delegatorId: delegator.id,
      effectiveFrom: parseDate(input.effectiveFrom),
      effectiveUntil: input.effectiveUntil ? parseDate(input.effectiveUntil) : null,
      supersedesId,
    },
    delegates,
    powers: input.powers.map((p, position) => ({
      position,
      kind: p.kind,
      description: p.description,
      legalBasis: p.legalBasis,
      limits: p.limits ?? null,
      ceilingBaht: p.ceilingBaht ?? null,
    })),
    recipientPersonIds: recipients.map((p) => p.id),
    divisionIds,
  };
}

async function writeChildren(tx: Tx, orderId: number, resolved: Awaited<ReturnType<typeof resolveInput>>) {
  await tx.delegationDelegate.deleteMany({ where: { orderId } });
  await tx.delegationPower.deleteMany({ where: { orderId } });
  await tx.delegationRecipientDivision.deleteMany({ where: { orderId } });
  await tx.delegationAcknowledgement.deleteMany({ where: { orderId } });
  await tx.delegationDelegate.createMany({ data: resolved.delegates.map((d, position) => ({ orderId, position, ...d })) });
  await tx.delegationPower.createMany({ data: resolved.powers.map((p) => ({ orderId, ...p })) });
  await tx.delegationRecipientDivision.createMany({ data: resolved.divisionIds.map((divisionId) => ({ orderId, divisionId })) });
  // Named recipients are kept as unacknowledged rows from the start; units are expanded at circulation.
  await tx.delegationAcknowledgement.createMany({ data: resolved.recipientPersonIds.map((personId) => ({ orderId, personId, named: true })) });
}

export function mayDraft(actor: Actor) {
  return actor.roles.includes("manager") || isHr(actor);
}

export async function createDraft(input: DelegationOrderInput, actor: Actor, now = new Date()) {
  if (!mayDraft(actor)) throw new OrderError("เฉพาะผู้บังคับบัญชาและกองการเจ้าหน้าที่เท่านั้นที่ร่างคำสั่งได้", 403);
  return db.$transaction(async (tx) => {
    const resolved = await resolveInput(tx, input, now);
    const order = await tx.delegationOrder.create({ data: { ...resolved.row, status: "draft", authorId: actor.personId } });
    await writeChildren(tx, order.id, resolved);
    await writeAudit(tx, { actorId: actor.personId, ip: actor.ip, action: "order.drafted", entityType: "DelegationOrder", entityId: order.id, after: input });
    return order;
  });
}

export async function updateDraft(orderId: number, input: DelegationOrderInput, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const order = await findOrder(tx, orderId);
    if (order.signedAt) throw new OrderError("คำสั่งที่ลงนามแล้วแก้ไขไม่ได้ หากต้องการเปลี่ยนแปลง ให้ออกคำสั่งใหม่แทนที่คำสั่งนี้", 409);
    if (order.status !== "draft") throw new OrderError("แก้ไขได้เฉพาะคำสั่งที่เป็นร่าง (ดึงกลับมาเป็นร่างก่อน)", 409);
    if (order.authorId !== actor.personId) throw new OrderError("เฉพาะผู้ร่างเท่านั้นที่แก้ไขร่างนี้ได้", 403);
    const resolved = await resolveInput(tx, input, now);
    await tx.delegationOrder.update({ where: { id: orderId }, data: resolved.row });
    await writeChildren(tx, orderId, resolved);
    await writeAudit(tx, { actorId: actor.personId, ip: actor.ip, action: "order.edited", entityType: "DelegationOrder", entityId: orderId, after: input });
  });
}

async function transition(
  orderId: number,
  actor: Actor,
  action: string,
  check: (order: FullOrder) => void,
  data: (order: FullOrder) => Prisma.DelegationOrderUpdateInput,
) {
  return db.$transaction(async (tx) => {
    const order = await findOrder(tx, orderId);
    if (!canView(order, actor)) throw new OrderError("ไม่พบคำสั่งนี้", 404);
    check(order);
    const update = data(order);
    await tx.delegationOrder.update({ where: { id: orderId }, data: update });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action,
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
    "order.submitted",
    (order) => {
      if (order.authorId !== actor.personId) throw new OrderError("เฉพาะผู้ร่างเท่านั้นที่เสนอลงนามได้", 403);
      if (order.status !== "draft") throw new OrderError("เสนอลงนามได้เฉพาะคำสั่งที่เป็นร่าง", 409);
    },
    () => ({ status: "submitted", submittedAt: now }),
  );
}

export function returnToDraft(orderId: number, actor: Actor) {
  return transition(
    orderId,
    actor,
    "order.returned",
    (order) => {
      if (order.status !== "submitted") throw new OrderError("ดึงกลับได้เฉพาะคำสั่งที่รอลงนาม", 409);
      if (order.authorId !== actor.personId && order.delegatorId !== actor.personId) {
        throw new OrderError("เฉพาะผู้ร่างหรือผู้มอบอำนาจเท่านั้นที่ดึงกลับเป็นร่างได้", 403);
      }
    },
    () => ({ status: "draft", submittedAt: null }),
  );
}

/** The canonical content a signature covers; recomputed later to show whether the stored order still matches. */
export function canonicalOrder(order: FullOrder): CanonicalOrder {
  return {
    number: order.number!,
    year: order.year!,
    title: order.title,
    body: order.body,
    issuingDivision: order.issuingDivision.code,
    delegator: { personId: order.delegatorId, name: order.signerName ?? fullName(order.delegator), position: order.signerPosition ?? order.delegator.position },
    effectiveFrom: order.effectiveFrom.toISOString(),
    effectiveUntil: order.effectiveUntil?.toISOString() ?? null,
    // Stable identifiers only: a later correction of someone's name or employee number, or a unit's name, is
    // not a change to the order.
    delegates: order.delegates.map((d) => ({ personId: d.personId, positionTitle: d.positionTitle })),
    powers: order.powers.map((p) => ({ kind: p.kind, description: p.description, legalBasis: p.legalBasis, limits: p.limits, ceilingBaht: p.ceilingBaht })),
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

/**
 * Sign: only the delegator, with their password again. The number is the next in the Buddhist-era year of
 * signing, taken from a counter row inside the same transaction, so numbers have no gaps and no duplicates.
 */
export async function signOrder(orderId: number, password: string, actor: Actor, now = new Date(), seenVersion?: string) {
  const signer = await db.person.findUnique({ where: { id: actor.personId } });
  const order = await findOrder(db, orderId);
  if (order.delegatorId !== actor.personId) throw new OrderError("ลงนามได้เฉพาะผู้มอบอำนาจตามคำสั่งนี้เท่านั้น", 403);
  // Throttled per person and every failure audited (decision 023); a 429 Refusal when over the limit.
  if (!signer?.passwordHash || !(await checkOwnPassword(actor.personId, password, actor.ip, "sign_order"))) {
    throw new OrderError("รหัสผ่านไม่ถูกต้อง ยังไม่ได้ลงนาม", 400, "password");
  }
  return db.$transaction(async (tx) => {
    const current = await findOrder(tx, orderId);
    if (current.delegatorId !== actor.personId) throw new OrderError("ลงนามได้เฉพาะผู้มอบอำนาจตามคำสั่งนี้เท่านั้น", 403);
    if (current.status !== "submitted") {
      throw new OrderError(current.signedAt ? "คำสั่งนี้ลงนามแล้ว" : "ลงนามได้เฉพาะคำสั่งที่เสนอลงนามแล้ว", 409);
    }
    // The signer signs what they saw: a draft changed since the page was opened must be read again.
    if (seenVersion !== undefined && current.updatedAt.toISOString() !== seenVersion) {
      throw new OrderError("คำสั่งนี้ถูกแก้ไขหลังจากที่ท่านเปิดดู กรุณาตรวจเนื้อหาอีกครั้งก่อนลงนาม", 409);
    }
    if (current.supersedesId) {
      const old = await tx.delegationOrder.findUniqueOrThrow({ where: { id: current.supersedesId } });
      if (old.status !== "signed" && old.status !== "circulated") {
        throw new OrderError("คำสั่งเดิมที่จะแทนที่สิ้นผลไปแล้ว กรุณาดึงกลับเป็นร่างและแก้ไข", 409);
      }
    }
    const year = toBuddhistYear(bangkokCalendarDate(now).year);
    const [counter] = await tx.$queryRawUnsafe<{ lastNumber: number }[]>(
      `INSERT INTO "OrderNumberCounter" ("year", "lastNumber") VALUES (?, 1)
       ON CONFLICT ("year") DO UPDATE SET "lastNumber" = "lastNumber" + 1 RETURNING "lastNumber"`,
      year,
    );
    const number = Number(counter!.lastNumber);
    const signed: FullOrder = { ...current, number, year, signedAt: now, signerName: fullName(signer), signerPosition: signer.position };
    const hash = contentHash(canonicalOrder(signed));
    const { seal, verifyCode } = sealFor(canonicalOrder(signed));
    await tx.delegationOrder.update({
      where: { id: orderId },
      data: { status: "signed", number, year, signedAt: now, signerName: signed.signerName, signerPosition: signed.signerPosition, contentHash: hash, seal, verifyCode },
    });
    if (current.supersedesId) {
      const reason = `ถูกแทนที่โดยคำสั่ง${formatOrderNumber(number, year)}`;
      await tx.delegationOrder.update({ where: { id: current.supersedesId }, data: { status: "superseded", endedAt: now, endReason: reason } });
      await writeAudit(tx, { actorId: actor.personId, ip: actor.ip, action: "order.superseded", entityType: "DelegationOrder", entityId: current.supersedesId, after: { reason } });
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

/** Send the circular: every delegate, every named recipient and everyone active in the recipient units. */
export async function circulateOrder(orderId: number, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const order = await findOrder(tx, orderId);
    if (order.status !== "signed") throw new OrderError(order.status === "circulated" ? "แจ้งเวียนคำสั่งนี้แล้ว" : "แจ้งเวียนได้เฉพาะคำสั่งที่ลงนามแล้ว", 409);
    if (order.authorId !== actor.personId && order.delegatorId !== actor.personId && !isHr(actor)) {
      throw new OrderError("เฉพาะผู้ร่าง ผู้มอบอำนาจ หรือกองการเจ้าหน้าที่เท่านั้นที่แจ้งเวียนได้", 403);
    }
    const unitIds = (await Promise.all(order.recipientDivisions.map((r) => divisionAndDescendantIds(r.divisionId, tx)))).flat();
    const unitPeople = unitIds.length
      ? await tx.person.findMany({ where: { divisionId: { in: unitIds }, deactivatedAt: null }, select: { id: true, activeFrom: true, activeUntil: true, deactivatedAt: true } })
      : [];
    const positionHolders = order.delegates.filter((d) => d.positionTitle).map((d) => d.positionTitle!);
    const holders = positionHolders.length ? await tx.person.findMany({ where: { position: { in: positionHolders }, deactivatedAt: null } }) : [];
    const named = new Set([
      ...order.delegates.flatMap((d) => (d.personId ? [d.personId] : [])),
      ...holders.filter((p) => isActiveOn(p, now)).map((p) => p.id),
    ]);
    const existing = new Set((await tx.delegationAcknowledgement.findMany({ where: { orderId } })).map((a) => a.personId));
    const rows = [
      ...[...named].filter((id) => !existing.has(id)).map((personId) => ({ orderId, personId, named: true })),
      ...unitPeople.filter((p) => isActiveOn(p, now) && !named.has(p.id) && !existing.has(p.id)).map((p) => ({ orderId, personId: p.id, named: false })),
    ];
    await tx.delegationAcknowledgement.createMany({ data: rows });
    await tx.delegationOrder.update({ where: { id: orderId }, data: { status: "circulated", circulatedAt: now } });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "order.circulated",
      entityType: "DelegationOrder",
      entityId: orderId,
      before: { status: "signed" },
      after: { status: "circulated", recipients: existing.size + rows.length },
    });
    return existing.size + rows.length;
  });
}

export async function acknowledgeOrder(orderId: number, actor: Actor, now = new Date()) {
  return db.$transaction(async (tx) => {
    const order = await tx.delegationOrder.findUnique({ where: { id: orderId } });
    const ack = order ? await tx.delegationAcknowledgement.findUnique({ where: { orderId_personId: { orderId, personId: actor.personId } } }) : null;
    if (!order || order.status === "draft" || order.status === "submitted") throw new OrderError("ไม่พบคำสั่งนี้", 404);
    if (!ack || !order.circulatedAt) throw new OrderError("คำสั่งนี้ไม่ได้แจ้งเวียนถึงท่าน จึงรับทราบไม่ได้", 403);
    if (ack.acknowledgedAt) throw new OrderError("ท่านรับทราบคำสั่งนี้แล้ว", 409);
    await tx.delegationAcknowledgement.update({ where: { id: ack.id }, data: { acknowledgedAt: now } });
    await writeAudit(tx, { actorId: actor.personId, ip: actor.ip, action: "order.acknowledged", entityType: "DelegationOrder", entityId: orderId, after: { acknowledgedAt: now.toISOString() } });
  });
}

export function revokeOrder(orderId: number, reason: string, actor: Actor, now = new Date()) {
  return transition(
    orderId,
    actor,
    "order.revoked",
    (order) => {
      if (order.status !== "signed" && order.status !== "circulated") throw new OrderError("ยกเลิกได้เฉพาะคำสั่งที่ลงนามแล้วและยังมีผล", 409);
      if (order.delegatorId !== actor.personId && !isHr(actor)) throw new OrderError("เฉพาะผู้มอบอำนาจหรือกองการเจ้าหน้าที่เท่านั้นที่ยกเลิกคำสั่งได้", 403);
    },
    () => ({ status: "revoked", endedAt: now, endReason: reason }),
  );
}

/** Powers a person holds by delegation on a date, from the orders in force then. */
export async function powersHeldBy(personId: number, at: Date) {
  const person = await db.person.findUnique({ where: { id: personId } });
  if (!person) return [];
  const orders = await db.delegationOrder.findMany({
    where: {
      signedAt: { not: null },
      OR: [{ delegates: { some: { personId } } }, { delegates: { some: { positionTitle: person.position } } }],
    },
    include: ORDER_INCLUDE,
  });
  return orders
    .filter((o) => isInForce(o, at) && delegatesTo(o, person))
    .flatMap((o) => o.powers.map((p) => ({ order: o, power: p })));
}

/** Orders signed in a fiscal year: the count indicator of plan item 30. */
export async function countOrdersSignedInFiscalYear(fiscalYear: number): Promise<number> {
  const { start, end } = fiscalYearRange(fiscalYear);
  return db.delegationOrder.count({ where: { signedAt: { gte: start, lt: end } } });
}
