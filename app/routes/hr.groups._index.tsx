import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { FiscalYearPicker } from "~/components/fiscal-year-picker";
import { FormError } from "~/components/form-field";
import { failureOf, useActionResult } from "~/components/use-action-result";
import type { ActionFailure } from "~/domain/action-result";
import { useZodForm } from "~/components/use-zod-form";
import { formatCount } from "~/domain/numbers";
import { GROUP_MANAGERS } from "~/domain/target-groups";
import { assignCourse, groupsPage, unassignCourse } from "~/models/training/assignments.server";
import { courseAssignmentSchema } from "~/schemas/target-group";
import { requireRole } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { parseId } from "~/utils/params.server";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { actionFailure, actOrRefuse, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "กลุ่มเป้าหมายและหลักสูตรที่ต้องเรียน · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const url = new URL(request.url);
  const doneKind = url.searchParams.get("done");
  const done =
    doneKind === "assigned" || doneKind === "unassigned"
      ? {
          kind: doneKind as "assigned" | "unassigned",
          courseSlug: url.searchParams.get("course") ?? "",
          groupCodes: url.searchParams.getAll("group"),
        }
      : null;
  return json(
    await loadOrRefuse(() =>
      groupsPage(fiscalYearParam(request), user, { unassignId: parseId(url.searchParams.get("unassign")), done }),
    ),
  );
}

