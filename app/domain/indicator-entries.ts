import { shareMeets, type IndicatorExtra, type IndicatorStatus } from "./indicators";
import { isRiskRegisterInstrument } from "./risks";

// Indicators the app cannot compute itself: HR enters the value with evidence. Pure rules, shared with the form.

/** Count instruments the app counts from its own data (indicators.server.ts has a counter for each). */
export const APP_COUNTED_INSTRUMENTS = ["delegation-orders", "announcement", "complaint-count"] as const;
export type AppCountedInstrument = (typeof APP_COUNTED_INSTRUMENTS)[number];

type IndicatorShape = {
  itemNumber: number;
  kind: string;
  instrument: string;
  thresholdPercent: number | null;
  minimumCount: number | null;
  minimumScore: number | null;
  extra?: IndicatorExtra;
};

/**
 * Knowledge measured outside the app (item 10: persons with disabilities are citizens, not staff): HR records
 * how many took part and how many passed, with the instrument used and evidence.
 */
export const EXTERNAL_KNOWLEDGE_INSTRUMENTS = ["knowledge-assessment"] as const;

/** Levels a rated result may take, best first (item 12's "ระดับดี"). */
export const RATING_LEVELS = ["ดีมาก", "ดี", "พอใช้", "ต้องปรับปรุง"] as const;

/**
 * Whether HR records this indicator's result by hand. Item 19's survey is the app's own staff survey (computed
 * elsewhere), so it is not entered; citizens' paper surveys are.
 */
export function acceptsEntries(ind: Pick<IndicatorShape, "itemNumber" | "kind" | "instrument">): boolean {
  if (ind.kind === "manual") return true;
  if (ind.kind === "knowledge") return (EXTERNAL_KNOWLEDGE_INSTRUMENTS as readonly string[]).includes(ind.instrument);
  if (ind.kind === "count")
    return (
      !(APP_COUNTED_INSTRUMENTS as readonly string[]).includes(ind.instrument) &&
      !isRiskRegisterInstrument(ind.instrument)
    );
  if (ind.kind === "survey") return ind.itemNumber !== 19;
  return false;
}

export type EntryUnit = "score" | "percent" | "reduction" | "count" | "achieved" | "share" | "every" | "level";

export type EntryRule = { unit: EntryUnit; threshold: number | null; text: string; valueLabel: string };

/** The unit HR enters and the rule it is judged by, read from the indicator's numeric rule. */
export function entryRule(
  ind: Pick<IndicatorShape, "kind" | "thresholdPercent" | "minimumCount" | "minimumScore" | "extra">,
): EntryRule {
  if (ind.kind === "knowledge") {
    const threshold = ind.thresholdPercent;
    return {
      unit: "share",
      threshold,
      text:
        threshold != null
          ? `ผู้ผ่านการวัดความรู้ไม่น้อยกว่าร้อยละ ${threshold} ของผู้เข้าร่วม (วัดนอกระบบ)`
          : "รายงานผลการวัดความรู้ (แผนไม่ได้กำหนดเกณฑ์)",
      valueLabel: "จำนวนผู้ผ่าน",
    };
  }
  if (ind.extra?.everyOccurrence) {
    return {
      unit: "every",
      threshold: ind.minimumCount,
      text: `${ind.extra.everyOccurrence} (ทุกครั้ง)`,
      valueLabel: "จำนวนครั้งที่เป็นไปตามตัวชี้วัด",
    };
  }
  if (ind.extra?.minimumLevel) {
    const level = RATING_LEVELS.indexOf(ind.extra.minimumLevel as (typeof RATING_LEVELS)[number]);
    return {
      unit: "level",
      threshold: level < 0 ? null : level,
      text: `ผลการประเมินอยู่ในระดับ${ind.extra.minimumLevel}ขึ้นไป`,
      valueLabel: "ระดับผลการประเมิน",
    };
  }
  if (ind.minimumScore != null)
    return {
      unit: "score",
      threshold: ind.minimumScore,
      text: `คะแนนไม่น้อยกว่า ${ind.minimumScore}`,
      valueLabel: "คะแนน",
    };
  if (ind.thresholdPercent != null && ind.kind === "manual") {
    // The plan's manual percentages are reductions against a base year (fuel −30%, complaints −5%).
    return {
      unit: "reduction",
      threshold: ind.thresholdPercent,
      text: `ลดลงไม่น้อยกว่าร้อยละ ${ind.thresholdPercent} เมื่อเทียบกับปีฐาน`,
      valueLabel: "ร้อยละที่ลดลง",
    };
  }
  if (ind.thresholdPercent != null)
    return {
      unit: "percent",
      threshold: ind.thresholdPercent,
      text: `ไม่น้อยกว่าร้อยละ ${ind.thresholdPercent}`,
      valueLabel: "ร้อยละ",
    };
  if (ind.minimumCount != null)
    return {
      unit: "count",
      threshold: ind.minimumCount,
      text: `อย่างน้อย ${ind.minimumCount.toLocaleString("en-US")}`,
      valueLabel: "จำนวน",
    };
  return {
    unit: "achieved",
    threshold: null,
    text: "ดำเนินการได้ตามตัวชี้วัด (พิจารณาจากหลักฐาน)",
    valueLabel: "ผลการดำเนินการ",
  };
}

