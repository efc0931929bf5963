import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CourseStatusBadge } from "~/components/course-status-badge";
import { DivisionOptions } from "~/components/division-options";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { Pagination } from "~/components/pagination";
import { COURSE_STATUS_LABELS } from "~/domain/course-status";
import { formatCount, formatPercent } from "~/domain/numbers";
import { COURSE_STATUSES } from "~/domain/training-report";
import { courseResultsPage } from "~/models/training/report.server";
import { requireRole } from "~/utils/auth.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { pageParam } from "~/utils/params.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.course.title ?? "หลักสูตร"} · ผลการอบรม` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const url = new URL(request.url);
  return json(
    await loadOrRefuse(() =>
      courseResultsPage(params.slug ?? "", fiscalYearParam(request), url.searchParams, pageParam(url), user),
    ),
  );
}

/** The page's filters as query parameters (kept by the CSV link, the statistics form and pagination). */
function filterQuery(data: { year: number; filter: { status: string; q: string; division: number | string } }) {
  const params = new URLSearchParams({ year: String(data.year) });
  if (data.filter.status) params.set("status", data.filter.status);
  if (data.filter.division) params.set("division", String(data.filter.division));
  if (data.filter.q) params.set("q", data.filter.q);
  return params.toString();
}

export default function CourseResults() {
  const data = useLoaderData<typeof loader>();
  const s = data.summary;
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/hr/courses?year=${data.year}`}>‹ ผลการอบรม</Link>
      </p>
      <h1>{data.course.title}</h1>
      <FiscalYearPicker year={data.year} />
      {s.population === 0 ? (
        <p className="card muted">
          {`ยังไม่ได้กำหนดหลักสูตรนี้ให้กลุ่มเป้าหมายใดในปีงบประมาณ ${data.year} จึงยังไม่มีผู้ที่ต้องเรียน · `}
          <Link to={`/hr/groups?year=${data.year}#assignments`}>กำหนดหลักสูตรให้กลุ่มเป้าหมาย ›</Link>
        </p>
      ) : null}
      <div className="grid">
        <div className="card">
          <p className="muted">ผ่านแล้ว</p>
          <p className="stat">{`${formatCount(s.passed)} / ${formatCount(s.population)} คน`}</p>
          <p className="muted" data-testid="pass-rate">{`อัตราผ่าน ${formatPercent(s.passed, s.population)}`}</p>
        </div>
        <div className="card">
          <p className="muted">ยังไม่เริ่ม</p>
          <p className="stat">{`${formatCount(s.notStarted)} คน`}</p>
        </div>
        <div className="card">
          <p className="muted">คะแนนเฉลี่ย ก่อนเรียน → หลังเรียน</p>
          <p className="stat">{`${s.averagePre ?? "—"}% → ${s.averagePost ?? "—"}%`}</p>
        </div>
      </div>
      <p className="actions">
        <a className="btn btn--secondary" href={`/hr/courses/${data.course.slug}/attempts.csv?year=${data.year}`}>
          ส่งออกผลการทดสอบ (CSV)
        </a>
        <a className="btn btn--secondary" href={`/hr/courses/${data.course.slug}/not-passed.csv?${filterQuery(data)}`}>
          ส่งออกรายชื่อผู้ที่ยังไม่ผ่าน (CSV)
        </a>
      </p>

      <h2>รายชื่อ</h2>
      <Form method="get" className="card row row--end" aria-label="กรองรายชื่อ">
        <input type="hidden" name="year" value={data.year} />
        {data.kind === "pre" ? <input type="hidden" name="kind" value="pre" /> : null}
        <div className="field">
          <label htmlFor="q">ค้นหาชื่อหรือเลขประจำตัว</label>
          <input id="q" name="q" type="search" defaultValue={data.filter.q} />
        </div>
        <div className="field">
          <label htmlFor="division">หน่วยงาน</label>
          <select id="division" name="division" defaultValue={String(data.filter.division)}>
            <option value="">ทุกหน่วยงาน</option>
            <DivisionOptions divisions={data.divisions} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">สถานะ</label>
          <select id="status" name="status" defaultValue={data.filter.status}>
            <option value="">ทุกสถานะ</option>
            {COURSE_STATUSES.map((st) => (
              <option key={st} value={st}>
                {COURSE_STATUS_LABELS[st]}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="btn">
            กรอง
          </button>
          {data.filter.q || data.filter.division || data.filter.status ? (
            <Link to={`?year=${data.year}`}>ล้างตัวกรอง</Link>
          ) : null}
        </div>
      </Form>
      <p className="muted" role="status" data-testid="roster-count">{`พบ ${formatCount(data.rowCount)} คน`}</p>
      {data.rows.length === 0 ? (
        <p className="card muted">ไม่มีรายชื่อตามตัวกรองที่เลือก</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>เลขประจำตัว</th>
                <th>ชื่อ–นามสกุล</th>
                <th className="hide-narrow">หน่วยงาน</th>
                <th>สถานะ</th>
                <th className="num hide-narrow">ก่อนเรียน</th>
                <th className="num">หลังเรียน (ที่นับ)</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.employeeNumber}</td>
                  <td>
                    {r.name} {r.inPopulation ? null : <span className="badge badge--warn">นอกกลุ่มเป้าหมาย</span>}
                  </td>
                  <td className="hide-narrow">{r.divisionName}</td>
                  <td>
                    <CourseStatusBadge status={r.status} />
                  </td>
                  <td className="num hide-narrow">{r.pre}</td>
                  <td className="num">{r.post}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} total={data.rowCount} />

      <h2>สถิติรายข้อ</h2>
      <p className="muted">
        ความง่าย = ร้อยละของผู้ตอบถูก · อำนาจจำแนก = สหสัมพันธ์ระหว่างข้อนั้นกับคะแนนข้ออื่นในชุดเดียวกัน (ต่ำกว่า 0.2 ควรทบทวน)
      </p>
      <Form method="get" className="row row--end">
        <input type="hidden" name="year" value={data.year} />
        {data.filter.q ? <input type="hidden" name="q" value={data.filter.q} /> : null}
        {data.filter.division ? <input type="hidden" name="division" value={data.filter.division} /> : null}
        {data.filter.status ? <input type="hidden" name="status" value={data.filter.status} /> : null}
        <div className="field" style={{ flex: "0 0 auto" }}>
          <label htmlFor="kind">แบบทดสอบ</label>
          <select id="kind" name="kind" defaultValue={data.kind}>
            <option value="post">หลังเรียน</option>
            <option value="pre">ก่อนเรียน</option>
          </select>
        </div>
        <div>
          <button type="submit" className="btn btn--secondary">
            แสดง
          </button>
        </div>
      </Form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>ข้อ</th>
              <th>คำถาม</th>
              <th className="num">จำนวนครั้ง</th>
              <th className="num">ความง่าย</th>
              <th className="num">อำนาจจำแนก</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {data.stats.map((q) => {
              const weak =
                (q.discrimination != null && q.discrimination < 0.2) ||
                (q.facility != null && (q.facility < 20 || q.facility > 95));
              return (
                <tr key={q.id} className={weak ? "is-weak" : undefined}>
                  <td>{`${q.key} (v${q.version})${q.retired ? " · เลิกใช้" : ""}`}</td>
                  <td>{q.prompt.length > 90 ? `${q.prompt.slice(0, 90)}…` : q.prompt}</td>
                  <td className="num">{q.attempts}</td>
                  <td className="num">{q.facility == null ? "—" : `${q.facility}%`}</td>
                  <td className="num">
                    {q.discrimination == null ? "—" : q.discrimination.toFixed(2)}{" "}
                    {weak ? <span className="badge badge--warn">ควรทบทวน</span> : null}
                  </td>
                  <td>
                    <Link to={`/hr/courses/${data.course.slug}/questions/${q.key}`}>แก้ไข</Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
