// Times every SQL statement better-sqlite3 runs during one call (by statement text), to find the hot queries.
// Usage: DATABASE_URL=file:… npx tsx bench/query-profile.ts [indicators|item|course]
import Database from "better-sqlite3";

const times = new Map<string, { n: number; ms: number; rows: number }>();
const proto = (Database as unknown as { prototype: { prepare: (sql: string) => unknown } }).prototype;
const prepare = proto.prepare;
proto.prepare = function (this: unknown, sql: string) {
  const statement = prepare.call(this, sql) as Record<string, (...a: unknown[]) => unknown>;
  for (const method of ["all", "run", "get", "iterate"]) {
    const original = statement[method]!;
    statement[method] = (...args: unknown[]) => {
      const t = performance.now();
      const out = original.apply(statement, args);
      const entry = times.get(sql) ?? { n: 0, ms: 0, rows: 0 };
      entry.n++;
      entry.ms += performance.now() - t;
      entry.rows += Array.isArray(out) ? out.length : 1;
      times.set(sql, entry);
      return out;
    };
  }
  return statement;
};

const { computeIndicators } = await import("~/models/plan/indicators.server");
const what = process.argv[2] ?? "indicators";
await computeIndicators(2569, { live: true }); // warm
times.clear();
const t0 = performance.now();
if (what === "indicators") await computeIndicators(2569, { live: true });
else if (what === "item")
  for (const y of [2569, 2566, 2567, 2568, 2569, 2570]) await computeIndicators(y, { itemNumber: 3 });
else {
  const { courseReport, questionStatistics } = await import("~/models/training/report.server");
  const report = await courseReport("anti-corruption", 2569);
  await questionStatistics(report!.course.id, 2569, "post");
}
const total = performance.now() - t0;
const sqlMs = [...times.values()].reduce((s, e) => s + e.ms, 0);
console.log(
  `${what}: ${total.toFixed(0)} ms in all, ${sqlMs.toFixed(0)} ms in SQLite, ${[...times.values()].reduce((s, e) => s + e.n, 0)} statements`,
);
for (const [sql, e] of [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
  console.log(
    `${e.ms.toFixed(0).padStart(6)} ms ×${String(e.n).padStart(3)} rows ${String(e.rows).padStart(7)}  ${sql.replace(/\s+/g, " ").slice(0, 230)}`,
  );
}
