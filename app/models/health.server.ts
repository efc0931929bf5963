import { db } from "~/utils/db.server";

// What /healthz reports: the database answers a read AND can take a write lock. A database the app cannot
// write (file modes, a read-only disk, a full disk) must not look healthy (decision 027).

export type Health = { ok: true } | { ok: false; reason: string };

function describe(error: unknown): string {
  const parts: string[] = [];
  for (
    let e = error as { message?: unknown; code?: unknown; meta?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 6;
    e = e.cause as typeof e, i++
  ) {
    parts.push(String(e.code ?? ""), String(e.message ?? ""));
    try {
      parts.push(JSON.stringify(e.meta ?? null));
    } catch {
      /* circular meta: the message is enough */
    }
  }
  const text = parts.join(" ");
  if (/READONLY|readonly database|read-only/i.test(text))
    return "ฐานข้อมูลเขียนไม่ได้ (read-only): ตรวจสิทธิ์ของไฟล์ฐานข้อมูล ไฟล์ -wal/-shm และโฟลเดอร์ที่เก็บ";
  if (/SQLITE_BUSY|database is locked|SocketTimeout/i.test(text)) return "ฐานข้อมูลถูกโปรแกรมอื่นล็อกไว้นานเกินกำหนด (busy)";
  if (/CANTOPEN|unable to open/i.test(text))
    return "เปิดไฟล์ฐานข้อมูลไม่ได้ (cannot open): ตรวจ DATABASE_URL และสิทธิ์ของโฟลเดอร์";
  if (/FULL|disk is full/i.test(text)) return "พื้นที่ดิสก์เต็ม (disk full)";
  const line = text
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  return `ฐานข้อมูลขัดข้อง: ${line ?? "ไม่ทราบสาเหตุ"}`;
}

export async function databaseHealth(): Promise<Health> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    // A write probe that changes nothing: BEGIN IMMEDIATE takes the write lock, the UPDATE matches no row.
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('UPDATE "Division" SET "name" = "name" WHERE 0');
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: describe(error) };
  }
}
