// Sync authored content into the database, then seed demo data when the database has no people.
// Run by `npm run setup`; safe to run again (upserts, never wipes).
import { syncAllContent } from "~/content/sync.server";
import { ContentError } from "~/content/yaml-file.server";
import { db } from "~/utils/db.server";
import { seedDemoData } from "../prisma/seed";

async function main() {
  const synced = await syncAllContent();
  console.log(`content: ${synced}`);
  if (process.env.SEED === "none") {
    console.log("seed: skipped (SEED=none)");
  } else {
    const seed = await seedDemoData(db);
    console.log(seed.seeded ? `seed: demo data created (${seed.people} people)` : `seed: kept existing data (${seed.people} people)`);
  }
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
