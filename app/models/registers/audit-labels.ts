// Thai labels for the audit actions and records of gifts, No Gift and conflict-of-interest registers. Combined in app/utils/audit.server.ts;
// test/unit/audit-labels.test.ts fails when an action written anywhere has no label here or in another feature.
export const ACTION_LABELS: Record<string, string> = {
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
};

/** What an audit record's entityType is called in Thai, e.g. "บุคลากร 100001". */
export const ENTITY_LABELS: Record<string, string> = {
  GiftReport: "รายการของขวัญ",
  NoGiftDeclaration: "คำยืนยัน No Gift",
  ConflictDeclaration: "คำแถลงส่วนได้เสีย",
  PositionRisk: "ตำแหน่งเสี่ยง",
};
