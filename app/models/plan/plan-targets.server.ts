import { loadPlan } from "~/content/plan.server";
import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import { fiscalYearRange, PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { INDICATOR_STATUS_LABELS, type IndicatorExtra, type IndicatorStatus } from "~/domain/indicators";
import {
  itaTargetFor,
  planTargetNote as noteFor,
  reductionPercent,
  reductionStatus,
  scoreStatus,
  type PlanTargets,
} from "~/domain/plan-targets";
import { refusal } from "~/domain/refusal";
import { baselineSchema, localTargetSchema } from "~/schemas/plan-targets";
import { writeAudit } from "~/utils/audit.server";
import { foundedCorruptionCaseCounts } from "~/models/complaints/stats.server";
import { db, sqlite } from "~/utils/db.server";
import { validate } from "~/utils/forms";

// Plan-level targets (ITA ramp, corruption cases against 2565), HR's local targets where the plan states none,
// and the baseline HR records. Owns IndicatorLocalTarget and PlanBaseline.

export const CASE_BASELINE_METRIC = "corruption-cases";

let cached: PlanTargets | undefined;
/** The plan file's targets, read once per process (the file changes only with a deploy). */
export function planTargets(): PlanTargets {
  if (cached) return cached;
  const t = loadPlan().plan.targets;
  const already = t.goals.find((g) => g.appliesWhen === "already-passed" && g.minimumItaScore != null);
  const passMark = t.goals.find((g) => g.appliesWhen === "not-yet-passed")?.minimumItaScore ?? 85;
  const years = (r: Record<string, number>) =>
    Object.fromEntries(Object.entries(r).map(([y, v]) => [Number(y), v])) as Record<number, number>;
  cached = {
    itaByYear: years(t.itaScore),
    itaPassMark: passMark,
    itaAlreadyPassedGoal: already ? { fiscalYear: already.fiscalYear, minimumScore: already.minimumItaScore! } : null,
    caseReductionByYear: years(t.corruptionCaseReduction.byYear),
    caseBaselineYear: t.corruptionCaseReduction.baselineYear,
  };
  return cached;
}

export function planTargetNote(
  extra: IndicatorExtra,
  fiscalYear: number,
  own: { minimumScore: number | null; thresholdPercent: number | null },
) {
  return noteFor(planTargets(), extra, fiscalYear, own);
}

export type LocalTarget = { thresholdPercent: number; source: string; enteredAt: Date };

/** The local target in force for each indicator in a year: the latest HR recorded. */
export async function latestLocalTargets(fiscalYear: number): Promise<Map<number, LocalTarget>> {
  const rows = await db.indicatorLocalTarget.findMany({
    where: { fiscalYear },
    orderBy: [{ enteredAt: "asc" }, { id: "asc" }],
  });
  return new Map(
    rows.map((r) => [
      r.indicatorId,
      { thresholdPercent: r.thresholdPercent, source: r.source, enteredAt: r.enteredAt },
    ]),
  );
}

/**
 * Corruption cases closed as founded in each fiscal year, from the complaint register (items 40–41); null for a
 * year before the register received anything (no data, not zero cases). One read for all the years.
 */
export async function foundedCorruptionCases(fiscalYears: readonly number[]): Promise<Map<number, number | null>> {
  const { counts, firstReceivedAt } = await foundedCorruptionCaseCounts(fiscalYears);
  return new Map(
    fiscalYears.map((year) => [
      year,
      !firstReceivedAt || firstReceivedAt.getTime() >= fiscalYearRange(year).end.getTime()
        ? null
        : (counts.get(year) ?? 0),
    ]),
  );
}

/** The plan-level targets year by year beside the actual values, for /plan. */
export async function planLevelTargets(now = new Date()) {
  const targets = planTargets();
  // /plan is read by everyone: the ITA entries and the baseline in one direct read (decision 062).
  const [{ itaEntries, baselineRow }, casesByYear] = await Promise.all([
    sqlite.read((sql) => ({
      itaEntries: sql.all<{ fiscalYear: number; value: number | null }>(
        `SELECT e."fiscalYear", e."value" FROM "IndicatorEntry" e JOIN "PlanIndicator" i ON i."id" = e."indicatorId"
         WHERE i."instrument" = 'ita-score' ORDER BY e."enteredAt", e."id"`,
      ),
      baselineRow: sql
        .all<{ value: number; source: string; enteredAt: string; title: string; firstName: string; lastName: string }>(
          `SELECT b."value", b."source", b."enteredAt", p."title", p."firstName", p."lastName"
           FROM "PlanBaseline" b JOIN "Person" p ON p."id" = b."enteredById"
           WHERE b."metric" = ? AND b."year" = ? ORDER BY b."enteredAt" DESC, b."id" DESC LIMIT 1`,
          CASE_BASELINE_METRIC,
          targets.caseBaselineYear,
        )
        .map((b) => ({
          value: b.value,
          source: b.source,
          enteredAt: new Date(b.enteredAt),
          enteredBy: { title: b.title, firstName: b.firstName, lastName: b.lastName },
        }))[0],
    })),
    foundedCorruptionCases(PLAN_FISCAL_YEARS),
  ]);
  const itaByYear = new Map(itaEntries.filter((e) => e.value != null).map((e) => [e.fiscalYear, e.value!]));
  const baseline = baselineRow?.value ?? null;
  const rows = [];
  for (const year of PLAN_FISCAL_YEARS) {
    const yearClosed = now.getTime() >= fiscalYearRange(year).end.getTime();
    const earlier = PLAN_FISCAL_YEARS.filter((y) => y < year).flatMap((y) =>
      itaByYear.has(y) ? [itaByYear.get(y)!] : [],
    );
    const ita = itaTargetFor(targets, year, earlier);
    const score = itaByYear.get(year) ?? null;
    const cases = casesByYear.get(year) ?? null;
    const casesTarget = targets.caseReductionByYear[year] ?? null;
    const itaStatus: IndicatorStatus = scoreStatus(score, ita.target, yearClosed);
    const caseStatus: IndicatorStatus = reductionStatus(baseline, cases, casesTarget, yearClosed);
    rows.push({
      fiscalYear: year,
      ita: {
        target: ita.target,
        why: ita.why,
        score,
        status: itaStatus,
        statusLabel: INDICATOR_STATUS_LABELS[itaStatus],
      },
      cases: {
        targetPercent: casesTarget,
        cases,
        reductionPercent: reductionPercent(baseline, cases),
        status: caseStatus,
        statusLabel: INDICATOR_STATUS_LABELS[caseStatus],
      },
    });
  }
  return {
    rows,
    baselineYear: targets.caseBaselineYear,
    baseline: baselineRow
      ? {
          value: baselineRow.value,
          source: baselineRow.source,
          enteredAt: baselineRow.enteredAt.toISOString(),
          enteredBy: `${baselineRow.enteredBy.title}${baselineRow.enteredBy.firstName} ${baselineRow.enteredBy.lastName}`,
        }
      : null,
  };
}

/** Indicators the plan gives no threshold (HR may set a local one), with the targets recorded so far. */
export async function unthresholdedIndicators() {
  const indicators = await db.planIndicator.findMany({
    where: { thresholdPercent: null, kind: { in: ["knowledge"] } },
    orderBy: [{ itemNumber: "asc" }, { position: "asc" }],
    include: {
      localTargets: {
        orderBy: [{ enteredAt: "desc" }, { id: "desc" }],
        include: { enteredBy: { select: { title: true, firstName: true, lastName: true } } },
      },
    },
  });
  return indicators.map((i) => ({
    id: i.id,
    itemNumber: i.itemNumber,
    text: i.text,
    targets: i.localTargets.map((t) => ({
      fiscalYear: t.fiscalYear,
      thresholdPercent: t.thresholdPercent,
      source: t.source,
      enteredAt: t.enteredAt.toISOString(),
      enteredBy: `${t.enteredBy.title}${t.enteredBy.firstName} ${t.enteredBy.lastName}`,
    })),
  }));
}

/** HR sets a local target for an indicator the plan states no threshold for. Audited; closed years refused. */
export async function recordLocalTarget(actor: Actor, fields: Record<string, unknown>, now = new Date()) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะกองการเจ้าหน้าที่กำหนดเป้าหมายได้");
  const checked = validate(localTargetSchema, fields);
  if (!checked.success) throw refusal(400, "กรุณาตรวจสอบข้อมูลที่กรอก", checked.fieldErrors);
  const input = checked.data;
  return db.$transaction(async (tx) => {
    const indicator = await tx.planIndicator.findUnique({ where: { id: input.indicatorId } });
    if (!indicator) throw refusal(404, "ไม่พบตัวชี้วัดนี้");
    if (indicator.thresholdPercent != null)
      throw refusal(409, `แผนกำหนดเกณฑ์ของตัวชี้วัดนี้ไว้แล้ว (ร้อยละ ${indicator.thresholdPercent}) จึงกำหนดเป้าหมายเองไม่ได้`);
    if (await tx.fiscalYearClosure.findUnique({ where: { fiscalYear: input.fiscalYear } })) {
      throw refusal(409, `ปีงบประมาณ ${input.fiscalYear} ปิดและบันทึกผลแล้ว จึงเปลี่ยนเป้าหมายไม่ได้`);
    }
    const row = await tx.indicatorLocalTarget.create({
      data: {
        indicatorId: indicator.id,
        fiscalYear: input.fiscalYear,
        thresholdPercent: Number(input.thresholdPercent),
        source: input.source,
        enteredAt: now,
        enteredById: actor.personId,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "indicator.local_target_set",
      entityType: "PlanIndicator",
      entityId: indicator.id,
      after: { fiscalYear: row.fiscalYear, thresholdPercent: row.thresholdPercent, source: row.source },
    });
    return row;
  });
}

/** HR records the baseline count of corruption cases (2565) the plan's reduction targets are measured against. */
export async function recordCaseBaseline(actor: Actor, fields: Record<string, unknown>, now = new Date()) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะกองการเจ้าหน้าที่บันทึกค่าฐานได้");
  const checked = validate(baselineSchema, fields);
  if (!checked.success) throw refusal(400, "กรุณาตรวจสอบข้อมูลที่กรอก", checked.fieldErrors);
  const year = planTargets().caseBaselineYear;
  return db.$transaction(async (tx) => {
    const row = await tx.planBaseline.create({
      data: {
        metric: CASE_BASELINE_METRIC,
        year,
        value: Number(checked.data.value),
        source: checked.data.source,
        enteredAt: now,
        enteredById: actor.personId,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "plan.baseline_recorded",
      entityType: "PlanBaseline",
      entityId: row.id,
      after: { metric: row.metric, year, value: row.value, source: row.source },
    });
    return row;
  });
}
