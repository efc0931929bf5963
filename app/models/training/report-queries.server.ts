import type { Grading, ItemSums } from "~/domain/quiz";
import type { PersonCourseResult } from "~/domain/training-report";
import { db, sqlite } from "~/utils/db.server";

// The SQL behind HR's training reports (decision 048): per-person results from CourseResult (kept by triggers on
// Attempt, decision 041), who read a lesson, who holds an attempt, the roster page and the question sums. Reads
// only; the rules (status, summary, statistics) are in app/domain. Lists of thousands of ids travel as one JSON
// text read by json_each, and lists of thousands of numbers come back as one group_concat string: at 50,000
// people the client's per-row and per-parameter cost is most of the time otherwise.

const numbers = (text: string | null | undefined): number[] => (text ? text.split(" ").map(Number) : []);

/** Who holds a certificate of each course in a year (one string per course; HR's and managers' home pages). */
export async function certificateHolders(
  fiscalYear: number,
  courseIds: readonly number[],
): Promise<Map<number, Set<number>>> {
  const rows = await sqlite.read((sql) =>
    sql.all<{ courseId: number; holders: string | null }>(
      `SELECT "courseId", group_concat("personId", ' ') AS "holders" FROM "Certificate"
       WHERE "fiscalYear" = ? AND "courseId" IN (SELECT value FROM json_each(?)) GROUP BY "courseId"`,
      fiscalYear,
      JSON.stringify(courseIds),
    ),
  );
  return new Map(rows.map((r) => [Number(r.courseId), new Set(numbers(r.holders))]));
}

/**
 * Each person's results at a course in a year: the first pre-test, the post-test the grading counts and the
 * number of post-tests submitted (CourseResult), and whether they read a lesson of the course that year.
 */
export async function personResults(
  course: { id: number; grading: string; lessons: { id: number }[] },
  fiscalYear: number,
): Promise<Map<number, PersonCourseResult>> {
  const column = (course.grading as Grading) === "first" ? "first" : course.grading === "last" ? "last" : "best";
  const lessonIds = course.lessons.map((l) => l.id);
  // Two reads per course on HR's pages: the direct path (decision 054).
  const [[scores], [studied]] = await sqlite.read((sql) => [
    sql.all<{ text: string | null }>(
      `SELECT group_concat("personId" || ' ' || ("kind" = 'post') || ' ' || "submitted" || ' ' ||
              CASE "kind" WHEN 'post' THEN "${column}Correct" || ' ' || "${column}Total"
                          ELSE "firstCorrect" || ' ' || "firstTotal" END, ' ') AS "text"
       FROM "CourseResult" WHERE "courseId" = ? AND "fiscalYear" = ?`,
      course.id,
      fiscalYear,
    ),
    lessonIds.length
      ? sql.all<{ text: string | null }>(
          `SELECT group_concat(DISTINCT "personId") AS "text" FROM "LessonProgress"
           WHERE "lessonId" IN (SELECT value FROM json_each(?)) AND "fiscalYear" = ?`,
          JSON.stringify(lessonIds),
          fiscalYear,
        )
      : [{ text: null }],
  ]);
  const results = new Map<number, PersonCourseResult>();
  const at = (id: number) => {
    let r = results.get(id);
    if (!r) results.set(id, (r = { pre: null, post: null, postTries: 0, studied: false }));
    return r;
  };
  const n = numbers(scores?.text);
  for (let i = 0; i + 4 < n.length; i += 5) {
    const r = at(n[i]!);
    const score = { correct: n[i + 3]!, total: n[i + 4]! };
    if (n[i + 1]) {
      r.post = score;
      r.postTries = n[i + 2]!;
    } else r.pre = score;
  }
  for (const id of numbers(studied?.text?.replace(/,/g, " "))) at(id).studied = true;
  return results;
}

/** Everyone holding an attempt (open or submitted) at the course in the year. */
export async function attemptHolders(courseId: number, fiscalYear: number): Promise<number[]> {
  const [row] = await db.$queryRawUnsafe<{ text: string | null }[]>(
    `SELECT group_concat(DISTINCT "personId") AS "text" FROM "Attempt" WHERE "courseId" = ? AND "fiscalYear" = ?`,
    courseId,
    fiscalYear,
  );
  return numbers(row?.text?.replace(/,/g, " "));
}

export type RosterQuery = {
  ids: number[]; // the candidates, already narrowed by status
  divisionIds: number[] | null; // a division with its sections
  needle: string; // lower case, no spaces; "" for none
};

/** The roster's FROM and WHERE; `joins` go between them (their parameters come after the ids'). */
const rosterFrom = (joins = "") => `FROM json_each(?) j JOIN "Person" p ON p."id" = j.value
  JOIN "Division" d ON d."id" = p."divisionId" ${joins}
  WHERE (? IS NULL OR p."divisionId" IN (SELECT value FROM json_each(?)))
    AND (? = '' OR instr(lower(replace(p."title" || p."firstName" || p."lastName" || p."employeeNumber", ' ', '')), ?) > 0)`;

