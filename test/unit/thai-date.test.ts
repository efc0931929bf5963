import { describe, expect, it } from "vitest";
import {
  bangkokCalendarDate,
  bangkokMidnightUtc,
  formatThaiDate,
  formatThaiDateShort,
  formatThaiDateTime,
  toBuddhistYear,
  toCommonEraYear,
} from "~/domain/thai-date";

describe("Thai dates", () => {
  it("shows the Buddhist-era year and the Thai month name", () => {
    expect(formatThaiDate(new Date("2026-11-25T03:00:00Z"))).toBe("25 พฤศจิกายน 2569");
    expect(formatThaiDateShort(new Date("2026-11-25T03:00:00Z"))).toBe("25 พ.ย. 2569");
  });

  it("uses Bangkok's calendar day, not UTC's", () => {
    // 17:30 UTC on 25 Nov is 00:30 on 26 Nov in Bangkok.
    expect(formatThaiDate("2026-11-25T17:30:00Z")).toBe("26 พฤศจิกายน 2569");
    expect(formatThaiDateTime("2026-11-25T17:30:00Z")).toBe("26 พ.ย. 2569 00:30 น.");
    expect(bangkokCalendarDate("2026-11-25T17:30:00Z")).toEqual({ year: 2026, month: 11, day: 26 });
  });

  it("gives the same text whatever the process time zone is (server and browser agree)", () => {
    const value = "2024-02-29T20:15:00Z";
    expect(formatThaiDateTime(value)).toBe("1 มี.ค. 2567 03:15 น.");
  });

  it("gives the same calendar date as the time-zone database, around every Bangkok midnight for years", () => {
    const zone = new Intl.DateTimeFormat("en-US", {
      timeZone: "Asia/Bangkok",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    const fromZone = (instant: Date) => {
      const parts = zone.formatToParts(instant);
      const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      return { year: get("year"), month: get("month"), day: get("day") };
    };
    // One instant just before and one just after each Bangkok midnight (17:00 UTC), 2019–2031 (leap years included).
    for (let t = Date.UTC(2019, 0, 1, 17); t < Date.UTC(2031, 0, 1); t += 86_400_000) {
      for (const instant of [new Date(t - 1), new Date(t)])
        expect(bangkokCalendarDate(instant)).toEqual(fromZone(instant));
    }
  });

  it("converts between eras", () => {
    expect(toBuddhistYear(2026)).toBe(2569);
    expect(toCommonEraYear(2570)).toBe(2027);
  });

  it("gives midnight in Bangkok as a UTC instant", () => {
    expect(bangkokMidnightUtc(2026, 10, 1).toISOString()).toBe("2026-09-30T17:00:00.000Z");
  });
});
