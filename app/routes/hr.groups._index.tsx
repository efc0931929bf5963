import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { FormError } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { GROUP_MANAGERS } from "~/domain/target-groups";
import { AssignmentError, assignCourse, assignmentsForYear, unassignCourse } from "~/models/course-assignments.server";
import { groupsWithCounts } from "~/models/target-groups.server";
import { courseAssignmentSchema } from "~/schemas/target-group";
import { requireRole } from "~/utils/auth.server";
import { validateForm, type FieldErrors } from "~/utils/forms";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "กลุ่มเป้าหมายและหลักสูตรที่ต้องเรียน · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  const year = fiscalYearParam(request);
  const [groups, courses] = await Promise.all([groupsWithCounts(new Date()), assignmentsForYear(year)]);
  return json({ year, groups, courses });
}

type Reply = { courseSlug: string; values: Record<string, unknown>; fieldErrors: FieldErrors; formError?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const actor = { personId: user.id, ip: clientIp(context) };
  const formData = await readFormData(request);
  const year = String(formData.get("fiscalYear") ?? "");
  if (formData.get("intent") === "unassign") {
    try {
      await unassignCourse(Number(formData.get("assignmentId")), actor);
    } catch (error) {
      if (!(error instanceof AssignmentError)) throw error;
      return json<Reply>({ courseSlug: String(formData.get("courseSlug") ?? ""), values: {}, fieldErrors: {}, formError: error.message }, { status: error.status });
    }
    return redirect(`/hr/groups?year=${encodeURIComponent(year)}#assignments`);
  }
  const { values, result } = validateForm(courseAssignmentSchema, formData, ["groupCodes"]);
  const courseSlug = String(values.courseSlug ?? "");
  if (!result.success) return json<Reply>({ courseSlug, values, fieldErrors: result.fieldErrors }, { status: 400 });
  try {
    await assignCourse(result.data, actor);
  } catch (error) {
    if (!(error instanceof AssignmentError)) throw error;
    const reply: Reply = error.field ? { courseSlug, values, fieldErrors: { [error.field]: error.message } } : { courseSlug, values, fieldErrors: {}, formError: error.message };
    return json<Reply>(reply, { status: 400 });
  }
  return redirect(`/hr/groups?year=${result.data.fiscalYear}#assignments`);
}

export default function Groups() {
  const { year, groups, courses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>กลุ่มเป้าหมายและหลักสูตรที่ต้องเรียน</h1>
      <p className="muted">
        กลุ่มเป้าหมายกำหนดว่าใครต้องเรียนหลักสูตรใดในแต่ละปีงบประมาณ และใช้เป็นฐานของตัวชี้วัดและเอกสารที่ต้องรับทราบ
      </p>
      <div className="row row--end">
        <h2 style={{ flex: "1 1 auto", margin: 0 }}>กลุ่มเป้าหมาย</h2>
        <Link className="btn" to="/hr/groups/new">
          + สร้างกลุ่มใหม่
        </Link>
      </div>
      <div className="table-wrap" style={{ marginTop: "0.75rem" }}>
        <table data-testid="groups">
          <thead>
            <tr>
              <th>กลุ่ม</th>
              <th className="hide-narrow">ที่มา</th>
              <th className="num">สมาชิกวันนี้</th>
              <th className="num hide-narrow">เพิ่ม/ยกเว้นรายบุคคล</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.code}>
                <td>
                  <Link to={`/hr/groups/${g.code}`}>{g.name}</Link>
                </td>
                <td className="hide-narrow">
                  <span className={g.managedBy === "hr" ? "badge badge--ok" : "badge"}>
                    {GROUP_MANAGERS[g.managedBy as keyof typeof GROUP_MANAGERS] ?? g.managedBy}
                  </span>
                </td>
                <td className="num">{g.memberCount.toLocaleString("th-TH")}</td>
                <td className="num hide-narrow">{`${g.included} / ${g.excluded}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="assignments">{`หลักสูตรที่ต้องเรียน ปีงบประมาณ ${year}`}</h2>
      <p className="muted">สมาชิกของกลุ่มที่กำหนดจะเห็นหลักสูตรใน "หลักสูตรของฉัน" และนับเป็นผู้ที่ต้องเรียนในรายงานผลการอบรม</p>
      <FiscalYearPicker year={year} />
      <div className="grid">
        {courses.map((c) => (
          <CourseAssignments
            key={`${c.slug}-${year}`}
            course={c}
            year={year}
            groups={groups}
            reply={actionData?.courseSlug === c.slug ? actionData : undefined}
          />
        ))}
      </div>
    </>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function CourseAssignments({
  course,
  year,
  groups,
  reply,
}: {
  course: LoaderData["courses"][number];
  year: number;
  groups: LoaderData["groups"];
  reply?: Reply;
}) {
  const navigation = useNavigation();
  const assigned = new Set(course.groups.map((g) => g.code));
  const unassigned = groups.filter((g) => !assigned.has(g.code));
  const { register, onSubmit, errorOf } = useZodForm(courseAssignmentSchema, {
    defaultValues: { courseSlug: course.slug, fiscalYear: String(year), groupCodes: [], ...(reply?.values as object) },
    serverErrors: reply?.fieldErrors,
  });
  return (
    <article className="card" data-testid={`assign-${course.slug}`} aria-labelledby={`assign-${course.slug}-title`}>
      <h3 id={`assign-${course.slug}-title`} style={{ marginTop: 0 }}>
        {course.title}
      </h3>
      <FormError message={reply?.formError} />
      {course.groups.length ? (
        <ul className="assigned-groups">
          {course.groups.map((g) => (
            <li key={g.assignmentId}>
              <span>{g.name}</span>
              <Form method="post">
                <input type="hidden" name="assignmentId" value={g.assignmentId} />
                <input type="hidden" name="courseSlug" value={course.slug} />
                <input type="hidden" name="fiscalYear" value={year} />
                <button type="submit" name="intent" value="unassign" className="btn btn--link" aria-label={`ยกเลิก ${g.name} จาก${course.title}`}>
                  ยกเลิก
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">ยังไม่ได้กำหนดให้กลุ่มใดในปีนี้ จึงยังไม่มีผู้ใดเห็นหลักสูตรนี้</p>
      )}
      {unassigned.length ? (
        <Form method="post" onSubmit={onSubmit} noValidate>
          <input type="hidden" {...register("courseSlug")} />
          <input type="hidden" {...register("fiscalYear")} />
          <fieldset className="field">
            <legend>{`กำหนดให้กลุ่ม (ปี ${year})`}</legend>
            {unassigned.map((g) => (
              <label key={g.code} className="checkbox">
                <input type="checkbox" value={g.code} {...register("groupCodes")} />
                {`${g.name} (${g.memberCount} คน)`}
              </label>
            ))}
            {errorOf("groupCodes") ? (
              <span className="field-error" role="alert">
                {errorOf("groupCodes")}
              </span>
            ) : null}
          </fieldset>
          <button type="submit" name="intent" value="assign" className="btn" disabled={navigation.state !== "idle"}>
            กำหนดให้กลุ่มที่เลือก
          </button>
        </Form>
      ) : null}
    </article>
  );
}
