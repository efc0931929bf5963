import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { markLessonDone } from "~/models/training/attempts.server";
import { lessonPage } from "~/models/training/learner-pages.server";
import { requireUser } from "~/utils/auth.server";
import { loadOrRefuse } from "~/utils/route.server";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.lesson.title} · ${data.course.title}` : "บทเรียน · สุจริต" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await loadOrRefuse(() => lessonPage(params.slug ?? "", params.lessonSlug ?? "", { personId: user.id }));
  // Lessons open after the pre-test.
  if (!page) throw redirect(`/courses/${params.slug}`);
  return json(page);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  // A refusal here (not assigned, no such lesson, pre-test not done) is the error page: there is no form to show it on.
  await loadOrRefuse(() =>
    markLessonDone(params.slug ?? "", params.lessonSlug ?? "", { personId: user.id, ip: clientIp(context) }),
  );
  const next = String((await readFormData(request)).get("next") ?? "");
  return redirect(next ? `/courses/${params.slug}/lessons/${encodeURIComponent(next)}` : `/courses/${params.slug}`);
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
            {data.finishLabel}
          </button>
        </Form>
        {data.lesson.done ? <span className="badge badge--ok">เรียนแล้ว</span> : null}
      </div>
    </>
  );
}
