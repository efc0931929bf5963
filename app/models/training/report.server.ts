import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import { COURSE_STATUS_LABELS, type CourseStatus } from "~/domain/course-status";
import { fullName, personnelTypeLabel } from "~/domain/personnel";
import { itemStatisticsFromSums, percent, type ItemSums } from "~/domain/quiz";
import { refusal } from "~/domain/refusal";
import { formatThaiDate } from "~/domain/thai-date";
import {
  courseSummary,
  isoDate,
  parseRosterFilter,
  reportStatus,
  searchNeedle,
  stillToDo,
} from "~/domain/training-report";
import { db } from "~/utils/db.server";
import { computationDate } from "~/models/plan/indicators.server";
import { divisionAndDescendantIds, listDivisionOptions, topLevelMap } from "~/models/people/organization.server";
import { rosterForMembership } from "~/models/people/target-groups.server";
import { coursePopulation, coursePopulations } from "./assignments.server";
import { listCourses } from "./catalogue.server";
import {
  attemptHolders,
  personResults,
  questionSums,
  rosterAll,
  rosterPage,
  type RosterQuery,
} from "./report-queries.server";

// Read-only reports for HR on the training data: one page function per HR loader, and the CSVs. At 50,000 people
// they read CourseResult (not every attempt), the course's population, one page of the roster and SQL sums for the
// question statistics (decision 048); the SQL is in report-queries.server.ts.

export type Viewer = Pick<Actor, "roles">;

export function assertHr(viewer: Viewer) {
  if (!isHr(viewer)) throw refusal(403, "เฉพาะงานบุคคลและผู้ดูแลระบบเท่านั้นที่ดูผลการอบรมได้");
}

type ReportCourse = { id: number; slug: string; title: string; passPercent: number; grading: string } & {
  lessons: { id: number }[];
};

/** The courses in their order with their current lessons, from the kept catalogue (decisions 059, 062). */
async function reportCourses(): Promise<ReportCourse[]> {
  return (await listCourses()).map((c) => ({
    id: c.id,
    slug: c.slug,
    title: c.title,
    passPercent: c.passPercent,
    grading: c.grading,
    lessons: c.lessons.map((l) => ({ id: l.id })),
  }));
}

async function findReportCourse(slug: string): Promise<ReportCourse> {
  const course = (await reportCourses()).find((c) => c.slug === slug);
  if (!course) throw refusal(404, "ไม่พบหลักสูตรนี้");
  return course;
}

/**
 * Who must take a course in a fiscal year and where each person stands. The population is the union of the groups
 * the course is assigned to that year, on the computation date (as for the indicators), from the membership
 * snapshot; the results come from CourseResult and lesson progress, one string each.
 */
async function courseStanding(course: ReportCourse, fiscalYear: number, knownPopulation?: Set<number>) {
  const [population, results] = await Promise.all([
    knownPopulation ?? coursePopulation(course.id, fiscalYear, computationDate(fiscalYear).at),
    personResults(course, fiscalYear),
  ]);
  const statusOf = (personId: number) => reportStatus(results.get(personId), course.passPercent);
  return { course, population, results, statusOf };
}

type Standing = Awaited<ReturnType<typeof courseStanding>>;

function summaryOf({ population, results, statusOf }: Standing) {
  return courseSummary(
    [...population].map((id) => {
      const r = results.get(id);
      return { status: statusOf(id), pre: r?.pre ?? null, post: r?.post ?? null };
    }),
  );
}

/** A course's summary for the year (a row of /hr/courses); null when there is no such course. */
export async function courseReport(courseSlug: string, fiscalYear: number) {
  const course = (await reportCourses()).find((c) => c.slug === courseSlug);
  if (!course) return null;
  return { course, summary: summaryOf(await courseStanding(course, fiscalYear)) };
}

/** /hr/courses: every course's summary for the year. */
export async function coursesPage(fiscalYear: number, viewer: Viewer) {
  assertHr(viewer);
  const courses = await reportCourses();
  const populations = await coursePopulations(
    courses.map((c) => c.id),
    fiscalYear,
    computationDate(fiscalYear).at,
  );
  const standings = await Promise.all(courses.map((c) => courseStanding(c, fiscalYear, populations.get(c.id))));
  return {
    year: fiscalYear,
    courses: courses.map((c, i) => ({ slug: c.slug, title: c.title, ...summaryOf(standings[i]!) })),
  };
}

