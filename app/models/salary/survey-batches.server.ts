import { createCipheriv, createDecipheriv, randomBytes, randomInt, randomUUID } from "node:crypto";
import { salarySurvey } from "~/content/salary-survey.server";
import { db, type Tx } from "~/utils/db.server";
import { purposeKey } from "~/utils/seal-key.server";

// Survey answers reach the response table only in shuffled batches of at least the minimum group size, never in
// a commit with anyone's participation (decision 021). Until then an answer is held in SurveyHeldResponse: a
// random id and the answers encrypted with a key kept outside the database, so the commit that records THAT a
// person answered carries nothing readable about WHAT. At close the rest is written and the file rebuilt.

const PADDED_BYTES = 96; // every held answer encrypts to the same length

function seal(roundId: number, divisionId: number, answers: readonly number[]): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", purposeKey("survey-held"), nonce);
  cipher.setAAD(Buffer.from(`survey-held:${roundId}`));
  const text = JSON.stringify({ d: divisionId, a: answers }).padEnd(PADDED_BYTES, " ");
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]).toString("base64");
}

function unseal(roundId: number, sealed: string): { divisionId: number; answers: number[] } {
  const bytes = Buffer.from(sealed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", purposeKey("survey-held"), bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(`survey-held:${roundId}`));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  const text = Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString(
    "utf8",
  );
  const { d, a } = JSON.parse(text) as { d: number; a: number[] };
  return { divisionId: d, answers: a };
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Inside the answering transaction: hold one answer, unreadable without the key, under a random id. */
export async function holdResponse(tx: Tx, roundId: number, divisionId: number, answers: readonly number[]) {
  await tx.$executeRawUnsafe(
    `INSERT INTO "SurveyHeldResponse" ("id", "roundId", "sealed") VALUES (?, ?, ?)`,
    randomUUID(),
    roundId,
    seal(roundId, divisionId, answers),
  );
}

type Held = { id: string; sealed: string };

async function heldOf(tx: Tx, roundId: number) {
  return tx.$queryRawUnsafe<Held[]>(`SELECT "id", "sealed" FROM "SurveyHeldResponse" WHERE "roundId" = ?`, roundId);
}

/** Write held answers as responses with NEW random ids, in random order, in one statement, and drop them. */
async function writeBatch(tx: Tx, roundId: number, held: readonly Held[]) {
  if (held.length === 0) return;
  const rows = shuffled(held).map((h) => ({ id: randomUUID(), ...unseal(roundId, h.sealed) }));
  await tx.$executeRawUnsafe(
    `INSERT INTO "SurveyResponse" ("id", "roundId", "divisionId", "answers") VALUES ${rows.map(() => "(?, ?, ?, ?)").join(", ")}`,
    ...rows.flatMap((r) => [r.id, roundId, r.divisionId, JSON.stringify(r.answers)]),
  );
  await discard(tx, held);
}

async function discard(tx: Tx, held: readonly Held[]) {
  if (held.length === 0) return;
  await tx.$executeRawUnsafe(
    `DELETE FROM "SurveyHeldResponse" WHERE "id" IN (${held.map(() => "?").join(", ")})`,
    ...held.map((h) => h.id),
  );
}

/**
 * After an answer, in its own transaction: once twice the group size is held, write all but one group's worth,
 * chosen at random. At least one group always stays held, so the batch written at close is never smaller.
 */
export async function releaseHeldBatch(roundId: number) {
  const size = salarySurvey().minimumGroupSize;
  await db.$transaction(async (tx) => {
    const held = await heldOf(tx, roundId);
    if (held.length < 2 * size) return;
    await writeBatch(tx, roundId, shuffled(held).slice(0, held.length - size));
  });
}

/**
 * Settle closed surveys (called before their results are read): write what is still held as one shuffled batch
 * (or, when fewer than the group size are held, discard it: such answers could be linked and would never be shown
 * anyway), then VACUUM, which rebuilds every table in key order, and truncate the WAL so no older page survives.
 */
export async function settleClosedSurveys(roundIds: readonly number[], now = new Date()) {
  if (roundIds.length === 0) return;
  const settled = await db.surveySettlement.findMany({
    where: { roundId: { in: [...roundIds] } },
    select: { roundId: true },
  });
  const open = roundIds.filter((id) => !settled.some((s) => s.roundId === id));
  if (open.length === 0) return;
  const closed = await db.salaryRound.findMany({
    where: { id: { in: open }, publishedAt: { not: null }, surveyClosesAt: { lte: now } },
    select: { id: true },
  });
  if (closed.length === 0) return;
  const size = salarySurvey().minimumGroupSize;
  let changed = false;
  for (const { id: roundId } of closed) {
    await db.$transaction(async (tx) => {
      if (await tx.surveySettlement.findUnique({ where: { roundId } })) return;
      const held = await heldOf(tx, roundId);
      const participants = await tx.surveyParticipation.count({ where: { roundId } });
      if (held.length >= size) await writeBatch(tx, roundId, held);
      else await discard(tx, held);
      await tx.surveySettlement.create({ data: { roundId, settledAt: now } });
      changed ||= participants > 0;
    });
  }
  if (!changed) return;
  await db.$executeRawUnsafe("VACUUM");
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
}
