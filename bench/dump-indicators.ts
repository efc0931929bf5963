// Prints computeIndicators for every plan year as JSON (to compare two versions of the code on one database).
import { computeIndicators } from "~/models/plan/indicators.server";
import { db } from "~/utils/db.server";

const now = new Date("2026-11-28T12:00:00Z");
const out: Record<number, unknown> = {};
for (const year of [2566, 2567, 2568, 2569, 2570]) out[year] = await computeIndicators(year, { live: true, now });
console.log(JSON.stringify(out));
await db.$disconnect();
