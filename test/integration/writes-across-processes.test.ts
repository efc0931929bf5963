import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/models/audit-chain.server";
import { databaseFilePath } from "~/utils/database-url";
import { db } from "~/utils/db.server";
import { assignCourse } from "../support/assignments";
import { createTestPerson, sessionCookieFor } from "../support/factories";
import { spawnServer } from "../support/processes";

// Decisions 043 and 050: with two server processes over one SQLite file (WEB_CONCURRENCY=2), writers in different
// processes wait in SQLite's busy handler, and a submission is read before its write transaction. Many people
// starting and then submitting a test at the same moment, answered by both processes: every write lands once, none
// is lost or doubled, the audit chain stays whole, and a second submission is still refused.

const PEOPLE = 24;
let server: Awaited<ReturnType<typeof spawnServer>>;
let people: { id: number; cookie: string }[] = [];

beforeAll(async () => {
  await assignCourse("no-gift");
  for (let i = 0; i < PEOPLE; i++) {
    const person = await createTestPerson();
    people.push({ id: person.id, cookie: await sessionCookieFor(person.id) });
  }
  server = await spawnServer(databaseFilePath(), { env: { WEB_CONCURRENCY: "2" } });
});
afterAll(async () => {
  await server?.stop();
  people = [];
});

const post = (cookie: string, path: string, fields: Record<string, string>) =>
  fetch(server.baseUrl + path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: server.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });

describe("two server processes writing to one database", () => {
  it("runs as a primary with two worker processes", () => {
    const children = fs
      .readFileSync(`/proc/${server.child.pid}/task/${server.child.pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    expect(children).toHaveLength(2);
    // Each worker runs with the smaller heap settings (decision 061).
    for (const pid of children) {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      expect(argv).toEqual(expect.arrayContaining(["--max-semi-space-size=8", "--heap-growing-percent=50"]));
      // …and at most two malloc arenas (decision 063).
      expect(fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")).toContain(
        `MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? "2"}`,
      );
    }
  });

  it("keeps every start and every submission, once, with an unbroken audit chain", async () => {
    const auditBefore = await db.auditLog.count();
    const starts = await Promise.all(people.map((p) => post(p.cookie, "/courses/no-gift", { kind: "pre" })));
    expect(starts.map((r) => r.status)).toEqual(people.map(() => 302));

    const attempts = await db.attempt.findMany({
      where: { personId: { in: people.map((p) => p.id) }, kind: "pre" },
      include: { items: { orderBy: { position: "asc" } } },
    });
    expect(attempts).toHaveLength(PEOPLE);
    expect(new Set(attempts.map((a) => a.personId)).size).toBe(PEOPLE);

    const cookieOf = new Map(people.map((p) => [p.id, p.cookie]));
    const submit = (attempt: (typeof attempts)[number]) =>
      post(cookieOf.get(attempt.personId)!, `/courses/no-gift/attempts/${attempt.id}`, {
        intent: "submit",
        ...Object.fromEntries(attempt.items.map((item) => [`q${item.position}`, "0"])),
      });
    const submits = await Promise.all(attempts.map(submit));
    expect(submits.map((r) => r.status)).toEqual(attempts.map(() => 302));

    const submitted = await db.attempt.findMany({ where: { id: { in: attempts.map((a) => a.id) } } });
    expect(submitted.every((a) => a.submittedAt !== null && a.correctCount !== null)).toBe(true);
    const results = await db.courseResult.findMany({ where: { personId: { in: people.map((p) => p.id) } } });
    expect(results.map((r) => r.submitted)).toEqual(people.map(() => 1));
    // One "started" and one "submitted" record per person, chained without a break.
    expect(await db.auditLog.count()).toBe(auditBefore + 2 * PEOPLE);
    const chain = await verifyAuditChain();
    expect(chain.breaks).toEqual([]);
    expect(chain.ok).toBe(true);

    // The same submissions again, at once: each refused, nothing changes.
    const again = await Promise.all(attempts.map(submit));
    for (const response of again) expect(response.status).toBe(409);
    expect(await db.auditLog.count()).toBe(auditBefore + 2 * PEOPLE);
  });
});
