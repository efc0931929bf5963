import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { mayWrite, WRITE_LOCK_MESSAGE } from "~/utils/write-lock.server";
import { serveWriteLock, workerCount } from "../../server.mjs";

// Decision 050: the cluster primary's write lock — one holder, first come first served, nothing held by a worker
// that died or gave up.

function fakeWorker(pid: number) {
  const sent: { kind: string; id: number }[] = [];
  let dead = false;
  return {
    process: { pid },
    isDead: () => dead,
    send(message: Record<string, unknown>) {
      sent.push({ kind: message[WRITE_LOCK_MESSAGE] as string, id: message.id as number });
    },
    die() {
      dead = true;
    },
    granted: () => sent.filter((m) => m.kind === "granted").map((m) => m.id),
  };
}

function setup() {
  const primary = new EventEmitter();
  const lock = serveWriteLock(primary);
  const say = (worker: ReturnType<typeof fakeWorker>, kind: string, id: number) =>
    primary.emit("message", worker, { [WRITE_LOCK_MESSAGE]: kind, id });
  return { primary, lock, say };
}

describe("the primary's write lock", () => {
  it("grants one holder at a time, in the order asked", () => {
    const { lock, say } = setup();
    const a = fakeWorker(1);
    const b = fakeWorker(2);
    say(a, "acquire", 1);
    say(b, "acquire", 1);
    say(a, "acquire", 2);
    expect(a.granted()).toEqual([1]);
    expect(b.granted()).toEqual([]);
    expect(lock.state()).toEqual({ holder: { pid: 1, id: 1 }, queued: 2 });
    say(a, "release", 1);
    expect(b.granted()).toEqual([1]);
    expect(a.granted()).toEqual([1]);
    say(b, "release", 1);
    expect(a.granted()).toEqual([1, 2]);
    say(a, "release", 2);
    expect(lock.state()).toEqual({ holder: null, queued: 0 });
  });

  it("ignores a release by a worker that does not hold the lock", () => {
    const { lock, say } = setup();
    const a = fakeWorker(1);
    const b = fakeWorker(2);
    say(a, "acquire", 7);
    say(b, "release", 7);
    expect(lock.state()).toEqual({ holder: { pid: 1, id: 7 }, queued: 0 });
  });

  it("takes a request that gave up waiting out of the queue", () => {
    const { lock, say } = setup();
    const a = fakeWorker(1);
    const b = fakeWorker(2);
    say(a, "acquire", 1);
    say(b, "acquire", 5);
    say(b, "acquire", 6);
    say(b, "release", 5); // timed out while queued
    say(a, "release", 1);
    expect(b.granted()).toEqual([6]);
    expect(lock.state()).toEqual({ holder: { pid: 2, id: 6 }, queued: 0 });
  });

  it("frees what a dead worker held or asked for", () => {
    const { primary, lock, say } = setup();
    const a = fakeWorker(1);
    const b = fakeWorker(2);
    const c = fakeWorker(3);
    say(a, "acquire", 1);
    say(a, "acquire", 2);
    say(b, "acquire", 1);
    say(c, "acquire", 1);
    b.die();
    a.die();
    primary.emit("exit", a);
    // b died too but has not been reported yet: it is skipped, not granted.
    expect(b.granted()).toEqual([]);
    expect(c.granted()).toEqual([1]);
    expect(lock.state()).toEqual({ holder: { pid: 3, id: 1 }, queued: 0 });
  });

  it("leaves other workers' messages alone", () => {
    const { primary, lock } = setup();
    primary.emit("message", fakeWorker(1), { something: "else" });
    primary.emit("message", fakeWorker(1), null);
    expect(lock.state()).toEqual({ holder: null, queued: 0 });
  });
});

describe("which statements take the write lock outside a transaction", () => {
  it("reads do not, writes and anything unknown do", () => {
    expect(mayWrite('SELECT "id" FROM "Person"')).toBe(false);
    expect(mayWrite("  explain query plan select 1")).toBe(false);
    expect(mayWrite("WITH x AS (SELECT 1) SELECT * FROM x")).toBe(false);
    expect(mayWrite('WITH v(id) AS (VALUES (1)) UPDATE "AttemptItem" SET "correct" = 1 FROM v')).toBe(true);
    expect(mayWrite('INSERT INTO "AuditLog" ("action") VALUES (?) RETURNING "id"')).toBe(true);
    expect(mayWrite('UPDATE "Session" SET "expiresAt" = ?')).toBe(true);
    expect(mayWrite('DELETE FROM "Session"')).toBe(true);
    expect(mayWrite("PRAGMA journal_mode = WAL")).toBe(true);
  });
});

describe("how many server processes `npm start` runs", () => {
  it("one by default, WEB_CONCURRENCY=n or one per core with auto", () => {
    expect(workerCount({}, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: "" }, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: "nonsense" }, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: "0" }, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: "3" }, 8)).toBe(3);
    expect(workerCount({ WEB_CONCURRENCY: "auto" }, 8)).toBe(8);
  });
});