/** A decimal as whole hundredths, so 84.99 vs 85 and 29.999… vs 30 are decided in integers. */
export function toHundredths(value: number): number {
  return Math.round(value * 100);
}

type EntryFacts = { value: number | null; achieved: boolean | null; participants?: number | null };

export function entryMeets(rule: EntryRule, entry: EntryFacts): boolean {
  if (rule.unit === "achieved") return entry.achieved === true;
  if (rule.unit === "every")
    return (
      entry.value != null && entry.participants != null && entry.participants > 0 && entry.value >= entry.participants
    );
  if (entry.value == null || rule.threshold == null) return false;
  // Levels are stored as their index in RATING_LEVELS: a lower index is a better level.
  if (rule.unit === "level") return entry.value <= rule.threshold;
  if (rule.unit === "share") return shareMeets(entry.value, entry.participants ?? 0, rule.threshold);
  if (rule.unit === "count") return Math.trunc(entry.value) >= rule.threshold;
  return toHundredths(entry.value) >= toHundredths(rule.threshold);
}

/** Latest entry meets the rule → met; otherwise in progress while the year runs, not met after; none → no data. */
export function entryStatus(rule: EntryRule, latest: EntryFacts | null, yearClosed: boolean): IndicatorStatus {
  if (!latest) return "no_data";
  if (rule.unit === "share" && rule.threshold == null) return "not_judged";
  if (entryMeets(rule, latest)) return "met";
  return yearClosed ? "not_met" : "in_progress";
}

export function entryValueText(rule: EntryRule, entry: EntryFacts): string {
  const n = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });
  switch (rule.unit) {
    case "share": {
      if (entry.value == null || !entry.participants) return "—";
      const percent = Math.round((entry.value * 1000) / entry.participants) / 10;
      return `ผ่าน ${n(entry.value)} จาก ${n(entry.participants)} คน (ร้อยละ ${percent})`;
    }
    case "every":
      return entry.value == null || entry.participants == null
        ? "—"
        : `${n(entry.value)} จาก ${n(entry.participants)} ครั้ง`;
    case "level":
      return entry.value == null ? "—" : `ระดับ${RATING_LEVELS[entry.value] ?? "—"}`;
    case "achieved":
      return entry.achieved ? "ดำเนินการแล้ว" : "ยังไม่บรรลุ";
    case "score":
      return entry.value == null ? "—" : `คะแนน ${n(entry.value)}`;
    case "reduction":
      return entry.value == null ? "—" : `ลดลงร้อยละ ${n(entry.value)}`;
    case "percent":
      return entry.value == null ? "—" : `ร้อยละ ${n(entry.value)}`;
    case "count":
      return entry.value == null ? "—" : n(entry.value);
  }
}

// Evidence files: what HR may upload, recognised by content (magic bytes), not by the name's extension.

export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_ACCEPT = ".pdf,.jpg,.jpeg,.png,.doc,.docx,.xls,.xlsx";

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);
function contains(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The file's real type from its first bytes; null for anything not PDF, JPEG, PNG, Word or Excel. */
export function sniffEvidenceType(bytes: Uint8Array, fileName: string): string | null {
  const ext = fileName.toLowerCase().split(".").pop() ?? "";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Old Office compound files look alike; the extension tells Word from Excel.
    if (ext === "doc") return "application/msword";
    if (ext === "xls") return "application/vnd.ms-excel";
    return null;
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // A ZIP is only accepted when it holds a Word or Excel document's parts.
    if (ext === "docx" && contains(bytes, "word/"))
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (ext === "xlsx" && contains(bytes, "xl/"))
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return null;
  }
  return null;
}

/**
 * Decision 013, "the newest entry wins": given one indicator's entries newest first, marks the one in force for each
 * fiscal year (`current`); the older entries of that year stay in the history as superseded.
 */
export function markCurrentEntries<E extends { fiscalYear: number }>(
  newestFirst: readonly E[],
): (E & { current: boolean })[] {
  const seen = new Set<number>();
  return newestFirst.map((entry) => {
    const current = !seen.has(entry.fiscalYear);
    seen.add(entry.fiscalYear);
    return { ...entry, current };
  });
}
