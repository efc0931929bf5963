import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
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

function serialize(adapter: Adapter): Adapter {
  const mutex = new Mutex();
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

/** A driver adapter factory like PrismaBetterSQLite3, with every statement serialized as above. */
export function serializedAdapter(inner: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => serialize(await inner.connect()),
    connectToShadowDb: async () => serialize(await inner.connectToShadowDb()),
  } as unknown as PrismaBetterSQLite3;
}
