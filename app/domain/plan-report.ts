import type { IndicatorStatus } from "./indicators";
import type { ReportPeriod } from "./report-periods";

// The plan's six-month and annual reports as data: what the page prints, the CSV lists and a frozen copy keeps.

export const NO_DATA_TEXT = "ไม่มีข้อมูลในระบบ";
export const NOT_YET_TEXT = "ยังไม่มีข้อมูล";

export type ReportActivity = { date: string | null; text: string };
export type ReportIndicator = {
  text: string;
  rule: string;
  valueText: string;
  status: IndicatorStatus;
  statusLabel: string;
};
export type ReportItem = {
  number: number;
  name: string;
  kindLabel: string;
  dimension: number;
  responsibleUnit: string;
  activities: ReportActivity[];
  indicators: ReportIndicator[];
  plannedBaht: number;
  spentSatang: number | null;
  evidence: { label: string; url: string }[];
  problems: string;
  suggestions: string;
};
export type ReportTotals = {
  items: number;
  plannedBaht: number;
  spentSatang: number;
  itemsWithSpending: number;
  indicators: number;
  met: number;
  itemsWithActivity: number;
};
export type PlanTarget = {
  label: string;
  target: string;
  result: string;
  status: "met" | "not_met" | "no_data";
  source: string;
};
export type PlanReport = {
  fiscalYear: number;
  period: ReportPeriod;
  title: string;
  periodText: string;
  asOf: string;
  generatedAt: string;
  periodEnded: boolean;
  indicatorsFrom: "frozen-year" | "computed";
  dimensions: { number: number; title: string; items: ReportItem[]; totals: ReportTotals }[];
  totals: ReportTotals;
  targets: PlanTarget[];
};

export function totalsOf(items: readonly ReportItem[]): ReportTotals {
  return {
    items: items.length,
    plannedBaht: items.reduce((s, i) => s + i.plannedBaht, 0),
    spentSatang: items.reduce((s, i) => s + (i.spentSatang ?? 0), 0),
    itemsWithSpending: items.filter((i) => i.spentSatang != null).length,
    indicators: items.reduce((s, i) => s + i.indicators.length, 0),
    met: items.reduce((s, i) => s + i.indicators.filter((x) => x.status === "met").length, 0),
    itemsWithActivity: items.filter((i) => i.activities.length > 0).length,
  };
}

/** "1,234.50" from satang, in integers (no float rounding). */
export function satangText(satang: number | null): string {
  if (satang == null) return NOT_YET_TEXT;
  const baht = Math.trunc(satang / 100);
  const rest = String(Math.abs(satang % 100)).padStart(2, "0");
  return `${baht.toLocaleString("en-US")}.${rest}`;
}

export const bahtText = (baht: number) => baht.toLocaleString("en-US");

export const CSV_HEADER = [
  "มิติ",
  "ลำดับที่",
  "โครงการ/กิจกรรม/มาตรการ",
  "หัวข้อ",
  "รายละเอียด",
  "วันที่",
  "ผล/ค่า",
  "เกณฑ์",
  "สถานะ",
  "งบประมาณตามแผน (บาท)",
  "ใช้จริง (บาท)",
] as const;

/** One or more rows per item, the item's dimension and number first; then each dimension's total and the plan's. */
export function reportCsvRows(report: PlanReport, formatDate: (iso: string) => string): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const d of report.dimensions) {
    for (const item of d.items) {
      const row = (
        topic: string,
        detail: string,
        date: string | null = null,
        value: string | null = null,
        rule: string | null = null,
        status: string | null = null,
      ) =>
        rows.push([
          item.dimension,
          item.number,
          item.name,
          topic,
          detail,
          date ? formatDate(date) : null,
          value,
          rule,
          status,
          null,
          null,
        ]);
      if (item.activities.length === 0) row("ผลการดำเนินงาน", NO_DATA_TEXT);
      for (const a of item.activities) row("ผลการดำเนินงาน", a.text, a.date);
      for (const ind of item.indicators) row("ตัวชี้วัด", ind.text, null, ind.valueText, ind.rule, ind.statusLabel);
      rows.push([
        item.dimension,
        item.number,
        item.name,
        "งบประมาณ",
        "",
        null,
        null,
        null,
        null,
        item.plannedBaht,
        item.spentSatang == null ? NOT_YET_TEXT : satangText(item.spentSatang).replace(/,/g, ""),
      ]);
      for (const e of item.evidence) row("หลักฐาน", `${e.label}: ${e.url}`);
      if (item.problems) row("ปัญหาอุปสรรค", item.problems);
      if (item.suggestions) row("ข้อเสนอแนะ", item.suggestions);
    }
    rows.push(totalRow(d.number, `รวมมิติที่ ${d.number}`, d.totals));
  }
  rows.push(totalRow("รวมทั้งแผน", "รวม", report.totals));
  for (const t of report.targets)
    rows.push([
      "เป้าหมายระดับแผน",
      "",
      t.label,
      "เป้าหมาย",
      t.target,
      null,
      t.result,
      null,
      t.status === "met" ? "บรรลุ" : t.status === "not_met" ? "ไม่บรรลุ" : NOT_YET_TEXT,
      null,
      null,
    ]);
  return rows;
}

function totalRow(dimension: number | string, label: string, t: ReportTotals): (string | number | null)[] {
  return [
    dimension,
    "รวม",
    label,
    "สรุป",
    `${t.items} รายการ · มีผลการดำเนินงานในระบบ ${t.itemsWithActivity} รายการ · ตัวชี้วัดบรรลุ ${t.met} จาก ${t.indicators}`,
    null,
    null,
    null,
    null,
    t.plannedBaht,
    satangText(t.spentSatang).replace(/,/g, ""),
  ];
}
