// Benchmark (issue 17, decisions 049 and 055): GET /indicators and an item page, warm (results kept by the indicator
// cache), cold (CacheVersion('indicators') bumped before each request, as any write to a source does) and after a
// submission in the shown year ('indicator-results:2569' bumped: that year's knowledge indicators are computed again;
// decision 056, 'indicator-results' before it), on the demo and
// the large fixture (bench/fixture.ts), medians of BENCH_RUNS (5) after BENCH_WARMUP (10) rounds of warm-up requests
// of each page, computed and kept (bench/pages.ts warmUp); plus computeIndicators.
// Usage: npm run build && BENCH_REUSE=1 npx tsx bench/indicator-pages.ts [people] [attempts]
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { bin, demoFixture, largeFixture, root } from "./fixture";
import { hrSessionCookie, median, startServer, warmUp } from "./pages";

const PEOPLE = Number(process.argv[2] ?? 50_000);
const ATTEMPTS = Number(process.argv[3] ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGES = ["/indicators?year=2569", "/plan/items/3?year=2569"];
const list = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(", ");

async function timePages(file: string) {
  const db = new Database(file);
  const cookie = hrSessionCookie(db);
  // A write to any source table bumps "indicators" (the triggers of 20261128131000_indicator_cache); a post-test
  // submission only "indicator-results" (20261128170000, decision 055), then its year's (decision 056). Absent on
  // builds without them, where every request computes anyway ("after a submission" then equals "warm" before 055).
  const bump = (name: string) =>
    db
      .prepare(
        `INSERT INTO CacheVersion (name, version) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET version = version + 1`,
      )
      .run(name);
  // What a post-test submitted in the shown year bumps (its CourseResult triggers), on this build and before 056.
  const submitted = () => {
    bump("indicator-results:2569");
    bump("indicator-results");
  };
  const { port, server } = await startServer(file);
  const result: Record<string, number[]> = {};
  try {
    // Both paths compiled before timing: each page computed afresh and then from the kept results.
    await warmUp(port, cookie, PAGES, () => bump("indicators"));
    await warmUp(port, cookie, PAGES);
    for (const page of PAGES)
      for (const mode of ["warm", "cold", "after a submission"] as const) {
        const times: number[] = [];
        for (let i = 0; i < RUNS + 1; i++) {
          if (mode === "cold") bump("indicators");
          if (mode === "after a submission") submitted();
          const t = performance.now();
          const response = await fetch(`http://127.0.0.1:${port}${page}`, { headers: { Cookie: cookie } });
          if (response.status !== 200) throw new Error(`${page}: status ${response.status}`);
          await response.text();
          if (i > 0) times.push(performance.now() - t); // the first request warms the server
        }
        result[`${mode} GET ${page}`] = times;
      }
  } finally {
    server.kill();
    db.close();
  }
  return result;
}

const demo = demoFixture();
const large = largeFixture(demo, PEOPLE, ATTEMPTS).file;
for (const [label, file] of [
  ["demo", demo],
  ["large", large],
] as const) {
  const out = execFileSync(bin("tsx"), ["bench/compute-indicators.ts", String(RUNS)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
  }).toString();
  const compute = JSON.parse(out.trim().split("\n").pop()!) as number[];
  console.log(
    `${label.padEnd(6)} computeIndicators(2569): median ${median(compute).toFixed(0)} ms (runs ${list(compute)})`,
  );
  for (const [what, times] of Object.entries(await timePages(file)))
    console.log(`${label.padEnd(6)} ${what}: median ${median(times).toFixed(0)} ms (runs ${list(times)})`);
}
