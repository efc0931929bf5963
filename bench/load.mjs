// Load benchmark (issue 17): an open-loop run at a fixed arrival rate over the busiest pages (staff and HR), some
// post-test submissions and a bare Remix route (/bench/insert) in the same run, then a closed-loop run to find the
// saturation throughput; p50/p95 per page, the server's memory (RSS of every server process, sampled each 0.5 s) and
// the CPU time per request of the server and of the client.
// Usage: npm run build && node bench/load.mjs [rate=25] [seconds=30]
//   WEB_CONCURRENCY=n server processes (default: one per core, as `npm start`); BENCH_REUSE=1 reuses the demo fixture;
//   BENCH_SERVER_ROOT / BENCH_DB run another checkout's server.mjs on another database (before/after comparisons);
//   BENCH_NODE_ARGS passes options to the server's node (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverRoot = process.env.BENCH_SERVER_ROOT ?? root;
const RATE = Number(process.argv[2] ?? 25);
const SECONDS = Number(process.argv[3] ?? 30);
const tmp = path.join(root, "bench", ".tmp");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const ts = (d) => d.toISOString().replace("Z", "+00:00");

fs.mkdirSync(tmp, { recursive: true });
let source = process.env.BENCH_DB;
if (!source) {
  console.log("bench: demo database…");
  source = execFileSync(
    bin("tsx"),
    ["-e", `import { demoFixture } from "./bench/fixture.ts"; console.log(demoFixture());`],
    { cwd: root },
  )
    .toString()
    .trim()
    .split("\n")
    .pop();
}
const file = path.join(tmp, "load.db");
for (const s of ["", "-wal", "-shm"]) fs.rmSync(file + s, { force: true });
const checkpoint = new Database(source);
checkpoint.pragma("wal_checkpoint(TRUNCATE)");
checkpoint.close();
fs.copyFileSync(source, file);
const env = { ...process.env, DATABASE_URL: `file:${file}` };

const submissionsWanted = Math.ceil(RATE * SECONDS * 0.05);
console.log(`bench: preparing ${submissionsWanted} open post-tests…`);
const jobs = execFileSync(bin("tsx"), ["bench/prepare-submissions.ts", String(submissionsWanted)], {
  cwd: root,
  env,
  maxBuffer: 1 << 28,
})
  .toString()
  .trim()
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line));

function session(role) {
  const db = new Database(file);
  const person = role
    ? db
        .prepare(
          `SELECT p.id FROM Person p JOIN PersonRole r ON r.personId = p.id WHERE r.role = ? AND p.deactivatedAt IS NULL LIMIT 1`,
        )
        .get(role)
    : db
        .prepare(
          `SELECT p.id FROM Person p WHERE p.deactivatedAt IS NULL AND NOT EXISTS (SELECT 1 FROM PersonRole r WHERE r.personId = p.id AND r.role <> 'staff') ORDER BY p.id LIMIT 1 OFFSET 20`,
        )
        .get();
  const id = randomBytes(20).toString("hex");
  const secret = randomBytes(20).toString("hex");
  db.prepare(`INSERT INTO Session (id, secretHash, personId, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)`).run(
    id,
    createHash("sha256").update(secret).digest(),
    person.id,
    ts(new Date()),
    ts(new Date(Date.now() + 3_600_000)),
  );
  db.close();
  return `sujarit_session=${id}.${secret}`;
}
const staff = session(null);
const hr = session("hr");
const course = new Database(file, { readonly: true }).prepare(`SELECT slug FROM Course ORDER BY id LIMIT 1`).get().slug;

const READS = [
  ["home", "/", staff],
  ["my courses", "/courses", staff],
  ["a course", `/courses/${course}`, staff],
  ["orders inbox", "/orders", staff],
  ["salary", "/salary", staff],
  ["announcements", "/policies", staff],
  ["HR home", "/", hr],
  ["/hr/courses", "/hr/courses", hr],
  ["/plan", "/plan", hr],
  ["/indicators", "/indicators", hr],
  ["item page", "/plan/items/3", hr],
];

