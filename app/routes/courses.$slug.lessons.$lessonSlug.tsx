import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { AttemptError, courseProgress, findCourseFor, markLessonDone } from "~/models/course-attempts.server";
import { requireUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { httpError } from "~/utils/http.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.lesson.title} · ${data.course.title}` : "บทเรียน · สุจริต" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const course = await findCourseFor(params.slug ?? "", user.id).catch((error) => {
    if (error instanceof AttemptError) httpError(error.status, error.message);
    throw error;
  });
  const index = course.lessons.findIndex((l) => l.slug === params.lessonSlug);
  if (index < 0) httpError(404, "ไม่พบบทเรียนนี้");
  const progress = await courseProgress(db, user.id, course, fiscalYearOf(new Date()));
  if (!progress.preTestSubmitted) throw redirect(`/courses/${course.slug}`);
  const lesson = course.lessons[index]!;
  return json({
    course: { slug: course.slug, title: course.title },
    lesson: { slug: lesson.slug, title: lesson.title, html: renderMarkdown(lesson.markdown), done: progress.lessonIdsDone.has(lesson.id) },
    position: index + 1,
    count: course.lessons.length,
    previous: course.lessons[index - 1]?.slug ?? null,
    next: course.lessons[index + 1]?.slug ?? null,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  try {
    await markLessonDone(params.slug ?? "", params.lessonSlug ?? "", { personId: user.id, ip: clientIp(context) });
  } catch (error) {
    if (error instanceof AttemptError) httpError(error.status, error.message);
    throw error;
  }
  const next = String((await readFormData(request)).get("next") ?? "");
  return redirect(next ? `/courses/${params.slug}/lessons/${next}` : `/courses/${params.slug}`);
}

export default function LessonPage() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/courses/${data.course.slug}`}>{`‹ ${data.course.title}`}</Link>
      </p>
      <p className="muted">{`บทที่ ${data.position} จาก ${data.count}`}</p>
      <h1>{data.lesson.title}</h1>
      <article className="card lesson" dangerouslySetInnerHTML={{ __html: data.lesson.html }} />
      <div className="actions lesson-nav">
        {data.previous ? (
          <Link className="btn btn--secondary" to={`/courses/${data.course.slug}/lessons/${data.previous}`}>
            ‹ บทก่อนหน้า
          </Link>
        ) : null}
        <Form method="post">
          <input type="hidden" name="next" value={data.next ?? ""} />
          <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
            {data.next ? "อ่านจบแล้ว ไปบทถัดไป ›" : "อ่านจบแล้ว กลับหน้าหลักสูตร"}
          </button>
        </Form>
        {data.lesson.done ? <span className="badge badge--ok">เรียนแล้ว</span> : null}
      </div>
    </>
  );
}
