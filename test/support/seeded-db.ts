import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { buildDatabase } from "./migrated-db";
import { ROOT, TMP } from "./paths";

// The seeded demo database, built once and copied (decision 040). Seeding takes about a minute on a loaded
// two-core machine, so it is built once per change of what it is made from and reused by later runs: the file is
// named by a hash of the migrations, the seed, the content and the app code the seed runs, and of today's date in
// Bangkok (the seed dates its demo records relative to now).

export const SEEDED_DIR = path.join(TMP, "seeded");
/** The seal key the seeded file was sealed with (decision 022): servers on a copy must use the same key. */
export const SEEDED_SEAL_KEY_FILE = path.join(SEEDED_DIR, "seal.key");

const INPUTS = [
  "prisma",
  "content",
  "scripts/prepare-data.ts",
  "app/content",
  "app/domain",
  "app/models",
  "app/utils",
  "package-lock.json",
];

function filesUnder(p: string): string[] {
  if (!fs.existsSync(p)) return [];
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs
    .readdirSync(p)
    .sort()
    .flatMap((entry) => filesUnder(path.join(p, entry)));
}

export function seedHash(now = new Date()): string {
  const hash = createHash("sha256");
  hash.update(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }).format(now));
  for (const file of INPUTS.flatMap((input) => filesUnder(path.join(ROOT, input)))) {
    hash.update(path.relative(ROOT, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * The path of the seeded demo database for the current sources, building it if this run is the first to need it.
 * Never open it directly: copy it (`copySeededDatabase`).
 */
export function seededDatabase(): string {
  const file = path.join(SEEDED_DIR, `demo-${seedHash()}.db`);
  fs.mkdirSync(SEEDED_DIR, { recursive: true });
  // `npm test` runs the unit/integration and the e2e vitest processes side by side (decision 040), and both may
  // need the file first: one builds it under a lock file, the other waits for it instead of seeding a second time.
  const lock = `${file}.lock`;
  for (;;) {
    if (fs.existsSync(file) && fs.existsSync(SEEDED_SEAL_KEY_FILE)) return file;
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lock, "utf8"));
      if (holder && !alive(holder)) fs.rmSync(lock, { force: true });
      else sleep(250);
    }
  }
  try {
    if (fs.existsSync(file) && fs.existsSync(SEEDED_SEAL_KEY_FILE)) return file;
    buildSeededFile(file);
    return file;
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function buildSeededFile(file: string) {
  // Seeded files are only valid with the key they were sealed with: a new key means every old file goes.
  if (!fs.existsSync(SEEDED_SEAL_KEY_FILE)) removeSeededFilesExcept(undefined);
  const building = `${file}.${process.pid}.building`;
  const previousKeyFile = process.env.SEAL_KEY_FILE;
  process.env.SEAL_KEY_FILE = SEEDED_SEAL_KEY_FILE;
  try {
    buildDatabase(building, { seed: true });
  } finally {
    if (previousKeyFile === undefined) delete process.env.SEAL_KEY_FILE;
    else process.env.SEAL_KEY_FILE = previousKeyFile;
  }
  // Fold the WAL into the file so one file is the whole database, then publish it atomically.
  const sqlite = new Database(building);
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
  fs.renameSync(building, file);
  removeSeededFilesExcept(path.basename(file));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function removeSeededFilesExcept(keep: string | undefined) {
  for (const old of fs.readdirSync(SEEDED_DIR)) {
    const building = /\.(\d+)\.building/.exec(old);
    // Old seeded files and their locks, and half-built ones whose builder is gone (a run that was stopped).
    const stale = /^demo-[0-9a-f]+\.db(\.lock)?$/.test(old) && !old.startsWith(keep ?? "\0");
    if (stale || (building && !alive(Number(building[1])))) {
      fs.rmSync(path.join(SEEDED_DIR, old), { force: true });
    }
  }
}

/** A private copy of the seeded demo database at `target` (any old file and its WAL there are removed first). */
export function copySeededDatabase(target: string): string {
  const source = seededDatabase();
  fs.mkdirSync(path.dirname(target), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(source, target);
  return target;
}
