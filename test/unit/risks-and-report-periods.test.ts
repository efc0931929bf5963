import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPlanRisks, riskMatrix } from "~/content/risks.server";
import { reportCsvRows, satangText, totalsOf, type PlanReport, type ReportItem } from "~/domain/plan-report";
import {
  inReportPeriod,
  reportAsOf,
  reportPeriodEnded,
  reportPeriodRange,
  reportPeriodText,
} from "~/domain/report-periods";
import { assessRisk, riskMatrixSchema } from "~/domain/risk-matrix";
import { bahtToSatang, reportEntrySchema, riskSchema } from "~/schemas/risks";
import { validate } from "~/utils/forms";

const matrix = riskMatrix(path.resolve("content"));

describe("the risk matrix (content/rules/risk-matrix.yaml)", () => {
  it("scores likelihood × impact and reads the level at each band's edges", () => {
    expect(assessRisk(matrix, 1, 1)).toMatchObject({ score: 1, level: "low" });
    expect(assessRisk(matrix, 2, 2)).toMatchObject({ score: 4, level: "low" });
    expect(assessRisk(matrix, 5, 1)).toMatchObject({ score: 5, level: "medium", label: "ปานกลาง" });
    expect(assessRisk(matrix, 3, 3)).toMatchObject({ score: 9, level: "medium" });
    expect(assessRisk(matrix, 2, 5)).toMatchObject({ score: 10, level: "high", label: "สูง" });
    expect(assessRisk(matrix, 4, 4)).toMatchObject({ score: 16, level: "high" });
    expect(assessRisk(matrix, 4, 5)).toMatchObject({ score: 20, level: "very_high", label: "สูงมาก" });
    expect(assessRisk(matrix, 5, 5)).toMatchObject({ score: 25, level: "very_high" });
  });
  it("refuses scales outside 1–5 and fractions", () => {
    expect(() => assessRisk(matrix, 0, 3)).toThrow(RangeError);
    expect(() => assessRisk(matrix, 3, 6)).toThrow(RangeError);
    expect(() => assessRisk(matrix, 2.5, 2)).toThrow(RangeError);
  });
  it("refuses a matrix whose bands leave a score out or overlap", () => {
    const gap = { ...matrix, levels: matrix.levels.map((l) => (l.level === "medium" ? { ...l, maxScore: 8 } : l)) };
    expect(riskMatrixSchema.safeParse(gap).success).toBe(false);
    const overlap = { ...matrix, levels: matrix.levels.map((l) => (l.level === "high" ? { ...l, minScore: 9 } : l)) };
    expect(riskMatrixSchema.safeParse(overlap).success).toBe(false);
    expect(riskMatrixSchema.safeParse(matrix).success).toBe(true);
  });
  it("keeps Part 1's lost rows 3 and 4 as gaps, not invented rows", () => {
    const rows = loadPlanRisks(path.resolve("content")).rows;
    expect(rows.map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.filter((r) => r.lost).map((r) => r.sequence)).toEqual([3, 4]);
  });
});

describe("report periods (Bangkok time)", () => {
  it("puts all of 31 March in the six-month period and 1 April after it", () => {
    // 31 Mar 2570 BE = 2027 CE; 23:59:59 Bangkok is 16:59:59 UTC; 1 Apr 00:00 Bangkok is 31 Mar 17:00 UTC.
    expect(inReportPeriod(new Date("2027-03-31T16:59:59Z"), 2570, "h1")).toBe(true);
    expect(inReportPeriod(new Date("2027-03-31T17:00:00Z"), 2570, "h1")).toBe(false);
    expect(inReportPeriod(new Date("2027-03-31T17:00:00Z"), 2570, "annual")).toBe(true);
    expect(inReportPeriod(new Date("2026-09-30T17:00:00Z"), 2570, "h1")).toBe(true); // 1 Oct 2569 00:00 Bangkok
    expect(inReportPeriod(new Date("2026-09-30T16:59:59Z"), 2570, "h1")).toBe(false);
  });
  it("says a period has ended only from 1 April 00:00 Bangkok (or 1 October for the year)", () => {
    expect(reportPeriodEnded(2570, "h1", new Date("2027-03-31T16:59:59Z"))).toBe(false);
    expect(reportPeriodEnded(2570, "h1", new Date("2027-03-31T17:00:00Z"))).toBe(true);
    expect(reportPeriodEnded(2570, "annual", new Date("2027-09-30T16:59:59Z"))).toBe(false);
    expect(reportPeriodEnded(2570, "annual", new Date("2027-09-30T17:00:00Z"))).toBe(true);
  });
  it("takes numbers at the period's last instant once ended, at now before", () => {
    const end = reportPeriodRange(2569, "h1").end;
    expect(reportAsOf(2569, "h1", new Date("2026-11-28T00:00:00Z")).getTime()).toBe(end.getTime() - 1);
    const now = new Date("2027-01-15T03:00:00Z");
    expect(reportAsOf(2570, "h1", now)).toEqual(now);
    expect(reportPeriodText(2570, "h1")).toBe("1 ตุลาคม 2569 – 31 มีนาคม 2570");
  });
});

