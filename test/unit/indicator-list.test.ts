import { describe, expect, it } from "vitest";
import {
  INDICATOR_TEXT_SHOWN,
  excerpt,
  forDivision,
  indicatorList,
  indicatorListFilters,
  type ListedIndicator,
} from "~/domain/indicator-list";

// The /indicators list's rules (issue 10): they live in app/domain, not in the route.

const knowledge = (over: Partial<ListedIndicator> = {}): ListedIndicator => ({
  kind: "knowledge",
  dimension: 1,
  rule: "ผู้ผ่านแบบทดสอบหลังเรียน ไม่น้อยกว่าร้อยละ 80",
  numerator: 9,
  denominator: 10,
  value: 90,
  status: "met",
  secondary: { label: "คะแนนเพิ่มขึ้น" },
  byDivision: [
    { divisionId: 7, numerator: 3, denominator: 4, participants: 4 },
    { divisionId: 8, numerator: 6, denominator: 6, participants: 6 },
  ],
  ...over,
});
const count: ListedIndicator = {
  kind: "count",
  dimension: 2,
  rule: "จำนวนครั้ง",
  numerator: 5,
  denominator: null,
  value: 5,
  status: "met",
  byDivision: [],
};

describe("the indicators list", () => {
  it("reads its filters from the query string; anything unknown means all", () => {
    expect(indicatorListFilters(new URLSearchParams("dimension=2&status=not_met&division=7"))).toEqual({
      dimension: 2,
      status: "not_met",
      division: 7,
    });
    expect(indicatorListFilters(new URLSearchParams("dimension=x&status=bogus&division=-3"))).toEqual({
      dimension: null,
      status: "",
      division: null,
    });
  });

  it("scopes a knowledge indicator to one unit's share, without the whole-population gain; other kinds stay", () => {
    const unit = forDivision(knowledge(), 7, false);
    expect([unit.numerator, unit.denominator, unit.value, unit.status, unit.secondary]).toEqual([
      3,
      4,
      75,
      "in_progress",
      undefined,
    ]);
    expect(forDivision(knowledge(), 99, false).status).toBe("no_data");
    expect(forDivision(knowledge(), 7, true).status).toBe("not_met");
    expect(forDivision(count, 7, false)).toBe(count);
  });

  it("counts statuses after scoping and before the dimension and status filters", () => {
    const all = [knowledge(), count];
    const scoped = indicatorList(all, { dimension: null, status: "met", division: 7 }, false);
    expect(scoped.counts.met).toBe(1);
    expect(scoped.counts.in_progress).toBe(1);
    expect(scoped.rows).toEqual([count]);
    expect(indicatorList(all, { dimension: 1, status: "", division: null }, false).rows).toHaveLength(1);
  });
});

describe("the list's excerpt of an indicator's text", () => {
  it("keeps a text of at most the shown length and cuts a longer one with an ellipsis", () => {
    const shown = "ก".repeat(INDICATOR_TEXT_SHOWN);
    expect(excerpt(shown, INDICATOR_TEXT_SHOWN)).toBe(shown);
    expect(excerpt(`${shown}ข`, INDICATOR_TEXT_SHOWN)).toBe(`${shown}…`);
    expect(excerpt("", INDICATOR_TEXT_SHOWN)).toBe("");
  });
});
