import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CourseStatusBadge } from "~/components/course-status-badge";
import { FormError } from "~/components/form-field";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { formatThaiDateTime } from "~/domain/thai-date";
import { startAttempt } from "~/models/training/attempts.server";
import { coursePage } from "~/models/training/learner-pages.server";
import { requireUser } from "~/utils/auth.server";
import { actionFailure, actOrRefuse, loadOrRefuse } from "~/utils/route.server";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.course.title ?? "หลักสูตร"} · สุจริต` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await loadOrRefuse(() => coursePage(params.slug ?? "", { personId: user.id })));
}

const startSchema = z.object({ kind: z.enum(["pre", "post"]) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = startSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return actionFailure({ formError: "คำขอไม่ถูกต้อง" });
  return actOrRefuse(async () => {
    const attempt = await startAttempt(params.slug ?? "", parsed.data.kind, {
      personId: user.id,
      ip: clientIp(context),
    });
    return redirect(`/courses/${params.slug}/attempts/${attempt.id}`);
  });
}

function StartButton({ kind, label }: { kind: "pre" | "post"; label: string }) {
  const navigation = useNavigation();
  return (
    <Form method="post">
      <input type="hidden" name="kind" value={kind} />
      <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
        {label}
      </button>
    </Form>
  );
}

export default function CourseOverview() {
  const data = useLoaderData<typeof loader>();
  const failure = failureOf(useActionResult());
  const { course, next } = data;
  const firstUnread = data.lessons.find((l) => !l.done) ?? data.lessons[0];
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/courses">‹ หลักสูตรของฉัน</Link>
      </p>
      <div className="page-head">
        <h1>{course.title}</h1>
        <CourseStatusBadge status={data.status} />
      </div>
      <p>{course.summary}</p>
      <p className="muted">
        {`แบบทดสอบชุดละ ${course.questionsPerTest} ข้อ ผ่านเมื่อตอบถูกอย่างน้อย ${course.passPercent}% (${course.correctNeeded} ข้อ) · ทำแบบทดสอบหลังเรียนได้ ${course.maxPostTestAttempts} ครั้งต่อปีงบประมาณ`}
        {course.timeLimitMinutes ? ` · จำกัดเวลา ${course.timeLimitMinutes} นาที` : ""}
      </p>
      <FormError message={failure?.formError} />

      <section className="card next-step" aria-labelledby="next-heading">
        <h2 id="next-heading">ขั้นตอนถัดไป</h2>
        {data.openAttemptId ? (
          <p className="actions">
            <span>ท่านมีแบบทดสอบที่ยังทำไม่เสร็จ</span>
            <Link className="btn" to={`/courses/${course.slug}/attempts/${data.openAttemptId}`}>
              ทำต่อ
            </Link>
          </p>
        ) : next === "pre_test" ? (
          <>
            <p>เริ่มด้วยแบบทดสอบก่อนเรียน เพื่อวัดความรู้เดิมของท่าน (ทำได้ครั้งเดียวต่อปีงบประมาณ และไม่มีผลต่อการผ่าน)</p>
            <StartButton kind="pre" label="เริ่มแบบทดสอบก่อนเรียน" />
          </>
        ) : next === "lessons" && firstUnread ? (
          <p className="actions">
            <span>{`เรียนให้ครบทุกบท (${data.lessons.filter((l) => l.done).length}/${data.lessons.length})`}</span>
            <Link className="btn" to={`/courses/${course.slug}/lessons/${firstUnread.slug}`}>
              เรียนบทต่อไป
            </Link>
          </p>
        ) : next === "post_test" || next === "retake" ? (
          <>
            <p>
              {next === "retake"
                ? `ยังไม่ผ่าน ท่านทำแบบทดสอบหลังเรียนได้อีก ${data.postTestsLeft} ครั้ง`
                : "เรียนครบทุกบทแล้ว ทำแบบทดสอบหลังเรียนได้"}
            </p>
            <StartButton kind="post" label={next === "retake" ? "ทำแบบทดสอบหลังเรียนอีกครั้ง" : "เริ่มแบบทดสอบหลังเรียน"} />
          </>
        ) : next === "no_retakes_left" ? (
          <p>ท่านทำแบบทดสอบหลังเรียนครบจำนวนครั้งของปีงบประมาณนี้แล้ว โปรดติดต่อกองการเจ้าหน้าที่</p>
        ) : (
          <p className="actions">
            <span>ท่านผ่านหลักสูตรนี้แล้ว</span>
            {data.certificateCode ? (
              <Link className="btn" to={`/certificates/${data.certificateCode}`}>
                ดูเกียรติบัตร
              </Link>
            ) : null}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">บทเรียน</h2>
        <ol className="lesson-list">
          {data.lessons.map((l) => (
            <li key={l.slug}>
              {next === "pre_test" && !data.openAttemptId ? (
                <span>{l.title}</span>
              ) : (
                <Link to={`/courses/${course.slug}/lessons/${l.slug}`}>{l.title}</Link>
              )}{" "}
              {l.done ? <span className="badge badge--ok">เรียนแล้ว</span> : null}
            </li>
          ))}
        </ol>
        {next === "pre_test" ? <p className="muted">บทเรียนเปิดให้อ่านหลังทำแบบทดสอบก่อนเรียน</p> : null}
      </section>

      <section className="card" aria-labelledby="results-heading">
        <h2 id="results-heading">{`ผลการทดสอบ ปีงบประมาณ ${data.fiscalYear}`}</h2>
        {data.attempts.length === 0 ? (
          <p className="muted">ยังไม่มีผลการทดสอบ</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>แบบทดสอบ</th>
                  <th>ส่งเมื่อ</th>
                  <th className="num">คะแนน</th>
                  <th>ผล</th>
                </tr>
              </thead>
              <tbody>
                {data.attempts.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/courses/${course.slug}/attempts/${a.id}`}>{a.label}</Link>
                    </td>
                    <td>{formatThaiDateTime(a.submittedAt)}</td>
                    <td className="num">{`${a.correct}/${a.total} (${a.percent}%)`}</td>
                    <td>
                      {a.kind === "pre" ? (
                        "—"
                      ) : a.passed ? (
                        <span className="badge badge--ok">ผ่าน</span>
                      ) : (
                        <span className="badge badge--bad">ไม่ผ่าน</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
