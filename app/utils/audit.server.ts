import type { Db, Tx } from "./db.server";
import { auditRowHash, CHAIN_GENESIS, legacyPrefixDigest, type AuditRowContent } from "./audit-chain.server";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/**
 * Append one audit record. Pass the caller's transaction so the record commits (or not) with the change.
 * Each record is chained to the one before (decision 022): `prevHash` is the previous row's `hash`, and `hash` is
 * an HMAC, with the install's seal key, over prevHash and this row, so a rewritten, deleted or inserted row
 * breaks the chain (`verifyAuditChain`, `npm run audit:verify`).
 */
export async function writeAudit(tx: Tx | Db, entry: AuditEntry): Promise<void> {
  // Called without a transaction: make the read of the last hash and the insert one unit.
  if ("$transaction" in tx) return tx.$transaction((inner) => writeAudit(inner, entry));
  const row: AuditRowContent = {
    at: sqliteTimestamp(new Date()),
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: entry.ip ?? null,
  };
  // One primary-key lookup. Raw SQL throughout: audit records are written on every change (decision 007).
  const [last] = await tx.$queryRawUnsafe<{ hash: string | null }[]>(`SELECT "hash" FROM "AuditLog" ORDER BY "id" DESC LIMIT 1`);
  const prevHash = !last ? CHAIN_GENESIS : (last.hash ?? (await legacyPrefixDigest(tx)));
  await tx.$executeRawUnsafe(
    `INSERT INTO "AuditLog" ("at", "actorId", "action", "entityType", "entityId", "before", "after", "ip", "prevHash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    row.at,
    row.actorId,
    row.action,
    row.entityType,
    row.entityId,
    row.before,
    row.after,
    row.ip,
    prevHash,
    auditRowHash(prevHash, row),
  );
}

/** DateTime as Prisma's SQLite adapter stores it (ISO 8601 with +00:00), for raw statements. */
export const sqliteTimestamp = (date: Date) => date.toISOString().replace("Z", "+00:00");

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "salary_round.created": "สร้างรอบการเลื่อนขั้นเงินเดือน",
  "salary_round.published": "ประกาศผลการเลื่อนขั้นเงินเดือน",
  "salary_appraisal.recorded": "บันทึกผลการประเมินและข้อเสนอ",
  "salary_committee.appointed": "แต่งตั้งคณะกรรมการ",
  "salary_committee.recused": "กรรมการแจ้งส่วนได้เสีย",
  "salary_meeting.opened": "เปิดการประชุมคณะกรรมการ",
  "salary_meeting.attendance": "บันทึกผู้มาประชุม",
  "salary_meeting.closed": "ปิดการประชุมคณะกรรมการ",
  "salary_decision.recorded": "บันทึกมติคณะกรรมการ",
  "salary_decision.corrected": "บันทึกมติแก้ไข",
  "salary_appeal.filed": "ยื่นอุทธรณ์ผลการเลื่อนขั้นเงินเดือน",
  "salary_appeal.answered": "ตอบอุทธรณ์ผลการเลื่อนขั้นเงินเดือน",
  "auth.sign_in": "เข้าสู่ระบบ",
  "indicator.entry_recorded": "บันทึกผลตัวชี้วัด",
  // indicator fidelity (issue 11)
  "indicator.local_target_set": "กำหนดเป้าหมายตัวชี้วัดเอง (แผนไม่ได้กำหนดเกณฑ์)",
  "plan.baseline_recorded": "บันทึกค่าฐานเป้าหมายระดับแผน",
  "auth.sign_in_failed": "เข้าสู่ระบบไม่สำเร็จ",
  "auth.sign_in_throttled": "ถูกระงับการเข้าสู่ระบบชั่วคราว",
  "auth.sign_out": "ออกจากระบบ",
  "auth.password_changed": "เปลี่ยนรหัสผ่าน",
  "person.created": "เพิ่มบุคลากร",
  "person.updated": "แก้ไขข้อมูลบุคลากร",
  "person.roles_changed": "เปลี่ยนบทบาท",
  "person.deactivated": "ระงับการใช้งาน",
  "person.reactivated": "เปิดการใช้งานอีกครั้ง",
  "person.password_reset": "ตั้งรหัสผ่านใหม่โดยผู้ดูแล",
  "roster.imported": "นำเข้ารายชื่อบุคลากร",
  "attempt.started": "เริ่มทำแบบทดสอบ",
  "attempt.submitted": "ส่งคำตอบแบบทดสอบ",
  "attempt.timed_out": "แบบทดสอบหมดเวลา",
  "certificate.issued": "ออกเกียรติบัตร",
  "attempt.imported": "นำเข้าผลการทดสอบย้อนหลัง",
  "question.edited": "แก้ไขคำถาม (ฉบับใหม่)",
  "fiscal_year.closed": "ปิดปีงบประมาณและบันทึกผลตัวชี้วัด",
  "policy.published": "ประกาศเอกสารให้รับทราบ",
  "target_group.created": "สร้างกลุ่มเป้าหมาย",
  "target_group.updated": "แก้ไขเงื่อนไขกลุ่มเป้าหมาย",
  "target_group.member_named": "เพิ่ม/ยกเว้นรายบุคคลในกลุ่มเป้าหมาย",
  "target_group.member_removed": "นำรายชื่อออกจากกลุ่มเป้าหมาย",
  "course.assigned": "กำหนดหลักสูตรให้กลุ่มเป้าหมาย",
  "course.unassigned": "ยกเลิกการกำหนดหลักสูตร",
  "policy.acknowledged": "รับทราบเอกสาร",
  "survey.answered": "ตอบแบบสำรวจความพึงพอใจการเลื่อนขั้นเงินเดือน",
  "policy.imported": "นำเข้าการรับทราบเอกสาร",
  "order.drafted": "ร่างคำสั่ง",
  "order.edited": "แก้ไขร่างคำสั่ง",
  "order.submitted": "เสนอลงนามคำสั่ง",
  "order.returned": "ดึงคำสั่งกลับเป็นร่าง",
  "order.signed": "ลงนามคำสั่ง",
  "order.circulated": "แจ้งเวียนคำสั่ง",
  "order.acknowledged": "รับทราบคำสั่ง",
  "order.revoked": "ยกเลิกคำสั่ง",
  "order.superseded": "คำสั่งถูกแทนที่",
  // auth hardening (issue 16, decision 023)
  "auth.password_check_failed": "ใส่รหัสผ่านยืนยันไม่ถูกต้อง (ลงนาม/เปลี่ยนรหัสผ่าน)",
  "auth.password_check_throttled": "ถูกระงับการยืนยันรหัสผ่านชั่วคราว",
  // seals and survey batches (issue 16, findings 1 and 7)
  "order.sealed_legacy": "ผนึกคำสั่งเดิมด้วยกุญแจของระบบ",
  // complaints (plan items 40, 41)
  "complaint.received": "รับเรื่องร้องเรียนการทุจริต (ไม่บันทึกผู้แจ้ง)",
  "complaint.reporter_message": "ผู้ร้องส่งข้อความด้วยรหัสติดตามเรื่อง",
  "complaint.acknowledged": "ตรวจรับเรื่องร้องเรียน",
  "complaint.classified": "จัดประเภทเรื่องร้องเรียน",
  "complaint.investigator_assigned": "มอบหมายผู้ตรวจสอบเรื่องร้องเรียน",
  "complaint.no_conflict_declared": "ผู้ตรวจสอบยืนยันว่าไม่มีส่วนได้เสีย",
  "complaint.findings_recorded": "บันทึกผลการตรวจสอบเรื่องร้องเรียน",
  "complaint.closed": "ยุติเรื่องร้องเรียน",
  "complaint.officer_message": "ส่งข้อความถึงผู้ร้อง",
  "complaint.identity_viewed": "เปิดดูข้อมูลผู้ร้อง",
  // gifts, No Gift and conflict-of-interest declarations (issue 13)
  "gift.recorded": "บันทึกของขวัญ/ประโยชน์ (ไม่ต้องรายงาน)",
  "gift.reported": "รายงานของขวัญ/ประโยชน์ต่อผู้บังคับบัญชา",
  "gift.decided": "ผู้บังคับบัญชาวินิจฉัยของขวัญ/ประโยชน์",
  "gift.superseded": "รายการของขวัญถูกแทนที่ (พร้อมเหตุผล)",
  "no_gift.declared": "ยื่นคำยืนยัน No Gift ประจำปี",
  "declaration.yearly": "ยื่นคำแถลงส่วนได้เสียประจำปี",
  "declaration.case": "ยื่นคำแถลงส่วนได้เสียรายกรณี",
  "declaration.reviewed": "พิจารณาคำแถลงส่วนได้เสีย",
  "position_risk.added": "เพิ่มตำแหน่งในตารางความเสี่ยงผลประโยชน์ทับซ้อน",
  "position_risk.updated": "แก้ไขตารางความเสี่ยงผลประโยชน์ทับซ้อน",
  "position_risk.retired": "นำตำแหน่งออกจากตารางความเสี่ยง",
  // fraud-risk register and plan reports (item 37)
  "risk.created": "เพิ่มความเสี่ยงการทุจริต",
  "risk.measure_added": "เพิ่มมาตรการบริหารความเสี่ยง",
  "risk.register_consolidated": "รวบรวมทะเบียนความเสี่ยงการทุจริต",
  "risk.register_published": "เผยแพร่ทะเบียนความเสี่ยงการทุจริต",
  "risk.follow_up_recorded": "ติดตามผลมาตรการบริหารความเสี่ยง",
  "risk.residual_recorded": "ประเมินความเสี่ยงคงเหลือ",
  "plan_report.entry_recorded": "บันทึกงบประมาณที่ใช้จริงและปัญหาอุปสรรคในรายงานแผน",
  "plan_report.frozen": "บันทึกรายงานแผนเป็นฉบับส่ง",
};

export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;
