import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { db } from "~/utils/db.server";

// The baseline for bench/post-test-submit.mjs: a bare action that inserts one row. It exists only when the
// server is started with BENCH_ROUTES=1; otherwise it is an ordinary 404.
const enabled = () => process.env.BENCH_ROUTES === "1";

export async function loader() {
  throw json({ message: "ไม่พบหน้าที่ต้องการ" }, { status: 404 });
}

export async function action(_: ActionFunctionArgs) {
  if (!enabled()) throw json({ message: "ไม่พบหน้าที่ต้องการ" }, { status: 404 });
  const row = await db.auditLog.create({ data: { action: "bench.insert", entityType: "Bench" } });
  return json({ id: row.id });
}
