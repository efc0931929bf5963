// Benchmark (issue 17): indicator computation and HR's heaviest pages — GET /indicators, an item page (/plan/items/3)
// and a course's results (/hr/courses/<slug>) — on the demo database and on a large one (50,000 people,
// 1,000,000 attempts, registers in proportion; bench/fixture.ts), medians of 5 after BENCH_WARMUP (10) rounds of
// warm-up requests (bench/pages.ts warmUp).
// Usage: npm run build && npx tsx bench/indicators.ts [people] [attempts]    (BENCH_REUSE=1 keeps built fixtures)
// BENCH_PAGES="/hr/courses?year=2569,/hr/courses/anti-corruption?year=2569" times only those pages (and skips
// computeIndicators unless BENCH_COMPUTE=1); BENCH_SIZES=demo or large runs one size; BENCH_RUNS sets the runs.
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { bin, counts, demoFixture, largeFixture, root } from "./fixture";
import { hrSessionCookie, median, startServer, warmUp } from "./pages";

const PEOPLE = Number(process.argv[2] ?? 50_000);
const ATTEMPTS = Number(process.argv[3] ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const runs = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(", ");

function timeComputation(file: string) {
  const out = execFileSync(bin("tsx"), ["bench/compute-indicators.ts", String(RUNS)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
  }).toString();
  return JSON.parse(out.trim().split("\n").pop()!) as number[];
}

const PAGES = process.env.BENCH_PAGES
  ? process.env.BENCH_PAGES.split(",").map((p) => p.trim())
  : [
      "/indicators?year=2569",
      "/plan/items/3?year=2569",
      "/hr/courses?year=2569",
      "/hr/courses/anti-corruption?year=2569",
    ];
const COMPUTE = !process.env.BENCH_PAGES || process.env.BENCH_COMPUTE === "1";
const SIZES = (process.env.BENCH_SIZES ?? "demo,large").split(",");

async function timePages(file: string) {
  const sessionDb = new Database(file);
  const cookie = hrSessionCookie(sessionDb);
  sessionDb.close();
  const { port, server } = await startServer(file);
  const result: Record<string, number[]> = {};
  try {
    await warmUp(port, cookie, PAGES);
    for (const page of PAGES) {
      const times: number[] = [];
      for (let i = 0; i < RUNS + 1; i++) {
        const t = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}${page}`, { headers: { Cookie: cookie } });
        if (response.status !== 200) throw new Error(`${page}: status ${response.status}`);
        await response.text();
        if (i > 0) times.push(performance.now() - t); // the first request warms the server
      }
      result[page] = times;
    }
  } finally {
    server.kill();
  }
  return result;
}

console.log("bench: demo database…");
const demo = demoFixture();
const large = SIZES.includes("large")
  ? (() => {
      console.log(`bench: large database (${PEOPLE} people, ${ATTEMPTS} attempts, registers in proportion)…`);
      const t0 = performance.now();
      const built = largeFixture(demo, PEOPLE, ATTEMPTS);
      console.log(`bench: large fixture ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return built.file;
    })()
  : null;

for (const [label, file] of [
  ["demo", SIZES.includes("demo") ? demo : null],
  ["large", large],
] as const) {
  if (!file) continue;
  console.log(`${label}: ${JSON.stringify(counts(file))}`);
  if (COMPUTE) {
    const compute = timeComputation(file);
    console.log(
      `${label.padEnd(6)} computeIndicators(2569): median ${median(compute).toFixed(0)} ms (runs ${runs(compute)})`,
    );
  }
  const pages = await timePages(file);
  for (const [page, times] of Object.entries(pages))
    console.log(`${label.padEnd(6)} GET ${page}: median ${median(times).toFixed(0)} ms (runs ${runs(times)})`);
}
