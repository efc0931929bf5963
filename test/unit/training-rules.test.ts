import { describe, expect, it } from "vitest";
import { assignmentYearLock, courseDueDate } from "~/domain/course-assignments";
import { formatThaiDate } from "~/domain/thai-date";
import { isoDate, parseRosterFilter, rosterRowMatches } from "~/domain/training-report";

const row = { status: "not_started" as const, name: "นางสาวพิมพ์ชนก วงศ์ลำปาง", employeeNumber: "100002", divisionId: 7 };
const none = { status: "" as const, q: "", divisionIds: null };

describe("HR roster filter", () => {
  it("matches a name typed with or without spaces, an employee number, a status and a division", () => {
    expect(rosterRowMatches(row, { ...none, q: "พิมพ์ชนก วงศ์" })).toBe(true);
    expect(rosterRowMatches(row, { ...none, q: "พิมพ์ชนกวงศ์ลำปาง" })).toBe(true);
    expect(rosterRowMatches(row, { ...none, q: "100002" })).toBe(true);
    expect(rosterRowMatches(row, { ...none, q: "สมชาย" })).toBe(false);
    expect(rosterRowMatches(row, { ...none, status: "passed" })).toBe(false);
    expect(rosterRowMatches(row, { ...none, divisionIds: new Set([7, 8]) })).toBe(true);
    expect(rosterRowMatches(row, { ...none, divisionIds: new Set([8]) })).toBe(false);
  });

  it("reads the URL, ignoring unknown statuses and bad divisions", () => {
    expect(parseRosterFilter(new URLSearchParams("status=passed&division=12&q=%20%20สม%20%20ชาย%20"))).toEqual({
      status: "passed",
      q: "สม ชาย",
      division: 12,
    });
    expect(parseRosterFilter(new URLSearchParams("status=drop&division=-1"))).toEqual({
      status: "",
      q: "",
      division: null,
    });
  });
});

describe("dates and years", () => {
  it("writes ISO dates in Bangkok time", () => {
    expect(isoDate(new Date("2026-09-30T17:30:00Z"))).toBe("2026-10-01");
    expect(isoDate(new Date("2026-09-30T16:59:00Z"))).toBe("2026-09-30");
  });

  it("makes earlier and closed years read-only, with a Thai reason", () => {
    expect(assignmentYearLock(2570, 2570, false)).toBeNull();
    expect(assignmentYearLock(2569, 2570, false)).toContain("ผ่านไปแล้ว");
    expect(assignmentYearLock(2570, 2570, true)).toContain("ปิดและบันทึกผลแล้ว");
  });

  it("puts a course's due date on the last day of its fiscal year unless a group sets its own", () => {
    expect(formatThaiDate(courseDueDate(2570))).toBe("30 กันยายน 2570");
    const own = new Date("2026-06-30T10:00:00Z");
    expect(courseDueDate(2570, [null, own]).getTime()).toBe(own.getTime());
  });
});
