import * as complaints from "~/models/complaints/audit-labels";
import * as orders from "~/models/orders/audit-labels";
import * as people from "~/models/people/audit-labels";
import * as plan from "~/models/plan/audit-labels";
import * as registers from "~/models/registers/audit-labels";
import * as risks from "~/models/risks/audit-labels";
import * as salary from "~/models/salary/audit-labels";
import * as training from "~/models/training/audit-labels";
import type { Db, Tx } from "./db.server";
import { auditRowHash, CHAIN_GENESIS, legacyPrefixDigest, type AuditRowContent } from "./audit-chain.server";
import { changeRows, runSteps, selectRows, type SqlSteps } from "./sql-steps.server";

export type AuditEntry = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/**
 * Append one audit record. Pass the caller's transaction so the record commits (or not) with the change.
 * Each record is chained to the one before (decision 022): `prevHash` is the previous row's `hash`, and `hash` is
 * an HMAC, with the install's seal key, over prevHash and this row, so a rewritten, deleted or inserted row
 * breaks the chain (`verifyAuditChain`, `npm run audit:verify`).
 */
export async function writeAudit(tx: Tx | Db, entry: AuditEntry): Promise<void> {
  // Called without a transaction: make the read of the last hash and the insert one unit.
  if ("$transaction" in tx) return tx.$transaction((inner) => writeAudit(inner, entry));
  await runSteps(tx, auditSteps(entry));
}

/** writeAudit's statements, for callers that run theirs on the direct path (`yield* auditSteps(entry)`). */
export function* auditSteps(entry: AuditEntry): SqlSteps<void> {
  const row: AuditRowContent = {
    at: sqliteTimestamp(new Date()),
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: entry.ip ?? null,
  };
  // One primary-key lookup. Raw SQL throughout: audit records are written on every change (decision 007).
  const [last] = yield* selectRows<{ hash: string | null }>(`SELECT "hash" FROM "AuditLog" ORDER BY "id" DESC LIMIT 1`);
  const prevHash = !last ? CHAIN_GENESIS : (last.hash ?? (yield* legacyPrefixDigest()));
  yield* changeRows(
    `INSERT INTO "AuditLog" ("at", "actorId", "action", "entityType", "entityId", "before", "after", "ip", "prevHash", "hash") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    row.at,
    row.actorId,
    row.action,
    row.entityType,
    row.entityId,
    row.before,
    row.after,
    row.ip,
    prevHash,
    auditRowHash(prevHash, row),
  );
}

/** DateTime as Prisma's SQLite adapter stores it (ISO 8601 with +00:00), for raw statements. */
export const sqliteTimestamp = (date: Date) => date.toISOString().replace("Z", "+00:00");

// Thai labels, one file per feature (each feature owns its actions); a new feature adds its file here.
const FEATURE_LABELS = [people, plan, training, salary, orders, registers, complaints, risks];

export const AUDIT_ACTION_LABELS: Record<string, string> = Object.assign(
  {},
  ...FEATURE_LABELS.map((f) => f.ACTION_LABELS),
);
export const AUDIT_ENTITY_LABELS: Record<string, string> = Object.assign(
  {},
  ...FEATURE_LABELS.map((f) => f.ENTITY_LABELS),
);

export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;

/** The record an audit row is about, in Thai: "บุคลากร 100001", "รอบเลื่อนขั้น 4", "คำสั่ง 12". */
export function auditEntityLabel(entityType: string, entityId: string | null): string {
  const type = AUDIT_ENTITY_LABELS[entityType] ?? entityType;
  return entityId ? `${type} ${entityId}` : type;
}
