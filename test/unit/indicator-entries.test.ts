import { describe, expect, it } from "vitest";
import {
  acceptsEntries,
  entryMeets,
  entryRule,
  entryStatus,
  entryValueText,
  sniffEvidenceType,
  toHundredths,
  MAX_EVIDENCE_BYTES,
} from "~/domain/indicator-entries";
import { indicatorEntrySchema } from "~/schemas/indicator-entry";
import { improvedOnPreTest } from "~/domain/indicators";

const rule = (r: { kind?: string; thresholdPercent?: number; minimumCount?: number; minimumScore?: number }) =>
  entryRule({
    kind: r.kind ?? "manual",
    thresholdPercent: r.thresholdPercent ?? null,
    minimumCount: r.minimumCount ?? null,
    minimumScore: r.minimumScore ?? null,
  });
const v = (value: number | null, achieved: boolean | null = null) => ({ value, achieved });

describe("which indicators HR records by hand", () => {
  it("takes manual ones, counts the app cannot count, and citizens' surveys, not item 19's staff survey", () => {
    expect(acceptsEntries({ itemNumber: 15, kind: "manual", instrument: "ita-score" })).toBe(true);
    expect(acceptsEntries({ itemNumber: 1, kind: "count", instrument: "training-sessions" })).toBe(true);
    expect(acceptsEntries({ itemNumber: 30, kind: "count", instrument: "delegation-orders" })).toBe(false);
    expect(acceptsEntries({ itemNumber: 15, kind: "count", instrument: "announcement" })).toBe(false);
    expect(acceptsEntries({ itemNumber: 13, kind: "survey", instrument: "public-awareness-survey" })).toBe(true);
    expect(acceptsEntries({ itemNumber: 19, kind: "survey", instrument: "satisfaction-survey" })).toBe(false);
    // Item 37's counts are read from the fraud-risk register, not typed in; its complaint indicator still is.
    expect(acceptsEntries({ itemNumber: 37, kind: "count", instrument: "risk-register-measures" })).toBe(false);
    expect(acceptsEntries({ itemNumber: 37, kind: "manual", instrument: "complaint-records" })).toBe(true);
    expect(acceptsEntries({ itemNumber: 19, kind: "manual", instrument: "complaint-records" })).toBe(true);
    expect(acceptsEntries({ itemNumber: 5, kind: "knowledge", instrument: "post-test" })).toBe(false);
    expect(acceptsEntries({ itemNumber: 16, kind: "attestation", instrument: "acknowledgement" })).toBe(false);
  });

  it("reads the unit from the rule", () => {
    expect(rule({ minimumScore: 85 }).unit).toBe("score");
    expect(rule({ thresholdPercent: 30 }).unit).toBe("reduction");
    expect(rule({ kind: "survey", thresholdPercent: 75 }).unit).toBe("percent");
    expect(rule({ minimumCount: 1000 }).unit).toBe("count");
    expect(rule({}).unit).toBe("achieved");
  });
});

describe("judging an entry", () => {
  it("meets an ITA score of 85 at 85 and not at 84.99", () => {
    const ita = rule({ minimumScore: 85 });
    expect(entryMeets(ita, v(85))).toBe(true);
    expect(entryMeets(ita, v(84.99))).toBe(false);
    expect(entryMeets(ita, v(85.01))).toBe(true);
  });

  it("meets a 30% reduction at exactly 30, decided in hundredths without float surprises", () => {
    const fuel = rule({ thresholdPercent: 30 });
    expect(entryMeets(fuel, v(30))).toBe(true);
    expect(entryMeets(fuel, v(29.99))).toBe(false);
    // 0.1 + 0.2 is 0.30000000000000004 in floats; 100 - 70 stays exactly 30 either way.
    expect(toHundredths(0.1 + 0.2)).toBe(30);
    expect(entryMeets(rule({ thresholdPercent: 5 }), v(4.9999999999))).toBe(true); // 5.00 in hundredths
    expect(entryMeets(fuel, v(-3))).toBe(false);
  });

  it("meets 1,000 participants at 1000 and not at 999", () => {
    const turnout = rule({ minimumCount: 1000 });
    expect(entryMeets(turnout, v(1000))).toBe(true);
    expect(entryMeets(turnout, v(999))).toBe(false);
  });

  it("takes HR's yes/no for indicators without a numeric rule", () => {
    const plan = rule({});
    expect(entryMeets(plan, v(null, true))).toBe(true);
    expect(entryMeets(plan, v(null, false))).toBe(false);
  });

  it("is met, in progress while the year runs, not met after it, and no data without an entry", () => {
    const ita = rule({ minimumScore: 85 });
    expect(entryStatus(ita, v(90), false)).toBe("met");
    expect(entryStatus(ita, v(80), false)).toBe("in_progress");
    expect(entryStatus(ita, v(80), true)).toBe("not_met");
    expect(entryStatus(ita, null, true)).toBe("no_data");
    expect(entryValueText(ita, v(86.5))).toBe("คะแนน 86.5");
    expect(entryValueText(rule({ thresholdPercent: 30 }), v(31.25))).toBe("ลดลงร้อยละ 31.25");
  });
});