describe("risk and report forms", () => {
  const base = {
    fiscalYear: "2570",
    divisionId: "3",
    processStep: "จัดซื้อ",
    event: "แบ่งซื้อ",
    type: "procurement",
    likelihood: "3",
    impact: "4",
    existingControls: "",
    planItems: [],
  };
  it("accepts a risk with a measure that has an owner", () => {
    const r = validate(riskSchema, {
      ...base,
      measures: [
        { description: "เผยแพร่ผล", owner: "หัวหน้างานพัสดุ", dueDate: "2027-09-30" },
        { description: "", owner: "", dueDate: "" },
      ],
    });
    expect(r.success && r.data.measures.length).toBe(1);
  });
  it("refuses scores outside 1–5 and a measure without an owner, in Thai", () => {
    const six = validate(riskSchema, {
      ...base,
      likelihood: "6",
      measures: [{ description: "x", owner: "y", dueDate: "2027-09-30" }],
    });
    expect(!six.success && six.fieldErrors.likelihood).toBe("โอกาสต้องอยู่ระหว่าง 1–5");
    const noOwner = validate(riskSchema, {
      ...base,
      measures: [{ description: "เผยแพร่ผล", owner: "", dueDate: "2027-09-30" }],
    });
    expect(!noOwner.success && noOwner.fieldErrors["measures.0.owner"]).toBe("มาตรการต้องมีผู้รับผิดชอบ (ตำแหน่งหรือหน่วยงาน)");
    const secondRow = validate(riskSchema, {
      ...base,
      measures: [
        { description: "", owner: "", dueDate: "" },
        { description: "ตรวจสอบ", owner: "", dueDate: "2027-09-30" },
      ],
    });
    expect(!secondRow.success && secondRow.fieldErrors["measures.1.owner"]).toBe(
      "มาตรการต้องมีผู้รับผิดชอบ (ตำแหน่งหรือหน่วยงาน)",
    );
    const none = validate(riskSchema, { ...base, measures: [] });
    expect(!none.success && none.fieldErrors.measures).toContain("อย่างน้อย 1 มาตรการ");
  });
  it("refuses negative or non-numeric spending and keeps satang exact", () => {
    for (const spent of ["-5", "abc", "1.234"])
      expect(validate(reportEntrySchema, { itemNumber: "4", spent }).success).toBe(false);
    expect(bahtToSatang("1,250,000.5")).toBe(125_000_050);
    expect(bahtToSatang("0.07")).toBe(7);
    expect(satangText(125_000_050)).toBe("1,250,000.50");
  });
});

describe("report CSV rows", () => {
  const item = (number: number, dimension: number, activities: ReportItem["activities"]): ReportItem => ({
    number,
    name: `รายการ ${number}`,
    kindLabel: "โครงการ",
    dimension,
    responsibleUnit: "กอง",
    activities,
    indicators: [{ text: "ตัวชี้วัด", rule: "อย่างน้อย 1", valueText: "1", status: "met", statusLabel: "บรรลุ" }],
    plannedBaht: 100,
    spentSatang: null,
    evidence: [],
    problems: "",
    suggestions: "",
  });
  it("starts every row with dimension and item number, says when nothing is in the system, and totals", () => {
    const items = [item(1, 1, []), item(2, 1, [{ date: "2026-12-01T00:00:00Z", text: "อบรม" }])];
    const report = {
      dimensions: [{ number: 1, title: "มิติ", items, totals: totalsOf(items) }],
      totals: totalsOf(items),
      targets: [],
    } as unknown as PlanReport;
    const rows = reportCsvRows(report, () => "1 ธ.ค. 2569");
    expect(rows[0]!.slice(0, 5)).toEqual([1, 1, "รายการ 1", "ผลการดำเนินงาน", "ไม่มีข้อมูลในระบบ"]);
    expect(rows.filter((r) => r[1] === 2).map((r) => r[3])).toEqual(["ผลการดำเนินงาน", "ตัวชี้วัด", "งบประมาณ"]);
    expect(rows.at(-1)!.slice(0, 2)).toEqual(["รวมทั้งแผน", "รวม"]);
    expect(totalsOf(items)).toMatchObject({ items: 2, plannedBaht: 200, met: 2, itemsWithActivity: 1 });
  });
});
