import cluster from "node:cluster";

// One fair write lock for all the server's processes (decision 050). SQLite has one writer per file; between
// processes it makes a writer wait in its busy handler, which blocks that whole process (better-sqlite3 is
// synchronous) and sleeps 1, 2, 5 … 100 ms between tries, so the lock sat idle while the other process took it
// again. Workers of `node server.mjs` instead ask the cluster primary (`serveWriteLock` in server.mjs), which grants
// the lock first come, first served over the IPC channel; a worker waiting for it keeps serving reads. In one
// process (no primary: WEB_CONCURRENCY=1, the tests, scripts) the adapter's own queue is the lock (decision 008).
// SQLite's busy timeout still applies to writers outside the server (`npm run user`, a backup).

export const WRITE_LOCK_MESSAGE = "sujarit:write-lock";
/**
 * Longer than this in the queue and the write is answered 503 "try again": as long as a transaction may wait to
 * start (Prisma's maxWait in db.server.ts; before decision 050 a transaction could queue that long in its own
 * process and then 5 s more in SQLite's busy handler).
 */
export const WRITE_LOCK_WAIT_MS = 10_000;

export type Release = () => void;
type Message = { [WRITE_LOCK_MESSAGE]: "acquire" | "release" | "granted"; id: number };

const shared = cluster.isWorker && typeof process.send === "function";
const waiting = new Map<number, (granted: boolean) => void>();
let nextId = 0;

const send = (kind: Message[typeof WRITE_LOCK_MESSAGE], id: number) => {
  try {
    process.send!({ [WRITE_LOCK_MESSAGE]: kind, id } satisfies Message);
  } catch {
    // The primary is gone: the process is ending.
  }
};

if (shared) {
  process.on("message", (message: Partial<Message> | null) => {
    if (message?.[WRITE_LOCK_MESSAGE] !== "granted" || typeof message.id !== "number") return;
    const grant = waiting.get(message.id);
    waiting.delete(message.id);
    if (grant) grant(true);
    else send("release", message.id); // it gave up waiting a moment ago
  });
}

/** Whether this process shares the write lock with other server processes. */
export const writeLockIsShared = () => shared;

/** Wait for the servers' write lock (at once when there is only this process). Throws "database is locked" past the wait. */
export function acquireWriteLock(): Promise<Release> {
  if (!shared) return Promise.resolve(() => {});
  const id = ++nextId;
  return new Promise<Release>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (!waiting.delete(id)) return;
      send("release", id); // leaves the queue, or hands back a grant already on its way
      reject(new Error(`SQLITE_BUSY: database is locked (waited ${WRITE_LOCK_WAIT_MS} ms for the write lock)`));
    }, WRITE_LOCK_WAIT_MS);
    waiting.set(id, () => {
      clearTimeout(timer);
      let released = false;
      resolve(() => {
        if (released) return;
        released = true;
        send("release", id);
      });
    });
    send("acquire", id);
  });
}

/** A statement that may write (outside a transaction it takes the lock too); SELECTs and EXPLAINs only read. */
export function mayWrite(sql: string): boolean {
  const text = sql.trimStart();
  if (/^(SELECT|EXPLAIN)\b/i.test(text)) return false;
  if (/^WITH\b/i.test(text)) return /\b(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(text);
  return true;
}
