import { createHash } from "node:crypto";
import { complaintRules } from "~/content/complaint-rules.server";
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_OUTCOME_LABELS,
  COMPLAINT_STATUS_LABELS,
  lastDay,
  type ComplaintCategory,
  type ComplaintOutcome,
  type ComplaintStatus,
} from "~/domain/complaints";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { sniffEvidenceType } from "~/domain/indicator-entries";
import { normalizeReceiptCode } from "~/domain/receipt-code";
import { fieldRefusal, refusal } from "~/domain/refusal";
import { codeSchema, reportSchema, reporterMessageSchema } from "~/schemas/complaints";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { validate } from "~/utils/forms";
import { newReceiptCode, receiptHash, sealIdentity } from "./secrets.server";
import { lookupLimiter, submissionLimiter } from "./throttle.server";

// The reporter's side (no sign-in): submit a report, come back with the receipt code, answer the officers.
// Nothing here sees or stores the reporter's address; `ip` is only used by the in-memory limiters.

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 3;
export const ATTACHMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png";
const ALLOWED_TYPES = new Set(["application/pdf", "image/jpeg", "image/png"]);

export type Upload = { fileName: string; bytes: Uint8Array };
type Caller = { ip: string | null };

const THROTTLED = "ส่งเรื่องจากเครื่องนี้หลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่ หรือแจ้งทางโทรศัพท์/ไปรษณีย์";
const LOOKUP_THROTTLED = "ลองรหัสหลายครั้งเกินไป กรุณารอ 15 นาทีแล้วลองใหม่";
const NOT_FOUND = "ไม่พบเรื่องตามรหัสนี้ กรุณาตรวจสอบรหัสอีกครั้ง";

/** Images and PDF only, typed by their first bytes, within the size and count limits. Nothing is written on failure. */
export function checkAttachments(files: Upload[]): (Upload & { mimeType: string })[] {
  const real = files.filter((f) => f.bytes.byteLength > 0);
  if (real.length > MAX_ATTACHMENTS) throw fieldRefusal("attachments", `แนบไฟล์ได้ไม่เกิน ${MAX_ATTACHMENTS} ไฟล์`);
  return real.map((f) => {
    if (f.bytes.byteLength > MAX_ATTACHMENT_BYTES)
      throw fieldRefusal("attachments", "ไฟล์แนบแต่ละไฟล์ต้องมีขนาดไม่เกิน 5 MB", 413);
    const mimeType = sniffEvidenceType(f.bytes, f.fileName);
    if (!mimeType || !ALLOWED_TYPES.has(mimeType))
      throw fieldRefusal("attachments", "รับเฉพาะรูปภาพ (JPEG, PNG) หรือ PDF (ตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์)");
    return { ...f, mimeType };
  });
}

async function storeAttachments(
  tx: Tx,
  complaintId: number,
  messageId: number | null,
  files: (Upload & { mimeType: string })[],
) {
  for (const f of files) {
    await tx.complaintAttachment.create({
      data: {
        complaintId,
        messageId,
        fileName: f.fileName.replace(/[\\/]/g, "_").slice(0, 200) || "file",
        mimeType: f.mimeType,
        size: f.bytes.byteLength,
        sha256: createHash("sha256").update(f.bytes).digest("hex"),
        data: Buffer.from(f.bytes),
      },
    });
  }
}

/**
 * A new report. Returns the receipt code (shown once, never stored: only its hash is). The honeypot
 * (`website`) filled in by a bot gets a code that leads nowhere and nothing is written.
 */
export async function submitReport(
  fields: Record<string, unknown>,
  files: Upload[],
  caller: Caller,
  now = new Date(),
): Promise<{ receiptCode: string }> {
  if (submissionLimiter.blocked(caller.ip, now.getTime())) throw refusal(429, THROTTLED);
  const checked = validate(reportSchema, fields);
  if (!checked.success) throw refusal(400, "กรุณาตรวจสอบข้อมูลที่กรอก", checked.fieldErrors);
  const attachments = checkAttachments(files);
  submissionLimiter.record(caller.ip, now.getTime());
  const receipt = newReceiptCode();
  if (typeof fields.website === "string" && fields.website.trim() !== "") return { receiptCode: receipt.shown };
  const input = checked.data;
  await db.$transaction(async (tx) => {
    const complaint = await tx.complaint.create({
      data: {
        receiptHash: receiptHash(receipt.code),
        receivedAt: now,
        fiscalYear: fiscalYearOf(now),
        subject: input.subject,
        details: input.details,
        unitConcerned: input.unitConcerned || null,
        personConcerned: input.personConcerned || null,
        whenWhere: input.whenWhere || null,
      },
    });
    if (input.reporterName || input.reporterContact) {
      await tx.complaintReporter.create({
        data: {
          complaintId: complaint.id,
          sealed: sealIdentity({ name: input.reporterName, contact: input.reporterContact }, complaint.id),
        },
      });
    }
    await storeAttachments(tx, complaint.id, null, attachments);
    // No actor and no address: the audit trail must not say who reported, or from where.
    await writeAudit(tx, {
      actorId: null,
      ip: null,
      action: "complaint.received",
      entityType: "Complaint",
      entityId: complaint.id,
      after: {
        fiscalYear: complaint.fiscalYear,
        attachments: attachments.length,
        identityGiven: Boolean(input.reporterName || input.reporterContact),
      },
    });
  });
  return { receiptCode: receipt.shown };
}

