import { describe, expect, it } from "vitest";
import { normalizeDate, parseCsv } from "~/domain/csv-parse";
import { toCsv } from "~/utils/csv";

describe("CSV", () => {
  it("parses quotes, commas and new lines in fields, CRLF and a BOM", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","he said ""hi"""\n"two\nlines",\n')).toEqual([
      ["a", "b"],
      ["x, y", 'he said "hi"'],
      ["two\nlines", ""],
    ]);
  });

  it("reads back what the exports write", () => {
    const rows = [
      ["เลขประจำตัว", "ชื่อ"],
      ["1", 'นาง "ก", ข'],
      ["=2", "ค\nง"],
    ];
    const parsed = parseCsv(toCsv(rows[0]!, rows.slice(1)));
    expect(parsed[0]).toEqual(rows[0]);
    expect(parsed[1]).toEqual(rows[1]);
    expect(parsed[2]).toEqual(["'=2", "ค\nง"]); // formula guard kept
  });

  it("skips blank lines", () => {
    expect(parseCsv("a\n\n,\nb\n")).toEqual([["a"], ["b"]]);
  });
});

describe("dates in imports", () => {
  it("accepts Buddhist-era and common-era ISO dates and refuses impossible ones", () => {
    expect(normalizeDate("2569-10-01")).toBe("2026-10-01");
    expect(normalizeDate("2026-10-1")).toBe("2026-10-01");
    expect(normalizeDate("2569-02-30")).toBeNull();
    expect(normalizeDate("1/10/2569")).toBeNull();
  });
});
