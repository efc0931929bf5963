import { riskMatrix } from "~/content/risks.server";
import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import { PLAN_FISCAL_YEARS, fiscalYearOf } from "~/domain/fiscal-year";
import { refusal } from "~/domain/refusal";
import { assessRisk } from "~/domain/risk-matrix";
import {
  mayAssessUnit,
  mayConsolidate,
  mayOpenRegister,
  mayWorkOnRisk,
  RISK_TYPE_LABELS,
  RISK_TYPES,
} from "~/domain/risks";
import { bangkokMidnightUtc } from "~/domain/thai-date";
import type { MeasureInput, RiskInput } from "~/schemas/risks";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { topLevelDivisionId } from "~/models/people/organization.server";
import { isYearClosed, readRegister, readRegisterYear } from "./queries.server";
import { registerCounts } from "./indicators.server";

// The fraud-risk register (plan item 37): heads of units assess their unit's risks, HR consolidates and publishes.

export const PUBLIC_CHANNEL = "เว็บไซต์เทศบาล: หน้าเปิดเผยข้อมูลสาธารณะ (ทะเบียนความเสี่ยงการทุจริต)";

async function viewerUnit(actor: Actor): Promise<number | null> {
  const person = await db.person.findUnique({ where: { id: actor.personId }, select: { divisionId: true } });
  return person ? topLevelDivisionId(person.divisionId) : null;
}

async function topLevelUnits() {
  return db.division.findMany({
    where: { parentId: null, kind: { not: "political" } },
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true },
  });
}

export async function riskRegisterPage(actor: Actor, fiscalYear: number) {
  if (!mayOpenRegister(actor)) throw refusal(403, "ทะเบียนความเสี่ยงสำหรับกองการเจ้าหน้าที่และหัวหน้าหน่วยงานเท่านั้น");
  const [unitId, units, rows, year, closed, counts, items] = await Promise.all([
    viewerUnit(actor),
    topLevelUnits(),
    readRegister(fiscalYear),
    readRegisterYear(fiscalYear),
    isYearClosed(fiscalYear),
    registerCounts(fiscalYear, new Date()),
    db.planItem.findMany({ select: { number: true, name: true }, orderBy: { number: "asc" } }),
  ]);
  const m = riskMatrix();
  return {
    fiscalYear,
    years: [...PLAN_FISCAL_YEARS],
    hr: isHr(actor),
    unitId,
    unitName: units.find((u) => u.id === unitId)?.name ?? null,
    units: isHr(actor) ? units : units.filter((u) => u.id === unitId),
    rows: rows.map((r) => ({ ...r, mayWork: !closed && mayWorkOnRisk(actor, unitId, r) })),
    registerYear: year,
    closed,
    counts,
    mayConsolidate: !closed && mayConsolidate(actor),
    mayAdd: !closed && (isHr(actor) || unitId != null),
    pending: rows.filter((r) => !r.includedAt && !r.gap).length,
    matrix: { levels: m.levels, likelihood: m.likelihood, impact: m.impact, source: m.source },
    types: RISK_TYPES.map((t) => ({ value: t, label: RISK_TYPE_LABELS[t] })),
    planItems: items.map((i) => ({ number: i.number, name: i.name.split(" *(")[0]!.slice(0, 90) })),
    currentYear: fiscalYearOf(new Date()),
  };
}

const dateOnly = (iso: string) => {
  const [y, mo, d] = iso.split("-").map(Number);
  return bangkokMidnightUtc(y!, mo!, d!);
};

async function refuseClosed(tx: Tx, fiscalYear: number) {
  if (await isYearClosed(fiscalYear, tx)) throw refusal(409, `ปีงบประมาณ ${fiscalYear} ปิดแล้ว ข้อมูลแก้ไขไม่ได้`);
}

