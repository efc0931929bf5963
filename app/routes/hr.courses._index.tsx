import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { formatCount, formatPercent } from "~/domain/numbers";
import { coursesPage } from "~/models/training/report.server";
import { requireRole } from "~/utils/auth.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "ผลการอบรม · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  return json(await loadOrRefuse(() => coursesPage(fiscalYearParam(request), user)));
}

export default function TrainingResults() {
  const { year, courses } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>ผลการอบรม</h1>
      <p className="muted">{`ผู้ที่ต้องเรียน = สมาชิกของกลุ่มเป้าหมายที่กำหนดหลักสูตรให้ในปีงบประมาณ ${year}`}</p>
      <FiscalYearPicker year={year} />
      <p>
        <Link to={`/hr/completion?year=${year}`}>ดูแยกตามหน่วยงาน (ความครบถ้วนของการอบรม) ›</Link>
        {" · "}
        <Link to={`/hr/groups?year=${year}#assignments`}>กำหนดหลักสูตรให้กลุ่มเป้าหมาย ›</Link>
      </p>
      {courses.length === 0 ? (
        <p className="card muted">ยังไม่มีหลักสูตรในระบบ</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>หลักสูตร</th>
                <th className="num">ผู้ที่ต้องเรียน</th>
                <th className="num">ผ่าน</th>
                <th className="num">อัตราผ่าน</th>
                <th className="num">ยังไม่ผ่าน</th>
                <th className="num">กำลังเรียน</th>
                <th className="num">ยังไม่เริ่ม</th>
                <th className="num hide-narrow">เฉลี่ยก่อนเรียน</th>
                <th className="num hide-narrow">เฉลี่ยหลังเรียน</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((c) => (
                <tr key={c.slug}>
                  <td>
                    <Link to={`/hr/courses/${c.slug}?year=${year}`}>{c.title}</Link>
                  </td>
                  <td className="num">{formatCount(c.population)}</td>
                  <td className="num">{formatCount(c.passed)}</td>
                  <td className="num" data-testid={`pass-rate-${c.slug}`}>
                    {formatPercent(c.passed, c.population)}
                  </td>
                  <td className="num">{formatCount(c.notPassed)}</td>
                  <td className="num">{formatCount(c.inProgress)}</td>
                  <td className="num">
                    {c.notStarted > 0 ? (
                      <Link to={`/hr/courses/${c.slug}?year=${year}&status=not_started`}>
                        {formatCount(c.notStarted)}
                      </Link>
                    ) : (
                      "0"
                    )}
                  </td>
                  <td className="num hide-narrow">{c.averagePre == null ? "—" : `${c.averagePre}%`}</td>
                  <td className="num hide-narrow">{c.averagePost == null ? "—" : `${c.averagePost}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