/**
 * The people a URL's status filter keeps: the population and, for the roster, people outside it who hold an
 * attempt that year (listed, marked, not counted). The unit and name filters are applied in SQL with the page.
 */
async function candidates(standing: Standing, fiscalYear: number, status: CourseStatus | "", outsiders: boolean) {
  const ids = [...standing.population];
  if (outsiders)
    for (const id of await attemptHolders(standing.course.id, fiscalYear))
      if (!standing.population.has(id)) ids.push(id);
  return status ? ids.filter((id) => standing.statusOf(id) === status) : ids;
}

async function rosterQuery(ids: number[], filter: ReturnType<typeof parseRosterFilter>): Promise<RosterQuery> {
  return {
    ids,
    divisionIds: filter.division ? await divisionAndDescendantIds(filter.division) : null,
    needle: searchNeedle(filter.q),
  };
}

const PAGE_SIZE = 50;

/** /hr/courses/<slug>: the summary, the roster filtered by the URL (paged), and the question statistics. */
export async function courseResultsPage(
  slug: string,
  fiscalYear: number,
  params: URLSearchParams,
  page: number,
  viewer: Viewer,
) {
  assertHr(viewer);
  const course = await findReportCourse(slug);
  const filter = parseRosterFilter(params);
  const kind = params.get("kind") === "pre" ? "pre" : "post";
  const [standing, stats, divisions] = await Promise.all([
    courseStanding(course, fiscalYear),
    questionStatistics(course.id, fiscalYear, kind),
    listDivisionOptions(),
  ]);
  const ids = await candidates(standing, fiscalYear, filter.status, true);
  const roster = await rosterPage(await rosterQuery(ids, filter), page, PAGE_SIZE);
  return {
    year: fiscalYear,
    filter: { status: filter.status, q: filter.q, division: filter.division ?? "" },
    kind,
    divisions,
    course: { slug: course.slug, title: course.title, passPercent: course.passPercent },
    summary: summaryOf(standing),
    rowCount: roster.total,
    page: roster.page,
    pageCount: Math.max(1, Math.ceil(roster.total / PAGE_SIZE)),
    rows: roster.rows.map((person) => {
      const r = standing.results.get(person.id);
      return {
        id: person.id,
        employeeNumber: person.employeeNumber,
        name: fullName(person),
        divisionName: person.divisionName,
        status: standing.statusOf(person.id),
        pre: scoreText(r?.pre ?? null),
        post: scoreText(r?.post ?? null),
        postTries: r?.postTries ?? 0,
        inPopulation: standing.population.has(person.id),
      };
    }),
    stats: stats.map((s) => ({
      ...s,
      facility: s.facility == null ? null : Math.round(s.facility * 100),
      discrimination: s.discrimination == null ? null : Math.round(s.discrimination * 100) / 100,
    })),
  };
}

/** The unit each person is in, from the membership snapshot's roster (one map per snapshot). */
const divisionMaps = new WeakMap<object, Map<number, number>>();
async function divisionOfPerson() {
  const roster = await rosterForMembership();
  let map = divisionMaps.get(roster);
  if (!map) divisionMaps.set(roster, (map = new Map(roster.map((p) => [p.id, p.divisionId]))));
  return map;
}

