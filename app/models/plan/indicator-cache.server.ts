import { sqlite } from "~/utils/db.server";
import type { IndicatorResult } from "./indicators.server";

// Computed indicator results kept in this process (issue 17, decision 049). An entry is reused while both
// CacheVersion numbers it was computed under are unchanged — SQL triggers bump "indicators" on any write to a
// table the indicators read and "membership" on any change to people, divisions and target groups, in the same
// transaction as the write, whichever process makes it — and for at most a minute, because an open year is
// computed "as of now": a contract ending or a survey closing changes results by the clock alone.

export const INDICATOR_CACHE_SECONDS = 60;
const MAX_ENTRIES = 256;

type Entry = { versions: string; expires: number; results: Promise<IndicatorResult[]> };
const entries = new Map<string, Entry>();

/** Both version numbers as one string; null before the migration that adds them (then nothing is kept). */
async function versions(): Promise<string | null> {
  // On every indicator read: the direct path (decision 054).
  const rows = await sqlite.read((sql) =>
    sql.all<{ name: string; version: number }>(
      `SELECT "name", "version" FROM "CacheVersion" WHERE "name" IN ('indicators', 'membership') ORDER BY "name"`,
    ),
  );
  return rows.length === 2 ? rows.map((r) => `${r.name}:${Number(r.version)}`).join(" ") : null;
}

/**
 * The cached results under `key`, or `compute()`'s, kept for the next read. The versions are read before computing,
 * so a write landing during the computation leaves an entry under the older number: the next read recomputes.
 * Concurrent requests share one computation. Callers must not modify the returned results.
 */
export async function cachedIndicators(
  key: string,
  compute: () => Promise<IndicatorResult[]>,
): Promise<IndicatorResult[]> {
  const current = await versions();
  if (current == null) return compute();
  const now = Date.now();
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
