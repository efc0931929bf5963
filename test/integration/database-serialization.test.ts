import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";

describe("one SQLite connection shared by concurrent requests", () => {
  it("keeps a write made outside a transaction even when another request's open transaction rolls back", async () => {
    let letTransactionFinish!: () => void;
    let transactionIsOpen!: () => void;
    const transactionMayFinish = new Promise<void>((resolve) => (letTransactionFinish = resolve));
    const opened = new Promise<void>((resolve) => (transactionIsOpen = resolve));
    const failing = db
      .$transaction(async (tx) => {
        await tx.auditLog.create({ data: { action: "test.inside", entityType: "Test" } });
        transactionIsOpen();
        await transactionMayFinish;
        throw new Error("roll back");
      })
      .catch((error: Error) => error.message);
    // Write outside the transaction while it is open.
    await opened;
    // Prisma queries are lazy: .then() starts this one now, while the transaction is still open.
    const outside = db.auditLog.create({ data: { action: "test.outside", entityType: "Test" } }).then(() => undefined);
    setTimeout(letTransactionFinish, 20);
    expect(await failing).toBe("roll back");
    await outside;
    expect(await db.auditLog.count({ where: { action: "test.inside" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "test.outside" } })).toBe(1);
  });

  it("does not let a reader see another transaction's uncommitted rows", async () => {
    let letTransactionFinish!: () => void;
    let transactionIsOpen!: () => void;
    const transactionMayFinish = new Promise<void>((resolve) => (letTransactionFinish = resolve));
    const opened = new Promise<void>((resolve) => (transactionIsOpen = resolve));
    const failing = db
      .$transaction(async (tx) => {
        await tx.auditLog.create({ data: { action: "test.uncommitted", entityType: "Test" } });
        transactionIsOpen();
        await transactionMayFinish;
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await opened;
    const seen = db.auditLog.count({ where: { action: "test.uncommitted" } }).then((n) => n);
    setTimeout(letTransactionFinish, 20);
    await failing;
    expect(await seen).toBe(0);
  });
});
