import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";
import { txTimer } from "./tx-stats.server";

// The better-sqlite3 adapter shares one connection and locks only transactions against each other: a plain
// query issued while another request's transaction is open runs inside that transaction, sees its uncommitted
// rows, and is rolled back with it. This wrapper makes every statement outside a transaction wait until no
// transaction is open, and lets one transaction run at a time (docs/decisions/008).

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Tx = Awaited<ReturnType<Adapter["startTransaction"]>>;

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/** Statements kept per connection; Prisma's SQL has placeholders, so a few hundred texts cover the whole app. */
const STATEMENT_CACHE_LIMIT = 1000;

/**
 * The adapter prepares every statement anew (`client.prepare(sql).bind(args)`): SQLite's parse and plan were 5–6 %
 * of the server's time under load. Keep each prepared statement per SQL text and hand the adapter a fresh binding
 * each time (better-sqlite3 binds permanently, so the cached statement itself is never bound). Safe because
 * better-sqlite3 runs a statement to completion before returning and this connection is only used through the
 * adapter.
 */
function cachePreparedStatements(connection: BetterSqlite3.Database): (sql: string) => BetterSqlite3.Statement {
  const prepare = connection.prepare.bind(connection);
  const statements = new Map<string, BetterSqlite3.Statement>();
  const cached = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  // A statement's columns are fixed by its SQL text (the schema does not change while the server runs), and
  // better-sqlite3 builds them anew on every call: 2 % of the server's time under load.
  const columns = new WeakMap<BetterSqlite3.Statement, BetterSqlite3.ColumnDefinition[]>();
  const columnsOf = (statement: BetterSqlite3.Statement) => {
    let known = columns.get(statement);
    if (!known) columns.set(statement, (known = statement.columns()));
    return known;
  };
  const reusable = (sql: string) => ({
    bind(args: unknown[]) {
      const statement = cached(sql);
      return {
        reader: statement.reader,
        columns: () => columnsOf(statement),
        // The adapter's connection reads integers as BigInt (its own mapping converts them); the direct path does not.
        raw: () => ({ all: () => statement.safeIntegers(true).raw(true).all(args) }),
        run: () => statement.safeIntegers(true).run(args),
      };
    },
  });
  connection.prepare = reusable as unknown as typeof connection.prepare;
  return cached;
}

/** Synchronous statements on the app's own connection (decision 054). Arguments as for Prisma's raw queries. */
export type SqlStatements = {
  all<T>(sql: string, ...args: unknown[]): T[];
  run(sql: string, ...args: unknown[]): number;
};

/**
 * The hot paths' way past Prisma (decision 054): `work` runs synchronously on the connection Prisma uses, in the
 * same queue as every Prisma statement and transaction, so it never interleaves with them. `write` wraps it in
 * BEGIN IMMEDIATE … COMMIT (ROLLBACK when it throws): the write lock is held only while SQLite works, not across
 * awaits. Never call these from inside a Prisma transaction: the queue is held by that transaction, so this would
 * wait for it until Prisma's transaction timeout.
 */
export type DirectSql = {
  read<T>(work: (sql: SqlStatements) => T): Promise<T>;
  write<T>(work: (sql: SqlStatements) => T): Promise<T>;
};

