// Thai labels for the audit actions and records of training: courses, attempts, target groups. Combined in app/utils/audit.server.ts;
// test/unit/audit-labels.test.ts fails when an action written anywhere has no label here or in another feature.
export const ACTION_LABELS: Record<string, string> = {
  "attempt.started": "เริ่มทำแบบทดสอบ",
  "attempt.submitted": "ส่งคำตอบแบบทดสอบ",
  "attempt.timed_out": "แบบทดสอบหมดเวลา",
  "certificate.issued": "ออกเกียรติบัตร",
  "attempt.imported": "นำเข้าผลการทดสอบย้อนหลัง",
  "question.edited": "แก้ไขคำถาม (ฉบับใหม่)",
  "target_group.created": "สร้างกลุ่มเป้าหมาย",
  "target_group.updated": "แก้ไขเงื่อนไขกลุ่มเป้าหมาย",
  "target_group.member_named": "เพิ่ม/ยกเว้นรายบุคคลในกลุ่มเป้าหมาย",
  "target_group.member_removed": "นำรายชื่อออกจากกลุ่มเป้าหมาย",
  "course.assigned": "กำหนดหลักสูตรให้กลุ่มเป้าหมาย",
  "course.unassigned": "ยกเลิกการกำหนดหลักสูตร",
};

/** What an audit record's entityType is called in Thai, e.g. "บุคลากร 100001". */
export const ENTITY_LABELS: Record<string, string> = {
  Attempt: "การทำแบบทดสอบ",
  Certificate: "เกียรติบัตร",
  Course: "หลักสูตร",
  Question: "คำถาม",
  TargetGroup: "กลุ่มเป้าหมาย",
};
