import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { BASE_DB, TMP } from "./paths";

// Each test file gets its own copy of the migrated base database, before any app module opens it.
const file = path.join(TMP, `worker-${process.pid}-${Math.random().toString(36).slice(2, 8)}.db`);
fs.copyFileSync(BASE_DB, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";
process.env.SESSION_COOKIE_SECURE = "false";

const globalForDb = globalThis as unknown as { __sujaritDb?: { $disconnect(): Promise<void> } };
delete globalForDb.__sujaritDb;

afterAll(async () => {
  await globalForDb.__sujaritDb?.$disconnect();
  delete globalForDb.__sujaritDb;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
