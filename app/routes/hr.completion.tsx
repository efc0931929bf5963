import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { formatPercent } from "~/domain/numbers";
import { completionPage } from "~/models/training/report.server";
import { requireRole } from "~/utils/auth.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "ความครบถ้วนของการอบรม · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  return json(await loadOrRefuse(() => completionPage(fiscalYearParam(request), user)));
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
                    {c.population ? (
                      <span className="muted">{` (${formatPercent(c.passed, c.population)})`}</span>
                    ) : null}
                    {c.notStarted ? (
                      <div>
                        <Link
                          to={`/hr/courses/${c.slug}?year=${data.year}&status=not_started&division=${u.id}`}
                        >{`ยังไม่เริ่ม ${c.notStarted}`}</Link>
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
