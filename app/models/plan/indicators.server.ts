import type { PlanIndicator } from "@prisma/client";
import { refusal } from "~/domain/refusal";
import { PLAN_FISCAL_YEARS, fiscalYearRange } from "~/domain/fiscal-year";
import { acceptsEntries, type AppCountedInstrument } from "~/domain/indicator-entries";
import {
  appliesInYear,
  countIsBeforeData,
  countStatus,
  parseIndicatorExtra,
  type IndicatorStatus,
} from "~/domain/indicators";
import { writeAudit } from "~/utils/audit.server";
import { db, sqlite } from "~/utils/db.server";
import { latestEntries, type LatestEntry } from "~/models/plan/indicator-entries.server";
import { latestLocalTargets, planTargetNote, type LocalTarget } from "~/models/plan/plan-targets.server";
import { topLevelMap } from "~/models/people/organization.server";
import { rosterForMembership } from "~/models/people/target-groups.server";
import { NO_GIFT_INSTRUMENT, noGiftComplianceMeasure } from "~/models/registers/no-gift.server"; // issue 13
import { isRiskRegisterInstrument } from "~/domain/risks";
import { registerCounts, riskRegisterIndicator, type RegisterCounts } from "~/models/risks/indicators.server";
import { cachedIndicators, type IndicatorPart } from "./indicator-cache.server";
import { knowledge } from "./indicator-knowledge.server";
import { COUNTERS, attestation, fromEntry, salarySurveySatisfaction } from "./indicator-sources.server";

export type Roster = {
  id: number;
  personnelType: string;
  divisionId: number;
  position: string;
  activeFrom: Date;
  activeUntil: Date | null;
  deactivatedAt: Date | null;
}[];

// Computes each plan indicator for a fiscal year from the data the app holds. Read-only.

export type IndicatorResult = {
  id: number;
  itemNumber: number;
  itemName: string;
  dimension: number;
  text: string;
  kind: string;
  instrument: string;
  rule: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null; // percent (one decimal) or a count
  status: IndicatorStatus;
  missingPersonIds: number[];
  byDivision: { divisionId: number; numerator: number; denominator: number; participants: number }[];
  source: string | null;
  /** How the value reads when it is not a share or a count (a score, a reduction, a yes/no judgement). */
  valueText?: string;
  /** The HR entry the result comes from, for indicators the app cannot compute. */
  entry?: {
    id: number;
    enteredAt: string;
    enteredBy: string;
    evidenceUrl: string | null;
    evidenceFileId: number | null;
    evidenceFileName: string | null;
    note: string | null;
  };
  /** The plan-level target this indicator relates to, and which target its status follows (items 15, 17, 25, 35). */
  planTargetNote?: string;
  /** A second way of measuring the same indicator, shown beside the first (project 1's pre/post-test gain). */
  secondary?: {
    label: string;
    rule: string;
    numerator: number;
    denominator: number;
    value: number | null;
    status: IndicatorStatus;
  };
};

/** Computation date: now during the year, its last moment once the year is over. */
export function computationDate(fiscalYear: number, now = new Date()) {
  const { end } = fiscalYearRange(fiscalYear);
  return {
    at: now.getTime() < end.getTime() ? now : new Date(end.getTime() - 1),
    yearClosed: now.getTime() >= end.getTime(),
  };
}

/** Results of a year HR has closed, exactly as they were frozen; null for a year still open. */
export async function frozenResults(fiscalYear: number, itemNumber?: number) {
  // Most pages ask about a year still open: that answer is one direct read (decision 062).
  const closed = await sqlite.read(
    (sql) => sql.all(`SELECT 1 FROM "FiscalYearClosure" WHERE "fiscalYear" = ?`, fiscalYear).length > 0,
  );
  if (!closed) return null;
  const closure = await db.fiscalYearClosure.findUnique({
    where: { fiscalYear },
    include: { results: true, closedBy: true },
  });
  if (!closure) return null;
  const results = closure.results
    .map((r) => JSON.parse(r.result) as IndicatorResult)
    .filter((r) => !itemNumber || r.itemNumber === itemNumber)
    .sort((a, b) => a.itemNumber - b.itemNumber || a.id - b.id);
  return { closedAt: closure.closedAt, closedBy: closure.closedBy, results };
}

/**
 * Each indicator's result for a fiscal year (or one item's): frozen if HR closed the year, computed from live data
 * otherwise. Results as of now are kept in this process until a write changes what they read (decision 049); pass
 * `now` or `live` to compute afresh. The returned results are shared: do not modify them.
 */
