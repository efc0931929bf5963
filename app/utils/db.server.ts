import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { databaseUrl } from "./database-url";
import { serializedAdapter } from "./serialized-adapter.server";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient(): PrismaClient {
  const client = new PrismaClient({
    adapter: serializedAdapter(new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 5000 })),
    // Transactions queue on one connection (decision 008): under load a start may wait behind others, so allow
    // more than Prisma's default 2 s before giving up.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  // WAL lets readers continue while one writer commits; the adapter's timeout makes concurrent writers wait instead of failing.
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => undefined);
  // In WAL mode NORMAL never corrupts the database; a power cut may lose the last commits, not break the file.
  void client.$queryRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => undefined);
  return client;
}

// One client per process; the dev server re-imports modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { __sujaritDb?: PrismaClient };
export const db: PrismaClient = globalForDb.__sujaritDb ?? (globalForDb.__sujaritDb = createClient());
