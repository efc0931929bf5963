// Sync authored content into the database, then seed demo data when the database has no people.
// Run by `npm run setup`; safe to run again (upserts, never wipes).
import { syncAllContent } from "~/content/sync.server";
import { ContentError } from "~/content/yaml-file.server";
import { sealLegacyOrders } from "~/models/orders/order-verify.server";
import { db } from "~/utils/db.server";
import { ensureSealKeyFile } from "~/utils/seal-key.server";
import { seedDemoData } from "../prisma/seed";

async function main() {
  // The seal key lives outside the database (decision 022): made once, never overwritten.
  if (!process.env.SEAL_KEY) {
    const key = ensureSealKeyFile();
    console.log(
      key.created ? `seal key: created ${key.file} (back it up apart from the database)` : `seal key: ${key.file}`,
    );
  }
  const synced = await syncAllContent();
  console.log(`content: ${synced}`);
  if (process.env.SEED === "none") {
    console.log("seed: skipped (SEED=none)");
  } else {
    const seed = await seedDemoData(db);
    console.log(
      seed.seeded
        ? `seed: demo data created (${seed.people} people)`
        : `seed: kept existing data (${seed.people} people)`,
    );
  }
  const legacy = await sealLegacyOrders();
  if (legacy.sealed || legacy.refused.length)
    console.log(`seal: ${legacy.sealed} order(s) signed before seals sealed; refused ${legacy.refused.length}`);
}

main()
  .catch((error) => {
    if (error instanceof ContentError) {
      console.error(`content error in ${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
