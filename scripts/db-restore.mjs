// `npm run db:restore -- FILE`: put a backup in place of the database. Refuses while a server (or any other
// process) has the database open, checks the backup's integrity first, keeps the replaced files aside, and
// removes the old -wal/-shm so SQLite cannot replay them over the restored file.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { argumentPath, databaseFile, processesUsingDatabase, serverMarker } from "./db-files.mjs";

const arg = process.argv[2];
if (!arg) {
  console.error("ใช้: npm run db:restore -- <ไฟล์สำรอง>   (หยุดเซิร์ฟเวอร์ก่อน)");
  process.exit(2);
}
const backup = argumentPath(arg);
const target = databaseFile();
const fail = (message) => {
  console.error(`กู้คืนไม่สำเร็จ: ${message}`);
  process.exit(1);
};
if (!fs.existsSync(backup)) fail(`ไม่พบไฟล์สำรอง ${backup}`);

const users = processesUsingDatabase(target);
if (users.size) {
  const list = [...users].map(([pid, why]) => `pid ${pid} (${why})`).join(", ");
  fail(`ฐานข้อมูล ${target} กำลังถูกใช้งานโดย ${list}: หยุดเซิร์ฟเวอร์และโปรแกรมที่เปิดฐานข้อมูลอยู่ก่อน แล้วลองอีกครั้ง`);
}

// Check the backup on a private copy (opening it may create -wal/-shm files; the original stays untouched).
const staging = `${target}.restoring`;
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(staging + suffix, { force: true });
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(backup, staging);
try {
  const db = new Database(staging, { fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`ไฟล์สำรองเสียหาย (integrity_check: ${integrity})`);
    db.prepare("SELECT count(*) FROM _prisma_migrations").get();
    db.pragma("journal_mode = DELETE");
  } finally {
    db.close();
  }
} catch (error) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(staging + suffix, { force: true });
  fail(
    error.code === "SQLITE_NOTADB"
      ? "ไฟล์นี้ไม่ใช่ฐานข้อมูล SQLite"
      : error.message.includes("_prisma_migrations")
        ? "ไฟล์นี้ไม่ใช่ฐานข้อมูลของระบบสุจริต"
        : error.message,
  );
}

// Keep what is replaced, then swap. Old -wal/-shm go aside with it: replayed over the restored file they would corrupt it.
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const aside = `${target}.before-restore-${stamp}`;
for (const suffix of ["", "-wal", "-shm"])
  if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, aside + suffix);
fs.renameSync(staging, target);
fs.rmSync(serverMarker(target), { force: true }); // stale: no process was using the database
console.log(`กู้คืนฐานข้อมูลจาก ${backup} แล้ว (integrity ok)${fs.existsSync(aside) ? `; ไฟล์เดิมเก็บไว้ที่ ${aside}` : ""}`);