const back = (year: number, done: { kind: string; courseSlug: string; groupCodes: string[] }) => {
  const params = new URLSearchParams({ year: String(year), done: done.kind, course: done.courseSlug });
  for (const code of done.groupCodes) params.append("group", code);
  return `/hr/groups?${params}#assignments`;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const actor = { personId: user.id, roles: user.roles, ip: clientIp(context) };
  const formData = await readFormData(request);
  if (formData.get("intent") === "unassign") {
    const assignmentId = parseId(formData.get("assignmentId"));
    if (!assignmentId) return actionFailure({ formError: "ไม่พบการมอบหมายหลักสูตรนี้" }, 404);
    return actOrRefuse(async () => {
      const removed = await unassignCourse(assignmentId, actor);
      return redirect(
        back(removed.fiscalYear, {
          kind: "unassigned",
          courseSlug: removed.courseSlug,
          groupCodes: [removed.groupCode],
        }),
      );
    });
  }
  const { values, result } = validateForm(courseAssignmentSchema, formData, ["groupCodes"]);
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values });
  return actOrRefuse(async () => {
    const added = await assignCourse(result.data, actor);
    return redirect(
      back(result.data.fiscalYear, { kind: "assigned", courseSlug: added.courseSlug, groupCodes: added.groupCodes }),
    );
  }, values);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Groups() {
  const data = useLoaderData<typeof loader>();
  const { year, groups, courses } = data;
  const failure = failureOf(useActionResult());
  const failedCourse = typeof failure?.values?.courseSlug === "string" ? failure.values.courseSlug : undefined;
  return (
    <>
      <h1>กลุ่มเป้าหมายและหลักสูตรที่ต้องเรียน</h1>
      <p className="muted">กลุ่มเป้าหมายกำหนดว่าใครต้องเรียนหลักสูตรใดในแต่ละปีงบประมาณ และใช้เป็นฐานของตัวชี้วัดและเอกสารที่ต้องรับทราบ</p>
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
                <td className="num">{formatCount(g.memberCount)}</td>
                <td className="num hide-narrow">{`${g.included} / ${g.excluded}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="assignments">{`หลักสูตรที่ต้องเรียน ปีงบประมาณ ${year}`}</h2>
      <p className="muted">สมาชิกของกลุ่มที่กำหนดจะเห็นหลักสูตรใน &quot;หลักสูตรของฉัน&quot; และนับเป็นผู้ที่ต้องเรียนในรายงานผลการอบรม</p>
      <FiscalYearPicker year={year} />
      {data.notice ? (
        <div className="alert alert--ok" role="status" data-testid="assign-notice">
          {data.notice}
        </div>
      ) : null}
      {data.readOnly ? (
        <div className="alert alert--info" role="note" data-testid="year-read-only">
          {data.readOnly}
        </div>
      ) : null}
      {failure?.formError && !failedCourse ? <FormError message={failure.formError} /> : null}
      {data.confirmUnassign ? (
        <ConfirmUnassign confirm={data.confirmUnassign} readOnly={Boolean(data.readOnly)} />
      ) : null}
      <div className="grid">
        {courses.map((c) => (
          <CourseAssignments
            key={`${c.slug}-${year}`}
            course={c}
            year={year}
            groups={groups}
            readOnly={Boolean(data.readOnly)}
            failure={failedCourse === c.slug ? failure : undefined}
          />
        ))}
      </div>
    </>
  );
}

/** The confirmation step of "ยกเลิกการมอบหมาย": a page state (works without JavaScript) that says what will change. */
function ConfirmUnassign({
  confirm,
  readOnly,
}: {
  confirm: NonNullable<LoaderData["confirmUnassign"]>;
  readOnly: boolean;
}) {
  const navigation = useNavigation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [confirm.assignmentId]);
  return (
    <section
      className="card confirm"
      id="confirm-unassign"
      aria-labelledby="confirm-unassign-title"
      data-testid="confirm-unassign"
    >
      <h3 id="confirm-unassign-title" tabIndex={-1} ref={heading} style={{ marginTop: 0 }}>
        ยืนยันยกเลิกการมอบหมายหลักสูตร
      </h3>
      <dl>
        <dt>หลักสูตร</dt>
        <dd>{confirm.courseTitle}</dd>
        <dt>กลุ่มเป้าหมาย</dt>
        <dd>{confirm.groupName}</dd>
        <dt>ปีงบประมาณ</dt>
        <dd>{confirm.fiscalYear}</dd>
        <dt>จำนวนคน</dt>
        <dd data-testid="confirm-count">{`${formatCount(confirm.memberCount)} คน`}</dd>
      </dl>
      <p>
        {`สมาชิก ${formatCount(confirm.memberCount)} คนของกลุ่มนี้จะไม่เห็นหลักสูตรนี้ใน "หลักสูตรของฉัน" และไม่นับเป็นผู้ที่ต้องเรียนในปีงบประมาณ ${confirm.fiscalYear} (ยกเว้นผู้ที่อยู่ในกลุ่มอื่นที่ได้รับมอบหมายหลักสูตรเดียวกัน) ผลการเรียนที่ทำไปแล้วยังเก็บไว้`}
      </p>
      <div className="actions">
        {readOnly ? null : (
          <Form method="post" action={`/hr/groups?index&year=${confirm.fiscalYear}`}>
            <input type="hidden" name="intent" value="unassign" />
            <input type="hidden" name="assignmentId" value={confirm.assignmentId} />
            <button type="submit" className="btn btn--danger" disabled={navigation.state !== "idle"}>
              {navigation.state === "submitting"
                ? "กำลังยกเลิกการมอบหมาย…"
                : `ยืนยันยกเลิกการมอบหมาย (${formatCount(confirm.memberCount)} คน)`}
            </button>
          </Form>
        )}
        <Link className="btn btn--secondary" to={`/hr/groups?year=${confirm.fiscalYear}#assignments`}>
          ไม่ยกเลิก กลับไป
        </Link>
      </div>
    </section>
  );
}

function CourseAssignments({
  course,
  year,
  groups,
  readOnly,
  failure,
}: {
  course: LoaderData["courses"][number];
  year: number;
  groups: LoaderData["groups"];
  readOnly: boolean;
  failure?: ActionFailure;
}) {
  const navigation = useNavigation();
  const assigned = new Set(course.groups.map((g) => g.code));
  const unassigned = groups.filter((g) => !assigned.has(g.code));
  const { register, onSubmit, errorOf, watch } = useZodForm(courseAssignmentSchema, {
    defaultValues: {
      courseSlug: course.slug,
      fiscalYear: String(year),
      groupCodes: [],
      ...(failure?.values as object),
    },
    serverErrors: failure?.fieldErrors,
  });
  const picked = [watch("groupCodes")].flat().filter((c): c is string => typeof c === "string" && c !== "");
  const pickedPeople = groups.filter((g) => picked.includes(g.code)).reduce((sum, g) => sum + g.memberCount, 0);
  return (
    <article className="card" data-testid={`assign-${course.slug}`} aria-labelledby={`assign-${course.slug}-title`}>
      <h3 id={`assign-${course.slug}-title`} style={{ marginTop: 0 }}>
        {course.title}
      </h3>
      <FormError message={failure?.formError} />
      {course.groups.length ? (
        <ul className="assigned-groups">
          {course.groups.map((g) => (
            <li key={g.assignmentId}>
              <span>{`${g.name} · ${formatCount(g.memberCount)} คน`}</span>
              {readOnly ? null : (
                <Link
                  className="btn btn--link"
                  to={`/hr/groups?year=${year}&unassign=${g.assignmentId}#confirm-unassign`}
                  aria-label={`ยกเลิกการมอบหมาย ${course.title} ให้${g.name} (${formatCount(g.memberCount)} คน)`}
                  style={{ whiteSpace: "nowrap" }}
                >
                  ยกเลิกการมอบหมาย
                </Link>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{readOnly ? "ไม่ได้กำหนดให้กลุ่มใดในปีนี้" : "ยังไม่ได้กำหนดให้กลุ่มใดในปีนี้ จึงยังไม่มีผู้ใดเห็นหลักสูตรนี้"}</p>
      )}
      {!readOnly && unassigned.length ? (
        <Form method="post" onSubmit={onSubmit} noValidate>
          {/* Values in the markup too, so the form posts without JavaScript. */}
          <input type="hidden" defaultValue={course.slug} {...register("courseSlug")} />
          <input type="hidden" defaultValue={String(year)} {...register("fiscalYear")} />
          <fieldset className="field">
            <legend>{`กำหนดให้กลุ่ม (ปีงบประมาณ ${year})`}</legend>
            {unassigned.map((g) => (
              <label key={g.code} className="checkbox">
                <input type="checkbox" value={g.code} {...register("groupCodes")} />
                {`${g.name} (${formatCount(g.memberCount)} คน)`}
              </label>
            ))}
            {errorOf("groupCodes") ? (
              <span className="field-error" role="alert">
                {errorOf("groupCodes")}
              </span>
            ) : null}
          </fieldset>
          <button type="submit" name="intent" value="assign" className="btn" disabled={navigation.state !== "idle"}>
            {picked.length ? `กำหนดให้กลุ่มที่เลือก (${formatCount(pickedPeople)} คน)` : "กำหนดให้กลุ่มที่เลือก"}
          </button>
          {picked.length > 1 ? <p className="muted">จำนวนคนรวมนับซ้ำผู้ที่อยู่หลายกลุ่ม ระบบแจ้งจำนวนจริงหลังบันทึก</p> : null}
        </Form>
      ) : null}
    </article>
  );
}
