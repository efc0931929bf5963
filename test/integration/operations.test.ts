import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFilePath } from "~/utils/database-url";
import { db } from "~/utils/db.server";
import { HttpClient } from "../support/app-server";
import { assignCourse } from "../support/assignments";
import { answersFor } from "../support/courses";
import { createTestPerson, sessionCookieFor } from "../support/factories";
import { ROOT } from "../support/paths";
import { spawnServer } from "../support/processes";

// Issue 16, finding 10 (c) and (d), against `node server.mjs` as its own process on this file's database:
// an online backup under 20 writing clients restores everything acknowledged before it began; restore refuses
// while the server runs; kill -9 during a write burst loses no acknowledged write and duplicates none; 20
// concurrent submissions of one attempt give one result.

const CLIENTS = 20;
const dbFile = () => path.resolve(databaseFilePath());
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sujarit-ops-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const people: { id: number; cookie: string }[] = [];
let publisher: number;
beforeAll(async () => {
  publisher = (await createTestPerson({ roles: ["staff", "hr"] })).id;
  for (let i = 0; i < CLIENTS; i++) {
    const person = await createTestPerson();
    people.push({ id: person.id, cookie: await sessionCookieFor(person.id) });
  }
});

async function publishDocuments(count: number, label: string) {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const doc = await db.policyDocument.create({
      data: {
        title: `${label} ${i}`,
        body: "ทดสอบ",
        targetGroupCode: "all-personnel",
        publishedAt: new Date(),
        publishedById: publisher,
      },
    });
    ids.push(doc.id);
  }
  return ids;
}

type Ack = { personId: number; documentId: number; at: number };

/** 20 clients, each acknowledging every document in turn; resolves with the writes the server acknowledged (200). */
function writeBurst(baseUrl: string, documentIds: number[], acknowledged: Ack[]) {
  return Promise.all(
    people.map(async (p) => {
      const client = new HttpClient(baseUrl, p.cookie);
      for (const documentId of documentIds) {
        try {
          const response = await client.post(`/policies/${documentId}`, {});
          if (response.status === 200) acknowledged.push({ personId: p.id, documentId, at: Date.now() });
          else await response.arrayBuffer();
        } catch {
          return; // the server went away (kill -9): this and later writes were never acknowledged
        }
      }
    }),
  );
}

const npm = (script: string, file: string, env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join(ROOT, "scripts", script), file], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });

function acknowledgementsIn(file: string) {
  const copy = new Database(file, { readonly: true });
  try {
    return {
      integrity: copy.pragma("integrity_check", { simple: true }),
      acks: copy.prepare("SELECT documentId, personId FROM PolicyAcknowledgement").all() as {
        documentId: number;
        personId: number;
      }[],
      audits: copy.prepare("SELECT entityId, actorId FROM AuditLog WHERE action = 'policy.acknowledged'").all() as {
        entityId: string;
        actorId: number;
      }[],
    };
  } finally {
    copy.close();
  }
}

