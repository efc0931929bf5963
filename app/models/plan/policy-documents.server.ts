import { isHr, type Actor as FullActor } from "~/domain/actor";
import { fullName } from "~/domain/personnel";
import { fieldRefusal, refusal } from "~/domain/refusal";
import type { PolicyDocumentInput } from "~/schemas/policy";
import { writeAudit } from "~/utils/audit.server";
import { db, sqlite } from "~/utils/db.server";
import { keptValue } from "~/utils/versioned-cache.server";
import { isMember, populationOf, targetGroups } from "~/models/people/target-groups.server";

// The one module that writes policy documents and their acknowledgements (plan item 16's attestation).

type Actor = Pick<FullActor, "personId" | "ip">;

export async function publishDocument(input: PolicyDocumentInput, actor: FullActor, now = new Date()) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะกองการเจ้าหน้าที่และผู้ดูแลระบบเท่านั้นที่ประกาศเอกสารได้");
  if (!(await db.targetGroup.findUnique({ where: { code: input.targetGroupCode } }))) {
    throw fieldRefusal("targetGroupCode", "ไม่พบกลุ่มเป้าหมายที่เลือก");
  }
  const planItemNumber = input.planItemNumber ? Number(input.planItemNumber) : null;
  if (planItemNumber && !(await db.planItem.findUnique({ where: { number: planItemNumber } }))) {
    throw fieldRefusal("planItemNumber", "ไม่พบรายการนี้ในแผน");
  }
  return db.$transaction(async (tx) => {
    const document = await tx.policyDocument.create({
      data: {
        title: input.title,
        body: input.body,
        targetGroupCode: input.targetGroupCode,
        planItemNumber,
        publishedAt: now,
        publishedById: actor.personId,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "policy.published",
      entityType: "PolicyDocument",
      entityId: document.id,
      after: { title: input.title, targetGroupCode: input.targetGroupCode, planItemNumber },
    });
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
  if (!document) throw refusal(404, "ไม่พบเอกสารนี้");
  if (!(await isReader(documentId, actor.personId, now)))
    throw refusal(403, "เอกสารนี้ไม่ได้ประกาศถึงกลุ่มที่ท่านสังกัด จึงรับทราบไม่ได้");
  await db.$transaction(async (tx) => {
    if (
      await tx.policyAcknowledgement.findUnique({
        where: { documentId_personId: { documentId, personId: actor.personId } },
      })
    ) {
      throw refusal(409, "ท่านรับทราบเอกสารนี้แล้ว");
    }
    await tx.policyAcknowledgement.create({ data: { documentId, personId: actor.personId, acknowledgedAt: now } });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "policy.acknowledged",
      entityType: "PolicyDocument",
      entityId: documentId,
      after: { acknowledgedAt: now.toISOString() },
    });
  });
}

/** Documents addressed to the person's groups, newest first, with whether they acknowledged each. */
/**
 * Every published document, newest first. On every home page and the announcements page, changed only when HR
 * publishes: kept per process until a document changes (decision 059). Frozen.
 */
const publishedDocuments = keptValue("policy-documents", () =>
  db.policyDocument.findMany({ orderBy: { publishedAt: "desc" } }),
);

export async function documentsFor(personId: number, now = new Date()) {
  const [documents, acknowledged] = await Promise.all([
    publishedDocuments(),
    // The person's own acknowledgements: one direct read (decision 054), on every home page.
    sqlite.read((sql) =>
      sql.all<{ documentId: number; acknowledgedAt: string }>(
        `SELECT "documentId", "acknowledgedAt" FROM "PolicyAcknowledgement" WHERE "personId" = ?`,
        personId,
      ),
    ),
  ]);
  const acks = new Map(acknowledged.map((a) => [a.documentId, new Date(a.acknowledgedAt)]));
  const readerOf = new Map<string, boolean>();
  const result = [];
  for (const d of documents) {
    if (!readerOf.has(d.targetGroupCode))
      readerOf.set(d.targetGroupCode, await isMember(d.targetGroupCode, personId, now));
    if (readerOf.get(d.targetGroupCode)) result.push({ ...d, acknowledgedAt: acks.get(d.id) ?? null });
  }
  return result;
}

