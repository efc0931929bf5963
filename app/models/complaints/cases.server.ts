import { complaintRules } from "~/content/complaint-rules.server";
import type { Actor } from "~/domain/actor";
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_OUTCOME_LABELS,
  COMPLAINT_STATUS_LABELS,
  caseActions,
  deadlinesOf,
  isOverdue,
  maySeeCases,
  type CaseAction,
  type ComplaintCategory,
  type ComplaintOutcome,
  type ComplaintStatus,
} from "~/domain/complaints";
import { fullName } from "~/domain/personnel";
import { refusal } from "~/domain/refusal";
import { listDivisionOptions } from "~/models/people/organization.server";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { openIdentity } from "./secrets.server";

// The integrity officers' side: the case list, one case, and what an officer may see. Commands are in
// case-commands.server.ts. Every function re-checks the role (only `integrity` sees cases).

export function requireIntegrity(actor: Actor) {
  if (!maySeeCases(actor)) throw refusal(403, "เฉพาะผู้รับผิดชอบเรื่องร้องเรียนการทุจริตเท่านั้นที่เข้าถึงเรื่องร้องเรียนได้");
}

const label = <K extends string>(labels: Record<K, string>, key: string | null) =>
  key ? (labels[key as K] ?? key) : null;

/** Every case, open ones first (overdue at the top), with the next deadline. */
export async function casesPage(actor: Actor, now = new Date()) {
  requireIntegrity(actor);
  const rules = complaintRules();
  const cases = await db.complaint.findMany({
    orderBy: { receivedAt: "desc" },
    select: {
      id: true,
      subject: true,
      receivedAt: true,
      fiscalYear: true,
      status: true,
      category: true,
      acknowledgedAt: true,
      closedAt: true,
      lastReportedAt: true,
      investigatorId: true,
      _count: { select: { messages: { where: { fromReporter: true } } } },
    },
  });
  const rows = cases.map((c) => {
    const deadlines = deadlinesOf(c, rules, now);
    const next = deadlines.find((d) => !d.doneAt);
    return {
      id: c.id,
      subject: c.subject,
      receivedAt: c.receivedAt.toISOString(),
      fiscalYear: c.fiscalYear,
      status: c.status,
      statusLabel: label(COMPLAINT_STATUS_LABELS, c.status)!,
      categoryLabel: label(COMPLAINT_CATEGORY_LABELS, c.category),
      overdue: isOverdue(c, rules, now),
      nextDeadline: next ? { label: next.label, lastDay: next.lastDay.toISOString() } : null,
      reporterMessages: c._count.messages,
      mine: c.investigatorId === actor.personId,
    };
  });
  rows.sort(
    (a, b) => Number(a.status === "closed") - Number(b.status === "closed") || Number(b.overdue) - Number(a.overdue),
  );
  return {
    rows,
    rules: {
      acknowledgeDays: rules.acknowledgeDays,
      progressReportDays: rules.progressReportDays,
      closeDays: rules.closeDays,
    },
  };
}

export async function readCase(tx: Tx | typeof db, id: number) {
  const c = await tx.complaint.findUnique({
    where: { id },
    include: {
      messages: { orderBy: { id: "asc" } },
      attachments: { select: { id: true, fileName: true, size: true, mimeType: true, messageId: true } },
      reporter: { select: { complaintId: true } },
    },
  });
  if (!c) throw refusal(404, "ไม่พบเรื่องร้องเรียนนี้");
  return c;
}

