// Thai labels for the audit actions and records of the plan: indicators, policies, plan reports. Combined in app/utils/audit.server.ts;
// test/unit/audit-labels.test.ts fails when an action written anywhere has no label here or in another feature.
export const ACTION_LABELS: Record<string, string> = {
  "indicator.entry_recorded": "บันทึกผลตัวชี้วัด",
  "indicator.local_target_set": "กำหนดเป้าหมายตัวชี้วัดเอง (แผนไม่ได้กำหนดเกณฑ์)",
  "plan.baseline_recorded": "บันทึกค่าฐานเป้าหมายระดับแผน",
  "fiscal_year.closed": "ปิดปีงบประมาณและบันทึกผลตัวชี้วัด",
  "policy.published": "ประกาศเอกสารให้รับทราบ",
  "policy.acknowledged": "รับทราบเอกสาร",
  "policy.imported": "นำเข้าการรับทราบเอกสาร",
  "plan_report.entry_recorded": "บันทึกงบประมาณที่ใช้จริงและปัญหาอุปสรรคในรายงานแผน",
  "plan_report.frozen": "บันทึกรายงานแผนเป็นฉบับส่ง",
  "bench.insert": "แถวทดสอบความเร็ว (benchmark เท่านั้น)",
};

/** What an audit record's entityType is called in Thai, e.g. "บุคลากร 100001". */
export const ENTITY_LABELS: Record<string, string> = {
  PlanIndicator: "ตัวชี้วัด",
  PlanItem: "รายการในแผน ลำดับที่",
  PlanBaseline: "ค่าฐานเป้าหมายระดับแผน",
  FiscalYear: "ปีงบประมาณ",
  PolicyDocument: "ประกาศ",
  FrozenPlanReport: "รายงานแผนฉบับส่ง",
  Bench: "แถวทดสอบความเร็ว",
};
