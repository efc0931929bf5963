import type { PlanIndicator } from "@prisma/client";
import { fiscalYearRange } from "~/domain/fiscal-year";
import { acceptsEntries, entryRule, entryStatus, entryValueText, type AppCountedInstrument } from "~/domain/indicator-entries";
import { countStatus, improvedOnPreTest, sharePercent, shareStatus, type IndicatorStatus } from "~/domain/indicators";
import { fullName } from "~/domain/personnel";
import { formatThaiDateTime } from "~/domain/thai-date";
import { countingAttempt, isPass, type Grading } from "~/domain/quiz";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { groupBy } from "~/utils/group-by";
import { countOrdersSignedInFiscalYear } from "./delegation-orders.server";
import { latestEntries, type LatestEntry } from "./indicator-entries.server";
import { topLevelMap } from "./organization.server";
import { satisfactionForFiscalYear } from "./salary-survey.server";
import { populationOf } from "./target-groups.server";
import { isRiskRegisterInstrument } from "~/domain/risks";
import { riskRegisterIndicator } from "./risks/indicators.server";

type Roster = { id: number; personnelType: string; divisionId: number; position: string; activeFrom: Date; activeUntil: Date | null; deactivatedAt: Date | null }[];

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
  entry?: { id: number; enteredAt: string; enteredBy: string; evidenceUrl: string | null; evidenceFileId: number | null; evidenceFileName: string | null; note: string | null };
  /** A second way of measuring the same indicator, shown beside the first (project 1's pre/post-test gain). */
  secondary?: { label: string; rule: string; numerator: number; denominator: number; value: number | null; status: IndicatorStatus };
};

/** The count indicators the app can measure, by instrument (content/plan/items/NN.yaml). */
const COUNTERS: Record<AppCountedInstrument, { source: string; count: (fiscalYear: number, itemNumber: number) => Promise<number> }> = {
  "delegation-orders": { source: "คำสั่งมอบหมายงานที่ลงนามในปีงบประมาณ", count: (fiscalYear) => countOrdersSignedInFiscalYear(fiscalYear) },
  announcement: {
    source: "เอกสารที่ประกาศในระบบสำหรับรายการนี้ในปีงบประมาณ",
    count: (fiscalYear, itemNumber) => {
      const { start, end } = fiscalYearRange(fiscalYear);
      return db.policyDocument.count({ where: { planItemNumber: itemNumber, publishedAt: { gte: start, lt: end } } });
    },
  },
};

/** Computation date: now during the year, its last moment once the year is over. */
export function computationDate(fiscalYear: number, now = new Date()) {
  const { end } = fiscalYearRange(fiscalYear);
  return { at: now.getTime() < end.getTime() ? now : new Date(end.getTime() - 1), yearClosed: now.getTime() >= end.getTime() };
}

/** Results of a year HR has closed, exactly as they were frozen; null for a year still open. */
export async function frozenResults(fiscalYear: number, itemNumber?: number) {
  const closure = await db.fiscalYearClosure.findUnique({ where: { fiscalYear }, include: { results: true, closedBy: true } });
  if (!closure) return null;
  const results = closure.results
    .map((r) => JSON.parse(r.result) as IndicatorResult)
    .filter((r) => !itemNumber || r.itemNumber === itemNumber)
    .sort((a, b) => a.itemNumber - b.itemNumber || a.id - b.id);
  return { closedAt: closure.closedAt, closedBy: closure.closedBy, results };
}

