import { formatPercent } from "~/domain/numbers";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { listCourses } from "~/models/course-queries.server";
import { topLevelMap } from "~/models/people/organization.server";
import { courseReport } from "~/models/training-report.server";
import { requireRole } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";

export const meta: MetaFunction = () => [{ title: "ความครบถ้วนของการอบรม · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  const year = fiscalYearParam(request);
  const [courses, divisions] = await Promise.all([listCourses(), db.division.findMany({ orderBy: { sortOrder: "asc" } })]);
  const topOf = topLevelMap(divisions);
  const reports = await Promise.all(courses.map((c) => courseReport(c.slug, year)));
  const units = divisions.filter((d) => !d.parentId);
  const cells = units.map((unit) => ({
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
  return json({
    year,
    courses: courses.map((c) => ({ slug: c.slug, title: c.title })),
    units: cells.filter((u) => u.courses.some((c) => c.population > 0)),
  });
}

export default function Completion() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/hr/courses?year=${data.year}`}>‹ ผลการอบรม</Link>
      </p>
      <h1>{`ความครบถ้วนของการอบรม ปีงบประมาณ ${data.year}`}</h1>
      <p className="muted">ผ่านแล้ว/ผู้ที่ต้องเรียน แยกตามหน่วยงานและหลักสูตร · คลิกจำนวนผู้ที่ยังไม่เริ่มเพื่อดูรายชื่อ</p>
      <FiscalYearPicker year={data.year} />
      <div className="table-wrap">
        <table data-testid="completion">
          <thead>
            <tr>
              <th>หน่วยงาน</th>
              {data.courses.map((c) => (
                <th key={c.slug}>{c.title}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.units.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                {u.courses.map((c) => (
                  <td key={c.slug}>
                    <strong>{`${c.passed}/${c.population}`}</strong>
                    {c.population ? <span className="muted">{` (${formatPercent(c.passed, c.population)})`}</span> : null}
                    {c.notStarted ? (
                      <div>
                        <Link to={`/hr/courses/${c.slug}?year=${data.year}&status=not_started&division=${u.id}`}>{`ยังไม่เริ่ม ${c.notStarted}`}</Link>
                      </div>
                    ) : null}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