describe("the entry form", () => {
  const base = { fiscalYear: "2569", note: "", evidenceUrl: "https://itas.nacc.go.th/result", evidenceFile: 0 };

  it("requires evidence: an http(s) link or a file", () => {
    const schema = indicatorEntrySchema("score");
    expect(schema.safeParse({ ...base, value: "86.5" }).success).toBe(true);
    const none = schema.safeParse({ ...base, value: "86.5", evidenceUrl: "" });
    expect(none.success).toBe(false);
    expect(none.error?.issues[0]?.message).toContain("กรุณาแนบหลักฐาน");
    expect(schema.safeParse({ ...base, value: "86.5", evidenceUrl: "", evidenceFile: 1234 }).success).toBe(true);
    expect(schema.safeParse({ ...base, value: "86.5", evidenceUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(
      schema.safeParse({ ...base, value: "86.5", evidenceUrl: "", evidenceFile: MAX_EVIDENCE_BYTES + 1 }).success,
    ).toBe(false);
  });

  it("takes whole counts only, scores within 0–100 with two decimals, and plan years only", () => {
    expect(indicatorEntrySchema("count").safeParse({ ...base, value: "999.5" }).success).toBe(false);
    expect(indicatorEntrySchema("count").safeParse({ ...base, value: "1000" }).success).toBe(true);
    expect(indicatorEntrySchema("score").safeParse({ ...base, value: "101" }).success).toBe(false);
    expect(indicatorEntrySchema("score").safeParse({ ...base, value: "84.999" }).success).toBe(false);
    expect(indicatorEntrySchema("score").safeParse({ ...base, value: "85", fiscalYear: "2565" }).success).toBe(false);
    expect(indicatorEntrySchema("achieved").safeParse({ ...base }).success).toBe(false);
    expect(indicatorEntrySchema("achieved").safeParse({ ...base, achieved: "yes" }).success).toBe(true);
  });
});

describe("evidence file types", () => {
  const bytes = (...parts: (number[] | string)[]) =>
    new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

  it("recognises PDF, JPEG, PNG, Word and Excel by their first bytes", () => {
    expect(sniffEvidenceType(bytes("%PDF-1.7\n"), "report.pdf")).toBe("application/pdf");
    expect(sniffEvidenceType(bytes([0xff, 0xd8, 0xff, 0xe0]), "photo.jpg")).toBe("image/jpeg");
    expect(sniffEvidenceType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "chart.png")).toBe("image/png");
    expect(sniffEvidenceType(bytes([0x50, 0x4b, 0x03, 0x04], "....word/document.xml"), "report.docx")).toContain(
      "wordprocessingml",
    );
    expect(sniffEvidenceType(bytes([0x50, 0x4b, 0x03, 0x04], "....xl/workbook.xml"), "data.xlsx")).toContain(
      "spreadsheetml",
    );
    expect(sniffEvidenceType(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "old.xls")).toBe(
      "application/vnd.ms-excel",
    );
  });

  it("refuses a renamed file whose content is something else", () => {
    expect(sniffEvidenceType(bytes("<html><script>"), "evidence.pdf")).toBeNull();
    expect(sniffEvidenceType(bytes("MZ\x90\x00"), "scan.jpg")).toBeNull();
    expect(sniffEvidenceType(bytes([0x50, 0x4b, 0x03, 0x04], "....payload.js"), "report.docx")).toBeNull();
  });
});

describe("pre/post-test gain (decision 038)", () => {
  it("needs a normalised gain of at least 30% from below the pass mark, compared as fractions", () => {
    expect(improvedOnPreTest({ correct: 9, total: 15 }, { correct: 12, total: 15 }, 80)).toBe(true); // closes 50% of the gap
    expect(improvedOnPreTest({ correct: 5, total: 10 }, { correct: 6, total: 10 }, 80)).toBe(false); // one more right answer: 20%
    expect(improvedOnPreTest({ correct: 5, total: 10 }, { correct: 7, total: 10 }, 80)).toBe(true); // 40%
    expect(improvedOnPreTest({ correct: 0, total: 10 }, { correct: 3, total: 10 }, 80)).toBe(true); // exactly 30%
    expect(improvedOnPreTest({ correct: 0, total: 10 }, { correct: 2, total: 10 }, 80)).toBe(false); // 20%
    expect(improvedOnPreTest({ correct: 6, total: 12 }, { correct: 9, total: 15 }, 80)).toBe(false); // 50% → 60%: 20% of the gap
    expect(improvedOnPreTest({ correct: 0, total: 0 }, { correct: 12, total: 15 }, 80)).toBe(false);
  });

  it("counts holding the pass mark as improved for those already at or above it before training", () => {
    expect(improvedOnPreTest({ correct: 12, total: 15 }, { correct: 12, total: 15 }, 80)).toBe(true);
    expect(improvedOnPreTest({ correct: 10, total: 10 }, { correct: 8, total: 10 }, 80)).toBe(true); // a perfect pre-test can still count
    expect(improvedOnPreTest({ correct: 10, total: 10 }, { correct: 7, total: 10 }, 80)).toBe(false);
    expect(improvedOnPreTest({ correct: 8, total: 10 }, { correct: 11, total: 15 }, 80)).toBe(false); // 73.3% fell below the mark
  });
});
