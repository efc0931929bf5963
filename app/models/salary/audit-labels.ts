// Thai labels for the audit actions and records of salary step rounds. Combined in app/utils/audit.server.ts;
// test/unit/audit-labels.test.ts fails when an action written anywhere has no label here or in another feature.
export const ACTION_LABELS: Record<string, string> = {
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
  "survey.answered": "ตอบแบบสำรวจความพึงพอใจการเลื่อนขั้นเงินเดือน",
};

/** What an audit record's entityType is called in Thai, e.g. "บุคลากร 100001". */
export const ENTITY_LABELS: Record<string, string> = {
  SalaryRound: "รอบเลื่อนขั้น",
  SalaryAppraisal: "ผลการประเมิน",
  SalaryCommittee: "คณะกรรมการ",
  CommitteeMeeting: "การประชุมคณะกรรมการ",
  CaseDecision: "มติรายบุคคล",
  SalaryAppeal: "อุทธรณ์",
};
