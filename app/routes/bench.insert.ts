import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { insertBenchRow } from "~/models/bench.server";

// The baseline for bench/post-test-submit.mjs: a bare action that inserts one row. It exists only when the
// server is started with BENCH_ROUTES=1; otherwise it is an ordinary 404.
const enabled = () => process.env.BENCH_ROUTES === "1";

export async function loader() {
  throw json({ message: "ไม่พบหน้าที่ต้องการ" }, { status: 404 });
}

export async function action(_: ActionFunctionArgs) {
  if (!enabled()) throw json({ message: "ไม่พบหน้าที่ต้องการ" }, { status: 404 });
  return json(await insertBenchRow());
}
