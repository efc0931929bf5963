// Benchmark: post-test submissions by 50 concurrent signed-in staff against the built server on a seeded
// database, side by side in one run with a bare Remix action that inserts one row (/bench/insert).
// Usage: npm run build && node bench/post-test-submit.mjs [submissions=1000] [concurrency=50]
//   BENCH_PROCESSES=1,2 compares server process counts (default: WEB_CONCURRENCY, else the server's default);
//   an entry "2@/path/to/checkout" runs that checkout's server.mjs and build (before/after comparisons);
//   BENCH_ROUNDS=n rounds per process count (default 1), alternating the counts, each on a fresh copy of one
//   prepared database (preparing is the slow part; BENCH_REUSE=1 keeps the last prepared copy if it has enough).
//   BENCH_NODE_ARGS passes options to the server's node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
//   SUJARIT_TX_STATS=1 makes the server print, on exit, how long its write transactions waited and held the lock.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const total = Number(process.argv[2] ?? 1000);
const concurrency = Number(process.argv[3] ?? 50);
const tmp = path.join(root, "bench", ".tmp");
const prepared = path.join(tmp, "submit-prepared.db");
const jobsFile = path.join(tmp, "submit-prepared.jsonl");
const dbFile = path.join(tmp, "bench.db");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const processCounts = (process.env.BENCH_PROCESSES ?? process.env.WEB_CONCURRENCY ?? "default").split(",");
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);

fs.mkdirSync(tmp, { recursive: true });
const readJobs = () =>
  fs.existsSync(jobsFile)
    ? fs
        .readFileSync(jobsFile, "utf8")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
let jobs = process.env.BENCH_REUSE === "1" && fs.existsSync(prepared) ? readJobs() : [];
if (jobs.length < total) {
  const env = { ...process.env, DATABASE_URL: `file:${prepared}` };
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(prepared + suffix, { force: true });
  console.log("bench: migrating and seeding a fresh demo database…");
  execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
  execFileSync(bin("tsx"), ["scripts/prepare-data.ts"], { cwd: root, env, stdio: "ignore" });
  console.log(`bench: preparing ${total} open post-tests…`);
  const out = execFileSync(bin("tsx"), ["bench/prepare-submissions.ts", String(total)], {
    cwd: root,
    env,
    maxBuffer: 1 << 28,
  });
  fs.writeFileSync(jobsFile, out);
  const checkpoint = new Database(prepared);
  checkpoint.pragma("wal_checkpoint(TRUNCATE)");
  checkpoint.close();
  jobs = readJobs();
}
jobs = jobs.slice(0, total);
if (jobs.length < total) console.log(`bench: only ${jobs.length} people/courses were free; using ${jobs.length}`);