/** What the reporter sees with their code: status, deadlines, the conversation. No officer names, no identity. */
export type ReporterView = {
  code: string;
  subject: string;
  receivedAt: string;
  status: ComplaintStatus;
  statusLabel: string;
  categoryLabel: string | null;
  outcomeLabel: string | null;
  acknowledgeBy: string;
  closeBy: string;
  closedAt: string | null;
  messages: { id: number; fromReporter: boolean; body: string; at: string }[];
};

async function findByCode(tx: Tx, code: string, ip: string | null, now: Date) {
  if (lookupLimiter.blocked(ip, now.getTime())) throw refusal(429, LOOKUP_THROTTLED);
  const normalized = normalizeReceiptCode(code);
  const complaint = normalized
    ? await tx.complaint.findUnique({
        where: { receiptHash: receiptHash(normalized) },
        include: { messages: { orderBy: { id: "asc" } } },
      })
    : null;
  if (!complaint) {
    lookupLimiter.record(ip, now.getTime());
    // The same answer whether the code is malformed or simply unknown: nothing says which codes exist.
    throw fieldRefusal("code", NOT_FOUND, 404);
  }
  return complaint;
}

function toView(c: Awaited<ReturnType<typeof findByCode>>, code: string): ReporterView {
  const rules = complaintRules();
  return {
    code,
    subject: c.subject,
    receivedAt: c.receivedAt.toISOString(),
    status: c.status as ComplaintStatus,
    statusLabel: COMPLAINT_STATUS_LABELS[c.status as ComplaintStatus] ?? c.status,
    categoryLabel: c.category ? (COMPLAINT_CATEGORY_LABELS[c.category as ComplaintCategory] ?? null) : null,
    outcomeLabel: c.outcome ? (COMPLAINT_OUTCOME_LABELS[c.outcome as ComplaintOutcome] ?? null) : null,
    acknowledgeBy: lastDay(c.receivedAt, rules.acknowledgeDays).toISOString(),
    closeBy: lastDay(c.receivedAt, rules.closeDays).toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    messages: c.messages.map((m) => ({ id: m.id, fromReporter: m.fromReporter, body: m.body, at: m.at.toISOString() })),
  };
}

/** The reporter's view of their case, by receipt code. Throttled per address on wrong codes. */
export async function reportByCode(
  fields: Record<string, unknown>,
  caller: Caller,
  now = new Date(),
): Promise<ReporterView> {
  const checked = validate(codeSchema, fields);
  if (!checked.success) throw refusal(400, "กรุณากรอกรหัสติดตามเรื่อง", checked.fieldErrors);
  return db.$transaction(async (tx) =>
    toView(await findByCode(tx, checked.data.code, caller.ip, now), checked.data.code),
  );
}

/** The reporter answers or adds information, with an optional file. Audited without actor or address. */
export async function replyAsReporter(
  fields: Record<string, unknown>,
  files: Upload[],
  caller: Caller,
  now = new Date(),
): Promise<ReporterView> {
  const checked = validate(reporterMessageSchema, fields);
  if (!checked.success) throw refusal(400, "กรุณาตรวจสอบข้อมูลที่กรอก", checked.fieldErrors);
  const attachments = checkAttachments(files);
  return db.$transaction(async (tx) => {
    const complaint = await findByCode(tx, checked.data.code, caller.ip, now);
    if (complaint.status === "closed") throw refusal(409, "เรื่องนี้ยุติแล้ว หากมีข้อมูลใหม่ กรุณาแจ้งเป็นเรื่องใหม่");
    const message = await tx.complaintMessage.create({
      data: { complaintId: complaint.id, fromReporter: true, body: checked.data.body, at: now },
    });
    await storeAttachments(tx, complaint.id, message.id, attachments);
    await writeAudit(tx, {
      actorId: null,
      ip: null,
      action: "complaint.reporter_message",
      entityType: "Complaint",
      entityId: complaint.id,
      after: { messageId: message.id, attachments: attachments.length },
    });
    return toView({ ...complaint, messages: [...complaint.messages, message] }, checked.data.code);
  });
}

/** What /report and /report/status show before anything is posted: the deadlines and their sources. */
export function reportChannelInfo() {
  const rules = complaintRules();
  return {
    acknowledgeDays: rules.acknowledgeDays,
    progressReportDays: rules.progressReportDays,
    closeDays: rules.closeDays,
    acknowledgeSource: rules.acknowledgeSource,
    maxAttachments: MAX_ATTACHMENTS,
    accept: ATTACHMENT_ACCEPT,
  };
}