/** One case as an officer sees it: details, deadlines, conversation, what they may do next. The identity is not here. */
export async function casePage(actor: Actor, id: number, now = new Date()) {
  requireIntegrity(actor);
  const rules = complaintRules();
  const c = await readCase(db, id);
  const personIds = [c.investigatorId, ...c.messages.map((m) => m.authorId)].filter((x): x is number => x != null);
  const [people, divisions] = await Promise.all([
    db.person.findMany({
      where: { id: { in: personIds } },
      select: {
        id: true,
        title: true,
        firstName: true,
        lastName: true,
        employeeNumber: true,
        division: { select: { name: true } },
      },
    }),
    listDivisionOptions(),
  ]);
  const person = new Map(people.map((p) => [p.id, p]));
  const investigator = c.investigatorId ? person.get(c.investigatorId) : undefined;
  const actions: CaseAction[] = [...caseActions(c, actor)];
  return {
    complaint: {
      id: c.id,
      subject: c.subject,
      details: c.details,
      unitConcerned: c.unitConcerned,
      personConcerned: c.personConcerned,
      whenWhere: c.whenWhere,
      receivedAt: c.receivedAt.toISOString(),
      fiscalYear: c.fiscalYear,
      status: c.status as ComplaintStatus,
      statusLabel: label(COMPLAINT_STATUS_LABELS, c.status)!,
      category: c.category,
      categoryLabel: label(COMPLAINT_CATEGORY_LABELS, c.category),
      division: c.divisionId ? (divisions.find((d) => d.id === c.divisionId)?.name ?? null) : null,
      investigator: investigator ? `${fullName(investigator)} (${investigator.division.name})` : null,
      investigatorDeclaredAt: c.investigatorDeclaredAt?.toISOString() ?? null,
      findings: c.findings,
      outcome: c.outcome,
      outcomeLabel: label(COMPLAINT_OUTCOME_LABELS, c.outcome as ComplaintOutcome | null),
      closedAt: c.closedAt?.toISOString() ?? null,
      hasIdentity: c.reporter != null,
    },
    deadlines: deadlinesOf(c, rules, now).map((d) => ({
      ...d,
      lastDay: d.lastDay.toISOString(),
      doneAt: d.doneAt?.toISOString() ?? null,
    })),
    messages: c.messages.map((m) => {
      const author = m.authorId ? person.get(m.authorId) : undefined;
      return {
        id: m.id,
        fromReporter: m.fromReporter,
        author: author ? fullName(author) : null,
        body: m.body,
        at: m.at.toISOString(),
        files: c.attachments.filter((a) => a.messageId === m.id),
      };
    }),
    attachments: c.attachments.filter((a) => a.messageId == null),
    actions,
    divisions,
    categories: Object.entries(COMPLAINT_CATEGORY_LABELS).map(([value, text]) => ({
      value: value as ComplaintCategory,
      text,
    })),
  };
}

/** The reporter's name and contact, for an integrity officer; every opening is audited in the same transaction. */
export async function viewReporterIdentity(actor: Actor, id: number) {
  requireIntegrity(actor);
  return db.$transaction(async (tx) => {
    const row = await tx.complaintReporter.findUnique({ where: { complaintId: id } });
    if (!(await tx.complaint.findUnique({ where: { id }, select: { id: true } })))
      throw refusal(404, "ไม่พบเรื่องร้องเรียนนี้");
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "complaint.identity_viewed",
      entityType: "Complaint",
      entityId: id,
      after: { given: row != null },
    });
    if (!row) return { identity: null, anonymous: true as const };
    const identity = openIdentity(row.sealed, id);
    if (!identity)
      throw refusal(500, "เปิดข้อมูลผู้ร้องไม่ได้: กุญแจเข้ารหัส (COMPLAINT_KEY หรือ data/complaint.key) ไม่ตรงกับที่ใช้ตอนรับเรื่อง");
    return { identity, anonymous: false as const };
  });
}

/** A file sent with a case, for an integrity officer. */
export async function complaintAttachment(actor: Actor, complaintId: number, fileId: number) {
  requireIntegrity(actor);
  const file = await db.complaintAttachment.findUnique({ where: { id: fileId } });
  if (!file || file.complaintId !== complaintId) throw refusal(404, "ไม่พบไฟล์นี้");
  return file;
}
