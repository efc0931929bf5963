import type { Actor } from "~/domain/actor";
import { refusal } from "~/domain/refusal";
import type { ReportPeriod } from "~/domain/report-periods";
import { mayWorkOnRisk, type FollowUpStatus } from "~/domain/risks";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { topLevelDivisionId } from "~/models/people/organization.server";
import { isYearClosed } from "./queries.server";

// Follow-up at six months and at year end: each measure's status with a note and evidence, each risk's residual score.

async function unitOf(actor: Actor) {
  const person = await db.person.findUnique({ where: { id: actor.personId }, select: { divisionId: true } });
  return person ? topLevelDivisionId(person.divisionId) : null;
}

async function refuseFrozen(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  fiscalYear: number,
  period: ReportPeriod,
) {
  if (await isYearClosed(fiscalYear, tx)) throw refusal(409, `ปีงบประมาณ ${fiscalYear} ปิดแล้ว ข้อมูลแก้ไขไม่ได้`);
  if (await tx.frozenPlanReport.findUnique({ where: { fiscalYear_period: { fiscalYear, period } } })) {
    throw refusal(409, "รายงานของรอบนี้ถูกบันทึกเป็นฉบับส่งแล้ว ผลการติดตามของรอบนี้แก้ไขไม่ได้");
  }
}

export async function recordFollowUp(
  actor: Actor,
  input: { measureId: number; period: ReportPeriod; status: FollowUpStatus; note: string; evidenceUrl: string },
  now = new Date(),
) {
  const unitId = await unitOf(actor);
  return db.$transaction(async (tx) => {
    const measure = await tx.riskMeasure.findUnique({
      where: { id: input.measureId },
      include: { risk: true, followUps: { where: { period: input.period } } },
    });
    if (!measure) throw refusal(404, "ไม่พบมาตรการนี้");
    if (!mayWorkOnRisk(actor, unitId, measure.risk)) throw refusal(403, "ท่านติดตามผลได้เฉพาะมาตรการของหน่วยงานของท่าน");
    await refuseFrozen(tx, measure.risk.fiscalYear, input.period);
    const data = {
      status: input.status,
      note: input.note || null,
      evidenceUrl: input.evidenceUrl || null,
      recordedAt: now,
      recordedById: actor.personId,
    };
    await tx.riskFollowUp.upsert({
      where: { measureId_period: { measureId: measure.id, period: input.period } },
      create: { measureId: measure.id, period: input.period, ...data },
      update: data,
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "risk.follow_up_recorded",
      entityType: "RiskMeasure",
      entityId: measure.id,
      before: measure.followUps[0]
        ? { status: measure.followUps[0].status, note: measure.followUps[0].note }
        : undefined,
      after: {
        period: input.period,
        status: input.status,
        note: input.note || null,
        evidenceUrl: input.evidenceUrl || null,
      },
    });
  });
}

export async function recordResidual(
  actor: Actor,
  input: { riskId: number; period: ReportPeriod; residualLikelihood: number; residualImpact: number },
  now = new Date(),
) {
  const unitId = await unitOf(actor);
  return db.$transaction(async (tx) => {
    const risk = await tx.risk.findUnique({
      where: { id: input.riskId },
      include: { reviews: { where: { period: input.period } } },
    });
    if (!risk) throw refusal(404, "ไม่พบความเสี่ยงนี้");
    if (!mayWorkOnRisk(actor, unitId, risk)) throw refusal(403, "ท่านประเมินได้เฉพาะความเสี่ยงของหน่วยงานของท่าน");
    await refuseFrozen(tx, risk.fiscalYear, input.period);
    const data = {
      residualLikelihood: input.residualLikelihood,
      residualImpact: input.residualImpact,
      recordedAt: now,
      recordedById: actor.personId,
    };
    await tx.riskReview.upsert({
      where: { riskId_period: { riskId: risk.id, period: input.period } },
      create: { riskId: risk.id, period: input.period, ...data },
      update: data,
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "risk.residual_recorded",
      entityType: "Risk",
      entityId: risk.id,
      before: risk.reviews[0]
        ? { likelihood: risk.reviews[0].residualLikelihood, impact: risk.reviews[0].residualImpact }
        : undefined,
      after: { period: input.period, likelihood: input.residualLikelihood, impact: input.residualImpact },
    });
  });
}
