import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import { COURSE_STATUS_LABELS, courseStatus, type CourseStatus } from "~/domain/course-status";
import { fullName, personnelTypeLabel } from "~/domain/personnel";
import { itemStatistics, percent } from "~/domain/quiz";
import { refusal } from "~/domain/refusal";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import { isoDate, parseRosterFilter, rosterRowMatches, stillToDo } from "~/domain/training-report";
import { db } from "~/utils/db.server";
import { groupBy } from "~/utils/group-by";
import { computationDate } from "~/models/plan/indicators.server";
import { divisionAndDescendantIds, listDivisionOptions, topLevelMap } from "~/models/people/organization.server";
import { coursePopulation } from "./assignments.server";
import { progressFromRows } from "./progress.server";

// Read-only reports for HR on the training data: one page function per HR loader, and the CSVs.

type Viewer = Pick<Actor, "roles">;

function assertHr(viewer: Viewer) {
  if (!isHr(viewer)) throw refusal(403, "เฉพาะงานบุคคลและผู้ดูแลระบบเท่านั้นที่ดูผลการอบรมได้");
}

/**
 * Where everyone who must take a course in a fiscal year stands: the population is the union of the groups the
 * course is assigned to that year, on the computation date (as for the indicators). People outside it who
 * have attempts that year are listed too, marked, but not counted in the summary.
 */
export async function courseReport(courseSlug: string, fiscalYear: number) {
  const course = await db.course.findUnique({
    where: { slug: courseSlug },
    include: { lessons: { where: { retired: false } } },
  });
  if (!course) return null;
  const population = await coursePopulation(course.id, fiscalYear, computationDate(fiscalYear).at);
  const [everyone, attempts, progress] = await Promise.all([
    // The whole roster, filtered here: a population of thousands is too many ids for one SQL IN list.
    db.person.findMany({
      include: { division: true },
      orderBy: [{ division: { sortOrder: "asc" } }, { employeeNumber: "asc" }],
    }),
    db.attempt.findMany({ where: { courseId: course.id, fiscalYear }, orderBy: { id: "asc" } }),
    db.lessonProgress.findMany({
      where: { fiscalYear, lessonId: { in: course.lessons.map((l) => l.id) } },
      select: { personId: true, lessonId: true },
    }),
  ]);
  const attemptsByPerson = groupBy(attempts, (a) => a.personId);
  const people = everyone.filter((p) => population.has(p.id) || attemptsByPerson.has(p.id));
  const lessonsByPerson = groupBy(progress, (p) => p.personId);
  const rows = people.map((person) => {
    const p = progressFromRows(
      course,
      attemptsByPerson.get(person.id) ?? [],
      (lessonsByPerson.get(person.id) ?? []).map((l) => l.lessonId),
    );
    const last = p.posts.at(-1) ?? p.pre;
    return {
      person,
      inPopulation: population.has(person.id),
      status: courseStatus(p) as CourseStatus,
      pre: p.pre ? { correct: p.pre.correctCount!, total: p.pre.totalCount } : null,
      post: p.counting ? { correct: p.counting.correct, total: p.counting.total } : null,
      postTries: p.postTestsSubmitted,
      lastActivity: last?.submittedAt ?? null,
    };
  });
  const counted = rows.filter((r) => r.inPopulation);
  const count = (status: CourseStatus) => counted.filter((r) => r.status === status).length;
  const average = (scores: { correct: number; total: number }[]) =>
    scores.length
      ? Math.round((scores.reduce((s, x) => s + x.correct / x.total, 0) / scores.length) * 1000) / 10
      : null;
  return {
    course,
    rows,
    summary: {
      population: counted.length,
      passed: count("passed"),
      notStarted: count("not_started"),
      inProgress: count("pre_test_done") + count("studying"),
      notPassed: count("not_passed"),
      averagePre: average(counted.flatMap((r) => (r.pre ? [r.pre] : []))),
      averagePost: average(counted.flatMap((r) => (r.post ? [r.post] : []))),
    },
  };
}

export type CourseReport = NonNullable<Awaited<ReturnType<typeof courseReport>>>;

