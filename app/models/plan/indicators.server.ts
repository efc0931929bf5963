import type { PlanIndicator } from "@prisma/client";
import { refusal } from "~/domain/refusal";
import { PLAN_FISCAL_YEARS, fiscalYearRange } from "~/domain/fiscal-year";
import {
  acceptsEntries,
  entryRule,
  entryStatus,
  entryValueText,
  type AppCountedInstrument,
} from "~/domain/indicator-entries";
import {
  appliesInYear,
  countIsBeforeData,
  countStatus,
  improvedOnPreTest,
  knowledgeRuleText,
  parseIndicatorExtra,
  sharePercent,
  shareStatus,
  type IndicatorExtra,
  type IndicatorStatus,
} from "~/domain/indicators";
import { fullName } from "~/domain/personnel";
import { formatThaiDateTime } from "~/domain/thai-date";
import { isPass, type Grading } from "~/domain/quiz";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { groupBy } from "~/utils/group-by";
import { complaintCountForFiscalYear } from "~/models/complaints/stats.server";
import { coursePopulation } from "~/models/training/assignments.server";
import { countOrdersSignedInFiscalYear } from "~/models/orders/order-queries.server";
import { latestEntries, type LatestEntry } from "~/models/plan/indicator-entries.server";
import { latestLocalTargets, planTargetNote, type LocalTarget } from "~/models/plan/plan-targets.server";
import { topLevelMap } from "~/models/people/organization.server";
import { satisfactionForFiscalYear } from "~/models/salary/survey.server";
import { populationOf, rosterForMembership } from "~/models/people/target-groups.server";
import { NO_GIFT_INSTRUMENT, noGiftComplianceMeasure } from "~/models/registers/no-gift.server"; // issue 13
import { isRiskRegisterInstrument } from "~/domain/risks";
import { riskRegisterIndicator } from "~/models/risks/indicators.server";

