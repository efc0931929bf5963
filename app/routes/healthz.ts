import { json } from "@remix-run/node";
import { databaseHealth } from "~/models/health.server";

export async function loader() {
  const health = await databaseHealth();
  const headers = { "Cache-Control": "no-store" };
  return health.ok
    ? json({ status: "ok" }, { headers })
    : json({ status: "error", reason: health.reason }, { status: 503, headers });
}
