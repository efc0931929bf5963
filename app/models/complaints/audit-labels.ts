// Thai labels for the audit actions and records of the complaint channel. Combined in app/utils/audit.server.ts;
// test/unit/audit-labels.test.ts fails when an action written anywhere has no label here or in another feature.
export const ACTION_LABELS: Record<string, string> = {
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
};

/** What an audit record's entityType is called in Thai, e.g. "บุคลากร 100001". */
export const ENTITY_LABELS: Record<string, string> = {
  Complaint: "เรื่องร้องเรียน",
};
