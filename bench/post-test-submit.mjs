// Benchmark: post-test submissions by 50 concurrent signed-in staff against the built server on a seeded
// database, side by side in one run with a bare Remix action that inserts one row (/bench/insert).
// Usage: npm run build && node bench/post-test-submit.mjs [submissions=1000] [concurrency=50]
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const total = Number(process.argv[2] ?? 1000);
const concurrency = Number(process.argv[3] ?? 50);
const tmp = path.join(root, "bench", ".tmp");
const dbFile = path.join(tmp, "bench.db");
const env = { ...process.env, DATABASE_URL: `file:${dbFile}` };
const bin = (name) => path.join(root, "node_modules", ".bin", name);

fs.mkdirSync(tmp, { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
console.log("bench: migrating and seeding a fresh demo database…");
execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
execFileSync(bin("tsx"), ["scripts/prepare-data.ts"], { cwd: root, env, stdio: "ignore" });
console.log(`bench: preparing ${total} open post-tests…`);
const jobs = execFileSync(bin("tsx"), ["bench/prepare-submissions.ts", String(total)], {
  cwd: root,
  env,
  maxBuffer: 1 << 28,
})
  .toString()
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));
if (jobs.length < total) console.log(`bench: only ${jobs.length} people/courses were free; using ${jobs.length}`);

const port = await new Promise((resolve) => {
  const probe = net.createServer().listen(0, () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const server = spawn(process.execPath, ["server.mjs"], {
  cwd: root,
  env: { ...env, PORT: String(port), NODE_ENV: "production", BENCH_ROUTES: "1", SESSION_COOKIE_SECURE: "false" },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve) => server.stdout.on("data", (d) => String(d).includes("http://") && resolve()));
const base = `http://127.0.0.1:${port}`;

async function run(label, requests) {
  const latencies = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests.length) {
        const request = requests[next++];
        const t0 = performance.now();
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
        latencies.push(performance.now() - t0);
        if (response.status !== request.expect) failures++;
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
    `${label.padEnd(22)} ${String(result.requests).padStart(5)} req  ${result.rps.toFixed(1).padStart(7)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p95 ${result.p95.toFixed(1).padStart(6)} ms  failures ${failures}`,
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

// Warm up, then alternate halves (bare, submit, bare, submit) so both see the same machine state.
await run("warm-up (bare)", bare(200));
const half = Math.floor(submissions.length / 2);
const results = [
  await run("bare insert", bare(half)),
  await run("post-test submit", submissions.slice(0, half)),
  await run("bare insert", bare(submissions.length - half)),
  await run("post-test submit", submissions.slice(half)),
];
server.kill();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pick = (label, key) => median(results.filter((r) => r.label === label).map((r) => r[key]));
const bareRps = pick("bare insert", "rps");
const submitRps = pick("post-test submit", "rps");
console.log(
  `\nmedian of rounds: bare ${bareRps.toFixed(1)} req/s (p50 ${pick("bare insert", "p50").toFixed(1)} ms, p95 ${pick("bare insert", "p95").toFixed(1)} ms); ` +
    `submit ${submitRps.toFixed(1)} req/s (p50 ${pick("post-test submit", "p50").toFixed(1)} ms, p95 ${pick("post-test submit", "p95").toFixed(1)} ms)`,
);
console.log(`ratio submit/bare throughput: ${(submitRps / bareRps).toFixed(2)} (goal ≥ 0.50)`);
if (results.some((r) => r.failures > 0)) {
  console.error("bench: some requests did not get the expected status");
  process.exitCode = 1;
}
