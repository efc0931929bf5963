import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CourseStatusBadge } from "~/components/course-status-badge";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { Pagination } from "~/components/pagination";
import { COURSE_STATUS_LABELS, type CourseStatus } from "~/domain/course-status";
import { fullName } from "~/domain/personnel";
import { courseReport, questionStatistics, scoreText } from "~/models/training-report.server";
import { divisionAndDescendantIds } from "~/models/people/organization.server";
import { requireRole } from "~/utils/auth.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { httpError } from "~/utils/http.server";
import { pageParam, parseId } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.course.title ?? "หลักสูตร"} · ผลการอบรม` }];

const STATUSES = Object.keys(COURSE_STATUS_LABELS) as CourseStatus[];
const PAGE_SIZE = 50;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  const year = fiscalYearParam(request);
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status") ?? "";
  const status = (STATUSES as string[]).includes(statusParam) ? (statusParam as CourseStatus) : "";
  const kind = url.searchParams.get("kind") === "pre" ? "pre" : "post";
  const report = await courseReport(params.slug ?? "", year);
  if (!report) httpError(404, "ไม่พบหลักสูตรนี้");
  const division = parseId(url.searchParams.get("division"));
  const inDivision = division ? new Set(await divisionAndDescendantIds(division)) : null;
  const rows = report.rows.filter((r) => (!status || r.status === status) && (!inDivision || inDivision.has(r.person.divisionId)));
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(pageCount, pageParam(url));
  const stats = await questionStatistics(report.course.id, year, kind);
  return json({
    year,
    status,
    kind,
    division: division ?? "",
    course: { slug: report.course.slug, title: report.course.title, passPercent: report.course.passPercent },
    summary: report.summary,
    rowCount: rows.length,
    page,
    pageCount,
    rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => ({
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
  });
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
          <p className="stat">{`${s.passed} / ${s.population} คน`}</p>
        </div>
        <div className="card">
          <p className="muted">ยังไม่เริ่ม</p>
          <p className="stat">{`${s.notStarted} คน`}</p>
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
      </p>

      <h2>รายชื่อ</h2>
      <Form method="get" className="card row row--end">
        <input type="hidden" name="year" value={data.year} />
        {data.division ? <input type="hidden" name="division" value={data.division} /> : null}
        <div className="field">
          <label htmlFor="status">สถานะ</label>
          <select id="status" name="status" defaultValue={data.status}>
            <option value="">ทุกสถานะ</option>
            {STATUSES.map((st) => (
              <option key={st} value={st}>
                {COURSE_STATUS_LABELS[st]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="btn">
            กรอง
          </button>
        </div>
      </Form>
      {data.rows.length === 0 ? (
        <p className="card muted">ไม่มีรายชื่อตามสถานะที่เลือก</p>
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
                    {r.name}{" "}
                    {r.inPopulation ? null : <span className="badge badge--warn">นอกกลุ่มเป้าหมาย</span>}
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
        ความง่าย = ร้อยละของผู้ตอบถูก · อำนาจจำแนก = สหสัมพันธ์ระหว่างข้อนั้นกับคะแนนข้ออื่นในชุดเดียวกัน (ต่ำกว่า 0.2
        ควรทบทวน)
      </p>
      <Form method="get" className="row row--end">
        <input type="hidden" name="year" value={data.year} />
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
              const weak = (q.discrimination != null && q.discrimination < 0.2) || (q.facility != null && (q.facility < 20 || q.facility > 95));
              return (
                <tr key={q.id} className={weak ? "is-weak" : undefined}>
                  <td>{`${q.key} (v${q.version})${q.retired ? " · เลิกใช้" : ""}`}</td>
                  <td>{q.prompt.length > 90 ? `${q.prompt.slice(0, 90)}…` : q.prompt}</td>
                  <td className="num">{q.attempts}</td>
                  <td className="num">{q.facility == null ? "—" : `${q.facility}%`}</td>
                  <td className="num">
                    {q.discrimination == null ? "—" : q.discrimination.toFixed(2)} {weak ? <span className="badge badge--warn">ควรทบทวน</span> : null}
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
