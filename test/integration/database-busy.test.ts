import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFilePath } from "~/utils/database-url";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { assignCourse } from "../support/assignments";
import { BASE_DB } from "../support/paths";
import { createTestPerson, sessionCookieFor } from "../support/factories";
import { holdWriteLock, spawnServer } from "../support/processes";

// Issue 16, finding 10 (a) and (b): a write lock held by another process makes writes wait, past the busy
// timeout a Thai 503 "try again"; a read-only database makes /healthz say why.

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
  await assignCourse("no-gift");
});
afterAll(() => app.close());

describe("a write lock held by another process", () => {
  it("makes a write wait 1.5 s and then succeed", async () => {
    const person = await createTestPerson();
    const client = app.client(await sessionCookieFor(person.id));
    const lock = await holdWriteLock(databaseFilePath(), 1500);
    const started = Date.now();
    const response = await client.post("/courses/no-gift", { kind: "pre" });
    const waited = Date.now() - started;
    await lock.released;
    expect(response.status, await response.clone().text()).toBe(302);
    expect(waited).toBeGreaterThan(1000);
    expect(await db.attempt.count({ where: { personId: person.id, kind: "pre" } })).toBe(1);
  });

  it("answers a Thai 503 'try again' past the busy timeout, and writes nothing", async () => {
    const person = await createTestPerson();
    const client = app.client(await sessionCookieFor(person.id));
    const lock = await holdWriteLock(databaseFilePath(), 7000);
    const response = await client.post("/courses/no-gift", { kind: "pre" });
    const body = await response.text();
    await lock.released;
    expect(response.status).toBe(503);
    expect(body).toContain("ระบบไม่ว่างชั่วคราว โปรดลองอีกครั้ง");
    expect(response.headers.get("retry-after")).toBeTruthy();
    expect(await db.attempt.count({ where: { personId: person.id } })).toBe(0);
  });
});

describe("/healthz", () => {
  it("answers 503 with the reason when the database is read-only", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sujarit-ro-"));
    const file = path.join(dir, "ro.db");
    fs.copyFileSync(BASE_DB, file);
    // root ignores file modes: run that server as "nobody", which may read but not write the file.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(file, 0o444);
    const server = await spawnServer(file, asNobody);
    try {
      const response = await fetch(`${server.baseUrl}/healthz`);
      const body = (await response.json()) as { status: string; reason: string };
      expect(response.status).toBe(503);
      expect(body.status).toBe("error");
      expect(body.reason).toContain("ฐานข้อมูลเขียนไม่ได้ (read-only)");
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers 200 when the database is readable and writable", async () => {
    const response = await fetch(`${app.baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });
});
