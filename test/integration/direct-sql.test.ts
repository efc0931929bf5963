import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/models/audit-chain.server";
import { auditSteps, writeAudit } from "~/utils/audit.server";
import { db, sqlite } from "~/utils/db.server";
import { runStepsNow } from "~/utils/sql-steps.server";

// The direct path of decision 054: synchronous statements on Prisma's own connection, in its queue.
// A scratch table, so the audit log stays a valid chain for the last test.
const INSERT = `INSERT INTO "DirectScratch" ("at", "note") VALUES (?, ?)`;
const count = async (note: string) =>
  Number(
    (
      await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*) AS "n" FROM "DirectScratch" WHERE "note" = ?`, note)
    )[0]!.n,
  );
const auditCount = (action: string) => db.auditLog.count({ where: { action } });

beforeAll(async () => {
  await db.$executeRawUnsafe(`CREATE TABLE "DirectScratch" ("id" INTEGER PRIMARY KEY, "at" TEXT, "note" TEXT)`);
});

describe("the direct SQL path", () => {
  it("commits a write, which Prisma then sees, with plain numbers and stored dates", async () => {
    const changed = await sqlite.write((sql) => sql.run(INSERT, new Date(0), "direct.one"));
    expect(changed).toBe(1);
    expect(await count("direct.one")).toBe(1);
    const [row] = await sqlite.read((sql) =>
      sql.all<{ id: unknown; at: unknown }>(`SELECT "id", "at" FROM "DirectScratch" WHERE "note" = ?`, "direct.one"),
    );
    expect(typeof row!.id).toBe("number");
    expect(row!.at).toBe("1970-01-01T00:00:00.000+00:00");
  });

  it("rolls the whole transaction back when the work throws", async () => {
    await expect(
      sqlite.write((sql) => {
        sql.run(INSERT, new Date(), "direct.gone");
        throw new Error("refused half-way");
      }),
    ).rejects.toThrow("refused half-way");
    expect(await count("direct.gone")).toBe(0);
    // The connection is usable afterwards (no transaction left open).
    await sqlite.write((sql) => sql.run(INSERT, new Date(), "direct.after"));
    expect(await count("direct.after")).toBe(1);
  });

  it("refuses asynchronous work, and commits nothing of it", async () => {
    await expect(
      sqlite.write(async (sql) => {
        sql.run(INSERT, new Date(), "direct.async");
      }),
    ).rejects.toThrow("synchronous");
    expect(await count("direct.async")).toBe(0);
  });

  it("waits for a Prisma transaction that is open, and never runs inside it", async () => {
    let finish!: () => void;
    let opened!: () => void;
    const mayFinish = new Promise<void>((resolve) => (finish = resolve));
    const isOpen = new Promise<void>((resolve) => (opened = resolve));
    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe(INSERT, "now", "direct.uncommitted");
        opened();
        await mayFinish;
        throw new Error("roll back");
      })
      .catch(() => "rolled back");
    await isOpen;
    const seen = sqlite.read((sql) =>
      sql.all<{ n: number }>(`SELECT count(*) AS "n" FROM "DirectScratch" WHERE "note" = 'direct.uncommitted'`),
    );
    setTimeout(finish, 20);
    expect(await rolledBack).toBe("rolled back");
    expect((await seen)[0]!.n).toBe(0);
  });

  it("chains audit records written on either path into one valid chain", async () => {
    await writeAudit(db, { actorId: null, action: "direct.chain", entityType: "T", after: { path: "prisma" } });
    await sqlite.write((sql) =>
      runStepsNow(
        sql,
        auditSteps({ actorId: null, action: "direct.chain", entityType: "T", after: { path: "direct" } }),
      ),
    );
    await writeAudit(db, { actorId: null, action: "direct.chain", entityType: "T", after: { path: "prisma" } });
    expect(await auditCount("direct.chain")).toBe(3);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, breakCount: 0 });
  });
});
