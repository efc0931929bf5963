import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT, bin } from "./paths";

/** A fresh SQLite file built from the committed migrations, with content synced (and demo data if `seed`). */
export function buildDatabase(file: string, { seed }: { seed: boolean }) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  const env = { ...process.env, DATABASE_URL: `file:${file}`, SEED: seed ? "demo" : "none" };
  execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: ROOT, env, stdio: "pipe" });
  execFileSync(bin("tsx"), ["scripts/prepare-data.ts"], { cwd: ROOT, env, stdio: "pipe" });
}
