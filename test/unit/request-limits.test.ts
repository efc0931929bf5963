import { describe, expect, it } from "vitest";
import { MAX_EVIDENCE_BYTES } from "~/domain/indicator-entries";
import { isoDayParam, pageParam, parseId } from "~/utils/params.server";
import { BODY_LIMITS, bodyLimitFor } from "../../request-limits.mjs";

describe("the body limit table (request-limits.mjs)", () => {
  it("gives upload routes room for their own file limit, and ordinary forms at most 64 KB", () => {
    expect(bodyLimitFor("/plan/items/7")).toBeGreaterThan(MAX_EVIDENCE_BYTES + 64 * 1024);
    expect(bodyLimitFor("/admin/people/import")).toBeGreaterThan(2_000_000 + 64 * 1024);
    expect(bodyLimitFor("/login")).toBeLessThanOrEqual(16 * 1024);
    expect(bodyLimitFor("/account")).toBe(64 * 1024);
    expect(bodyLimitFor("/salary/survey")).toBe(64 * 1024);
    expect(bodyLimitFor("/policies/new")).toBeGreaterThanOrEqual(50_000 * 9);
    expect((BODY_LIMITS as { path: RegExp }[]).at(-1)!.path.test("/anything/at/all")).toBe(true);
  });
});

describe("route and query parameters", () => {
  it("takes ids from 1 to 2³¹−1 written plainly, nothing else", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("2147483647")).toBe(2147483647);
    for (const bad of [
      "2147483648",
      "0",
      "-1",
      "1.5",
      "1e3",
      "0x10",
      " 1",
      "01",
      "",
      undefined,
      "99999999999999999999",
    ]) {
      expect(parseId(bad), String(bad)).toBeNull();
    }
  });

  it("reads ?page= as 1…100000, anything else as 1", () => {
    const page = (q: string) => pageParam(new URL(`http://x/?${q}`));
    expect(page("page=3")).toBe(3);
    expect(page("page=1e308")).toBe(1);
    expect(page("page=-5")).toBe(1);
    expect(page("page=0")).toBe(1);
    expect(page("page=999999")).toBe(100_000);
  });

  it("accepts only real calendar days", () => {
    expect(isoDayParam("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of [
      "2026-02-29",
      "2026-02-30",
      "2026-13-01",
      "9999-99-99",
      "0000-00-00",
      "275760-09-14",
      "2026-1-1",
    ]) {
      expect(isoDayParam(bad), bad).toBeNull();
    }
  });
});
