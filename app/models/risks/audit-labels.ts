// Thai labels for the audit actions and records of the fraud-risk register. Combined in app/utils/audit.server.ts;
// test/unit/audit-labels.test.ts fails when an action written anywhere has no label here or in another feature.
export const ACTION_LABELS: Record<string, string> = {
  "risk.created": "เพิ่มความเสี่ยงการทุจริต",
  "risk.measure_added": "เพิ่มมาตรการบริหารความเสี่ยง",
  "risk.register_consolidated": "รวบรวมทะเบียนความเสี่ยงการทุจริต",
  "risk.register_published": "เผยแพร่ทะเบียนความเสี่ยงการทุจริต",
  "risk.follow_up_recorded": "ติดตามผลมาตรการบริหารความเสี่ยง",
  "risk.residual_recorded": "ประเมินความเสี่ยงคงเหลือ",
};

/** What an audit record's entityType is called in Thai, e.g. "บุคลากร 100001". */
export const ENTITY_LABELS: Record<string, string> = {
  Risk: "ความเสี่ยง",
  RiskMeasure: "มาตรการ",
  RiskRegister: "ทะเบียนความเสี่ยง",
};
