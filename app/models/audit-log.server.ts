import type { Prisma } from "@prisma/client";
import { refusal } from "~/domain/refusal";
import { bangkokMidnightUtc } from "~/domain/thai-date";
import { AUDIT_ACTION_LABELS, auditActionLabel, auditEntityLabel } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { isoDayParam } from "~/utils/params.server";
import { CHAIN_BREAK_LABELS, verifyAuditChain } from "./audit-chain.server";
import { resolvePersonNumber } from "./people/search.server";

// /admin/audit: the log, filtered and paged, with actions and records named in Thai, and the hash chain's state.

const PAGE_SIZE = 50;

export type AuditLogFilters = { action: string; actor: string; entity: string; from: string; to: string; page: number };

/** Midnight in Bangkok of a yyyy-mm-dd filter day; none when empty; a Thai 400 when it is not a real day. */
function dayStart(value: string, offsetDays = 0): Date | undefined {
  if (!value) return undefined;
  const day = isoDayParam(value);
  if (!day) throw refusal(400, `วันที่ในตัวกรองไม่ถูกต้อง: "${value}" (ใช้วันที่จริงในรูปแบบ ปปปป-ดด-วว)`);
  return bangkokMidnightUtc(day.year, day.month, day.day + offsetDays);
}

export async function auditLogPage(filters: AuditLogFilters) {
  const actor = await resolvePersonNumber(filters.actor);
  const entity = filters.entity.trim();
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.action) and.push({ action: filters.action });
  if (entity) and.push({ entityId: { contains: entity } });
  if (actor) {
    const actorPerson = await db.person.findUnique({ where: { employeeNumber: actor } });
    and.push({ actorId: actorPerson?.id ?? -1 });
  }
  const fromDate = dayStart(filters.from);
  const toDate = dayStart(filters.to, 1);
  if (fromDate) and.push({ at: { gte: fromDate } });
  if (toDate) and.push({ at: { lt: toDate } });
  const where: Prisma.AuditLogWhereInput = { AND: and };
  const page = filters.page;

  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
  ]);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is number => id != null))];
  const actors = await db.person.findMany({ where: { id: { in: actorIds } } });
  const actorName = new Map(actors.map((p) => [p.id, `${p.title}${p.firstName} ${p.lastName} (${p.employeeNumber})`]));

  const chain = await verifyAuditChain();
  return {
    chain: { ...chain, breaks: chain.breaks.slice(0, 5).map((b) => ({ id: b.id, label: CHAIN_BREAK_LABELS[b.kind] })) },
    filters: { action: filters.action, actor, entity, from: filters.from, to: filters.to },
    actions: Object.entries(AUDIT_ACTION_LABELS).sort(([, a], [, b]) => a.localeCompare(b, "th")),
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorId ? (actorName.get(r.actorId) ?? `#${r.actorId}`) : "—",
      action: auditActionLabel(r.action),
      entity: auditEntityLabel(r.entityType, r.entityId),
      before: r.before,
      after: r.after,
      ip: r.ip,
    })),
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
  };
}
