// Times every SQL statement better-sqlite3 runs during one call (by statement text), to find the hot queries, and
// prints SQLite's plan (EXPLAIN QUERY PLAN, with the first call's arguments) for the costliest ones.
// Usage: DATABASE_URL=file:… npx tsx bench/query-profile.ts [indicators|item|course|courses|completion|not-passed|attempts-csv]
// (the course modes read /hr/courses/anti-corruption?year=2569; COURSE_QUERY adds filters, e.g. "status=not_started")
import Database from "better-sqlite3";

const times = new Map<string, { n: number; ms: number; rows: number; args: unknown[] }>();
const proto = (Database as unknown as { prototype: { prepare: (sql: string) => unknown } }).prototype;
const prepare = proto.prepare;
proto.prepare = function (this: unknown, sql: string) {
  const statement = prepare.call(this, sql) as Record<string, (...a: unknown[]) => unknown>;
  let bound: unknown[] = []; // the Prisma adapter binds first, then calls all() or run() with no arguments
  const bind = statement.bind!;
  statement.bind = (...args: unknown[]) => {
    bound = args;
    bind.apply(statement, args);
    return statement;
  };
  for (const method of ["all", "run", "get", "iterate"]) {
    const original = statement[method]!;
    statement[method] = (...args: unknown[]) => {
      const t = performance.now();
      const out = original.apply(statement, args);
      const entry = times.get(sql) ?? { n: 0, ms: 0, rows: 0, args: args.length ? args : bound };
      entry.n++;
      entry.ms += performance.now() - t;
      entry.rows += Array.isArray(out) ? out.length : 1;
      times.set(sql, entry);
      return out;
    };
  }
  return statement;
};

const what = process.argv[2] ?? "indicators";
const hr = { roles: ["hr"] as string[] } as { roles: never[] };
const slug = "anti-corruption";
const year = 2569;
const params = () => new URLSearchParams(process.env.COURSE_QUERY ?? "");

async function run() {
  const { computeIndicators } = await import("~/models/plan/indicators.server");
  const report = await import("~/models/training/report.server");
  if (what === "indicators") await computeIndicators(year, { live: true });
  else if (what === "item")
    for (const y of [2569, 2566, 2567, 2568, 2569, 2570]) await computeIndicators(y, { itemNumber: 3 });
  else if (what === "course") await report.courseResultsPage(slug, year, params(), 1, hr);
  else if (what === "courses") await report.coursesPage(year, hr);
  else if (what === "completion") await report.completionPage(year, hr);
  else if (what === "not-passed") await report.notPassedCsv(slug, year, params(), hr);
  else if (what === "attempts-csv")
    await (await import("~/models/training/report-csv.server")).attemptsCsv(slug, year, hr);
  else throw new Error(`unknown: ${what}`);
}

await run(); // warm: the first call prepares statements and reads the membership snapshot
times.clear();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
await run();
const total = performance.now() - t0;
const cpu = process.cpuUsage(cpu0); // CPU time of this process: steadier than wall time on a shared machine
const sqlMs = [...times.values()].reduce((s, e) => s + e.ms, 0);
console.log(
  `${what}: ${total.toFixed(0)} ms in all (${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU), ${sqlMs.toFixed(0)} ms in SQLite, ${[...times.values()].reduce((s, e) => s + e.n, 0)} statements`,
);
const top = [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
for (const [sql, e] of top) {
  console.log(
    `${e.ms.toFixed(0).padStart(6)} ms ×${String(e.n).padStart(3)} rows ${String(e.rows).padStart(7)}  ${sql.replace(/\s+/g, " ").slice(0, 230)}`,
  );
}
if (process.env.PLAN !== "0") {
  const file = (process.env.DATABASE_URL ?? "file:./data/sujarit.db").replace(/^file:/, "");
  const plain = new Database(file, { readonly: true });
  for (const [sql, e] of top.slice(0, 4)) {
    if (!/^\s*(SELECT|WITH)/i.test(sql)) continue;
    console.log(`\nplan (${e.ms.toFixed(0)} ms): ${sql.replace(/\s+/g, " ").slice(0, 160)}`);
    const args = e.args.map((a) => (typeof a === "boolean" ? Number(a) : a));
    const explain = prepare.call(plain, `EXPLAIN QUERY PLAN ${sql}`) as {
      all: (...a: unknown[]) => { detail: string }[];
    };
    for (const row of explain.all(...args)) console.log(`  ${row.detail}`);
  }
  plain.close();
}