/** A head of unit (own unit) or HR (any unit) adds a risk with at least one measure; it waits for HR to consolidate. */
export async function createRisk(actor: Actor, input: RiskInput, now = new Date()) {
  const unitId = await viewerUnit(actor);
  if (!mayAssessUnit(actor, unitId, input.divisionId)) throw refusal(403, "ท่านเพิ่มความเสี่ยงได้เฉพาะของหน่วยงานของท่าน");
  const { score, level } = assessRisk(riskMatrix(), input.likelihood, input.impact);
  return db.$transaction(async (tx) => {
    await refuseClosed(tx, input.fiscalYear);
    const unit = await tx.division.findUnique({ where: { id: input.divisionId } });
    if (!unit || unit.parentId != null) throw refusal(400, "ไม่พบหน่วยงานนี้", { divisionId: "ไม่พบหน่วยงานนี้" });
    const items = [...new Set(input.planItems)];
    const risk = await tx.risk.create({
      data: {
        fiscalYear: input.fiscalYear,
        divisionId: unit.id,
        unitName: unit.name,
        processStep: input.processStep,
        event: input.event,
        type: input.type,
        likelihood: input.likelihood,
        impact: input.impact,
        level,
        existingControls: input.existingControls,
        createdAt: now,
        createdById: actor.personId,
        measures: {
          create: input.measures.map((x) => ({
            description: x.description,
            owner: x.owner,
            dueDate: dateOnly(x.dueDate),
            createdAt: now,
          })),
        },
        planItems: { create: items.map((itemNumber) => ({ itemNumber })) },
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "risk.created",
      entityType: "Risk",
      entityId: risk.id,
      after: {
        fiscalYear: input.fiscalYear,
        unit: unit.name,
        score,
        level,
        measures: input.measures.length,
        planItems: items,
      },
    });
    return { id: risk.id, score, level };
  });
}

export async function addMeasure(actor: Actor, riskId: number, input: MeasureInput, now = new Date()) {
  const unitId = await viewerUnit(actor);
  return db.$transaction(async (tx) => {
    const risk = await tx.risk.findUnique({ where: { id: riskId } });
    if (!risk) throw refusal(404, "ไม่พบความเสี่ยงนี้");
    if (!mayWorkOnRisk(actor, unitId, risk)) throw refusal(403, "ท่านเพิ่มมาตรการได้เฉพาะความเสี่ยงของหน่วยงานของท่าน");
    await refuseClosed(tx, risk.fiscalYear);
    const measure = await tx.riskMeasure.create({
      data: {
        riskId,
        description: input.description,
        owner: input.owner,
        dueDate: dateOnly(input.dueDate),
        createdAt: now,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "risk.measure_added",
      entityType: "Risk",
      entityId: riskId,
      after: { measureId: measure.id, owner: input.owner, dueDate: input.dueDate },
    });
    return { measureId: measure.id };
  });
}

/** HR takes every pending risk of the year into the municipal register (the year's risk assessment report). */
export async function consolidateRegister(actor: Actor, fiscalYear: number, now = new Date()) {
  if (!mayConsolidate(actor)) throw refusal(403, "การรวบรวมทะเบียนความเสี่ยงเป็นหน้าที่ของกองการเจ้าหน้าที่ (คณะทำงานระดับเทศบาล)");
  return db.$transaction(async (tx) => {
    await refuseClosed(tx, fiscalYear);
    const pending = await tx.risk.findMany({
      where: { fiscalYear, includedAt: null, gap: false },
      select: { id: true },
    });
    const before = await tx.riskRegisterYear.findUnique({ where: { fiscalYear } });
    if (pending.length === 0 && before?.consolidatedAt) throw refusal(409, "ไม่มีความเสี่ยงใหม่ที่รอรวบรวม");
    if (pending.length === 0 && (await tx.risk.count({ where: { fiscalYear, gap: false } })) === 0)
      throw refusal(409, `ยังไม่มีความเสี่ยงของปีงบประมาณ ${fiscalYear}`);
    await tx.risk.updateMany({
      where: { id: { in: pending.map((p) => p.id) } },
      data: { includedAt: now, includedById: actor.personId },
    });
    await tx.riskRegisterYear.upsert({
      where: { fiscalYear },
      create: { fiscalYear, consolidatedAt: now, consolidatedById: actor.personId },
      update: { consolidatedAt: now, consolidatedById: actor.personId },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "risk.register_consolidated",
      entityType: "RiskRegister",
      entityId: fiscalYear,
      after: { included: pending.length },
    });
    return { included: pending.length };
  });
}

/** HR publishes the consolidated register: on the public page, and optionally on another named channel. */
export async function publishRegister(
  actor: Actor,
  input: { fiscalYear: number; channelName: string; channelUrl: string },
  now = new Date(),
) {
  if (!mayConsolidate(actor)) throw refusal(403, "การเผยแพร่ทะเบียนความเสี่ยงเป็นหน้าที่ของกองการเจ้าหน้าที่");
  const fiscalYear = input.fiscalYear;
  return db.$transaction(async (tx) => {
    await refuseClosed(tx, fiscalYear);
    const year = await tx.riskRegisterYear.findUnique({ where: { fiscalYear } });
    if (!year?.consolidatedAt) throw refusal(409, "ต้องรวบรวมทะเบียนความเสี่ยงของปีนี้ก่อนเผยแพร่");
    const channels = JSON.parse(year.channels) as { name: string; url: string | null; at: string }[];
    const name = input.channelName || PUBLIC_CHANNEL;
    const url = input.channelName ? input.channelUrl || null : `/transparency/risks?year=${fiscalYear}`;
    if (channels.some((c) => c.name === name))
      throw refusal(409, "เผยแพร่ทางช่องทางนี้แล้ว", input.channelName ? { channelName: "เผยแพร่ทางช่องทางนี้แล้ว" } : undefined);
    channels.push({ name, url, at: now.toISOString() });
    await tx.riskRegisterYear.update({
      where: { fiscalYear },
      data: {
        channels: JSON.stringify(channels),
        publishedAt: year.publishedAt ?? now,
        publishedById: year.publishedById ?? actor.personId,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "risk.register_published",
      entityType: "RiskRegister",
      entityId: fiscalYear,
      after: { channel: name, url },
    });
    return { channels: channels.length };
  });
}