describe("operations", () => {
  it("gives one result for 20 concurrent submissions of one attempt, backs up online while 20 clients write, refuses to restore under a running server, and restores every acknowledged write", async () => {
    await assignCourse("no-gift");
    const documents = await publishDocuments(6, "สำรองข้อมูล");
    const server = await spawnServer(dbFile());
    const acknowledged: Ack[] = [];
    const backupFile = path.join(tmp, "backup.db");
    const naiveFile = path.join(tmp, "naive.db");
    let backupStartedAt = 0;
    try {
      // 20 concurrent submissions of one attempt: one result, one audit record.
      const client = new HttpClient(server.baseUrl, people[0]!.cookie);
      const started = await client.post("/courses/no-gift", { kind: "pre" });
      expect(started.status).toBe(302);
      const attemptId = Number(started.headers.get("location")!.split("/").pop());
      const answers = await answersFor(attemptId, 9);
      const submissions = await Promise.all(
        Array.from({ length: 20 }, () =>
          client.post(`/courses/no-gift/attempts/${attemptId}`, { intent: "submit", ...answers }),
        ),
      );
      expect(submissions.filter((r) => r.status === 302).length).toBeGreaterThanOrEqual(1);
      expect(submissions.every((r) => r.status === 302 || r.status === 409)).toBe(true);
      expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).correctCount).toBe(9);
      expect(await db.auditLog.count({ where: { action: "attempt.submitted", entityId: String(attemptId) } })).toBe(1);

      const burst = writeBurst(server.baseUrl, documents, acknowledged);
      while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
      backupStartedAt = Date.now();
      fs.copyFileSync(dbFile(), naiveFile); // what an operator did before: the .db file alone
      const backup = npm("db-backup.mjs", backupFile, { DATABASE_URL: `file:${dbFile()}` });
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toContain("integrity ok");
      const stillWriting = acknowledged.length;
      await burst;
      expect(acknowledged.length).toBeGreaterThan(stillWriting); // the clients kept writing during the backup

      // While the server runs, restoring over its database is refused and changes nothing.
      const refused = npm("db-restore.mjs", backupFile, { DATABASE_URL: `file:${dbFile()}` });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`pid ${server.child.pid}`);
      expect(refused.stderr).toContain("หยุดเซิร์ฟเวอร์");
    } finally {
      await server.stop();
    }

    const restoredFile = path.join(tmp, "restored.db");
    fs.writeFileSync(`${restoredFile}-wal`, "stale wal from an older database");
    const restored = npm("db-restore.mjs", backupFile, { DATABASE_URL: `file:${restoredFile}` });
    expect(restored.status, restored.stderr).toBe(0);
    expect(fs.existsSync(`${restoredFile}-wal`)).toBe(false);
    const after = acknowledgementsIn(restoredFile);
    expect(after.integrity).toBe("ok");
    const have = new Set(after.acks.map((a) => `${a.documentId}:${a.personId}`));
    const beforeBackup = acknowledged.filter((a) => a.at < backupStartedAt);
    expect(beforeBackup.length).toBeGreaterThanOrEqual(40);
    expect(beforeBackup.filter((a) => !have.has(`${a.documentId}:${a.personId}`))).toEqual([]);
    const naive = new Set(acknowledgementsIn(naiveFile).acks.map((a) => `${a.documentId}:${a.personId}`));
    console.info(
      `backup: ${beforeBackup.length} writes acknowledged before it began, all restored; a copy of the .db file alone held ${beforeBackup.filter((a) => naive.has(`${a.documentId}:${a.personId}`)).length}`,
    );

    // A broken backup is refused before anything is replaced.
    const broken = path.join(tmp, "broken.db");
    fs.writeFileSync(broken, "not a database");
    const badRestore = npm("db-restore.mjs", broken, { DATABASE_URL: `file:${restoredFile}` });
    expect(badRestore.status).toBe(1);
    expect(acknowledgementsIn(restoredFile).acks.length).toBe(after.acks.length);
  }, 120_000);

  it("loses no acknowledged write and duplicates none when the server is killed with -9 during a 20-client burst", async () => {
    const documents = await publishDocuments(8, "kill -9");
    const server = await spawnServer(dbFile());
    const acknowledged: Ack[] = [];
    const burst = writeBurst(server.baseUrl, documents, acknowledged);
    while (acknowledged.length < 50) await new Promise((r) => setTimeout(r, 10));
    server.child.kill("SIGKILL");
    await server.exited;
    await burst;
    expect(acknowledged.length).toBeLessThan(CLIENTS * documents.length); // the kill did interrupt the burst

    const after = acknowledgementsIn(dbFile());
    expect(after.integrity).toBe("ok");
    const mine = new Set(documents);
    const acks = after.acks.filter((a) => mine.has(a.documentId)).map((a) => `${a.documentId}:${a.personId}`);
    const audits = after.audits.filter((a) => mine.has(Number(a.entityId))).map((a) => `${a.entityId}:${a.actorId}`);
    expect(acknowledged.filter((a) => !acks.includes(`${a.documentId}:${a.personId}`))).toEqual([]); // 0 lost
    expect(acks.length).toBe(new Set(acks).size); // 0 duplicates
    expect(audits.sort()).toEqual([...acks].sort()); // one audit record per acknowledgement, none without
    console.info(
      `kill -9: ${acknowledged.length} acknowledged, ${acks.length} stored, 0 lost, 0 duplicates, integrity ok`,
    );
    // The killed server left its marker behind; its pid is gone, so db:restore is not refused because of it.
    const marker = `${dbFile()}.server.json`;
    expect(JSON.parse(fs.readFileSync(marker, "utf8")).pid).toBe(server.child.pid);
    const target = path.join(tmp, "after-kill.db");
    fs.copyFileSync(marker, `${target}.server.json`);
    const backup = path.join(tmp, "after-kill-backup.db");
    expect(npm("db-backup.mjs", backup, { DATABASE_URL: `file:${dbFile()}` }).status).toBe(0);
    const restored = npm("db-restore.mjs", backup, { DATABASE_URL: `file:${target}` });
    expect(restored.status, restored.stderr).toBe(0);
    expect(acknowledgementsIn(target).acks.filter((a) => mine.has(a.documentId)).length).toBe(acks.length);
  }, 120_000);
});
