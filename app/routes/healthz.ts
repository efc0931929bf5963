import { json } from "@remix-run/node";
import { db } from "~/utils/db.server";

export async function loader() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "database did not answer";
    return json({ status: "error", reason }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
