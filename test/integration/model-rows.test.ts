import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { db, sqlite } from "~/utils/db.server";
import { modelRows, storedDate } from "~/utils/model-rows.server";
import { createTestPerson, sessionCookieFor } from "../support/factories";
import { createPublishedRound } from "../support/salary";

// Decision 063: whole rows on the direct path must be what Prisma's client gives for the same rows: every column,
// dates as Date (whatever text SQLite holds), booleans, bytes, fractions, nulls. The client is the oracle.

const byContent = <T>(rows: T[]) =>
  rows
    .map((row) => [JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v)), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);

const delegate = (model: string) =>
  (db as unknown as Record<string, { findMany: () => Promise<unknown[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;

describe("whole rows on the direct path (decision 063)", () => {
  it("are the client's rows for every model, column by column", async () => {
    const me = await createTestPerson();
    const other = await createTestPerson();
    await sessionCookieFor(me.id); // a Session row: its secret hash is Bytes
    const round = await createPublishedRound({ people: [me, other], surveyClosesAt: null, publishedAt: null });
    const [mine] = await db.salaryAppraisal.findMany({ where: { roundId: round.id, personId: me.id } });
    await db.salaryAppraisal.update({
      where: { id: mine!.id },
      data: { score: 87.25, appraisedById: other.id, appraisedAt: new Date() },
    });
    const committee = await db.salaryCommittee.create({
      data: { roundId: round.id, kind: "salary", appointingOrderRef: "ทดสอบ" },
    });
    const open = await db.committeeMeeting.create({
      data: { committeeId: committee.id, number: 1, heldAt: new Date(), agenda: "วาระ", quorumPercent: 50 },
    });
    const closed = await db.committeeMeeting.create({
      data: { committeeId: committee.id, number: 2, heldAt: new Date(), agenda: "วาระ", quorumPercent: 50 },
    });
    const first = await db.caseDecision.create({
      data: { meetingId: open.id, appraisalId: mine!.id, outcome: "confirm", amountBaht: 800, decidedAt: new Date() },
    });
    await db.caseDecision.create({
      data: {
        meetingId: closed.id,
        appraisalId: mine!.id,
        outcome: "change",
        halfSteps: 3,
        amountBaht: 1_200,
        reason: "แก้ไข",
        decidedAt: new Date(),
        correctsId: first.id,
      },
    });
    await db.committeeMeeting.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
    await db.salaryAppeal.create({
      data: { appraisalId: mine!.id, personId: me.id, reason: "ขอทบทวน", filedAt: new Date(), recordedById: me.id },
    });
    // Dates as SQLite may hold them besides the adapter's own ISO text: a column default's "YYYY-MM-DD HH:MM:SS",
    // a date alone, an offset without minutes, milliseconds since 1970.
    await sqlite.write((sql) => {
      for (const at of ["2026-01-02 03:04:05", "2026-01-02", "2026-01-02T03:04:05.123+07", "2026-01-02T03:04:05.5Z"])
        sql.run(`INSERT INTO "PasswordAttempt" ("scope", "subject", "at") VALUES ('sign_in', 'model-rows', ?)`, at);
      sql.run(
        `INSERT INTO "PasswordAttempt" ("scope", "subject", "at") VALUES ('sign_in', 'model-rows', ?)`,
        1_700_000_000_000,
      );
    });

    const compared: string[] = [];
    for (const { name } of Prisma.dmmf.datamodel.models) {
      const model = name as Prisma.ModelName;
      const direct = await sqlite.read((sql) => modelRows(sql, model, ""));
      const client = await delegate(model).findMany();
      expect(byContent(direct), model).toEqual(byContent(client));
      if (client.length) compared.push(model);
    }
    // Rows with every kind of column were there to compare.
    for (const model of [
      "Person",
      "Session",
      "SalaryRound",
      "SalaryAppraisal",
      "CommitteeMeeting",
      "CaseDecision",
      "SalaryAppeal",
      "PasswordAttempt",
      "Division",
    ])
      expect(compared).toContain(model);
    const attempts = await sqlite.read((sql) =>
      modelRows(sql, "PasswordAttempt", `WHERE t."subject" = 'model-rows' ORDER BY t."id"`),
    );
    expect(attempts.map((a) => a.at.toISOString())).toEqual([
      "2026-01-02T03:04:05.000Z",
      "2026-01-02T00:00:00.000Z",
      "2026-01-01T20:04:05.123Z",
      "2026-01-02T03:04:05.500Z",
      "2023-11-14T22:13:20.000Z",
    ]);
    expect(attempts[0]!.outcome).toBe("pending"); // the column's default
  });

  it("reads a stored date the way the client does", () => {
    expect(storedDate(null)).toBeNull();
    expect(storedDate("2026-11-28T01:02:03.004+00:00")!.toISOString()).toBe("2026-11-28T01:02:03.004Z");
    expect(storedDate("2026-11-28T08:02:03+07:00")!.toISOString()).toBe("2026-11-28T01:02:03.000Z");
    expect(storedDate("01:02:03")!.toISOString()).toBe("1970-01-01T01:02:03.000Z");
  });
});
