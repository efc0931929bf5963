import { describe, expect, it } from "vitest";
import { countStatus, inGroup, shareMeets, sharePercent, shareStatus } from "~/domain/indicators";

describe("share-of-population indicators", () => {
  it("meets 80% at exactly 400 of 500 and not at 399", () => {
    expect(shareMeets(400, 500, 80)).toBe(true);
    expect(shareMeets(399, 500, 80)).toBe(false);
    expect(sharePercent(399, 500)).toBe(79.8);
  });

  it("never rounds a share up to the threshold", () => {
    // 7999/10000 = 79.99%: shown as 79.9, and not met.
    expect(sharePercent(7999, 10000, 80)).toBe(79.9);
    expect(sharePercent(7999, 10000)).toBe(80); // without a threshold it rounds like every other percentage
    expect(shareMeets(7999, 10000, 80)).toBe(false);
  });

  it("handles tiny and empty populations", () => {
    expect(shareMeets(1, 1, 80)).toBe(true);
    expect(shareMeets(0, 1, 80)).toBe(false);
    expect(shareMeets(0, 0, 80)).toBe(false);
    expect(sharePercent(0, 0)).toBeNull();
    expect(shareMeets(4, 5, 80)).toBe(true);
    expect(shareMeets(3, 4, 80)).toBe(false);
    expect(shareMeets(5, 5, 100)).toBe(true);
    expect(shareMeets(499, 500, 100)).toBe(false);
  });

  it("is in progress during the year and not met after it; no data without participants or population", () => {
    const r = { numerator: 3, denominator: 5, thresholdPercent: 80, participants: 4 };
    expect(shareStatus({ ...r, yearClosed: false })).toBe("in_progress");
    expect(shareStatus({ ...r, yearClosed: true })).toBe("not_met");
    expect(shareStatus({ ...r, numerator: 4, yearClosed: false })).toBe("met");
    expect(shareStatus({ ...r, participants: 0, yearClosed: true })).toBe("no_data");
    expect(shareStatus({ ...r, numerator: 0, denominator: 0, yearClosed: true })).toBe("no_data");
  });
});

describe("count indicators", () => {
  it("meet at the minimum", () => {
    expect(countStatus({ count: 1, minimumCount: 1, yearClosed: false })).toBe("met");
    expect(countStatus({ count: 0, minimumCount: 1, yearClosed: false })).toBe("in_progress");
    expect(countStatus({ count: 0, minimumCount: 1, yearClosed: true })).toBe("not_met");
  });
});

describe("target group rules", () => {
  const officer = { personnelType: "municipal_officer", divisionId: 7, position: "นายช่างโยธา" };
  it("match on personnel type, division and position; empty rules match everyone", () => {
    expect(inGroup(officer, { personnelTypes: [], divisionIds: null, positionIncludes: null })).toBe(true);
    expect(inGroup(officer, { personnelTypes: ["teacher"], divisionIds: null, positionIncludes: null })).toBe(false);
    expect(
      inGroup(officer, { personnelTypes: ["municipal_officer"], divisionIds: [7, 8], positionIncludes: "ช่าง" }),
    ).toBe(true);
    expect(inGroup(officer, { personnelTypes: [], divisionIds: [9], positionIncludes: null })).toBe(false);
    expect(inGroup(officer, { personnelTypes: [], divisionIds: null, positionIncludes: "วิศวกร" })).toBe(false);
  });
});
