import { db } from "~/utils/db.server";

// The baseline for bench/post-test-submit.mjs: one bare insert, no rules and no audit chain, so the benchmark can
// compare a real submission with the cheapest possible write on the same server.
export async function insertBenchRow(): Promise<{ id: number }> {
  const row = await db.auditLog.create({ data: { action: "bench.insert", entityType: "Bench" }, select: { id: true } });
  return row;
}
