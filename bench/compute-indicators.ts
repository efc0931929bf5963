// Helper for bench/indicators.ts: times computeIndicators() on the database in DATABASE_URL; prints JSON.
import { computeIndicators } from "~/models/plan/indicators.server";
import { db } from "~/utils/db.server";

const runs = Number(process.argv[2] ?? 5);
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await computeIndicators(2569, { live: true });
  times.push(performance.now() - t);
}
console.log(JSON.stringify(times));
await db.$disconnect();
