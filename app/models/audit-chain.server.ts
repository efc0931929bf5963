import { AUDIT_ROW_SELECT, auditRowHash, CHAIN_GENESIS, type StoredAuditRow } from "~/utils/audit-chain.server";
import { db } from "~/utils/db.server";

// Checking the audit log's hash chain (decision 022): `npm run audit:verify` and the status on /admin/audit.

export type ChainBreak = { id: number; kind: "rewritten" | "link" | "unsealed" };

export const CHAIN_BREAK_LABELS: Record<ChainBreak["kind"], string> = {
  rewritten: "เนื้อหาของรายการนี้ถูกแก้ไขหลังบันทึก",
  link: "ห่วงโซ่ขาดก่อนรายการนี้: มีรายการก่อนหน้าถูกลบ แทรก หรือแก้ไข",
  unsealed: "รายการนี้ไม่มีตราประทับ: ถูกเพิ่มนอกระบบ",
};

export type ChainReport = {
  ok: boolean;
  rows: number;
  legacyRows: number; // written before the chain began, covered by the first sealed row
  breaks: ChainBreak[]; // the first 50
  breakCount: number;
  lastId: number | null;
};

/** Walk the whole log in id order and recompute every link. */
export async function verifyAuditChain(): Promise<ChainReport> {
  let expected = CHAIN_GENESIS;
  let sealedSeen = false;
  let rows = 0;
  let legacyRows = 0;
  let breakCount = 0;
  const breaks: ChainBreak[] = [];
  const report = (id: number, kind: ChainBreak["kind"]) => {
    breakCount += 1;
    if (breaks.length < 50) breaks.push({ id, kind });
  };
  let afterId = 0;
  for (;;) {
    const page = await db.$queryRawUnsafe<StoredAuditRow[]>(
      `SELECT ${AUDIT_ROW_SELECT} FROM "AuditLog" WHERE "id" > ? ORDER BY "id" LIMIT 5000`,
      afterId,
    );
    if (page.length === 0) break;
    for (const row of page) {
      const id = Number(row.id);
      rows += 1;
      if (row.hash == null) {
        if (sealedSeen) report(id, "unsealed");
        else {
          legacyRows += 1;
          expected = auditRowHash(expected, row);
        }
        continue;
      }
      sealedSeen = true;
      if (row.prevHash !== expected) report(id, "link");
      if (auditRowHash(row.prevHash ?? "", row) !== row.hash) report(id, "rewritten");
      expected = row.hash;
    }
    afterId = Number(page[page.length - 1]!.id);
  }
  return { ok: breakCount === 0, rows, legacyRows, breaks, breakCount, lastId: rows ? afterId : null };
}