const freePort = () =>
  new Promise((resolve) => {
    const probe = net.createServer().listen(0, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

let base = "";
async function run(label, requests) {
  const latencies = [];
  let failures = 0;
  const unexpected = new Map();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const request = requests[next++];
        const t0 = performance.now();
        try {
          const response = await fetch(base + request.path, {
            method: "POST",
            redirect: "manual",
            headers: {
              Origin: base,
              "Content-Type": "application/x-www-form-urlencoded",
              ...(request.cookie ? { Cookie: request.cookie } : {}),
            },
            body: new URLSearchParams(request.fields),
          });
          await response.arrayBuffer();
          // A redirect to the sign-in page is a refusal, not a submission.
          const toSignIn = (response.headers.get("location") ?? "").startsWith("/login");
          if (response.status !== request.expect || toSignIn) {
            failures++;
            const what = toSignIn ? "302 to /login" : response.status;
            unexpected.set(what, (unexpected.get(what) ?? 0) + 1);
          }
        } catch (error) {
          failures++; // a connection reset: counted, and the run goes on
          console.error(`bench: ${request.path}: ${error.cause?.code ?? error.message}`);
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const result = {
    label,
    requests: requests.length,
    failures,
    rps: requests.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
  };
  console.log(
    `${label.padEnd(22)} ${String(result.requests).padStart(5)} req  ${result.rps.toFixed(1).padStart(7)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p95 ${result.p95.toFixed(1).padStart(6)} ms  failures ${failures}${unexpected.size ? ` (status ${[...unexpected].map(([status, n]) => `${status}×${n}`).join(", ")})` : ""}`,
  );
  return result;
}

const bare = (n) => Array.from({ length: n }, () => ({ path: "/bench/insert", fields: {}, expect: 200 }));
const submissions = jobs.map((j) => ({
  path: `/courses/${j.slug}/attempts/${j.attemptId}`,
  cookie: j.cookie,
  fields: { intent: "submit", ...j.fields },
  expect: 302,
}));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One round: a fresh copy of the prepared database, a server with `processes`, then bare, submit, bare, submit. */
async function round(config) {
  const [processes, serverRoot = root] = config.split("@");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  fs.copyFileSync(prepared, dbFile);
  // The prepared post-tests have a time limit (30 min): on this copy, start them now.
  const copy = new Database(dbFile);
  const ts = (ms) => new Date(ms).toISOString().replace("Z", "+00:00");
  copy
    .prepare(
      `UPDATE "Attempt" SET "startedAt" = ?, "deadlineAt" = CASE WHEN "deadlineAt" IS NULL THEN NULL ELSE ? END WHERE "submittedAt" IS NULL`,
    )
    .run(ts(Date.now()), ts(Date.now() + 3_600_000));
  // …and their sessions: a prepared database kept with BENCH_REUSE=1 outlives the sessions' idle expiry (2 h), and
  // an expired session answers 302 to /login, which would pass for a submission.
  copy.prepare(`UPDATE "Session" SET "createdAt" = ?, "expiresAt" = ?`).run(ts(Date.now()), ts(Date.now() + 3_600_000));
  copy.close();
  const port = await freePort();
  const serverEnv = {
    ...process.env,
    DATABASE_URL: `file:${dbFile}`,
    PORT: String(port),
    NODE_ENV: "production",
    BENCH_ROUTES: "1",
    SESSION_COOKIE_SECURE: "false",
  };
  if (processes === "default") delete serverEnv.WEB_CONCURRENCY;
  else serverEnv.WEB_CONCURRENCY = processes;
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, "server.mjs"], {
    cwd: serverRoot,
    env: serverEnv,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  await new Promise((resolve) =>
    server.stdout.on("data", (d) => {
      stdout += String(d);
      if (stdout.includes("http://")) resolve();
    }),
  );
  base = `http://127.0.0.1:${port}`;
  console.log(`\n── ${config} server process(es) ──`);
  // Warm up, then alternate halves (bare, submit, bare, submit) so both see the same machine state.
  await run("warm-up (bare)", bare(200));
  const half = Math.floor(submissions.length / 2);
  const results = [
    await run("bare insert", bare(half)),
    await run("post-test submit", submissions.slice(0, half)),
    await run("bare insert", bare(submissions.length - half)),
    await run("post-test submit", submissions.slice(half)),
  ];
  const exited = new Promise((resolve) => server.on("close", resolve)); // every process's output read
  server.kill("SIGTERM");
  await exited;
  const stats = stdout.split("\n").filter((line) => line.includes("tx-stats"));
  for (const line of stats) console.log(`  ${line}`);
  const pick = (label, key) => median(results.filter((r) => r.label === label).map((r) => r[key]));
  const bareRps = pick("bare insert", "rps");
  const submitRps = pick("post-test submit", "rps");
  console.log(
    `round: bare ${bareRps.toFixed(1)} req/s (p50 ${pick("bare insert", "p50").toFixed(1)} ms); ` +
      `submit ${submitRps.toFixed(1)} req/s (p50 ${pick("post-test submit", "p50").toFixed(1)} ms, p95 ${pick("post-test submit", "p95").toFixed(1)} ms); ratio ${(submitRps / bareRps).toFixed(2)}`,
  );
  return { bareRps, submitRps, ratio: submitRps / bareRps, failures: results.some((r) => r.failures > 0) };
}

const byCount = new Map(processCounts.map((n) => [n, []]));
for (let r = 0; r < rounds; r++) for (const n of processCounts) byCount.get(n).push(await round(n));

console.log(`\nmedians of ${rounds} round(s), ${submissions.length} submissions, ${concurrency} clients:`);
for (const [n, rs] of byCount) {
  console.log(
    `  ${`${n} process(es)`.padEnd(22)} bare ${median(rs.map((x) => x.bareRps)).toFixed(1)} req/s  submit ${median(rs.map((x) => x.submitRps)).toFixed(1)} req/s  ratio ${median(rs.map((x) => x.ratio)).toFixed(2)} (goal ≥ 0.50; rounds: ${rs.map((x) => x.ratio.toFixed(2)).join(", ")})`,
  );
}
if ([...byCount.values()].flat().some((r) => r.failures)) {
  console.error("bench: some requests did not get the expected status");
  process.exitCode = 1;
}
