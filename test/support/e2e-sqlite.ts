import Database from "better-sqlite3";
import { E2E_DB } from "./paths";

// e2e files write the records their own people need straight into the running server's database (decision 040).

/** Runs `fn` on a short-lived connection to the e2e server's SQLite file, waiting for the server's writer. */
export function withE2eDb<T>(fn: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(E2E_DB);
  sqlite.pragma("busy_timeout = 5000");
  try {
    return fn(sqlite);
  } finally {
    sqlite.close();
  }
}

/** A Date as Prisma stores DateTime in SQLite ("2026-11-28T09:00:00.000+00:00"). */
export const sqliteStamp = (d: Date) => d.toISOString().replace("Z", "+00:00");
