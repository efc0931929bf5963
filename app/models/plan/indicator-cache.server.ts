import { sqlite } from "~/utils/db.server";
import type { IndicatorResult } from "./indicators.server";

// Computed indicator results kept in this process (issue 17, decisions 049, 055 and 056). An entry is reused while
// the CacheVersion numbers its part depends on are unchanged — SQL triggers bump them in the same transaction as the
// write, whichever process makes it — and for at most a minute, because an open year is computed "as of now": a
// contract ending or a survey closing changes results by the clock alone. "indicators" is bumped by any write to a
// table the indicators read except the course results; "indicator-results:<fiscal year>" by the course results of
// that year (every post-test submission changes them, and only that year's knowledge indicators read them);
// "membership" by people, divisions and target groups.

export const INDICATOR_CACHE_SECONDS = 60;
const MAX_ENTRIES = 256;

/** The knowledge indicators ("results", from CourseResult) and all the others are computed and kept apart. */
export type IndicatorPart = "results" | "others";
const SHARED_VERSIONS = ["indicators", "membership"] as const;
/** The course results' number for one year; its row is created by the year's first course result. */
const resultsVersion = (fiscalYear: number) => `indicator-results:${fiscalYear}`;

type Entry = { versions: string; expires: number; results: Promise<IndicatorResult[]> };
const entries = new Map<string, Entry>();

/**
 * The numbers a part of a year depends on, as one string; null before the migrations that add the shared ones (then
 * nothing is kept). A year without any course result yet has no number of its own: 0 until its first.
 */
async function versions(fiscalYear: number, part: IndicatorPart): Promise<string | null> {
  const names = part === "results" ? [...SHARED_VERSIONS, resultsVersion(fiscalYear)] : [...SHARED_VERSIONS];
  // On every indicator read: the direct path (decision 054).
  const rows = await sqlite.read((sql) =>
    sql.all<{ name: string; version: number }>(
      `SELECT "name", "version" FROM "CacheVersion" WHERE "name" IN (${names.map(() => "?").join(", ")})`,
      ...names,
    ),
  );
  const byName = new Map(rows.map((r) => [r.name, r.version]));
  if (SHARED_VERSIONS.some((name) => !byName.has(name))) return null;
  return names.map((name) => `${name}:${byName.get(name) ?? 0}`).join(" ");
}

/**
 * The cached results under `key`, or `compute()`'s, kept for the next read. The versions are read before computing,
 * so a write landing during the computation leaves an entry under the older number: the next read recomputes.
 * Concurrent requests share one computation. Callers must not modify the returned results.
 */
export async function cachedIndicators(
  { fiscalYear, itemNumber }: { fiscalYear: number; itemNumber?: number },
  part: IndicatorPart,
  compute: () => Promise<IndicatorResult[]>,
): Promise<IndicatorResult[]> {
  const current = await versions(fiscalYear, part);
  if (current == null) return compute();
  const now = Date.now();
  const key = `${fiscalYear}:${itemNumber ?? "all"}:${part}`;
  const hit = entries.get(key);
  if (hit && hit.versions === current && hit.expires > now) return hit.results;
  const results = compute();
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { versions: current, expires: now + INDICATOR_CACHE_SECONDS * 1000, results });
  results.catch(() => {
    if (entries.get(key)?.results === results) entries.delete(key);
  });
  return results;
}
