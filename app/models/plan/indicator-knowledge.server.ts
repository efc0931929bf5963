import type { PlanIndicator } from "@prisma/client";
import { improvedOnPreTest, knowledgeRuleText, sharePercent, shareStatus } from "~/domain/indicators";
import { isPass, type Grading } from "~/domain/quiz";
import { sqlite } from "~/utils/db.server";
import { groupBy } from "~/utils/group-by";
import { coursePopulation } from "~/models/training/assignments.server";
import { populationOf } from "~/models/people/target-groups.server";
import type { LocalTarget } from "~/models/plan/plan-targets.server";
import type { IndicatorResult, Roster } from "./indicators.server";

// Knowledge indicators (post-test pass share of a target group) and project 1's pre/post-test gain, read from
// CourseResult (decision 041).

export async function knowledge(
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
  // Read again after every submission (the knowledge indicators of its year): the direct path (decision 054).
  const [row] = await sqlite.read((sql) =>
    sql.all<{ scores: string | null }>(
      `SELECT group_concat("personId" || ' ' || "${column}Correct" || ' ' || "${column}Total", ' ') AS "scores"
       FROM "CourseResult" WHERE "courseId" = ? AND "fiscalYear" = ? AND "kind" = ?`,
      courseId,
      fiscalYear,
      kind,
    ),
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
