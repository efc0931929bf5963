import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { databaseUrl } from "./database-url";
import { serializedAdapter, type DirectSql } from "./serialized-adapter.server";

export type { SqlStatements } from "./serialized-adapter.server";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient(): { client: PrismaClient; sqlite: DirectSql } {
  const adapter = serializedAdapter(new PrismaBetterSQLite3({ url: databaseUrl(), timeout: 5000 }));
  const client = new PrismaClient({
    adapter: adapter.factory,
    // Transactions queue on one connection (decision 008): under load a start may wait behind others, so allow
    // more than Prisma's default 2 s before giving up.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  // WAL lets readers continue while one writer commits; the adapter's timeout makes concurrent writers wait instead of failing.
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => undefined);
  // In WAL mode NORMAL never corrupts the database; a power cut may lose the last commits, not break the file.
  void client.$queryRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => undefined);
  return { client, sqlite: adapter.directSql(() => client.$connect()) };
}

// One client per process; the dev server re-imports modules, so keep it on globalThis.
// The direct path belongs to that client's connection, so the two are created and kept together.
const globalForDb = globalThis as unknown as { __sujaritDb?: PrismaClient; __sujaritSqlite?: DirectSql };
if (!globalForDb.__sujaritDb || !globalForDb.__sujaritSqlite) {
  const created = createClient();
  globalForDb.__sujaritDb = created.client;
  globalForDb.__sujaritSqlite = created.sqlite;
}
export const db: PrismaClient = globalForDb.__sujaritDb;
/** Synchronous SQL on the same connection, for the hot paths (decision 054; see DirectSql). */
export const sqlite: DirectSql = globalForDb.__sujaritSqlite;