async function reportOrRefuse(slug: string, fiscalYear: number) {
  const report = await courseReport(slug, fiscalYear);
  if (!report) throw refusal(404, "ไม่พบหลักสูตรนี้");
  return report;
}

/** /hr/courses: every course's summary for the year. */
export async function coursesPage(fiscalYear: number, viewer: Viewer) {
  assertHr(viewer);
  const courses = await db.course.findMany({ orderBy: { sortOrder: "asc" }, select: { slug: true } });
  const reports = await Promise.all(courses.map((c) => courseReport(c.slug, fiscalYear)));
  return {
    year: fiscalYear,
    courses: reports.flatMap((r) => (r ? [{ slug: r.course.slug, title: r.course.title, ...r.summary }] : [])),
  };
}

/** The roster rows a URL's filters keep (status, division with its sections, name or number). */
async function filteredRows(report: CourseReport, params: URLSearchParams) {
  const filter = parseRosterFilter(params);
  const divisionIds = filter.division ? new Set(await divisionAndDescendantIds(filter.division)) : null;
  const rows = report.rows.filter((r) =>
    rosterRowMatches(
      {
        status: r.status,
        name: fullName(r.person),
        employeeNumber: r.person.employeeNumber,
        divisionId: r.person.divisionId,
      },
      { ...filter, divisionIds },
    ),
  );
  return { filter, rows };
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
  const report = await reportOrRefuse(slug, fiscalYear);
  const kind = params.get("kind") === "pre" ? "pre" : "post";
  const [{ filter, rows }, stats, divisions] = await Promise.all([
    filteredRows(report, params),
    questionStatistics(report.course.id, fiscalYear, kind),
    listDivisionOptions(),
  ]);
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shownPage = Math.min(pageCount, page);
  return {
    year: fiscalYear,
    filter: { status: filter.status, q: filter.q, division: filter.division ?? "" },
    kind,
    divisions,
    course: { slug: report.course.slug, title: report.course.title, passPercent: report.course.passPercent },
    summary: report.summary,
    rowCount: rows.length,
    page: shownPage,
    pageCount,
    rows: rows.slice((shownPage - 1) * PAGE_SIZE, shownPage * PAGE_SIZE).map((r) => ({
      id: r.person.id,
      employeeNumber: r.person.employeeNumber,
      name: fullName(r.person),
      divisionName: r.person.division.name,
      status: r.status,
      pre: scoreText(r.pre),
      post: scoreText(r.post),
      postTries: r.postTries,
      inPopulation: r.inPopulation,
    })),
    stats: stats.map((s) => ({
      ...s,
      facility: s.facility == null ? null : Math.round(s.facility * 100),
      discrimination: s.discrimination == null ? null : Math.round(s.discrimination * 100) / 100,
    })),
  };
}

/** /hr/completion: passed/population per top-level unit and course. */
export async function completionPage(fiscalYear: number, viewer: Viewer) {
  assertHr(viewer);
  const [courses, divisions] = await Promise.all([
    db.course.findMany({ orderBy: { sortOrder: "asc" }, select: { slug: true, title: true } }),
    db.division.findMany({ orderBy: { sortOrder: "asc" } }),
  ]);
  const topOf = topLevelMap(divisions);
  const reports = await Promise.all(courses.map((c) => courseReport(c.slug, fiscalYear)));
  const units = divisions
    .filter((d) => !d.parentId)
    .map((unit) => ({
      id: unit.id,
      name: unit.name,
      courses: reports.flatMap((r) => {
        if (!r) return [];
        const rows = r.rows.filter((row) => row.inPopulation && topOf.get(row.person.divisionId) === unit.id);
        return [
          {
            slug: r.course.slug,
            population: rows.length,
            passed: rows.filter((row) => row.status === "passed").length,
            notStarted: rows.filter((row) => row.status === "not_started").length,
          },
        ];
      }),
    }));
  return { year: fiscalYear, courses, units: units.filter((u) => u.courses.some((c) => c.population > 0)) };
}

