import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GroupPreview, TargetGroupForm } from "~/components/target-group-form";
import { useActionResult } from "~/components/use-action-result";
import { listDivisionOptions } from "~/models/people/organization.server";
import { createGroup, previewPopulation } from "~/models/people/target-group-admin.server";
import { GROUP_ARRAY_FIELDS, groupFormSchema } from "~/schemas/target-group";
import { requireRole } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { actionFailure, actOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "สร้างกลุ่มเป้าหมาย · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  return json({ divisions: await listDivisionOptions() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const formData = await readFormData(request);
  const { values, result } = validateForm(groupFormSchema, formData, GROUP_ARRAY_FIELDS);
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values });
  if (formData.get("intent") === "preview") {
    return json({ ok: true as const, values, preview: await previewPopulation(result.data, null, new Date()) });
  }
  return actOrRefuse(async () => {
    const group = await createGroup(result.data, { personId: user.id, ip: clientIp(context) });
    return redirect(`/hr/groups/${group.code}`);
  }, values);
}

export default function NewGroup() {
  const { divisions } = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const failure = actionData?.ok === false ? actionData : undefined;
  const preview = actionData?.ok ? actionData.preview : undefined;
  const values = actionData?.values;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/hr/groups">‹ กลุ่มเป้าหมาย</Link>
      </p>
      <h1>สร้างกลุ่มเป้าหมาย</h1>
      <p className="muted">กลุ่มประกอบด้วยบุคลากรที่ยังปฏิบัติงานและตรงทุกเงื่อนไขที่เลือก หลังบันทึกแล้วเพิ่มหรือยกเว้นรายบุคคลได้</p>
      <TargetGroupForm
        // A new key after each preview keeps the form in step with what was submitted.
        key={JSON.stringify(values ?? {})}
        divisions={divisions}
        defaultValues={{
          name: String(values?.name ?? ""),
          personnelTypes: (values?.personnelTypes as string[] | undefined) ?? [],
          divisionIds: ((values?.divisionIds as string[] | undefined) ?? []).map(Number),
          positionIncludes: String(values?.positionIncludes ?? ""),
        }}
        fieldErrors={failure?.fieldErrors}
        formError={failure?.formError}
        submitLabel="บันทึกกลุ่ม"
      />
      {preview ? <GroupPreview preview={preview} title="ผู้ที่อยู่ในกลุ่มตามเงื่อนไขนี้ (ยังไม่ได้บันทึก)" /> : null}
    </>
  );
}
