import { describe, expect, it } from "vitest";
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange, isInFiscalYear } from "~/domain/fiscal-year";

describe("fiscalYearOf", () => {
  it("puts 25 Nov 2026 (CE) in fiscal year 2570", () => {
    expect(fiscalYearOf(new Date("2026-11-25T10:00:00Z"))).toBe(2570);
  });

  it("starts a fiscal year at midnight of 1 October in Bangkok, not in UTC", () => {
    // 30 Sep 2026 23:59 in Bangkok is still FY 2569; 1 Oct 00:00 Bangkok (30 Sep 17:00 UTC) is FY 2570.
    expect(fiscalYearOf(new Date("2026-09-30T16:59:59Z"))).toBe(2569);
    expect(fiscalYearOf(new Date("2026-09-30T17:00:00Z"))).toBe(2570);
  });

  it("keeps January to September in the fiscal year of the same BE year", () => {
    expect(fiscalYearOf(new Date("2023-01-15T00:00:00Z"))).toBe(2566);
    expect(fiscalYearOf(new Date("2023-09-15T00:00:00Z"))).toBe(2566);
    expect(fiscalYearOf(new Date("2023-10-15T00:00:00Z"))).toBe(2567);
  });
});

describe("fiscalYearRange", () => {
  it("runs FY 2570 from 1 Oct 2569 BE (2026 CE) to 30 Sep 2570 BE (2027 CE) in Bangkok time", () => {
    const { start, end } = fiscalYearRange(2570);
    expect(start.toISOString()).toBe("2026-09-30T17:00:00.000Z");
    expect(end.toISOString()).toBe("2027-09-30T17:00:00.000Z");
  });

  it("agrees with fiscalYearOf at both edges", () => {
    for (const year of [2566, 2567, 2568, 2569, 2570]) {
      const { start, end } = fiscalYearRange(year);
      expect(fiscalYearOf(start)).toBe(year);
      expect(fiscalYearOf(new Date(end.getTime() - 1))).toBe(year);
      expect(isInFiscalYear(start, year)).toBe(true);
      expect(isInFiscalYear(end, year)).toBe(false);
    }
  });

  it("refuses a fractional year", () => {
    expect(() => fiscalYearRange(2569.5)).toThrow();
  });

  it("labels a year in Thai", () => {
    expect(fiscalYearLabel(2570)).toBe("ปีงบประมาณ 2570");
  });
});
