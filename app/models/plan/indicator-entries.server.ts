import { createHash } from "node:crypto";
import { acceptsEntries, entryRule, sniffEvidenceType, MAX_EVIDENCE_BYTES } from "~/domain/indicator-entries";
import { indicatorEntrySchema } from "~/schemas/indicator-entry";
import { parseIndicatorExtra } from "~/domain/indicators";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { validate } from "~/utils/forms";
import type { Actor as FullActor } from "~/domain/actor";
import { fieldRefusal, refusal } from "~/domain/refusal";

// The one module that writes indicator entries and their evidence files (both append-only: a newer entry
// supersedes the older one for the same indicator and year; history stays).

type Actor = Pick<FullActor, "personId" | "ip">;
export type EvidenceUpload = { fileName: string; bytes: Uint8Array };

/** Record HR's value for an indicator and fiscal year, with a link or a file as evidence. Audited. */
export async function recordIndicatorEntry(
  indicatorId: number,
  fields: Record<string, unknown>,
  file: EvidenceUpload | null,
  actor: Actor,
  now = new Date(),
) {
  const indicator = await db.planIndicator.findUnique({ where: { id: indicatorId } });
  if (!indicator) throw refusal(404, "ไม่พบตัวชี้วัดนี้");
  if (!acceptsEntries(indicator)) throw refusal(400, "ตัวชี้วัดนี้ระบบคำนวณเอง จึงบันทึกผลด้วยมือไม่ได้");
  const rule = entryRule({ ...indicator, extra: parseIndicatorExtra(indicator.extra) });
  const upload = file && file.bytes.byteLength > 0 ? file : null;
  const checked = validate(indicatorEntrySchema(rule.unit), { ...fields, evidenceFile: upload?.bytes.byteLength ?? 0 });
  if (!checked.success) throw refusal(400, "กรุณาตรวจสอบข้อมูลที่กรอก", checked.fieldErrors);
  const input = checked.data;
  let mimeType: string | null = null;
  if (upload) {
    if (upload.bytes.byteLength > MAX_EVIDENCE_BYTES) throw fieldRefusal("evidenceFile", "ไฟล์หลักฐานต้องมีขนาดไม่เกิน 5 MB");
    mimeType = sniffEvidenceType(upload.bytes, upload.fileName);
    if (!mimeType) {
      const message = "รับเฉพาะไฟล์ PDF, JPEG, PNG, Word หรือ Excel (ตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์)";
      throw fieldRefusal("evidenceFile", message);
    }
  }
  const value = rule.unit === "achieved" ? null : Number(input.value);
  const achieved = rule.unit === "achieved" ? input.achieved === "yes" : null;
  const participants = rule.unit === "share" || rule.unit === "every" ? Number(input.participants) : null;
  const instrumentUsed = rule.unit === "share" ? (input.instrumentUsed ?? null) : null;
  return db.$transaction(async (tx) => {
    if (await tx.fiscalYearClosure.findUnique({ where: { fiscalYear: input.fiscalYear } })) {
      throw refusal(409, `ปีงบประมาณ ${input.fiscalYear} ปิดและบันทึกผลแล้ว จึงบันทึกผลตัวชี้วัดเพิ่มไม่ได้`);
    }
    const evidence = upload
      ? await tx.evidenceFile.create({
          data: {
            fileName: upload.fileName.slice(0, 255),
            mimeType: mimeType!,
            size: upload.bytes.byteLength,
            sha256: createHash("sha256").update(upload.bytes).digest("hex"),
            data: Buffer.from(upload.bytes),
            uploadedAt: now,
            uploadedById: actor.personId,
          },
          select: { id: true, fileName: true, sha256: true, size: true },
        })
      : null;
    const entry = await tx.indicatorEntry.create({
      data: {
        indicatorId,
        fiscalYear: input.fiscalYear,
        value,
        achieved,
        participants,
        instrumentUsed,
        note: input.note || null,
        evidenceUrl: input.evidenceUrl || null,
        evidenceFileId: evidence?.id ?? null,
        enteredAt: now,
        enteredById: actor.personId,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "indicator.entry_recorded",
      entityType: "PlanIndicator",
      entityId: indicatorId,
      after: {
        entryId: entry.id,
        fiscalYear: input.fiscalYear,
        value,
        achieved,
        participants,
        instrumentUsed,
        evidenceUrl: entry.evidenceUrl,
        evidenceFile: evidence,
      },
    });
    return entry;
  });
}

const ENTRY_SELECT = {
  id: true,
  indicatorId: true,
  fiscalYear: true,
  value: true,
  achieved: true,
  participants: true,
  instrumentUsed: true,
  note: true,
  evidenceUrl: true,
  enteredAt: true,
  enteredBy: { select: { id: true, title: true, firstName: true, lastName: true } },
  evidenceFile: { select: { id: true, fileName: true, size: true, mimeType: true } },
} as const;

/** The entry in force for each indicator in a year: the latest one recorded. */
export async function latestEntries(fiscalYear: number, indicatorIds?: number[]) {
  const entries = await db.indicatorEntry.findMany({
    where: { fiscalYear, ...(indicatorIds ? { indicatorId: { in: indicatorIds } } : {}) },
    select: ENTRY_SELECT,
    orderBy: [{ enteredAt: "asc" }, { id: "asc" }],
  });
  return new Map(entries.map((e) => [e.indicatorId, e]));
}
export type LatestEntry = NonNullable<ReturnType<Awaited<ReturnType<typeof latestEntries>>["get"]>>;

/** Every entry recorded for the indicators, newest first (superseded ones included). */
export function entryHistory(indicatorIds: number[]) {
  return db.indicatorEntry.findMany({
    where: { indicatorId: { in: indicatorIds } },
    select: ENTRY_SELECT,
    orderBy: [{ enteredAt: "desc" }, { id: "desc" }],
  });
}

/** An evidence file with its bytes, for download. */
export function loadEvidenceFile(id: number) {
  return db.evidenceFile.findUnique({ where: { id } });
}
