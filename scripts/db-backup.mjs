// `npm run db:backup -- FILE`: an online, consistent copy of the database while the server keeps running.
// VACUUM INTO reads one snapshot through SQLite, so the copy includes every write committed to the -wal file
// (copying the .db file alone misses them) and writers are not blocked. The copy is checked before it is kept.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { argumentPath, databaseFile } from "./db-files.mjs";

const arg = process.argv[2];
if (!arg) {
  console.error(
    "ใช้: npm run db:backup -- <ไฟล์สำรอง>   เช่น npm run db:backup -- /var/backups/sujarit/sujarit-2570-11-28.db",
  );
  process.exit(2);
}
const source = databaseFile();
const target = argumentPath(arg);
if (!fs.existsSync(source)) {
  console.error(`ไม่พบฐานข้อมูล ${source} (ตรวจ DATABASE_URL)`);
  process.exit(1);
}
if (fs.existsSync(target)) {
  console.error(`มีไฟล์ ${target} อยู่แล้ว: ระบบไม่เขียนทับไฟล์สำรองเดิม เลือกชื่อไฟล์ใหม่`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
const partial = `${target}.partial`;
fs.rmSync(partial, { force: true });

const started = Date.now();
const db = new Database(source, { fileMustExist: true, timeout: 15_000 });
try {
  db.prepare("VACUUM INTO ?").run(partial);
} finally {
  db.close();
}
const copy = new Database(partial, { fileMustExist: true });
try {
  copy.pragma("journal_mode = DELETE"); // one self-contained file
  const integrity = copy.pragma("integrity_check", { simple: true });
  if (integrity !== "ok") throw new Error(`integrity_check: ${integrity}`);
  const migrations = copy.prepare("SELECT count(*) AS n FROM _prisma_migrations").get().n;
  const fd = fs.openSync(partial, "r");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  copy.close();
  fs.renameSync(partial, target);
  const size = fs.statSync(target).size;
  console.log(
    `สำรองฐานข้อมูลแล้ว: ${target} (${(size / 1024 / 1024).toFixed(1)} MB, ${migrations} migrations, integrity ok, ${Date.now() - started} ms)`,
  );
} catch (error) {
  if (copy.open) copy.close();
  fs.rmSync(partial, { force: true });
  console.error(`สำรองไม่สำเร็จ: ${error.message}`);
  process.exit(1);
}
