import { describe, expect, it } from "vitest";
import { sharePercent } from "~/domain/indicators";
import { formatCount, formatPercent, formatShare, percentOf } from "~/domain/numbers";

describe("one formatter for numbers (issue 12, item 9)", () => {
  it("rounds percentages half-up to one decimal instead of truncating", () => {
    expect(percentOf(2, 12)).toBe(16.7);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(1, 16)).toBe(6.3); // 6.25 rounds up
    expect(percentOf(400, 500)).toBe(80);
    expect(percentOf(0, 0)).toBeNull();
    expect(sharePercent(2, 12)).toBe(16.7);
    expect(formatPercent(2, 12)).toBe("16.7%");
    expect(formatPercent(5, 0)).toBe("—");
  });

  it("puts thousands separators on counts and never shows 0/0 (0%)", () => {
    expect(formatCount(2092)).toBe("2,092");
    expect(formatCount(1_000_000)).toBe("1,000,000");
    expect(formatShare(2092, 2500, "ครั้ง")).toBe("2,092/2,500 ครั้ง (83.7%)");
    expect(formatShare(0, 0)).toBe("ไม่มีผู้อยู่ในกลุ่มเป้าหมาย");
    expect(formatShare(0, 0)).not.toContain("0/0");
  });
});
