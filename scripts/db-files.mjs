// Where the database lives and whether a server is using it: shared by server.mjs, db:backup and db:restore.
import fs from "node:fs";
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/sujarit.db";

/** The database file, resolved as better-sqlite3 resolves it: relative to the working directory. */
export function databaseFile(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL) {
  return path.resolve(url.replace(/^file:/, ""));
}

/** The marker a running server keeps next to the database: `<db>.server.json` with its pid and port. */
export const serverMarker = (dbFile) => `${dbFile}.server.json`;

export function writeServerMarker(dbFile, port) {
  const marker = serverMarker(dbFile);
  try {
    fs.writeFileSync(marker, JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }) + "\n");
  } catch (error) {
    // A read-only data folder: the server still serves (and /healthz says why); db:restore falls back to /proc.
    console.warn(`Sujarit: cannot write ${marker} (${error.code ?? error.message})`);
    return;
  }
  const remove = () => {
    try {
      const current = JSON.parse(fs.readFileSync(marker, "utf8"));
      if (current.pid === process.pid) fs.rmSync(marker, { force: true });
    } catch {
      /* already gone */
    }
  };
  process.once("exit", remove);
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => process.exit(0));
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM"; // exists, owned by someone else
  }
};

/**
 * Processes that have the database (or its -wal) open right now, from /proc on Linux, plus a live server
 * marker. A marker whose process is gone (kill -9, power cut) is stale and ignored.
 */
export function processesUsingDatabase(dbFile) {
  const found = new Map();
  try {
    const { pid } = JSON.parse(fs.readFileSync(serverMarker(dbFile), "utf8"));
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) found.set(pid, "server marker");
  } catch {
    /* no marker */
  }
  const targets = new Set([dbFile, `${dbFile}-wal`, `${dbFile}-shm`]);
  let pids = [];
  try {
    pids = fs
      .readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return found; // not Linux: the marker is the only evidence
  }
  for (const pid of pids) {
    if (pid === process.pid) continue;
    let fds = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (targets.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          found.set(pid, "has the database open");
          break;
        }
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return found;
}

/** A path given on the command line, relative to where `npm run` was typed. */
export const argumentPath = (value) => path.resolve(process.env.INIT_CWD || process.cwd(), value);