const port = await new Promise((resolve) => {
  const probe = net.createServer().listen(0, () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
// BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") goes to the server's node, for profiling.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
const server = spawn(process.execPath, [...nodeArgs, "server.mjs"], {
  cwd: serverRoot,
  env: { ...env, PORT: String(port), NODE_ENV: "production", BENCH_ROUTES: "1", SESSION_COOKIE_SECURE: "false" },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise((resolve) => server.stdout.on("data", (d) => String(d).includes("http://") && resolve()));
const base = `http://127.0.0.1:${port}`;

// Memory: the server and its worker processes. The sum of RSS counts the pages the processes share (node's own code,
// about 48 MB) once per process. "Shared pages counted once" is every process's private pages plus the largest
// shared set of any one of them: not PSS, which would also split pages with unrelated node processes (this client).
const kbOf = (text, field) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(text)?.[1] ?? 0);
/** The server process and its workers. */
function serverPids() {
  const pids = [server.pid];
  try {
    pids.push(
      ...fs
        .readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    /* no children file */
  }
  return pids;
}

// CPU time: a fixed workload's CPU per request compares two builds far more steadily than throughput on a shared
// machine, and the client's share says how much of the machine the measurement itself takes.
const TICKS_PER_SECOND = 100; // Linux USER_HZ
function serverCpuMs() {
  let ticks = 0;
  for (const pid of serverPids()) {
    try {
      // utime and stime: fields 14 and 15, counted after the command name in parentheses.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone */
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
const clientCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function rssMb() {
  const pids = serverPids();
  let kb = 0;
  let privateKb = 0;
  let sharedKb = 0;
  const each = [];
  for (const pid of pids) {
    try {
      const one = kbOf(fs.readFileSync(`/proc/${pid}/status`, "utf8"), "VmRSS");
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      privateKb += kbOf(rollup, "Private_Clean") + kbOf(rollup, "Private_Dirty");
      sharedKb = Math.max(sharedKb, kbOf(rollup, "Shared_Clean") + kbOf(rollup, "Shared_Dirty"));
      kb += one;
      each.push(one / 1024);
    } catch {
      /* gone */
    }
  }
  return { mb: kb / 1024, onceMb: (privateKb + sharedKb) / 1024, processes: pids.length, each };
}
const perProcess = (sample) => sample.each.map((mb) => mb.toFixed(0)).join(" + ");
let peak = { mb: 0, onceMb: 0, processes: 0, each: [] };
let oncePeak = 0;
const sampler = setInterval(() => {
  const now = rssMb();
  if (now.mb > peak.mb) peak = now;
  oncePeak = Math.max(oncePeak, now.onceMb);
}, 500);

async function send(request) {
  const t0 = performance.now();
  const init = request.fields
    ? {
        method: "POST",
        redirect: "manual",
        headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", Cookie: request.cookie ?? "" },
        body: new URLSearchParams(request.fields),
      }
    : { headers: { Cookie: request.cookie } };
  const response = await fetch(base + request.path, init);
  await response.arrayBuffer();
  return { ms: performance.now() - t0, ok: response.status === request.expect, status: response.status };
}

const submissions = jobs.map((j) => ({
  label: "post-test submit",
  path: `/courses/${j.slug}/attempts/${j.attemptId}`,
  cookie: j.cookie,
  fields: { intent: "submit", ...j.fields },
  expect: 302,
}));
const reads = READS.map(([label, pagePath, cookie]) => ({ label, path: pagePath, cookie, expect: 200 }));
const bare = { label: "bare route (insert)", path: "/bench/insert", fields: {}, expect: 200 };

// Warm-up: every page a few times.
for (let i = 0; i < 3; i++) await Promise.all([...reads, bare].map(send));

/** The mix: the reads in turn, every 12th slot the bare route, every 20th a submission while any are left. */
function mixAt(i, subs) {
  if (i % 20 === 19 && subs.length) return subs.shift();
  if (i % 12 === 11) return bare;
  return reads[i % reads.length];
}

const percentile = (xs, q) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] : NaN;

async function openLoop(rate, seconds) {
  const subs = [...submissions];
  const byLabel = new Map();
  const pending = [];
  let failures = 0;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const request = mixAt(i, subs);
    pending.push(
      send(request).then(
        (r) => {
          if (!r.ok) failures++;
          byLabel.set(request.label, [...(byLabel.get(request.label) ?? []), r.ms]);
        },
        () => failures++,
      ),
    );
  }
  await Promise.all(pending);
  return { byLabel, failures, seconds: (performance.now() - started) / 1000, total };
}

async function closedLoop(clients, seconds) {
  let done = 0;
  let i = 0;
  const subs = [...submissions.slice(submissions.length)]; // reads and the bare route only: submissions are used up
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        await send(mixAt(i++, subs)).catch(() => undefined);
        done++;
      }
    }),
  );
  return { rate: done / ((performance.now() - started) / 1000), done };
}

/** CPU milliseconds per request of the server and of this client while `run` sends `requests(result)` requests. */
async function measuringCpu(run, requests) {
  const [server0, client0] = [serverCpuMs(), clientCpuMs()];
  const result = await run();
  const n = requests(result);
  return { result, serverMs: (serverCpuMs() - server0) / n, clientMs: (clientCpuMs() - client0) / n };
}

console.log("bench: one request at a time (median of 5)…");
const single = [];
for (const request of [...reads, bare]) {
  const times = [];
  for (let i = 0; i < 5; i++) times.push((await send(request)).ms);
  single.push(`${request.label} ${percentile(times, 0.5).toFixed(0)}`);
}
console.log(`  ${single.join(" · ")} (ms)`);
console.log(
  `bench: open loop, ${RATE} requests/s offered for ${SECONDS} s (${process.env.WEB_CONCURRENCY ?? "default"} server processes)…`,
);
const {
  result: open,
  serverMs: openServerMs,
  clientMs: openClientMs,
} = await measuringCpu(
  () => openLoop(RATE, SECONDS),
  (r) => r.total,
);
const allReads = [...open.byLabel]
  .filter(([label]) => label !== "post-test submit" && label !== "bare route (insert)")
  .flatMap(([, xs]) => xs);
for (const [label, xs] of [...open.byLabel].sort()) {
  console.log(
    `  ${label.padEnd(20)} n ${String(xs.length).padStart(4)}  p50 ${percentile(xs, 0.5).toFixed(1).padStart(7)} ms  p95 ${percentile(xs, 0.95).toFixed(1).padStart(7)} ms`,
  );
}
console.log(
  `  all reads            n ${String(allReads.length).padStart(4)}  p50 ${percentile(allReads, 0.5).toFixed(1).padStart(7)} ms  p95 ${percentile(allReads, 0.95).toFixed(1).padStart(7)} ms  failures ${open.failures}`,
);
const openPeak = peak;
const openOncePeak = oncePeak;
console.log("bench: saturation (closed loop, 32 clients, 20 s, reads and the bare route)…");
const {
  result: saturation,
  serverMs: closedServerMs,
  clientMs: closedClientMs,
} = await measuringCpu(
  () => closedLoop(32, 20),
  (r) => r.done,
);
clearInterval(sampler);
console.log(`saturation throughput: ${saturation.rate.toFixed(1)} requests/s`);
console.log(
  `CPU per request: server ${openServerMs.toFixed(1)} ms at ${RATE} requests/s, ${closedServerMs.toFixed(1)} ms at ` +
    `saturation; the load client ${openClientMs.toFixed(1)} and ${closedClientMs.toFixed(1)} ms`,
);
console.log(
  `server memory (RSS): peak ${openPeak.mb.toFixed(0)} MB during the open loop (${perProcess(openPeak)} MB), ` +
    `${peak.mb.toFixed(0)} MB overall (${perProcess(peak)} MB; ${peak.processes} processes, the first is the primary when there are several)`,
);
console.log(
  `server memory (shared pages counted once): peak ${openOncePeak.toFixed(0)} MB during the open loop, ${oncePeak.toFixed(0)} MB overall`,
);
server.kill("SIGTERM");
if (open.failures) process.exitCode = 1;
