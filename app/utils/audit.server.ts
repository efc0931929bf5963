import type { Db, Tx } from "./db.server";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/** Append one audit record. Pass the caller's transaction so the record commits (or not) with the change. */
export async function writeAudit(tx: Tx | Db, entry: AuditEntry): Promise<void> {
  // Raw INSERT: audit records are written on every change, and Prisma's create costs ~5x more here.
  await tx.$executeRawUnsafe(
    `INSERT INTO "AuditLog" ("at", "actorId", "action", "entityType", "entityId", "before", "after", "ip") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    sqliteTimestamp(new Date()),
    entry.actorId,
    entry.action,
    entry.entityType,
    entry.entityId == null ? null : String(entry.entityId),
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    entry.ip ?? null,
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