type Roster = {
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

/** The count indicators the app can measure, by instrument (content/plan/items/NN.yaml). */
const COUNTERS: Record<
  AppCountedInstrument,
  {
    source: string;
    unit?: string;
    count: (fiscalYear: number, itemNumber: number) => Promise<number>;
    firstRecordAt: () => Promise<Date | null>;
  }
> = {
  "delegation-orders": {
    source: "คำสั่งมอบหมายงานที่ลงนามในปีงบประมาณ",
    count: (fiscalYear) => countOrdersSignedInFiscalYear(fiscalYear),
    firstRecordAt: async () =>
      (
        await db.delegationOrder.findFirst({
          where: { signedAt: { not: null } },
          orderBy: { signedAt: "asc" },
          select: { signedAt: true },
        })
      )?.signedAt ?? null,
  },
  announcement: {
    source: "เอกสารที่ประกาศในระบบสำหรับรายการนี้ในปีงบประมาณ",
    count: (fiscalYear, itemNumber) => {
      const { start, end } = fiscalYearRange(fiscalYear);
      return db.policyDocument.count({ where: { planItemNumber: itemNumber, publishedAt: { gte: start, lt: end } } });
    },
    firstRecordAt: async () =>
      (await db.policyDocument.findFirst({ orderBy: { publishedAt: "asc" }, select: { publishedAt: true } }))
        ?.publishedAt ?? null,
  },
  // complaints (items 40, 41): reports from the public through the corruption complaint channel
  "complaint-count": {
    source: "เรื่องร้องเรียนและเบาะแสที่รับผ่านช่องทางร้องเรียนการทุจริตในปีงบประมาณ",
    unit: "เรื่อง",
    count: (fiscalYear) => complaintCountForFiscalYear(fiscalYear),
    firstRecordAt: async () =>
      (await db.complaint.findFirst({ orderBy: { receivedAt: "asc" }, select: { receivedAt: true } }))?.receivedAt ??
      null,
  },
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

/** Each indicator's result for a fiscal year: frozen if HR closed the year, computed from live data otherwise. */
export async function computeIndicators(
  fiscalYear: number,
  options: { itemNumber?: number; now?: Date; live?: boolean } = {},
): Promise<IndicatorResult[]> {
  if (!options.live) {
    const frozen = await frozenResults(fiscalYear, options.itemNumber);
    if (frozen) return frozen.results;
  }
  const { at, yearClosed } = computationDate(fiscalYear, options.now);
  const indicators = await db.planIndicator.findMany({
    where: options.itemNumber ? { itemNumber: options.itemNumber } : {},
    include: { item: true },
    orderBy: [{ itemNumber: "asc" }, { position: "asc" }],
  });
  const needsPeople = indicators.some((i) => (i.kind === "knowledge" || i.kind === "attestation") && i.targetGroupCode);
  const [people, divisions, courses]: [
    Roster,
    Awaited<ReturnType<typeof db.division.findMany>>,
    Awaited<ReturnType<typeof db.course.findMany>>,
  ] = needsPeople
    ? await Promise.all([rosterForMembership(), db.division.findMany(), db.course.findMany()])
    : [[], [], []];
  const topOf = topLevelMap(divisions);

  let entries: Map<number, LatestEntry> | undefined;
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
      itemName: ind.item.name,
      dimension: ind.item.dimension,
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
        ...(await riskRegisterIndicator(ind.instrument, ind.minimumCount ?? 1, fiscalYear, at, yearClosed)),
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

async function knowledge(
  ind: PlanIndicator,
  fiscalYear: number,
  yearClosed: boolean,
  at: Date,
  people: Roster,
  courses: { id: number; slug: string; grading: string; title: string; passPercent: number }[],
  topOf: Map<number, number>,
  localTarget: LocalTarget | null,
) {
  const course = courses.find((c) => c.slug === ind.courseSlug);
  // The plan's threshold; where it states none (item 6), only a target HR recorded with its source (decision 038).
  const threshold = ind.thresholdPercent ?? localTarget?.thresholdPercent ?? null;
  const passPercent = course?.passPercent ?? ind.passPercent;
  const rule = knowledgeRuleText(
    passPercent,
    threshold,
    ind.thresholdPercent == null ? (localTarget?.source ?? null) : null,
  );
  const group = await populationOf(ind.targetGroupCode!, at, people);
  if (!group || !course) {
    return { rule, numerator: null, denominator: null, value: null, status: "no_instrument" as const, source: null };
  }
  const population = group.members;
  // One row per person who submitted a post-test (CourseResult, kept by triggers on Attempt; decision 041).
  const byPerson = await countingResults(course.id, fiscalYear, "post", course.grading as Grading);
  const passed = new Set<number>();
  for (const [personId, counting] of byPerson)
    if (isPass(counting.correct, counting.total, passPercent)) passed.add(personId);
  const numerator = population.filter((p) => passed.has(p.id)).length;
  const participants = population.filter((p) => byPerson.has(p.id)).length;
  const divisions = groupBy(population, (p) => topOf.get(p.divisionId) ?? p.divisionId);
  const secondary =
    ind.instrument === "pre-post-gain"
      ? await gainMeasure(course, fiscalYear, threshold, passPercent, at, byPerson, yearClosed)
      : undefined;
  return {
    ...(secondary ? { secondary } : {}),
    rule,
    numerator,
    denominator: population.length,
    value: sharePercent(numerator, population.length, threshold),
    status: shareStatus({
      numerator,
      denominator: population.length,
      thresholdPercent: threshold,
      participants,
      yearClosed,
    }),
    missingPersonIds: population.filter((p) => !passed.has(p.id)).map((p) => p.id),
    byDivision: [...divisions].map(([divisionId, members]) => ({
      divisionId,
      numerator: members.filter((p) => passed.has(p.id)).length,
      denominator: members.length,
      participants: members.filter((p) => byPerson.has(p.id)).length,
    })),
    source: `แบบทดสอบหลังเรียน หลักสูตร${course.title} · กลุ่มเป้าหมาย: ${group.name}`,
  };
}

type Score = { correct: number; total: number };

/**
 * Each person's counting attempt of one kind at a course in a year, as the course's grading chooses it
 * (countingAttempt's first, last or best), read from CourseResult rather than every attempt.
 */
async function countingResults(
  courseId: number,
  fiscalYear: number,
  kind: "pre" | "post",
  grading: Grading,
): Promise<Map<number, Score>> {
  const column = grading === "first" ? "first" : grading === "last" ? "last" : "best";
  // One string rather than a row per person: at 50,000 people the per-row cost of the client was most of the time.
  const [row] = await db.$queryRawUnsafe<{ scores: string | null }[]>(
    `SELECT group_concat("personId" || ' ' || "${column}Correct" || ' ' || "${column}Total", ' ') AS "scores"
     FROM "CourseResult" WHERE "courseId" = ? AND "fiscalYear" = ? AND "kind" = ?`,
    courseId,
    fiscalYear,
    kind,
  );
  const numbers = row?.scores ? row.scores.split(" ").map(Number) : [];
  const scores = new Map<number, Score>();
  for (let i = 0; i + 2 < numbers.length; i += 3)
    scores.set(numbers[i]!, { correct: numbers[i + 1]!, total: numbers[i + 2]! });
  return scores;
}

/**
 * The pre/post-test gain (decision 038): share of the people assigned the course that year (the trainees, not the
 * whole division) whose counting post-test shows increased knowledge against their counting pre-test (both chosen
 * by the course's grading; see improvedOnPreTest). Someone without a pre-test cannot show a gain.
 */
async function gainMeasure(
  course: { id: number; grading: string },
  fiscalYear: number,
  threshold: number | null,
  passPercent: number,
  at: Date,
  postsByPerson: Map<number, Score>,
  yearClosed: boolean,
): Promise<NonNullable<IndicatorResult["secondary"]>> {
  const trainees = await coursePopulation(course.id, fiscalYear, at);
  const population = [...trainees].map((id) => ({ id }));
  const participants = population.filter((p) => postsByPerson.has(p.id)).length;
  const preByPerson = await countingResults(course.id, fiscalYear, "pre", course.grading as Grading);
  const improved = new Set<number>();
  for (const [personId, post] of postsByPerson) {
    const before = preByPerson.get(personId);
    if (before && improvedOnPreTest(before, post, passPercent)) improved.add(personId);
  }
  const numerator = population.filter((p) => improved.has(p.id)).length;
  return {
    label: "ความรู้เพิ่มขึ้นจากก่อนเรียน",
    rule:
      `ผู้มีความรู้เพิ่มขึ้น (คะแนนหลังเรียนปิดช่องว่างจากก่อนเรียนได้อย่างน้อยร้อยละ 30 หรือผ่านเกณฑ์ร้อยละ ${passPercent} ทั้งก่อนและหลังเรียน)` +
      (threshold != null ? ` ไม่น้อยกว่าร้อยละ ${threshold} ของผู้ที่ได้รับมอบหมายหลักสูตรในปีนี้` : " · แผนไม่ได้กำหนดเกณฑ์"),
    numerator,
    denominator: population.length,
    value: sharePercent(numerator, population.length, threshold),
    status: shareStatus({
      numerator,
      denominator: population.length,
      thresholdPercent: threshold,
      participants,
      yearClosed,
    }),
  };
}

/** An indicator HR records by hand: judged from the latest entry for the year. */
function fromEntry(ind: PlanIndicator, extra: IndicatorExtra, entry: LatestEntry | null, yearClosed: boolean) {
  const rule = entryRule({ ...ind, extra });
  const status = entryStatus(rule, entry, yearClosed);
  if (!entry) return { rule: rule.text, numerator: null, denominator: null, value: null, status, source: null };
  const evidence = entry.evidenceFile ? `ไฟล์ ${entry.evidenceFile.fileName}` : (entry.evidenceUrl ?? "");
  return {
    rule: rule.text,
    numerator: rule.unit === "count" || rule.unit === "share" || rule.unit === "every" ? entry.value : null,
    denominator: rule.unit === "share" || rule.unit === "every" ? entry.participants : null,
    value:
      rule.unit === "share"
        ? sharePercent(entry.value ?? 0, entry.participants ?? 0, ind.thresholdPercent)
        : entry.value,
    valueText: entryValueText(rule, entry),
    status,
    source: `บันทึกโดย ${fullName(entry.enteredBy)} เมื่อ ${formatThaiDateTime(entry.enteredAt)}${entry.instrumentUsed ? ` · เครื่องมือวัด: ${entry.instrumentUsed}` : ""} · หลักฐาน: ${evidence}`,
    entry: {
      id: entry.id,
      enteredAt: entry.enteredAt.toISOString(),
      enteredBy: fullName(entry.enteredBy),
      evidenceUrl: entry.evidenceUrl,
      evidenceFileId: entry.evidenceFile?.id ?? null,
      evidenceFileName: entry.evidenceFile?.fileName ?? null,
      note: entry.note,
    },
  };
}

/** Share of the target group who acknowledged the latest document published for the item, by the date. */
async function attestation(
  ind: PlanIndicator,
  fiscalYear: number,
  yearClosed: boolean,
  at: Date,
  people: Roster,
  topOf: Map<number, number>,
) {
  const threshold = ind.thresholdPercent ?? 100;
  const rule = `รับทราบเอกสารที่ประกาศ ไม่น้อยกว่าร้อยละ ${threshold} ของกลุ่มเป้าหมาย`;
  const document = await db.policyDocument.findFirst({
    // The year's own document: last year's acknowledgements do not count for this year.
    where: { planItemNumber: ind.itemNumber, publishedAt: { gte: fiscalYearRange(fiscalYear).start, lte: at } },
    orderBy: { publishedAt: "desc" },
  });
  const group = await populationOf(ind.targetGroupCode!, at, people);
  if (!document || !group)
    return { rule, numerator: null, denominator: null, value: null, status: "no_instrument" as const, source: null };
  const acknowledged = new Set(
    (
      await db.policyAcknowledgement.findMany({
        where: { documentId: document.id, acknowledgedAt: { lte: at } },
        select: { personId: true },
      })
    ).map((a) => a.personId),
  );
  const population = group.members;
  const numerator = population.filter((p) => acknowledged.has(p.id)).length;
  const divisions = groupBy(population, (p) => topOf.get(p.divisionId) ?? p.divisionId);
  return {
    rule,
    numerator,
    denominator: population.length,
    value: sharePercent(numerator, population.length, threshold),
    // Once the document is out, nobody having acknowledged it is a result (in progress / not met), not missing data.
    status: shareStatus({
      numerator,
      denominator: population.length,
      thresholdPercent: threshold,
      participants: population.length,
      yearClosed,
    }),
    missingPersonIds: population.filter((p) => !acknowledged.has(p.id)).map((p) => p.id),
    byDivision: [...divisions].map(([divisionId, members]) => ({
      divisionId,
      numerator: members.filter((p) => acknowledged.has(p.id)).length,
      denominator: members.length,
      participants: members.length,
    })),
    source: `การรับทราบ "${document.title}" · กลุ่มเป้าหมาย: ${group.name}`,
  };
}

/** Item 19: share of the year's survey respondents who are satisfied (rounds whose survey has closed; decision 016). */
async function salarySurveySatisfaction(ind: PlanIndicator, fiscalYear: number, yearClosed: boolean, at: Date) {
  const threshold = ind.thresholdPercent ?? 80;
  const { rounds, respondents, satisfied, satisfiedMeanAtLeast } = await satisfactionForFiscalYear(fiscalYear, at);
  return {
    rule: `ผู้ตอบแบบสำรวจที่พึงพอใจ (ค่าเฉลี่ยคำตอบ ≥ ${satisfiedMeanAtLeast} จาก 5) ไม่น้อยกว่าร้อยละ ${threshold}`,
    numerator: satisfied,
    denominator: respondents,
    value: sharePercent(satisfied, respondents, threshold),
    status: shareStatus({
      numerator: satisfied,
      denominator: respondents,
      thresholdPercent: threshold,
      participants: respondents,
      yearClosed,
    }),
    source: rounds.length
      ? `แบบสำรวจความพึงพอใจหลังประกาศผล: ${rounds.map((r) => r.title).join(", ")}`
      : "แบบสำรวจความพึงพอใจหลังประกาศผล (ยังไม่มีรอบที่ปิดแบบสำรวจ)",
  };
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
