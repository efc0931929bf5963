import { createHash } from "node:crypto";
import { acceptsEntries, entryRule, sniffEvidenceType, MAX_EVIDENCE_BYTES } from "~/domain/indicator-entries";
import { indicatorEntrySchema } from "~/schemas/indicator-entry";
import { parseIndicatorExtra } from "~/domain/indicators";
import { writeAudit } from "~/utils/audit.server";
import { db, sqlite } from "~/utils/db.server";
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

export type LatestEntry = {
  id: number;
  indicatorId: number;
  fiscalYear: number;
  value: number | null;
  achieved: boolean | null;
  participants: number | null;
  instrumentUsed: string | null;
  note: string | null;
  evidenceUrl: string | null;
  enteredAt: Date;
  enteredBy: { id: number; title: string; firstName: string; lastName: string };
  evidenceFile: { id: number; fileName: string; size: number; mimeType: string } | null;
};

type LatestEntryRow = Omit<LatestEntry, "achieved" | "enteredAt" | "enteredBy" | "evidenceFile"> & {
  achieved: number | null;
  enteredAt: string;
  byId: number;
  byTitle: string;
  byFirstName: string;
  byLastName: string;
  fileId: number | null;
  fileName: string | null;
  fileSize: number | null;
  fileMimeType: string | null;
};

/** Entries matching `where` (on "IndicatorEntry" e) with who entered them and the evidence file's name, in `order`. */
function entryRows(where: string, args: (string | number)[], order: string): Promise<LatestEntry[]> {
  return sqlite.read((sql) =>
    sql
      .all<LatestEntryRow>(
        `SELECT e."id", e."indicatorId", e."fiscalYear", e."value", e."achieved", e."participants", e."instrumentUsed",
                e."note", e."evidenceUrl", e."enteredAt",
                p."id" AS "byId", p."title" AS "byTitle", p."firstName" AS "byFirstName", p."lastName" AS "byLastName",
                f."id" AS "fileId", f."fileName", f."size" AS "fileSize", f."mimeType" AS "fileMimeType"
         FROM "IndicatorEntry" e
         JOIN "Person" p ON p."id" = e."enteredById"
         LEFT JOIN "EvidenceFile" f ON f."id" = e."evidenceFileId"
         WHERE ${where}
         ORDER BY ${order}`,
        ...args,
      )
      .map((r) => ({
        id: r.id,
        indicatorId: r.indicatorId,
        fiscalYear: r.fiscalYear,
        value: r.value,
        achieved: r.achieved == null ? null : r.achieved !== 0,
        participants: r.participants,
        instrumentUsed: r.instrumentUsed,
        note: r.note,
        evidenceUrl: r.evidenceUrl,
        enteredAt: new Date(r.enteredAt),
        enteredBy: { id: r.byId, title: r.byTitle, firstName: r.byFirstName, lastName: r.byLastName },
        evidenceFile:
          r.fileId == null
            ? null
            : { id: r.fileId, fileName: r.fileName!, size: r.fileSize!, mimeType: r.fileMimeType! },
      })),
  );
}

/**
 * The entry in force for each indicator in a year: the latest one recorded. One read with who entered it and the
 * evidence file's name on the direct path (decision 054): the indicators read it again after every write.
 */
export async function latestEntries(fiscalYear: number, indicatorIds?: number[]): Promise<Map<number, LatestEntry>> {
  const rows = await entryRows(
    `e."fiscalYear" = ? ${indicatorIds ? `AND e."indicatorId" IN (SELECT value FROM json_each(?))` : ""}`,
    [fiscalYear, ...(indicatorIds ? [JSON.stringify(indicatorIds)] : [])],
    `e."enteredAt", e."id"`,
  );
  return new Map(rows.map((r) => [r.indicatorId, r]));
}

/**
 * Every entry recorded for the indicators, newest first (superseded ones included): on every item page HR opens, so
 * the same direct read (decision 062).
 */
export function entryHistory(indicatorIds: number[]) {
  return entryRows(
    `e."indicatorId" IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(indicatorIds)],
    `e."enteredAt" DESC, e."id" DESC`,
  );
}

/** An evidence file with its bytes, for download. */
export function loadEvidenceFile(id: number) {
  return db.evidenceFile.findUnique({ where: { id } });
}