export async function computeIndicators(
  fiscalYear: number,
  options: { itemNumber?: number; now?: Date; live?: boolean } = {},
): Promise<IndicatorResult[]> {
  if (options.now || options.live) return computeFresh(fiscalYear, options);
  // Two parts kept apart (decision 055): a post-test submission changes the course results of its year, so only that
  // year's knowledge indicators are computed again after one (decision 056).
  const key = { fiscalYear, itemNumber: options.itemNumber };
  const [results, others, order] = await Promise.all([
    cachedIndicators(key, "results", () => computeFresh(fiscalYear, { ...options, part: "results" })),
    cachedIndicators(key, "others", () => computeFresh(fiscalYear, { ...options, part: "others" })),
    planOrder(),
  ]);
  // The plan's order (item, then position); an indicator no longer in the plan (a closed year's) after its item's.
  const rank = (r: IndicatorResult) => order.get(r.id) ?? Number.MAX_SAFE_INTEGER;
  return [...results, ...others].sort((a, b) => a.itemNumber - b.itemNumber || rank(a) - rank(b) || a.id - b.id);
}

/** Each indicator's place in the plan's order. One small read on the direct path (decision 054). */
async function planOrder(): Promise<Map<number, number>> {
  const rows = await sqlite.read((sql) =>
    sql.all<{ id: number }>(`SELECT "id" FROM "PlanIndicator" ORDER BY "itemNumber", "position"`),
  );
  return new Map(rows.map((r, index) => [r.id, index]));
}

/**
 * The plan's indicators (or one item's) in the plan's order, with their item's name and dimension. Read after every
 * write the indicators depend on (a submission among them): the direct path (decision 054).
 */
async function planIndicators(itemNumber?: number) {
  return sqlite.read((sql) =>
    sql.all<PlanIndicator & { itemName: string; itemDimension: number }>(
      `SELECT i.*, p."name" AS "itemName", p."dimension" AS "itemDimension"
       FROM "PlanIndicator" i JOIN "PlanItem" p ON p."number" = i."itemNumber"
       ${itemNumber ? `WHERE i."itemNumber" = ?` : ""} ORDER BY i."itemNumber", i."position"`,
      ...(itemNumber ? [itemNumber] : []),
    ),
  );
}

/** The divisions' tree and the courses, as the knowledge and attestation indicators need them (direct path). */
async function divisionsAndCourses() {
  const [divisions, courses] = await sqlite.read((sql) => [
    sql.all<{ id: number; parentId: number | null }>(`SELECT "id", "parentId" FROM "Division"`),
    sql.all<{ id: number; slug: string; title: string; grading: string; passPercent: number }>(
      `SELECT "id", "slug", "title", "grading", "passPercent" FROM "Course"`,
    ),
  ]);
  return { divisions, courses };
}

/** The knowledge indicators read the course results; every other kind reads other sources (decision 055). */
const inPart = (kind: string, part: IndicatorPart | undefined) =>
  part === undefined || (part === "results") === (kind === "knowledge");

