import { afterAll } from "vitest";
import { E2E_DB } from "./paths";
import { SEEDED_SEAL_KEY_FILE } from "./seeded-db";

// e2e files write their fixtures (their own people, sessions) into the e2e server's database, through the app's
// own Prisma client (test/support/factories.ts), before any app module opens it.
process.env.DATABASE_URL = `file:${E2E_DB}`;
process.env.SEAL_KEY_FILE = SEEDED_SEAL_KEY_FILE;

const globalForDb = globalThis as unknown as { __sujaritDb?: { $disconnect(): Promise<void> } };

afterAll(async () => {
  await globalForDb.__sujaritDb?.$disconnect();
  delete globalForDb.__sujaritDb;
});
