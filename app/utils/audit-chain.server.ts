import { selectRows, type SqlSteps } from "./sql-steps.server";
import { keyedHash } from "./seal-key.server";

// The audit log's hash chain (decision 022). Each row's hash is an HMAC, with a key that is not in the
// database, over the previous row's hash and the row's own columns, so changing, removing or adding a row
// anywhere before the newest breaks the chain from that row on.

export const CHAIN_GENESIS = "0".repeat(64);

export type AuditRowContent = {
  at: string; // exactly as stored (sqliteTimestamp)
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  ip: string | null;
};

export function auditRowHash(prevHash: string, row: AuditRowContent): string {
  const actorId = row.actorId == null ? null : Number(row.actorId);
  return keyedHash(
    "audit-chain",
    JSON.stringify([
      prevHash,
      row.at,
      actorId,
      row.action,
      row.entityType,
      row.entityId,
      row.before,
      row.after,
      row.ip,
    ]),
  );
}

/** The columns as stored, for hashing: the time as its stored text. */
export const AUDIT_ROW_SELECT = `"id", CAST("at" AS TEXT) AS "at", "actorId", "action", "entityType", "entityId", "before", "after", "ip", "prevHash", "hash"`;
export type StoredAuditRow = AuditRowContent & { id: number; prevHash: string | null; hash: string | null };

/**
 * Rows written before the chain existed (no hash) are chained as they stand when the first sealed row is
 * written: its prevHash is the chain's value over all of them, so they are covered from then on. Runs once.
 */
export function* legacyPrefixDigest(): SqlSteps<string> {
  let digest = CHAIN_GENESIS;
  let afterId = 0;
  for (;;) {
    const rows = yield* selectRows<StoredAuditRow>(
      `SELECT ${AUDIT_ROW_SELECT} FROM "AuditLog" WHERE "id" > ? ORDER BY "id" LIMIT 2000`,
      afterId,
    );
    if (rows.length === 0) return digest;
    for (const row of rows) digest = auditRowHash(digest, row);
    afterId = Number(rows[rows.length - 1]!.id);
  }
}