type Connected = {
  connection: BetterSqlite3.Database;
  statement: (sql: string) => BetterSqlite3.Statement;
  mutex: Mutex;
};

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; Prisma's raw queries also take dates and booleans. */
function bindable(value: unknown) {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00"); // as Prisma's adapter stores them
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function statementsOn(connected: Connected, counted: () => void): SqlStatements {
  return {
    all: <T>(sql: string, ...args: unknown[]) => {
      counted();
      // Plain numbers: the app's ids and counts are far below 2^53.
      return connected.statement(sql).safeIntegers(false).raw(false).all(args.map(bindable)) as T[];
    },
    run: (sql: string, ...args: unknown[]) => {
      counted();
      return Number(connected.statement(sql).run(args.map(bindable)).changes);
    },
  };
}

const isThenable = (value: unknown) => typeof (value as { then?: unknown } | null)?.then === "function";
const NOT_SYNCHRONOUS = "direct SQL work must be synchronous (it holds the connection's queue)";

function serialize(adapter: Adapter, onConnected?: (connected: Connected) => void): Adapter {
  const connection = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
  const mutex = new Mutex();
  if (connection?.prepare) onConnected?.({ connection, statement: cachePreparedStatements(connection), mutex });
  const wrapped: Adapter = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => mutex.run(() => adapter.queryRaw(query)),
    executeRaw: (query) => mutex.run(() => adapter.executeRaw(query)),
    executeScript: (script) => mutex.run(() => adapter.executeScript(script)),
    dispose: () => adapter.dispose(),
    // BEGIN IMMEDIATE, not the inner adapter's deferred BEGIN: a deferred transaction reads first and then has to
    // upgrade to a write lock, and SQLite never waits (no busy handler) for that upgrade — a lock held by another
    // process (`npm run user`, a backup) failed the write at once. IMMEDIATE takes the write lock up front, so
    // the connection's busy timeout applies and the transaction waits for the other writer (decision 027).
    // The engine sends COMMIT/ROLLBACK itself (usePhantomQuery: false); commit()/rollback() only release the queue.
    async startTransaction(isolationLevel) {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") return adapter.startTransaction(isolationLevel); // the inner adapter's refusal
      const timer = txTimer();
      const release = await mutex.acquire();
      try {
        await adapter.executeScript("BEGIN IMMEDIATE");
        timer.locked();
      } catch (error) {
        release();
        throw error;
      }
      let released = false;
      const done = async () => {
        if (!released) {
          released = true;
          timer.done();
          release();
        }
      };
      const tx: Tx = {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (query) => (timer.statement(), adapter.queryRaw(query)),
        executeRaw: (query) => (timer.statement(), adapter.executeRaw(query)),
        commit: done,
        rollback: done,
      };
      return tx;
    },
  };
  if (adapter.getConnectionInfo) wrapped.getConnectionInfo = () => adapter.getConnectionInfo!();
  return wrapped;
}

/**
 * A driver adapter factory like PrismaBetterSQLite3 (`factory`, for Prisma), with every statement serialized as
 * above, and `directSql`: the synchronous path on the same connection, which asks Prisma to connect when needed.
 */
export function serializedAdapter(inner: PrismaBetterSQLite3) {
  let connected: Connected | undefined;
  const factory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => serialize(await inner.connect(), (c) => (connected = c)),
    connectToShadowDb: async () => serialize(await inner.connectToShadowDb()),
  } as unknown as PrismaBetterSQLite3;

  const directSql = (connect: () => Promise<void>): DirectSql => {
    const ready = async () => {
      // Prisma connects lazily, and again after $disconnect (which closes the old connection).
      if (!connected?.connection.open) await connect();
      if (!connected?.connection.open) throw new Error("the database adapter did not connect");
      return connected;
    };
    return {
      async read(work) {
        const c = await ready();
        const release = await c.mutex.acquire();
        try {
          const result = work(statementsOn(c, () => {}));
          if (isThenable(result)) throw new Error(NOT_SYNCHRONOUS);
          return result;
        } finally {
          release();
        }
      },
      async write(work) {
        const c = await ready();
        const timer = txTimer();
        const release = await c.mutex.acquire();
        try {
          c.connection.exec("BEGIN IMMEDIATE");
          timer.locked();
          try {
            const result = work(statementsOn(c, () => timer.statement()));
            if (isThenable(result)) throw new Error(NOT_SYNCHRONOUS);
            c.connection.exec("COMMIT");
            return result;
          } catch (error) {
            if (c.connection.inTransaction) c.connection.exec("ROLLBACK");
            throw error;
          } finally {
            timer.done();
          }
        } finally {
          release();
        }
      },
    };
  };
  return { factory, directSql };
}
