import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CourseStatusBadge } from "~/components/course-status-badge";
import { formatThaiDate } from "~/domain/thai-date";
import { myCoursesPage } from "~/models/training/my-courses.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "หลักสูตรของฉัน · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await myCoursesPage({ personId: user.id }));
}

export default function MyCourses() {
  const { fiscalYear, courses } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>หลักสูตรของฉัน</h1>
      <p className="muted">{`หลักสูตรที่ท่านต้องเรียนในปีงบประมาณ ${fiscalYear}: ทำแบบทดสอบก่อนเรียน เรียนให้ครบทุกบท แล้วทำแบบทดสอบหลังเรียนให้ผ่าน`}</p>
      {courses.length === 0 ? (
        <p className="card muted">ยังไม่มีหลักสูตรที่กำหนดให้ท่านในปีงบประมาณนี้</p>
      ) : (
        <div className="grid">
          {courses.map((c) => (
            <article key={c.slug} className="card course-card" data-testid={`course-${c.slug}`}>
              <h2>
                <Link to={`/courses/${c.slug}`}>{c.title}</Link>
              </h2>
              <p>
                <CourseStatusBadge status={c.status} />
              </p>
              <p className="muted">{c.summary}</p>
              <ul className="facts">
                <li data-testid="due-date">
                  {c.status === "passed"
                    ? `ผ่านแล้ว (กำหนดเรียนให้จบภายใน ${formatThaiDate(c.dueDate)})`
                    : `ต้องเรียนให้จบภายใน ${formatThaiDate(c.dueDate)}`}
                </li>
                <li>{`บทเรียน: เรียนแล้ว ${c.lessonsDone} จาก ${c.lessonCount} บท`}</li>
                {c.prePercent != null ? <li>{`ก่อนเรียน: ${c.prePercent}%`}</li> : null}
                {c.postPercent != null ? <li>{`หลังเรียน: ${c.postPercent}%`}</li> : null}
              </ul>
              <p className="actions">
                <Link className="btn" to={`/courses/${c.slug}`}>
                  {c.status === "passed" ? "ดูผลและเกียรติบัตร" : c.status === "not_started" ? "เริ่มเรียน" : "เรียนต่อ"}
                </Link>
              </p>
            </article>
          ))}
        </div>
      )}
    </>
  );
}
