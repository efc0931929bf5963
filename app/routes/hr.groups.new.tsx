import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRefusal } from "~/domain/refusal";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GroupPreview, TargetGroupForm } from "~/components/target-group-form";
import { listDivisionOptions } from "~/models/people/organization.server";
import { createGroup, previewPopulation } from "~/models/people/target-groups.server";
import { GROUP_ARRAY_FIELDS, groupFormSchema } from "~/schemas/target-group";
import { requireRole } from "~/utils/auth.server";
import { validateForm, type FieldErrors } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "สร้างกลุ่มเป้าหมาย · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  return json({ divisions: await listDivisionOptions() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const formData = await readFormData(request);
  const { values, result } = validateForm(groupFormSchema, formData, GROUP_ARRAY_FIELDS);
  type Reply = {
    values: Record<string, unknown>;
    fieldErrors: FieldErrors;
    formError?: string;
    preview: Awaited<ReturnType<typeof previewPopulation>> | null;
  };
  const fail = (fieldErrors: FieldErrors, formError?: string) =>
    json<Reply>({ values, fieldErrors, formError, preview: null }, { status: 400 });
  if (!result.success) return fail(result.fieldErrors);
  if (formData.get("intent") === "preview") {
    return json<Reply>({ values, fieldErrors: {}, preview: await previewPopulation(result.data, null, new Date()) });
  }
  try {
    const group = await createGroup(result.data, { personId: user.id, ip: clientIp(context) });
    return redirect(`/hr/groups/${group.code}`);
  } catch (error) {
    if (!isRefusal(error)) throw error;
    return error.fieldErrors ? fail(error.fieldErrors) : fail({}, error.message);
  }
}

export default function NewGroup() {
  const { divisions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values as Record<string, unknown> | undefined;
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
        fieldErrors={actionData?.fieldErrors}
        formError={actionData?.formError}
        submitLabel="บันทึกกลุ่ม"
      />
      {actionData?.preview ? (
        <GroupPreview preview={actionData.preview} title="ผู้ที่อยู่ในกลุ่มตามเงื่อนไขนี้ (ยังไม่ได้บันทึก)" />
      ) : null}
    </>
  );
}
