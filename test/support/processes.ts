import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { ROOT } from "./paths";

/** Resolves when the child prints `text` on stdout (rejects if it exits first). */
export function waitForOutput(child: ChildProcess, text: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`timed out waiting for "${text}"; saw: ${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (seen += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      if (!seen.includes(text)) reject(new Error(`exited (${code}) before "${text}"; saw: ${seen}`));
    });
  });
}

/**
 * Another process holding SQLite's write lock (`BEGIN IMMEDIATE`) on `file` for `ms`, as `npm run user` or a
 * second tool would. Resolves once the lock is held; `released` resolves when it has committed.
 */
export async function holdWriteLock(file: string, ms: number) {
  const script = `
    const db = require("better-sqlite3")(process.argv[1]);
    db.exec("BEGIN IMMEDIATE");
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("COMMIT"); db.close(); process.stdout.write("released\\n"); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ["-e", script, file, String(ms)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const released = waitForOutput(child, "released", ms + 30_000);
  await waitForOutput(child, "locked");
  return { released, child };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** `node server.mjs` as its own process on a free port with its own database file. */
export async function spawnServer(
  databaseFile: string,
  options: Pick<SpawnOptions, "uid" | "gid"> & { env?: Record<string, string> } = {},
) {
  const { env: extraEnv, ...spawnOptions } = options;
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `file:${databaseFile}`,
      PORT: String(port),
      NODE_ENV: "production",
      SESSION_COOKIE_SECURE: "false",
      // One process: the suite runs two vitest processes on two cores (decision 052); a test that needs several
      // asks (writes-across-processes sets WEB_CONCURRENCY=2).
      WEB_CONCURRENCY: "1",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
    ...spawnOptions,
  });
  await waitForOutput(child, `:${port}`);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
