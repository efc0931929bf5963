import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { personnelTypeLabel } from "~/domain/personnel";
import { formatThaiDate } from "~/domain/thai-date";
import { divisionAndDescendantIds } from "~/models/people/organization.server";
import { countActiveByPersonnelType } from "~/models/people/people-queries.server";
import { myCourses } from "~/models/course-queries.server";
import { ordersToAcknowledge, ordersToSign } from "~/models/delegation-queries.server";
import { documentsFor } from "~/models/plan/policy-documents.server";
import { CourseStatusBadge } from "~/components/course-status-badge";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "หน้าหลัก · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const isHr = user.roles.includes("hr") || user.roles.includes("admin");
  const isManager = user.roles.includes("manager");
  const organization = isHr ? await countActiveByPersonnelType() : null;
  const unit = isManager
    ? await countActiveByPersonnelType(await divisionAndDescendantIds(user.divisionId))
    : null;
  const [courses, toSign, toAcknowledge, documents] = await Promise.all([
    myCourses(user.id, fiscalYearOf(now)),
    ordersToSign(user.id),
    ordersToAcknowledge(user.id),
    documentsFor(user.id, now),
  ]);
  return json({
    documentsToRead: documents.filter((d) => !d.acknowledgedAt).map((d) => ({ id: d.id, title: d.title })),
    ordersToSign: toSign.length,
    ordersToAcknowledge: toAcknowledge.length,
    coursesDue: courses.filter((c) => c.status !== "passed"),
    coursesPassed: courses.filter((c) => c.status === "passed").length,
    courseCount: courses.length,
    firstName: user.firstName,
    divisionName: user.divisionName,
    position: user.position,
    today: now.toISOString(),
    fiscalYear: fiscalYearOf(now),
    organization,
    unit,
  });
}

function HeadCounts({ rows }: { rows: { personnelType: string; count: number }[] }) {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <>
      <p className="stat">{total.toLocaleString("th-TH")} คน</p>
      <ul>
        {rows.map((r) => (
          <li key={r.personnelType}>
            {personnelTypeLabel(r.personnelType)}: {r.count.toLocaleString("th-TH")} คน
          </li>
        ))}
      </ul>
    </>
  );
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{`สวัสดี คุณ${data.firstName}`}</h1>
      <p className="muted">
        {data.position} · {data.divisionName} · วันนี้ {formatThaiDate(data.today)} · ปีงบประมาณ {data.fiscalYear}
      </p>
      <div className="grid">
        <section className="card" aria-labelledby="todo-heading">
          <h2 id="todo-heading">สิ่งที่ต้องทำตอนนี้</h2>
          {data.documentsToRead.map((d) => (
            <p key={d.id}>
              <Link to={`/policies/${d.id}`}>{`อ่านและรับทราบ: ${d.title}`}</Link>
            </p>
          ))}
          {data.ordersToSign > 0 ? (
            <p>
              <Link to="/orders?view=sign">{`คำสั่งรอท่านลงนาม ${data.ordersToSign} ฉบับ`}</Link>
            </p>
          ) : null}
          {data.ordersToAcknowledge > 0 ? (
            <p>
              <Link to="/orders?view=inbox">{`คำสั่งรอท่านรับทราบ ${data.ordersToAcknowledge} ฉบับ`}</Link>
            </p>
          ) : null}
          {data.coursesDue.length === 0 ? (
            <p className="muted">{`ไม่มีหลักสูตรที่รอท่านในปีงบประมาณ ${data.fiscalYear}`}</p>
          ) : (
            <>
              <p>{`หลักสูตรที่ต้องเรียนให้ผ่าน: ${data.coursesDue.length} หลักสูตร (ผ่านแล้ว ${data.coursesPassed}/${data.courseCount})`}</p>
              <ul className="todo-list">
                {data.coursesDue.map((c) => (
                  <li key={c.slug}>
                    <Link to={`/courses/${c.slug}`}>{c.title}</Link> <CourseStatusBadge status={c.status} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        {data.unit ? (
          <section className="card" aria-labelledby="unit-heading">
            <h2 id="unit-heading">บุคลากรในหน่วยงานของท่าน</h2>
            <HeadCounts rows={data.unit} />
            <Link to="/unit">ดูรายชื่อ</Link>
          </section>
        ) : null}
        {data.organization ? (
          <section className="card" aria-labelledby="org-heading">
            <h2 id="org-heading">บุคลากรทั้งเทศบาล (ปฏิบัติงานอยู่)</h2>
            <HeadCounts rows={data.organization} />
            <Link to="/admin/people">จัดการบุคลากร</Link>
          </section>
        ) : null}
      </div>
    </>
  );
}
