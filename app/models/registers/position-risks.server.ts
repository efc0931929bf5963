import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import { RISK_LEVEL_LABELS, type RiskLevel } from "~/domain/declarations";
import { refusal } from "~/domain/refusal";
import type { PositionRiskInput } from "~/schemas/declarations";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { peopleAndDivisions } from "./scope.server";

// Item 5's working group: the table of positions with their conflict-of-interest risks and controls (HR keeps
// it; the risk register can reference a row by id). Rows are retired, never deleted.

function requireHr(actor: Actor) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะกองการเจ้าหน้าที่แก้ไขตารางความเสี่ยงได้");
}

export async function positionRisksPage(actor: Actor) {
  requireHr(actor);
  const rows = await db.positionRisk.findMany({
    where: { retiredAt: null },
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  const names = await peopleAndDivisions(rows.map((r) => r.updatedById));
  return {
    rows: rows.map((r) => ({
      id: r.id,
      position: r.position,
      risk: r.risk,
      level: r.level as RiskLevel,
      levelLabel: RISK_LEVEL_LABELS[r.level as RiskLevel] ?? r.level,
      controls: r.controls,
      updatedAt: r.updatedAt.toISOString(),
      updatedBy: names.nameOf(r.updatedById),
    })),
  };
}

export async function savePositionRisk(actor: Actor, id: number | null, input: PositionRiskInput, now = new Date()) {
  requireHr(actor);
  return db.$transaction(async (tx) => {
    const before = id ? await tx.positionRisk.findUnique({ where: { id } }) : null;
    if (id && (!before || before.retiredAt)) throw refusal(404, "ไม่พบรายการนี้ในตารางความเสี่ยง");
    const data = {
      position: input.position,
      risk: input.risk,
      level: input.level,
      controls: input.controls,
      updatedAt: now,
      updatedById: actor.personId,
    };
    const row = before
      ? await tx.positionRisk.update({ where: { id: before.id }, data })
      : await tx.positionRisk.create({ data });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: before ? "position_risk.updated" : "position_risk.added",
      entityType: "PositionRisk",
      entityId: row.id,
      before: before
        ? { position: before.position, risk: before.risk, level: before.level, controls: before.controls }
        : undefined,
      after: input,
    });
    return row;
  });
}

export async function retirePositionRisk(actor: Actor, id: number, now = new Date()) {
  requireHr(actor);
  await db.$transaction(async (tx) => {
    const row = await tx.positionRisk.findUnique({ where: { id } });
    if (!row || row.retiredAt) throw refusal(404, "ไม่พบรายการนี้ในตารางความเสี่ยง");
    await tx.positionRisk.update({ where: { id }, data: { retiredAt: now } });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "position_risk.retired",
      entityType: "PositionRisk",
      entityId: id,
      before: { position: row.position },
    });
  });
}