/** /hr/completion: passed/population per top-level unit and course. */
export async function completionPage(fiscalYear: number, viewer: Viewer) {
  assertHr(viewer);
  const [courses, divisions] = await Promise.all([
    reportCourses(),
    db.division.findMany({ orderBy: { sortOrder: "asc" } }),
  ]);
  const topOf = topLevelMap(divisions);
  const [standings, divisionOf] = await Promise.all([
    Promise.all(courses.map((c) => courseStanding(c, fiscalYear))),
    divisionOfPerson(),
  ]);
  // top-level unit -> per course (in order): population, passed, not started
  const tally = new Map<number, { population: number; passed: number; notStarted: number }[]>();
  standings.forEach((standing, i) => {
    for (const id of standing.population) {
      const unit = topOf.get(divisionOf.get(id) ?? -1);
      if (unit == null) continue;
      let counts = tally.get(unit);
      if (!counts) tally.set(unit, (counts = courses.map(() => ({ population: 0, passed: 0, notStarted: 0 }))));
      const status = standing.statusOf(id);
      counts[i]!.population++;
      if (status === "passed") counts[i]!.passed++;
      if (status === "not_started") counts[i]!.notStarted++;
    }
  });
  const units = divisions
    .filter((d) => !d.parentId && tally.has(d.id))
    .map((unit) => ({
      id: unit.id,
      name: unit.name,
      courses: courses.map((c, i) => ({ slug: c.slug, ...tally.get(unit.id)![i]! })),
    }));
  return { year: fiscalYear, courses: courses.map((c) => ({ slug: c.slug, title: c.title })), units };
}

const TODO_HEADER = [
  "ปีงบประมาณ",
  "เลขประจำตัว",
  "ชื่อ–นามสกุล",
  "ประเภทบุคลากร",
  "หน่วยงาน",
  "สถานะ",
  "ทำแบบทดสอบล่าสุด",
  "ทำแบบทดสอบล่าสุด (ISO)",
  "ก่อนเรียน",
  "หลังเรียน (ที่นับ)",
];

/** HR's CSV of the people who must take the course and have not passed it yet, with the page's filters applied. */
export async function notPassedCsv(slug: string, fiscalYear: number, params: URLSearchParams, viewer: Viewer) {
  assertHr(viewer);
  const course = await findReportCourse(slug);
  const standing = await courseStanding(course, fiscalYear);
  const filter = parseRosterFilter(params);
  const ids = (await candidates(standing, fiscalYear, filter.status, false)).filter((id) =>
    stillToDo(standing.statusOf(id)),
  );
  const people = await rosterAll(await rosterQuery(ids, filter), course.id, fiscalYear);
  return {
    filename: `not-passed-${course.slug}-${fiscalYear}.csv`,
    header: TODO_HEADER,
    rows: people.map((person) => {
      const r = standing.results.get(person.id);
      const last = person.lastActivity ? new Date(person.lastActivity) : null;
      return [
        fiscalYear,
        person.employeeNumber,
        fullName(person),
        personnelTypeLabel(person.personnelType),
        person.divisionName,
        COURSE_STATUS_LABELS[standing.statusOf(person.id)],
        last ? formatThaiDate(last) : "",
        last ? isoDate(last) : "",
        scoreText(r?.pre ?? null),
        scoreText(r?.post ?? null),
      ];
    }),
  };
}

/** Facility and discrimination per question over the submitted attempts of one kind in a year (sums in SQL). */
export async function questionStatistics(courseId: number, fiscalYear: number, kind: "pre" | "post") {
  const [sums, questions] = await Promise.all([
    questionSums(courseId, fiscalYear, kind),
    db.question.findMany({
      where: { courseId },
      include: { versions: { orderBy: { version: "desc" }, select: { id: true, version: true, prompt: true } } },
      orderBy: { key: "asc" },
    }),
  ]);
  const byVersion = new Map(sums.map((s) => [s.versionId, s]));
  return questions.map((q) => {
    // Every version of the question counts, as before (the sums add up).
    const total: ItemSums = { n: 0, sumX: 0, sumY: 0, sumYY: 0, sumXY: 0 };
    for (const v of q.versions) {
      const s = byVersion.get(v.id);
      if (!s) continue;
      total.n += s.n;
      total.sumX += s.sumX;
      total.sumY += s.sumY;
      total.sumYY += s.sumYY;
      total.sumXY += s.sumXY;
    }
    return {
      id: q.id,
      key: q.key,
      lessonSlug: q.lessonSlug,
      retired: q.retired,
      version: q.versions[0]?.version ?? 0,
      prompt: q.versions[0]?.prompt ?? "",
      ...itemStatisticsFromSums(total),
    };
  });
}

export function scoreText(score: { correct: number; total: number } | null): string {
  return score ? `${score.correct}/${score.total} (${percent(score.correct, score.total)}%)` : "";
}
