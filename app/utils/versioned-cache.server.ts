import { sqlite } from "./db.server";

// Reference data that most pages read and few writes change — the course catalogue, a year's course assignments,
// the divisions — kept in this process until its CacheVersion number changes (decision 059). SQL triggers bump the
// number in the same transaction as the write, whichever process makes it, so a page never shows reference data
// older than the last committed change. The number is read (on the direct path, decision 054) before loading: a write
// landing during the load leaves the value under the older number, and the next read loads again.

/** A CacheVersion number; null when its row does not exist (before the migration that adds it). */
export async function cacheVersion(name: string): Promise<number | null> {
  const rows = await sqlite.read((sql) =>
    sql.all<{ version: number }>(`SELECT "version" FROM "CacheVersion" WHERE "name" = ?`, name),
  );
  return rows.length ? Number(rows[0]!.version) : null;
}

/** Freezes a loaded value all the way down: it is shared by every request, so a caller changing it would be a bug. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

type Kept<T> = { version: number; value: Promise<T> };

/**
 * `load(key)` kept per key while CacheVersion `name` is unchanged. Concurrent requests share one load; a failed load
 * is not kept. The value is frozen: callers copy before changing it. Without the number's row nothing is kept.
 */
export function keptPerVersion<K extends string | number, T>(
  name: string,
  load: (key: K) => Promise<T>,
  maxKeys = 32,
): (key: K) => Promise<T> {
  const kept = new Map<K, Kept<T>>();
  return async (key) => {
    const version = await cacheVersion(name);
    if (version == null) return load(key);
    const hit = kept.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = load(key).then(deepFreeze);
    if (kept.size >= maxKeys && !kept.has(key)) kept.clear();
    kept.set(key, { version, value });
    value.catch(() => {
      if (kept.get(key)?.value === value) kept.delete(key);
    });
    return value;
  };
}

/** One value kept while CacheVersion `name` is unchanged (see keptPerVersion). */
export function keptValue<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  const get = keptPerVersion<"value", T>(name, () => load(), 1);
  return () => get("value");
}
