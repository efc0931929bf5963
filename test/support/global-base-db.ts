import { buildDatabase } from "./migrated-db";
import { BASE_DB } from "./paths";

// Built once per run; every integration test file works on its own copy (test/support/worker-db.ts).
export default function setup() {
  buildDatabase(BASE_DB, { seed: false });
}