/** Each indicator's result for a fiscal year: frozen if HR closed the year, computed from live data otherwise. */
export async function computeIndicators(fiscalYear: number, options: { itemNumber?: number; now?: Date; live?: boolean } = {}): Promise<IndicatorResult[]> {
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
  const [people, divisions, courses]: [Roster, Awaited<ReturnType<typeof db.division.findMany>>, Awaited<ReturnType<typeof db.course.findMany>>] = needsPeople
    ? await Promise.all([
        db.person.findMany({ select: { id: true, personnelType: true, divisionId: true, position: true, activeFrom: true, activeUntil: true, deactivatedAt: true } }),
        db.division.findMany(),
        db.course.findMany(),
      ])
    : [[], [], []];
  const topOf = topLevelMap(divisions);

  let entries: Map<number, LatestEntry> | undefined;
  const results: IndicatorResult[] = [];
  for (const ind of indicators) {
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
    };
    if (ind.kind === "knowledge" && ind.courseSlug && ind.targetGroupCode) {
      results.push({ ...base, ...(await knowledge(ind, fiscalYear, yearClosed, at, people, courses, topOf)) });
    } else if (ind.kind === "attestation" && ind.instrument === "acknowledgement" && ind.targetGroupCode) {
      results.push({ ...base, ...(await attestation(ind, fiscalYear, yearClosed, at, people, topOf)) });
    } else if (ind.kind === "count" && ind.instrument in COUNTERS) {
      const counter = COUNTERS[ind.instrument as AppCountedInstrument];
      const count = await counter.count(fiscalYear, ind.itemNumber);
      const minimum = ind.minimumCount ?? 1;
      results.push({
        ...base,
        rule: `อย่างน้อย ${minimum} ฉบับในปีงบประมาณ`,
        numerator: count,
        denominator: null,
        value: count,
        status: countStatus({ count, minimumCount: minimum, yearClosed }),
        source: counter.source,
      });
    } else if (ind.itemNumber === 19 && ind.kind === "survey") {
      results.push({ ...base, ...(await salarySurveySatisfaction(ind, fiscalYear, yearClosed, at)) });
    } else if (ind.kind === "count" && isRiskRegisterInstrument(ind.instrument)) {
      // Item 37: read from the fraud-risk register (app/models/risks/indicators.server.ts).
      results.push({ ...base, ...(await riskRegisterIndicator(ind.instrument, ind.minimumCount ?? 1, fiscalYear, at, yearClosed)) });
    } else if (acceptsEntries(ind)) {
      entries ??= await latestEntries(fiscalYear);
      results.push({ ...base, ...fromEntry(ind, entries.get(ind.id) ?? null, yearClosed) });
    } else {
      results.push({
        ...base,
        rule: ind.thresholdPercent != null ? `ไม่น้อยกว่าร้อยละ ${ind.thresholdPercent}` : ind.minimumCount != null ? `อย่างน้อย ${ind.minimumCount}` : "—",
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
  courses: { id: number; slug: string; grading: string; title: string }[],
  topOf: Map<number, number>,
) {
  const course = courses.find((c) => c.slug === ind.courseSlug);
  const threshold = ind.thresholdPercent ?? 80;
  const rule = `ผ่านแบบทดสอบหลังเรียน (ตอบถูก ≥ ${ind.passPercent}%) ไม่น้อยกว่าร้อยละ ${threshold} ของกลุ่มเป้าหมาย`;
  const group = await populationOf(ind.targetGroupCode!, at, people);
  if (!group || !course) {
    return { rule, numerator: null, denominator: null, value: null, status: "no_instrument" as const, source: null };
  }
  const population = group.members;
  const posts = await db.attempt.findMany({
    where: { courseId: course.id, fiscalYear, kind: "post", submittedAt: { not: null } },
    select: { id: true, personId: true, submittedAt: true, correctCount: true, totalCount: true },
  });
  const byPerson = groupBy(posts, (a) => a.personId);
  const passed = new Set<number>();
  for (const [personId, attempts] of byPerson) {
    const counting = countingAttempt(
      attempts.map((a) => ({ id: a.id, submittedAt: a.submittedAt!, correct: a.correctCount ?? 0, total: a.totalCount })),
      course.grading as Grading,
    );
    if (counting && isPass(counting.correct, counting.total, ind.passPercent)) passed.add(personId);
  }
  const numerator = population.filter((p) => passed.has(p.id)).length;
  const participants = population.filter((p) => byPerson.has(p.id)).length;
  const divisions = groupBy(population, (p) => topOf.get(p.divisionId) ?? p.divisionId);
  const secondary = ind.instrument === "pre-post-gain" ? await gainMeasure(course, fiscalYear, threshold, population, byPerson, participants, yearClosed) : undefined;
  return {
    ...(secondary ? { secondary } : {}),
    rule,
    numerator,
    denominator: population.length,
    value: sharePercent(numerator, population.length),
    status: shareStatus({ numerator, denominator: population.length, thresholdPercent: threshold, participants, yearClosed }),
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

type PostAttempt = { id: number; personId: number; submittedAt: Date | null; correctCount: number | null; totalCount: number };

/**
 * The pre/post-test gain: share of the population whose counting post-test score beat their counting pre-test
 * score in the year (both chosen by the course's grading). Someone without a pre-test cannot show a gain.
 */
async function gainMeasure(
  course: { id: number; grading: string },
  fiscalYear: number,
  threshold: number,
  population: { id: number }[],
  postsByPerson: Map<number, PostAttempt[]>,
  participants: number,
  yearClosed: boolean,
): Promise<NonNullable<IndicatorResult["secondary"]>> {
  const pres = await db.attempt.findMany({
    where: { courseId: course.id, fiscalYear, kind: "pre", submittedAt: { not: null } },
    select: { id: true, personId: true, submittedAt: true, correctCount: true, totalCount: true },
  });
  const scored = (attempts: PostAttempt[]) =>
    countingAttempt(
      attempts.map((a) => ({ id: a.id, submittedAt: a.submittedAt!, correct: a.correctCount ?? 0, total: a.totalCount })),
      course.grading as Grading,
    );
  const preByPerson = groupBy(pres, (a) => a.personId);
  const improved = new Set<number>();
  for (const [personId, posts] of postsByPerson) {
    const pre = preByPerson.get(personId);
    const post = scored(posts);
    const before = pre ? scored(pre) : undefined;
    if (post && before && improvedOnPreTest(before, post)) improved.add(personId);
  }
  const numerator = population.filter((p) => improved.has(p.id)).length;
  return {
    label: "คะแนนหลังเรียนสูงกว่าก่อนเรียน",
    rule: `ผู้ที่คะแนนแบบทดสอบหลังเรียนสูงกว่าก่อนเรียน ไม่น้อยกว่าร้อยละ ${threshold} ของกลุ่มเป้าหมาย`,
    numerator,
    denominator: population.length,
    value: sharePercent(numerator, population.length),
    status: shareStatus({ numerator, denominator: population.length, thresholdPercent: threshold, participants, yearClosed }),
  };
}

/** An indicator HR records by hand: judged from the latest entry for the year. */
function fromEntry(ind: PlanIndicator, entry: LatestEntry | null, yearClosed: boolean) {
  const rule = entryRule(ind);
  const status = entryStatus(rule, entry, yearClosed);
  if (!entry) return { rule: rule.text, numerator: null, denominator: null, value: null, status, source: null };
  const evidence = entry.evidenceFile ? `ไฟล์ ${entry.evidenceFile.fileName}` : (entry.evidenceUrl ?? "");
  return {
    rule: rule.text,
    numerator: rule.unit === "count" ? entry.value : null,
    denominator: null,
    value: entry.value,
    valueText: entryValueText(rule, entry),
    status,
    source: `บันทึกโดย ${fullName(entry.enteredBy)} เมื่อ ${formatThaiDateTime(entry.enteredAt)} · หลักฐาน: ${evidence}`,
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
async function attestation(ind: PlanIndicator, fiscalYear: number, yearClosed: boolean, at: Date, people: Roster, topOf: Map<number, number>) {
  const threshold = ind.thresholdPercent ?? 100;
  const rule = `รับทราบเอกสารที่ประกาศ ไม่น้อยกว่าร้อยละ ${threshold} ของกลุ่มเป้าหมาย`;
  const document = await db.policyDocument.findFirst({
    // The year's own document: last year's acknowledgements do not count for this year.
    where: { planItemNumber: ind.itemNumber, publishedAt: { gte: fiscalYearRange(fiscalYear).start, lte: at } },
    orderBy: { publishedAt: "desc" },
  });
  const group = await populationOf(ind.targetGroupCode!, at, people);
  if (!document || !group) return { rule, numerator: null, denominator: null, value: null, status: "no_instrument" as const, source: null };
  const acknowledged = new Set(
    (await db.policyAcknowledgement.findMany({ where: { documentId: document.id, acknowledgedAt: { lte: at } }, select: { personId: true } })).map((a) => a.personId),
  );
  const population = group.members;
  const numerator = population.filter((p) => acknowledged.has(p.id)).length;
  const divisions = groupBy(population, (p) => topOf.get(p.divisionId) ?? p.divisionId);
  return {
    rule,
    numerator,
    denominator: population.length,
    value: sharePercent(numerator, population.length),
    // Once the document is out, nobody having acknowledged it is a result (in progress / not met), not missing data.
    status: shareStatus({ numerator, denominator: population.length, thresholdPercent: threshold, participants: population.length, yearClosed }),
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
    value: sharePercent(satisfied, respondents),
    status: shareStatus({ numerator: satisfied, denominator: respondents, thresholdPercent: threshold, participants: respondents, yearClosed }),
    source: rounds.length ? `แบบสำรวจความพึงพอใจหลังประกาศผล: ${rounds.map((r) => r.title).join(", ")}` : "แบบสำรวจความพึงพอใจหลังประกาศผล (ยังไม่มีรอบที่ปิดแบบสำรวจ)",
  };
}

/**
 * Close a finished fiscal year: freeze every indicator's result with its inputs (numbers, rule, population,
 * missing people), so later roster edits do not rewrite history. Audited; a closed year cannot reopen.
 */
export async function closeFiscalYear(fiscalYear: number, actor: { personId: number; ip: string | null }, now = new Date()) {
  if (!computationDate(fiscalYear, now).yearClosed) throw new YearClosureError("ปิดได้เฉพาะปีงบประมาณที่สิ้นสุดแล้ว");
  if (await db.fiscalYearClosure.findUnique({ where: { fiscalYear } })) throw new YearClosureError("ปีงบประมาณนี้ปิดและบันทึกผลไว้แล้ว");
  const results = await computeIndicators(fiscalYear, { now, live: true });
  await db.$transaction(async (tx) => {
    await tx.fiscalYearClosure.create({ data: { fiscalYear, closedAt: now, closedById: actor.personId } });
    await tx.frozenIndicatorResult.createMany({ data: results.map((r) => ({ fiscalYear, indicatorId: r.id, result: JSON.stringify(r) })) });
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

export class YearClosureError extends Error {}
