// Benchmark: indicator computation and the /indicators page at 50,000 people and 1,000,000 attempts, beside
// the demo-size database in the same run. Usage: npm run build && npx tsx bench/indicators.ts [people] [attempts]
// Writes the large dataset straight into a scratch SQLite file (a benchmark fixture), then measures through
// the real code: computeIndicators() in this process and GET /indicators on `node server.mjs`.
import { execFileSync, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";

const root = path.resolve(import.meta.dirname, "..");
const PEOPLE = Number(process.argv[2] ?? 50_000);
const ATTEMPTS = Number(process.argv[3] ?? 1_000_000);
const tmp = path.join(root, "bench", ".tmp");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const ts = (d: Date) => d.toISOString().replace("Z", "+00:00");

function freshDatabase(name: string, seed: boolean) {
  const file = path.join(tmp, name);
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(file + s, { force: true });
  const env = { ...process.env, DATABASE_URL: `file:${file}`, SEED: seed ? "demo" : "none" };
  execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
  execFileSync(bin("tsx"), ["scripts/prepare-data.ts"], { cwd: root, env, stdio: "ignore" });
  return file;
}

function fillLarge(file: string) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const divisions = db.prepare(`SELECT id FROM Division`).all() as { id: number }[];
  const courses = db.prepare(`SELECT id FROM Course`).all() as { id: number }[];
  const types = ["municipal_officer", "permanent_employee", "contract_employee", "contract_employee", "executive", "council_member"];
  const insertPerson = db.prepare(
    `INSERT INTO Person (employeeNumber, title, firstName, lastName, position, personnelType, divisionId, activeFrom, createdAt, updatedAt)
     VALUES (?, 'นาย', ?, 'ทดสอบ', 'เจ้าหน้าที่', ?, ?, ?, ?, ?)`,
  );
  const now = ts(new Date());
  db.transaction(() => {
    for (let i = 0; i < PEOPLE; i++) insertPerson.run(`B${i}`, `คน${i}`, types[i % types.length], divisions[i % divisions.length]!.id, ts(new Date("2015-01-01T00:00:00Z")), now, now);
  })();
  const ids = (db.prepare(`SELECT id FROM Person`).all() as { id: number }[]).map((r) => r.id);
  const years = [2566, 2567, 2568, 2569, 2570];
  const insertAttempt = db.prepare(
    `INSERT INTO Attempt (personId, courseId, kind, fiscalYear, number, startedAt, submittedAt, correctCount, totalCount, passed)
     VALUES (?, ?, 'post', ?, ?, ?, ?, ?, 15, ?)`,
  );
  let made = 0;
  db.transaction(() => {
    outer: for (let round = 1; ; round++) {
      for (const year of years) {
        const at = ts(new Date(Date.UTC(year - 543 - 1, 11 + (round % 6), 1 + (round % 27))));
        for (const course of courses) {
          for (const personId of ids) {
            if (made >= ATTEMPTS) break outer;
            const correct = (personId * 7 + course.id * 3 + year + round) % 16;
            insertAttempt.run(personId, course.id, year, round, at, at, correct, correct * 100 >= 80 * 15 ? 1 : 0);
            made++;
          }
        }
      }
    }
  })();
  db.close();
  return made;
}

function hrSession(file: string): string {
  const db = new Database(file);
  const hr = (db.prepare(`SELECT p.id FROM Person p JOIN PersonRole r ON r.personId = p.id WHERE r.role IN ('hr','admin') LIMIT 1`).get() as { id: number } | undefined)?.id
    ?? (() => {
      const id = (db.prepare(`SELECT id FROM Person LIMIT 1`).get() as { id: number }).id;
      db.prepare(`INSERT INTO PersonRole (personId, role) VALUES (?, 'hr')`).run(id);
      return id;
    })();
  const id = randomBytes(20).toString("hex");
  const secret = randomBytes(20).toString("hex");
  db.prepare(`INSERT INTO Session (id, secretHash, personId, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)`).run(
    id, createHash("sha256").update(secret).digest(), hr, ts(new Date()), ts(new Date(Date.now() + 3_600_000)),
  );
  db.close();
  return `sujarit_session=${id}.${secret}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeComputation(file: string, runs: number) {
  const out = execFileSync(bin("tsx"), ["bench/compute-indicators.ts", String(runs)], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${file}` } }).toString();
  return JSON.parse(out.trim().split("\n").pop()!) as number[];
}

async function timePage(file: string, runs: number) {
  const cookie = hrSession(file);
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const server = spawn(process.execPath, ["server.mjs"], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${file}`, PORT: String(port), NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => server.stdout!.on("data", (d) => String(d).includes("http://") && resolve()));
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/indicators?year=2569`, { headers: { Cookie: cookie } });
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    await response.text();
    if (i > 0) times.push(performance.now() - t); // the first request warms the server
  }
  server.kill();
  return times;
}

fs.mkdirSync(tmp, { recursive: true });
console.log("bench: demo database…");
const demo = freshDatabase("indicators-demo.db", true);
console.log(`bench: large database (${PEOPLE} people, ${ATTEMPTS} attempts)…`);
const large = freshDatabase("indicators-large.db", false);
const t0 = performance.now();
const made = fillLarge(large);
console.log(`bench: inserted ${made} attempts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

for (const [label, file] of [["demo", demo], ["large", large]] as const) {
  const compute = await timeComputation(file, 5);
  const page = await timePage(file, 5);
  console.log(`${label.padEnd(6)} computeIndicators(2569): median ${median(compute).toFixed(0)} ms (runs ${compute.map((t) => t.toFixed(0)).join(", ")}) · GET /indicators?year=2569: median ${median(page).toFixed(0)} ms (runs ${page.map((t) => t.toFixed(0)).join(", ")})`);
}