async function computeFresh(
  fiscalYear: number,
  options: { itemNumber?: number; now?: Date; live?: boolean; part?: IndicatorPart },
): Promise<IndicatorResult[]> {
  if (!options.live) {
    const frozen = await frozenResults(fiscalYear, options.itemNumber);
    if (frozen) return frozen.results.filter((r) => inPart(r.kind, options.part));
  }
  const { at, yearClosed } = computationDate(fiscalYear, options.now);
  const indicators = (await planIndicators(options.itemNumber)).filter((i) => inPart(i.kind, options.part));
  const needsPeople = indicators.some((i) => (i.kind === "knowledge" || i.kind === "attestation") && i.targetGroupCode);
  const [people, { divisions, courses }] = needsPeople
    ? await Promise.all([rosterForMembership(), divisionsAndCourses()])
    : [[] as Roster, { divisions: [], courses: [] }];
  const topOf = topLevelMap(divisions);

  let entries: Map<number, LatestEntry> | undefined;
  let riskCounts: Promise<RegisterCounts> | undefined;
  const localTargets = indicators.some((i) => i.kind === "knowledge" && i.thresholdPercent == null)
    ? await latestLocalTargets(fiscalYear)
    : new Map<number, LocalTarget>();
  const results: IndicatorResult[] = [];
  for (const ind of indicators) {
    const extra = parseIndicatorExtra(ind.extra);
    const note = planTargetNote(extra, fiscalYear, ind);
    const base = {
      id: ind.id,
      itemNumber: ind.itemNumber,
      itemName: ind.itemName,
      dimension: ind.itemDimension,
      text: ind.text,
      kind: ind.kind,
      instrument: ind.instrument,
      missingPersonIds: [] as number[],
      byDivision: [] as IndicatorResult["byDivision"],
      ...(note ? { planTargetNote: note } : {}),
    };
    if (!appliesInYear(extra, fiscalYear)) {
      const years = extra.fiscalYears!.join(", ");
      results.push({
        ...base,
        rule: `แผนกำหนดให้ดำเนินการในปีงบประมาณ ${years} เท่านั้น`,
        numerator: null,
        denominator: null,
        value: null,
        status: "not_applicable",
        source: null,
      });
    } else if (ind.kind === "knowledge" && ind.courseSlug && ind.targetGroupCode) {
      results.push({
        ...base,
        ...(await knowledge(ind, fiscalYear, yearClosed, at, people, courses, topOf, localTargets.get(ind.id) ?? null)),
      });
    } else if (ind.kind === "attestation" && ind.instrument === NO_GIFT_INSTRUMENT && ind.targetGroupCode) {
      // Item 16 (issue 13, decision 029): the yearly No Gift declaration; the acknowledgement is the second measure.
      const acknowledged = await attestation(ind, fiscalYear, yearClosed, at, people, topOf);
      const secondary =
        acknowledged.numerator == null
          ? undefined
          : {
              label: "รับทราบประกาศ No Gift Policy",
              rule: acknowledged.rule,
              numerator: acknowledged.numerator,
              denominator: acknowledged.denominator,
              value: acknowledged.value,
              status: acknowledged.status,
            };
      results.push({
        ...base,
        ...(await noGiftComplianceMeasure(ind, fiscalYear, yearClosed, at, people, topOf)),
        ...(secondary ? { secondary } : {}),
      });
    } else if (ind.kind === "attestation" && ind.instrument === "acknowledgement" && ind.targetGroupCode) {
      results.push({ ...base, ...(await attestation(ind, fiscalYear, yearClosed, at, people, topOf)) });
    } else if (ind.kind === "count" && ind.instrument in COUNTERS) {
      const counter = COUNTERS[ind.instrument as AppCountedInstrument];
      const count = await counter.count(fiscalYear, ind.itemNumber);
      const minimum = ind.minimumCount ?? 1;
      // A finished year before the app held any record of this kind has no data, not a count of 0.
      const beforeData =
        yearClosed && countIsBeforeData(count, fiscalYearRange(fiscalYear).end, await counter.firstRecordAt());
      results.push({
        ...base,
        rule: `อย่างน้อย ${minimum} ${counter.unit ?? "ฉบับ"}ในปีงบประมาณ`,
        numerator: beforeData ? null : count,
        denominator: null,
        value: beforeData ? null : count,
        status: beforeData ? "no_data" : countStatus({ count, minimumCount: minimum, yearClosed }),
        source: beforeData ? `${counter.source} (ระบบยังไม่มีข้อมูลของปีนี้)` : counter.source,
      });
    } else if (ind.itemNumber === 19 && ind.kind === "survey") {
      results.push({ ...base, ...(await salarySurveySatisfaction(ind, fiscalYear, yearClosed, at)) });
    } else if (ind.kind === "count" && isRiskRegisterInstrument(ind.instrument)) {
      // Item 37: read from the fraud-risk register (app/models/risks/indicators.server.ts).
      results.push({
        ...base,
        ...riskRegisterIndicator(
          ind.instrument,
          ind.minimumCount ?? 1,
          await (riskCounts ??= registerCounts(fiscalYear, at)),
          yearClosed,
        ),
      });
    } else if (acceptsEntries(ind)) {
      entries ??= await latestEntries(fiscalYear);
      results.push({ ...base, ...fromEntry(ind, extra, entries.get(ind.id) ?? null, yearClosed) });
    } else {
      results.push({
        ...base,
        rule:
          ind.thresholdPercent != null
            ? `ไม่น้อยกว่าร้อยละ ${ind.thresholdPercent}`
            : ind.minimumCount != null
              ? `อย่างน้อย ${ind.minimumCount}`
              : "—",
        numerator: null,
        denominator: null,
        value: null,
        status: "no_instrument",
        source: null,
      });
    }
  }
  return results;
}

/**
 * Close a finished fiscal year: freeze every indicator's result with its inputs (numbers, rule, population,
 * missing people), so later roster edits do not rewrite history. Audited; a closed year cannot reopen.
 */
export async function closeFiscalYear(
  fiscalYear: number,
  actor: { personId: number; ip: string | null },
  now = new Date(),
) {
  if (!(PLAN_FISCAL_YEARS as readonly number[]).includes(fiscalYear)) {
    throw refusal(400, `ปิดได้เฉพาะปีงบประมาณของแผน (${PLAN_FISCAL_YEARS[0]}–${PLAN_FISCAL_YEARS.at(-1)})`);
  }
  if (!computationDate(fiscalYear, now).yearClosed) throw refusal(409, "ปิดได้เฉพาะปีงบประมาณที่สิ้นสุดแล้ว");
  if (await db.fiscalYearClosure.findUnique({ where: { fiscalYear } }))
    throw refusal(409, "ปีงบประมาณนี้ปิดและบันทึกผลไว้แล้ว");
  const results = await computeIndicators(fiscalYear, { now, live: true });
  await db.$transaction(async (tx) => {
    await tx.fiscalYearClosure.create({ data: { fiscalYear, closedAt: now, closedById: actor.personId } });
    await tx.frozenIndicatorResult.createMany({
      data: results.map((r) => ({ fiscalYear, indicatorId: r.id, result: JSON.stringify(r) })),
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "fiscal_year.closed",
      entityType: "FiscalYear",
      entityId: fiscalYear,
      after: { indicators: results.length, met: results.filter((r) => r.status === "met").length },
    });
  });
  return results.length;
}