const ATTEMPT_HEADER = [
  "ปีงบประมาณ",
  "เลขประจำตัว",
  "ชื่อ–นามสกุล",
  "ประเภทบุคลากร",
  "หน่วยงาน",
  "แบบทดสอบ",
  "ครั้งที่",
  "เริ่มทำ",
  "เริ่มทำ (ISO)",
  "ส่งเมื่อ",
  "ส่งเมื่อ (ISO)",
  "ตอบถูก",
  "จำนวนข้อ",
  "ร้อยละ",
  "ผล",
];

/** HR's CSV of a course's submitted attempts in a fiscal year (Thai dates with ISO dates beside them). */
export async function attemptsCsv(slug: string, fiscalYear: number, viewer: Viewer) {
  assertHr(viewer);
  const course = await db.course.findUnique({ where: { slug } });
  if (!course) throw refusal(404, "ไม่พบหลักสูตรนี้");
  const attempts = await db.attempt.findMany({
    where: { courseId: course.id, fiscalYear, submittedAt: { not: null } },
    include: { person: { include: { division: true } } },
    orderBy: [{ personId: "asc" }, { id: "asc" }],
  });
  const rows = attempts.map((a) => [
    a.fiscalYear,
    a.person.employeeNumber,
    fullName(a.person),
    personnelTypeLabel(a.person.personnelType),
    a.person.division.name,
    a.kind === "pre" ? "ก่อนเรียน" : "หลังเรียน",
    a.number,
    formatThaiDateTime(a.startedAt),
    isoDate(a.startedAt),
    formatThaiDateTime(a.submittedAt!),
    isoDate(a.submittedAt!),
    a.correctCount,
    a.totalCount,
    a.totalCount ? ((a.correctCount! * 100) / a.totalCount).toFixed(1) : "",
    a.kind === "pre" ? "" : a.passed ? "ผ่าน" : "ไม่ผ่าน",
  ]);
  return { filename: `attempts-${course.slug}-${fiscalYear}.csv`, header: ATTEMPT_HEADER, rows };
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
  const report = await reportOrRefuse(slug, fiscalYear);
  const { rows } = await filteredRows(report, params);
  const todo = rows.filter((r) => r.inPopulation && stillToDo(r.status));
  return {
    filename: `not-passed-${report.course.slug}-${fiscalYear}.csv`,
    header: TODO_HEADER,
    rows: todo.map((r) => [
      fiscalYear,
      r.person.employeeNumber,
      fullName(r.person),
      personnelTypeLabel(r.person.personnelType),
      r.person.division.name,
      COURSE_STATUS_LABELS[r.status],
      r.lastActivity ? formatThaiDate(r.lastActivity) : "",
      r.lastActivity ? isoDate(r.lastActivity) : "",
      scoreText(r.pre),
      scoreText(r.post),
    ]),
  };
}

/** Facility and discrimination per question over the submitted attempts of one kind in a fiscal year. */
export async function questionStatistics(courseId: number, fiscalYear: number, kind: "pre" | "post") {
  const items = await db.attemptItem.findMany({
    where: { attempt: { courseId, fiscalYear, kind, submittedAt: { not: null } } },
    select: {
      correct: true,
      attempt: { select: { correctCount: true, totalCount: true } },
      questionVersion: { select: { questionId: true } },
    },
  });
  const questions = await db.question.findMany({
    where: { courseId },
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    orderBy: { key: "asc" },
  });
  const byQuestion = groupBy(items, (i) => i.questionVersion.questionId);
  return questions.map((q) => {
    const responses = (byQuestion.get(q.id) ?? []).map((i) => ({
      itemCorrect: i.correct === true,
      attemptCorrect: i.attempt.correctCount ?? 0,
      attemptTotal: i.attempt.totalCount,
    }));
    return {
      id: q.id,
      key: q.key,
      lessonSlug: q.lessonSlug,
      retired: q.retired,
      version: q.versions[0]?.version ?? 0,
      prompt: q.versions[0]?.prompt ?? "",
      ...itemStatistics(responses),
    };
  });
}

export function scoreText(score: { correct: number; total: number } | null): string {
  return score ? `${score.correct}/${score.total} (${percent(score.correct, score.total)}%)` : "";
}
