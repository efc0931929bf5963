import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CourseStatusBadge } from "~/components/course-status-badge";
import { NOTHING_WAITING, NOBODY_IN_SCOPE, trainingProgressText } from "~/domain/home";
import { formatCount, formatPercent } from "~/domain/numbers";
import { personnelTypeLabel } from "~/domain/personnel";
import { formatThaiDate, formatThaiDateShort } from "~/domain/thai-date";
import { homePage } from "~/models/home/home-page.server";
import { requireUser } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "หน้าหลัก · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await loadOrRefuse(() => homePage({ personId: user.id, roles: user.roles, ip: clientIp(context) })));
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function Waiting({ items }: { items: Data["waiting"] }) {
  return (
    <section className="card home-waiting" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">งานที่รอท่าน</h2>
      {items.length === 0 ? (
        <p className="muted" data-testid="nothing-waiting">
          {NOTHING_WAITING}
        </p>
      ) : (
        <ul className="waiting-list">
          {items.map((item) => (
            <li
              key={item.key}
              className={item.urgent ? "waiting-list__item waiting-list__item--urgent" : "waiting-list__item"}
            >
              <Link to={item.to}>{item.text}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MyCourses({ courses, fiscalYear }: { courses: Data["courses"]; fiscalYear: number }) {
  const dueText = `ภายใน ${formatThaiDate(courses.due)}`;
  return (
    <section className="card" aria-labelledby="courses-heading">
      <h2 id="courses-heading">หลักสูตรของท่าน ปีงบประมาณ {fiscalYear}</h2>
      {courses.total === 0 ? (
        <p className="muted">{`ไม่มีหลักสูตรที่กำหนดให้ท่านในปีงบประมาณ ${fiscalYear}`}</p>
      ) : courses.notDone.length === 0 ? (
        <p>{`ผ่านครบทุกหลักสูตรแล้ว (${formatCount(courses.passed)} หลักสูตร)`}</p>
      ) : (
        <>
          <p>
            {`ต้องเรียนให้ผ่านอีก ${formatCount(courses.notDone.length)} หลักสูตร ${dueText}`}
            {courses.daysLeft >= 0 ? ` (อีก ${formatCount(courses.daysLeft)} วัน)` : " (เลยกำหนดแล้ว)"}
          </p>
          <ul className="todo-list">
            {courses.notDone.map((c) => (
              <li key={c.slug}>
                <Link to={`/courses/${c.slug}`}>{c.title}</Link> <CourseStatusBadge status={c.status} />{" "}
                <span className="muted">{`กำหนดเสร็จ ${formatThaiDateShort(courses.due)}`}</span>
              </li>
            ))}
          </ul>
          <p className="muted">{`ผ่านแล้ว ${formatCount(courses.passed)} จาก ${formatCount(courses.total)} หลักสูตร`}</p>
        </>
      )}
    </section>
  );
}

function Training({ rows, scope, fiscalYear }: { rows: Data["training"]; scope: Data["scope"]; fiscalYear: number }) {
  const withPeople = rows.filter((r) => r.required > 0);
  const required = withPeople.reduce((s, r) => s + r.required, 0);
  const passed = withPeople.reduce((s, r) => s + r.passed, 0);
  return (
    <section className="card" aria-labelledby="training-heading">
      <h2 id="training-heading">{`การอบรมปีงบประมาณ ${fiscalYear} ${scope === "municipality" ? "ทั้งเทศบาล" : "ในหน่วยงานของท่าน"}`}</h2>
      {rows.length === 0 ? (
        <p className="muted">{`ยังไม่มีหลักสูตรที่กำหนดในปีงบประมาณ ${fiscalYear}`}</p>
      ) : required === 0 ? (
        <p className="muted">{NOBODY_IN_SCOPE}</p>
      ) : (
        <>
          <p className="stat">{formatPercent(passed, required)}</p>
          <p className="muted">{`ผ่านแล้ว ${formatCount(passed)} จาก ${formatCount(required)} รายการ (คน × หลักสูตร)`}</p>
          <ul className="todo-list">
            {withPeople.map((r) => (
              <li key={r.slug}>
                {r.title}: {trainingProgressText(r.passed, r.required)}
              </li>
            ))}
          </ul>
        </>
      )}
      <Link to={scope === "municipality" ? "/hr/completion" : "/unit"}>
        {scope === "municipality" ? "ดูรายหน่วยงาน" : "ดูรายชื่อในหน่วยงาน"}
      </Link>
    </section>
  );
}

function HeadCount({ rows, scope }: { rows: NonNullable<Data["headCount"]>; scope: Data["scope"] }) {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <section className="card" aria-labelledby="people-heading">
      <h2 id="people-heading">{scope === "municipality" ? "บุคลากรทั้งเทศบาล (ปฏิบัติงานอยู่)" : "บุคลากรในหน่วยงานของท่าน"}</h2>
      <p className="stat">{`${formatCount(total)} คน`}</p>
      <ul>
        {rows.map((r) => (
          <li key={r.personnelType}>{`${personnelTypeLabel(r.personnelType)}: ${formatCount(r.count)} คน`}</li>
        ))}
      </ul>
      <Link to={scope === "municipality" ? "/admin/people" : "/unit"}>
        {scope === "municipality" ? "จัดการบุคลากร" : "ดูรายชื่อ"}
      </Link>
    </section>
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
      <Waiting items={data.waiting} />
      <div className="grid home-grid">
        <MyCourses courses={data.courses} fiscalYear={data.fiscalYear} />
        {data.scope !== "self" ? (
          <Training rows={data.training} scope={data.scope} fiscalYear={data.fiscalYear} />
        ) : null}
        {data.headCount ? <HeadCount rows={data.headCount} scope={data.scope} /> : null}
      </div>
    </>
  );
}
