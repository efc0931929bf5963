import path from "node:path";
import { describe, expect, it } from "vitest";
import { giftRules, loadGiftRulesFile } from "~/content/gift-rules.server";
import { ContentError } from "~/content/yaml-file.server";
import {
  assessGift,
  formatSatang,
  giftStatus,
  isOverdue,
  noGiftCompliant,
  parseBahtToSatang,
  type GiftFacts,
} from "~/domain/gift-rules";
import { reviewProblem, yearlyAnswerProblem } from "~/domain/declarations";
import fs from "node:fs";
import os from "node:os";

const rules = giftRules();
const facts = (over: Partial<GiftFacts> = {}): GiftFacts => ({
  relative: false,
  toGeneralPublic: false,
  giverHasBusiness: false,
  valueSatang: 300000,
  outcome: "accepted",
  receivedOn: "2026-01-01",
  ...over,
});

describe("money in satang", () => {
  it("reads baht with up to two decimals exactly and refuses the rest", () => {
    expect(parseBahtToSatang("3000")).toBe(300000);
    expect(parseBahtToSatang("3,000.01")).toBe(300001);
    expect(parseBahtToSatang("0.1")).toBe(10);
    for (const bad of ["-1", "3000.001", "abc", "", "1e5"]) expect(parseBahtToSatang(bad)).toBeNull();
    expect(formatSatang(300001)).toBe("3,000.01");
  });
});

describe("the gift rules (content/rules/gifts.yaml)", () => {
  it("allows 3,000.00 baht from a non-relative and asks for a report at 3,000.01", () => {
    const at = assessGift(facts({ valueSatang: 300000 }), rules);
    expect([at.verdict, at.ruleCode, at.mustReport]).toEqual(["allowed", "within-limit", false]);
    const over = assessGift(facts({ valueSatang: 300001 }), rules);
    expect([over.verdict, over.ruleCode, over.mustReport, over.reportDueOn]).toEqual([
      "report",
      "beyond-limit",
      true,
      "2026-01-31",
    ]);
    expect(over.message).toContain("ต้องรายงานผู้บังคับบัญชาภายใน ๓๐ วัน");
    expect(over.sources.join()).toContain("มาตรา ๑๒๘");
  });
  it("allows any value from a relative by affection, but not from a non-relative", () => {
    expect(assessGift(facts({ relative: true, valueSatang: 5_000_000 }), rules).verdict).toBe("allowed");
    expect(assessGift(facts({ relative: false, valueSatang: 5_000_000 }), rules).verdict).toBe("report");
  });
  it("allows what is given to the general public", () => {
    expect(assessGift(facts({ toGeneralPublic: true, valueSatang: 900000 }), rules).ruleCode).toBe("general-public");
  });
  it("lets the stricter municipal rule win: nothing from people with business before the municipality", () => {
    const small = assessGift(facts({ giverHasBusiness: true, valueSatang: 10000 }), rules);
    expect([small.verdict, small.ruleCode]).toEqual(["report", "business-with-municipality"]);
    expect(assessGift(facts({ giverHasBusiness: true, relative: true, valueSatang: 10000 }), rules).verdict).toBe(
      "report",
    );
  });
  it("needs no report for a gift declined or returned", () => {
    const declined = assessGift(facts({ valueSatang: 900000, outcome: "declined" }), rules);
    expect([declined.verdict, declined.mustReport]).toEqual(["not_received", false]);
  });
  it("rejects a rules file citing an unknown source, with file, line and field", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gifts-"));
    const text = fs
      .readFileSync(path.resolve("content/rules/gifts.yaml"), "utf8")
      .replace("sources: [lampang-no-gift]", "sources: [no-such-law]");
    fs.writeFileSync(path.join(dir, "gifts.yaml"), text);
    expect(() => loadGiftRulesFile(path.join(dir, "gifts.yaml"))).toThrow(ContentError);
    expect(() => loadGiftRulesFile(path.join(dir, "gifts.yaml"))).toThrow(
      /gifts\.yaml:\d+: stricter\.0\.sources\.0: ไม่พบที่มา "no-such-law"/,
    );
  });
});

describe("the 30-day deadline in Bangkok time", () => {
  const report = {
    mustReport: true,
    reportDueOn: "2026-01-31",
    recordedAt: new Date("2026-01-02T03:00:00Z"),
    decidedAt: null,
    supersededAt: null,
  };
  it("is on time through day 30 and overdue from day 31, by the Bangkok calendar", () => {
    // 31 Jan 23:59 in Bangkok is 16:59 UTC: still day 30.
    expect(isOverdue(report, new Date("2026-01-31T16:59:59Z"))).toBe(false);
    // 1 Feb 00:00 in Bangkok is 31 Jan 17:00 UTC: day 31, although it is still 31 January in UTC.
    expect(isOverdue(report, new Date("2026-01-31T17:00:00Z"))).toBe(true);
    expect(giftStatus(report, new Date("2026-01-31T17:00:00Z"))).toBe("overdue");
  });
  it("is never overdue once decided or when nothing had to be reported", () => {
    expect(
      isOverdue({ ...report, decidedAt: new Date("2026-02-10T00:00:00Z") }, new Date("2026-03-01T00:00:00Z")),
    ).toBe(false);
    expect(isOverdue({ ...report, mustReport: false }, new Date("2026-03-01T00:00:00Z"))).toBe(false);
  });
  it("counts a late report against the yearly declaration", () => {
    expect(noGiftCompliant("listed", [report])).toBe(true);
    expect(noGiftCompliant("listed", [{ ...report, recordedAt: new Date("2026-01-31T17:00:00Z") }])).toBe(false);
    expect(noGiftCompliant("none", [])).toBe(true);
  });
});

describe("declaration rules", () => {
  it("wants a reason for managed or recusal, and recusal for a declared conflict on a case", () => {
    expect(reviewProblem({ kind: "yearly", hasConflict: true }, "managed", "")).toMatch(/เหตุผล/);
    expect(reviewProblem({ kind: "case", hasConflict: true }, "no_conflict", "")).toMatch(/งดเว้น/);
    expect(reviewProblem({ kind: "case", hasConflict: true }, "recusal", "ให้งดเว้นการพิจารณา")).toBeNull();
  });
  it("takes 'nothing to declare' or at least one interest, not both and not neither", () => {
    expect(yearlyAnswerProblem({ nothingToDeclare: true })).toBeNull();
    expect(yearlyAnswerProblem({ nothingToDeclare: false })).not.toBeNull();
    expect(yearlyAnswerProblem({ nothingToDeclare: true, businesses: "ร้านวัสดุ" })).not.toBeNull();
    expect(yearlyAnswerProblem({ nothingToDeclare: false, businesses: "ร้านวัสดุ" })).toBeNull();
  });
});