function filterArgs(q: RosterQuery) {
  const divisions = q.divisionIds ? JSON.stringify(q.divisionIds) : null;
  return [divisions, divisions, q.needle, q.needle];
}

type RosterPerson = {
  id: number;
  employeeNumber: string;
  title: string;
  firstName: string;
  lastName: string;
  personnelType: string;
  divisionName: string;
};

const PERSON_COLUMNS = `p."id", p."employeeNumber", p."title", p."firstName", p."lastName", p."personnelType",
  d."name" AS "divisionName"`;

/** One page of the roster in the report's order (unit, then employee number), and how many rows match in all. */
export async function rosterPage(q: RosterQuery, page: number, pageSize: number) {
  const read = (p: number) =>
    db.$queryRawUnsafe<(RosterPerson & { total: number | bigint })[]>(
      `SELECT ${PERSON_COLUMNS}, count(*) OVER () AS "total" ${rosterFrom()}
       ORDER BY d."sortOrder", p."employeeNumber" LIMIT ? OFFSET ?`,
      JSON.stringify(q.ids),
      ...filterArgs(q),
      pageSize,
      (p - 1) * pageSize,
    );
  let rows = await read(page);
  let total = rows.length ? Number(rows[0]!.total) : 0;
  let shown = page;
  if (!rows.length && page > 1) {
    // Past the end (an old link after a filter changed): show the last page, as before.
    const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT count(*) AS "n" ${rosterFrom()}`,
      JSON.stringify(q.ids),
      ...filterArgs(q),
    );
    total = Number(row?.n ?? 0);
    shown = Math.max(1, Math.ceil(total / pageSize));
    if (total) rows = await read(shown);
  }
  return { rows, total, page: shown };
}

/** Every roster row matching, in the report's order, with the date of the person's last submitted test. */
export async function rosterAll(q: RosterQuery, courseId: number, fiscalYear: number) {
  return db.$queryRawUnsafe<(RosterPerson & { lastActivity: string | Date | null })[]>(
    `SELECT ${PERSON_COLUMNS}, COALESCE(lp."submittedAt", fp."submittedAt") AS "lastActivity"
     ${rosterFrom(`LEFT JOIN "CourseResult" post ON post."courseId" = ? AND post."fiscalYear" = ? AND post."kind" = 'post' AND post."personId" = p."id"
       LEFT JOIN "Attempt" lp ON lp."id" = post."lastId"
       LEFT JOIN "CourseResult" pre ON pre."courseId" = ? AND pre."fiscalYear" = ? AND pre."kind" = 'pre' AND pre."personId" = p."id"
       LEFT JOIN "Attempt" fp ON fp."id" = pre."firstId"`)}
     ORDER BY d."sortOrder", p."employeeNumber"`,
    JSON.stringify(q.ids),
    courseId,
    fiscalYear,
    courseId,
    fiscalYear,
    ...filterArgs(q),
  );
}

/**
 * Per question version, the sums itemStatisticsFromSums needs over the submitted attempts of one kind: x = the
 * item right, y = the rest of the attempt's share right (0 when the attempt had one item).
 */
export async function questionSums(courseId: number, fiscalYear: number, kind: "pre" | "post") {
  const rows = await db.$queryRawUnsafe<
    { versionId: number; n: number | bigint; sumX: number | bigint; sumY: number; sumYY: number; sumXY: number }[]
  >(
    `SELECT v AS "versionId", count(*) AS "n", sum(x) AS "sumX", total(y) AS "sumY", total(y * y) AS "sumYY",
            total(x * y) AS "sumXY"
     FROM (SELECT v, x, CASE WHEN t > 1 THEN (c - x) * 1.0 / (t - 1) ELSE 0.0 END AS y
           FROM (SELECT i."questionVersionId" AS v, CASE WHEN i."correct" = 1 THEN 1 ELSE 0 END AS x,
                        COALESCE(a."correctCount", 0) AS c, a."totalCount" AS t
                 FROM "Attempt" a JOIN "AttemptItem" i ON i."attemptId" = a."id"
                 WHERE a."courseId" = ? AND a."fiscalYear" = ? AND a."kind" = ? AND a."submittedAt" IS NOT NULL))
     GROUP BY v`,
    courseId,
    fiscalYear,
    kind,
  );
  return rows.map((r): ItemSums & { versionId: number } => ({
    versionId: Number(r.versionId),
    n: Number(r.n),
    sumX: Number(r.sumX),
    sumY: Number(r.sumY),
    sumYY: Number(r.sumYY),
    sumXY: Number(r.sumXY),
  }));
}