/** Acknowledgements recorded elsewhere (paper sign-off sheets, the demo seed), in bulk, with one audit record. */
export async function importAcknowledgements(
  documentId: number,
  rows: { personId: number; acknowledgedAt: Date }[],
  label: string,
) {
  await db.$transaction(async (tx) => {
    await tx.policyAcknowledgement.createMany({ data: rows.map((r) => ({ documentId, ...r })) });
    await writeAudit(tx, {
      actorId: null,
      action: "policy.imported",
      entityType: "PolicyDocument",
      entityId: documentId,
      after: { source: label, acknowledgements: rows.length },
    });
  });
}

// Page functions: what each /policies page shows, read in one place.

const iso = (d: Date) => d.toISOString();

/** /policies: the documents addressed to the person; for HR, every document with its acknowledgement count. */
export async function policiesPage(actor: Pick<FullActor, "personId" | "roles">) {
  const hr = isHr(actor);
  const mine = await documentsFor(actor.personId);
  const all = hr
    ? await db.policyDocument.findMany({
        orderBy: { publishedAt: "desc" },
        include: { _count: { select: { acknowledgements: true } } },
      })
    : [];
  return {
    isHr: hr,
    mine: mine.map((d) => ({
      id: d.id,
      title: d.title,
      publishedAt: iso(d.publishedAt),
      acknowledgedAt: d.acknowledgedAt ? iso(d.acknowledgedAt) : null,
    })),
    all: all.map((d) => ({
      id: d.id,
      title: d.title,
      publishedAt: iso(d.publishedAt),
      acknowledged: d._count.acknowledgements,
      planItemNumber: d.planItemNumber,
    })),
  };
}

const MISSING_SHOWN = 200;

/** /policies/:id: the document for its readers (and HR), the reader's acknowledgement, and for HR who has not. */
export async function policyPage(documentId: number, actor: Pick<FullActor, "personId" | "roles">, now = new Date()) {
  const document = await db.policyDocument.findUnique({ where: { id: documentId }, include: { publishedBy: true } });
  if (!document) throw refusal(404, "ไม่พบเอกสารนี้");
  const hr = isHr(actor);
  const reader = await isMember(document.targetGroupCode, actor.personId, now);
  if (!reader && !hr) throw refusal(404, "ไม่พบเอกสารนี้");
  const mine = await db.policyAcknowledgement.findUnique({
    where: { documentId_personId: { documentId, personId: actor.personId } },
  });
  let progress = null;
  if (hr) {
    const population = (await populationOf(document.targetGroupCode, now))?.members ?? [];
    const acked = new Set(
      (await db.policyAcknowledgement.findMany({ where: { documentId }, select: { personId: true } })).map(
        (a) => a.personId,
      ),
    );
    const missingIds = population.filter((p) => !acked.has(p.id)).map((p) => p.id);
    const missing = await db.person.findMany({
      where: { id: { in: missingIds.slice(0, MISSING_SHOWN) } },
      include: { division: true },
      orderBy: { employeeNumber: "asc" },
    });
    progress = {
      acknowledged: population.length - missingIds.length,
      population: population.length,
      missingCount: missingIds.length,
      missing: missing.map((p) => ({
        id: p.id,
        employeeNumber: p.employeeNumber,
        name: fullName(p),
        division: p.division.name,
      })),
    };
  }
  return {
    document: {
      id: document.id,
      title: document.title,
      body: document.body,
      publishedAt: iso(document.publishedAt),
      publishedBy: fullName(document.publishedBy),
      planItemNumber: document.planItemNumber,
    },
    reader,
    acknowledgedAt: mine ? iso(mine.acknowledgedAt) : null,
    progress,
  };
}

/** /policies/new: the target groups and plan items a document can be published for. */
export async function newPolicyPage(actor: Pick<FullActor, "roles">) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะกองการเจ้าหน้าที่และผู้ดูแลระบบเท่านั้นที่ประกาศเอกสารได้");
  const [groups, items] = await Promise.all([
    targetGroups(),
    db.planItem.findMany({ orderBy: { number: "asc" }, select: { number: true, name: true } }),
  ]);
  return { groups: groups.map((g) => ({ code: g.code, name: g.name })), items };
}
