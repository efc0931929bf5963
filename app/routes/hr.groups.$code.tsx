import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, TextField } from "~/components/form-field";
import { GroupPreview, TargetGroupForm } from "~/components/target-group-form";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { personnelTypeLabel } from "~/domain/personnel";
import { GROUP_MANAGERS, MEMBER_KIND_LABELS } from "~/domain/target-groups";
import { formatThaiDate } from "~/domain/thai-date";
import { listDivisionOptions } from "~/models/people/organization.server";
import {
  addNamedMember,
  groupDetail,
  previewPopulation,
  removeNamedMember,
  updateGroup,
} from "~/models/people/target-group-admin.server";
import { GROUP_ARRAY_FIELDS, groupFormSchema, namedMemberSchema } from "~/schemas/target-group";
import { requireRole } from "~/utils/auth.server";
import { validateForm, type FieldErrors } from "~/utils/forms";
import { httpError } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { actionFailure, actOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.group.name ?? "กลุ่มเป้าหมาย"} · สุจริต` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  const group = await groupDetail(params.code ?? "");
  if (!group) httpError(404, "ไม่พบกลุ่มเป้าหมายนี้");
  const [divisions, preview] = await Promise.all([
    listDivisionOptions(),
    previewPopulation(group, group.code, new Date()),
  ]);
  return json({ group, divisions, preview });
}

// Two forms on one page: a failure names its form in `values.form` ("rules" or "named"), so each shows its own errors.
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const actor = { personId: user.id, ip: clientIp(context) };
  const code = params.code ?? "";
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");

  if (intent === "preview" || intent === "save") {
    const { values, result } = validateForm(groupFormSchema, formData, GROUP_ARRAY_FIELDS);
    if (!result.success)
      return actionFailure({ fieldErrors: result.fieldErrors, values: { ...values, form: "rules" } });
    if (intent === "preview")
      return json({ ok: true as const, values, preview: await previewPopulation(result.data, code, new Date()) });
    return actOrRefuse(
      async () => {
        await updateGroup(code, result.data, actor);
        return redirect(`/hr/groups/${code}?saved=rules`);
      },
      { ...values, form: "rules" },
    );
  }
  if (intent === "name") {
    const { values, result } = validateForm(namedMemberSchema, formData);
    if (!result.success)
      return actionFailure({ fieldErrors: result.fieldErrors, values: { ...values, form: "named" } });
    return actOrRefuse(
      async () => {
        await addNamedMember(code, result.data.employeeNumber, result.data.kind, actor);
        return redirect(`/hr/groups/${code}?saved=named`);
      },
      { ...values, form: "named" },
    );
  }
  if (intent === "unname") {
    const personId = Number(formData.get("personId"));
    if (!Number.isInteger(personId)) return actionFailure({ formError: "คำขอไม่ถูกต้อง", values: { form: "named" } });
    return actOrRefuse(
      async () => {
        await removeNamedMember(code, personId, actor);
        return redirect(`/hr/groups/${code}?saved=named`);
      },
      { form: "named" },
    );
  }
  return actionFailure({ formError: "คำขอไม่ถูกต้อง", values: { form: "rules" } });
}

export default function GroupPage() {
  const { group, divisions, preview } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const failure = failureOf(actionData);
  const rulesFailure = failure?.values?.form === "rules" ? failure : undefined;
  const namedFailure = failure?.values?.form === "named" ? failure : undefined;
  const rulesPreview = actionData?.ok ? actionData.preview : undefined;
  const values = actionData?.ok ? actionData.values : rulesFailure?.values;
  const editable = group.managedBy === "hr";
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/hr/groups">‹ กลุ่มเป้าหมาย</Link>
      </p>
      <h1>{group.name}</h1>
      <p>
        <span className="badge">
          {GROUP_MANAGERS[group.managedBy as keyof typeof GROUP_MANAGERS] ?? group.managedBy}
        </span>{" "}
        <span className="muted">{`รหัสกลุ่ม ${group.code}`}</span>
      </p>

      <h2>เงื่อนไขของกลุ่ม</h2>
      {editable ? (
        <TargetGroupForm
          key={JSON.stringify(values ?? group)}
          divisions={divisions}
          defaultValues={
            values
              ? {
                  name: String(values.name ?? ""),
                  personnelTypes: (values.personnelTypes as string[] | undefined) ?? [],
                  divisionIds: ((values.divisionIds as string[] | undefined) ?? []).map(Number),
                  positionIncludes: String(values.positionIncludes ?? ""),
                }
              : {
                  name: group.name,
                  personnelTypes: group.personnelTypes,
                  divisionIds: group.divisionIds,
                  positionIncludes: group.positionIncludes,
                }
          }
          fieldErrors={rulesFailure?.fieldErrors}
          formError={rulesFailure?.formError}
          submitLabel="บันทึกเงื่อนไข"
        />
      ) : (
        <div className="card" data-testid="content-rules">
          <p className="muted">กลุ่มนี้กำหนดตามแผนปฏิบัติการ (ไฟล์แผน) จึงแก้ไขเงื่อนไขในระบบไม่ได้ แต่เพิ่มหรือยกเว้นรายบุคคลได้ด้านล่าง</p>
          <ul className="facts">
            <li>{`ประเภทบุคลากร: ${group.personnelTypes.length ? group.personnelTypes.map(personnelTypeLabel).join(", ") : "ทุกประเภท"}`}</li>
            <li>{`หน่วยงาน: ${group.divisionNames.length ? group.divisionNames.join(", ") : "ทุกหน่วยงาน"}`}</li>
            <li>{`ตำแหน่ง: ${group.positionIncludes ? `มีคำว่า "${group.positionIncludes}"` : "ทุกตำแหน่ง"}`}</li>
          </ul>
        </div>
      )}

      {rulesPreview ? <GroupPreview preview={rulesPreview} title="ผู้ที่จะอยู่ในกลุ่มตามเงื่อนไขที่กรอก (ยังไม่ได้บันทึก)" /> : null}

      <NamedMembers group={group} reply={namedFailure} />

      <GroupPreview preview={preview} title="สมาชิกปัจจุบัน (ตามที่บันทึกไว้)" />
    </>
  );
}

function NamedMembers({
  group,
  reply,
}: {
  group: ReturnType<typeof useLoaderData<typeof loader>>["group"];
  reply?: { values?: Record<string, unknown>; fieldErrors?: FieldErrors; formError?: string };
}) {
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(namedMemberSchema, {
    defaultValues: { employeeNumber: "", kind: "include", ...(reply?.values as object) },
    serverErrors: reply?.fieldErrors,
  });
  return (
    <section aria-labelledby="named-heading">
      <h2 id="named-heading">เพิ่มหรือยกเว้นรายบุคคล</h2>
      <p className="muted">ผู้ที่เพิ่มรายบุคคลอยู่ในกลุ่มเสมอ ผู้ที่ยกเว้นไม่อยู่ในกลุ่มแม้ตรงเงื่อนไข (เฉพาะผู้ที่ยังปฏิบัติงาน)</p>
      <Form method="post" className="card row row--end" onSubmit={onSubmit} noValidate>
        <FormError message={reply?.formError} />
        <TextField
          label="เลขประจำตัวบุคลากร"
          inputMode="numeric"
          autoComplete="off"
          error={errorOf("employeeNumber")}
          {...register("employeeNumber")}
        />
        <fieldset className="field">
          <legend>ให้</legend>
          <div className="row">
            {(Object.keys(MEMBER_KIND_LABELS) as (keyof typeof MEMBER_KIND_LABELS)[]).map((kind) => (
              <label key={kind} className="checkbox">
                <input type="radio" value={kind} {...register("kind")} />
                {MEMBER_KIND_LABELS[kind]}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <button type="submit" name="intent" value="name" className="btn" disabled={navigation.state !== "idle"}>
            บันทึกรายชื่อ
          </button>
        </div>
      </Form>
      {group.members.length ? (
        <div className="table-wrap">
          <table data-testid="named-members">
            <thead>
              <tr>
                <th>เลขประจำตัว</th>
                <th>ชื่อ–นามสกุล</th>
                <th>ประเภท</th>
                <th className="hide-narrow">บันทึกโดย</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {group.members.map((m) => (
                <tr key={m.personId}>
                  <td>{m.employeeNumber}</td>
                  <td>
                    {m.name}
                    <div className="muted hide-narrow">{m.divisionName}</div>
                  </td>
                  <td>
                    <span className={m.kind === "include" ? "badge badge--ok" : "badge badge--warn"}>
                      {MEMBER_KIND_LABELS[m.kind]}
                    </span>
                  </td>
                  <td className="hide-narrow">{`${m.addedBy} · ${formatThaiDate(m.addedAt)}`}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="personId" value={m.personId} />
                      <button
                        type="submit"
                        name="intent"
                        value="unname"
                        className="btn btn--link"
                        aria-label={`นำ ${m.name} ออกจากรายชื่อ`}
                      >
                        นำออก
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="card muted">ยังไม่มีผู้ที่เพิ่มหรือยกเว้นเป็นรายบุคคล</p>
      )}
    </section>
  );
}
