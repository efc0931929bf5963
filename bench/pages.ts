// What the page benchmarks share (bench/indicators.ts, bench/indicator-pages.ts): a signed-in HR cookie written
// straight into the benchmark's database, and the built server started on it (one process, so a page's time is
// one process's work).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import net from "node:net";
import type Database from "better-sqlite3";
import { root } from "./fixture";

const ts = (d: Date) => d.toISOString().replace("Z", "+00:00");

/**
 * BENCH_WARMUP (10) rounds of requests to each page before timing, `beforeEach` run before each request (e.g. a
 * CacheVersion bump so the compute path warms too): a server that has just started compiles as it goes, and its
 * first requests measured the JIT rather than the page (the "warm" case came out slower than the cold one).
 */
export async function warmUp(port: number, cookie: string, pages: string[], beforeEach?: () => void) {
  const rounds = Number(process.env.BENCH_WARMUP ?? 10);
  for (let i = 0; i < rounds; i++)
    for (const page of pages) {
      beforeEach?.();
      const response = await fetch(`http://127.0.0.1:${port}${page}`, { headers: { Cookie: cookie } });
      if (response.status !== 200) throw new Error(`${page}: status ${response.status}`);
      await response.text();
    }
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A session for the first HR person, as the `Cookie` header's value. */
export function hrSessionCookie(db: Database.Database): string {
  const hr = (
    db
      .prepare(`SELECT p.id FROM Person p JOIN PersonRole r ON r.personId = p.id WHERE r.role = 'hr' LIMIT 1`)
      .get() as { id: number }
  ).id;
  const id = randomBytes(20).toString("hex");
  const secret = randomBytes(20).toString("hex");
  db.prepare(`INSERT INTO Session (id, secretHash, personId, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)`).run(
    id,
    createHash("sha256").update(secret).digest(),
    hr,
    ts(new Date()),
    ts(new Date(Date.now() + 3_600_000)),
  );
  return `sujarit_session=${id}.${secret}`;
}

async function freePort() {
  return new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The built server (`server.mjs`, one process) on `file`, once it listens. */
export async function startServer(file: string): Promise<{ port: number; server: ChildProcess }> {
  const port = await freePort();
  const server = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: `file:${file}`,
      PORT: String(port),
      NODE_ENV: "production",
      WEB_CONCURRENCY: "1",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve) => server.stdout!.on("data", (d) => String(d).includes("http://") && resolve()));
  return { port, server };
}
