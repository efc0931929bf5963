// Thai labels for the audit actions and records of delegation orders. Combined in app/utils/audit.server.ts;
// test/unit/audit-labels.test.ts fails when an action written anywhere has no label here or in another feature.
export const ACTION_LABELS: Record<string, string> = {
  "order.drafted": "ร่างคำสั่ง",
  "order.edited": "แก้ไขร่างคำสั่ง",
  "order.submitted": "เสนอลงนามคำสั่ง",
  "order.returned": "ดึงคำสั่งกลับเป็นร่าง",
  "order.signed": "ลงนามคำสั่ง",
  "order.circulated": "แจ้งเวียนคำสั่ง",
  "order.acknowledged": "รับทราบคำสั่ง",
  "order.revoked": "ยกเลิกคำสั่ง",
  "order.superseded": "คำสั่งถูกแทนที่",
  "order.sealed_legacy": "ผนึกคำสั่งเดิมด้วยกุญแจของระบบ",
};

/** What an audit record's entityType is called in Thai, e.g. "บุคลากร 100001". */
export const ENTITY_LABELS: Record<string, string> = {
  DelegationOrder: "คำสั่ง",
};
