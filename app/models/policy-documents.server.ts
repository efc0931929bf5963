import type { PolicyDocumentInput } from "~/schemas/policy";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { isMember } from "./target-groups.server";

// The one module that writes policy documents and their acknowledgements (plan item 16's attestation).

export class PolicyError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 = 400,
    readonly field?: string,
  ) {
    super(message);
  }
}

type Actor = { personId: number; ip: string | null };

export async function publishDocument(input: PolicyDocumentInput, actor: Actor, now = new Date()) {
  if (!(await db.targetGroup.findUnique({ where: { code: input.targetGroupCode } }))) {
    throw new PolicyError("ไม่พบกลุ่มเป้าหมายที่เลือก", 400, "targetGroupCode");
  }
  const planItemNumber = input.planItemNumber ? Number(input.planItemNumber) : null;
  if (planItemNumber && !(await db.planItem.findUnique({ where: { number: planItemNumber } }))) {
    throw new PolicyError("ไม่พบรายการนี้ในแผน", 400, "planItemNumber");
  }
  return db.$transaction(async (tx) => {
    const document = await tx.policyDocument.create({
      data: { title: input.title, body: input.body, targetGroupCode: input.targetGroupCode, planItemNumber, publishedAt: now, publishedById: actor.personId },
    });
    await writeAudit(tx, { actorId: actor.personId, ip: actor.ip, action: "policy.published", entityType: "PolicyDocument", entityId: document.id, after: { title: input.title, targetGroupCode: input.targetGroupCode, planItemNumber } });
    return document;
  });
}

/** Whether the person is one of the document's readers today. */
export async function isReader(documentId: number, personId: number, now = new Date()) {
  const document = await db.policyDocument.findUnique({ where: { id: documentId } });
  if (!document) return false;
  return isMember(document.targetGroupCode, personId, now);
}

export async function acknowledgeDocument(documentId: number, actor: Actor, now = new Date()) {
  const document = await db.policyDocument.findUnique({ where: { id: documentId } });
  if (!document) throw new PolicyError("ไม่พบเอกสารนี้", 404);
  if (!(await isReader(documentId, actor.personId, now))) throw new PolicyError("เอกสารนี้ไม่ได้ประกาศถึงกลุ่มที่ท่านสังกัด จึงรับทราบไม่ได้", 403);
  await db.$transaction(async (tx) => {
    if (await tx.policyAcknowledgement.findUnique({ where: { documentId_personId: { documentId, personId: actor.personId } } })) {
      throw new PolicyError("ท่านรับทราบเอกสารนี้แล้ว", 409);
    }
    await tx.policyAcknowledgement.create({ data: { documentId, personId: actor.personId, acknowledgedAt: now } });
    await writeAudit(tx, { actorId: actor.personId, ip: actor.ip, action: "policy.acknowledged", entityType: "PolicyDocument", entityId: documentId, after: { acknowledgedAt: now.toISOString() } });
  });
}

/** Documents addressed to the person's groups, newest first, with whether they acknowledged each. */
export async function documentsFor(personId: number, now = new Date()) {
  const documents = await db.policyDocument.findMany({ orderBy: { publishedAt: "desc" } });
  const acks = new Map((await db.policyAcknowledgement.findMany({ where: { personId } })).map((a) => [a.documentId, a.acknowledgedAt]));
  const readerOf = new Map<string, boolean>();
  const result = [];
  for (const d of documents) {
    if (!readerOf.has(d.targetGroupCode)) readerOf.set(d.targetGroupCode, await isMember(d.targetGroupCode, personId, now));
    if (readerOf.get(d.targetGroupCode)) result.push({ ...d, acknowledgedAt: acks.get(d.id) ?? null });
  }
  return result;
}

/** Acknowledgements recorded elsewhere (paper sign-off sheets, the demo seed), in bulk, with one audit record. */
export async function importAcknowledgements(documentId: number, rows: { personId: number; acknowledgedAt: Date }[], label: string) {
  await db.$transaction(async (tx) => {
    await tx.policyAcknowledgement.createMany({ data: rows.map((r) => ({ documentId, ...r })) });
    await writeAudit(tx, { actorId: null, action: "policy.imported", entityType: "PolicyDocument", entityId: documentId, after: { source: label, acknowledgements: rows.length } });
  });
}
