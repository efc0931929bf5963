import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/form-field";
import { useZodForm } from "~/components/use-zod-form";
import { PolicyError, publishDocument } from "~/models/policy-documents.server";
import { targetGroups } from "~/models/target-groups.server";
import { policyDocumentSchema } from "~/schemas/policy";
import { requireRole } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { validateForm, type FieldErrors } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "ประกาศเอกสาร · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  const [groups, items] = await Promise.all([targetGroups(), db.planItem.findMany({ orderBy: { number: "asc" } })]);
  return json({ groups: groups.map((g) => ({ code: g.code, name: g.name })), items: items.map((i) => ({ number: i.number, name: i.name })) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const { values, result } = validateForm(policyDocumentSchema, await readFormData(request));
  const fail = (fieldErrors: FieldErrors, formError?: string) => json({ values, fieldErrors, formError }, { status: 400 });
  if (!result.success) return fail(result.fieldErrors);
  try {
    const document = await publishDocument(result.data, { personId: user.id, ip: clientIp(context) });
    return redirect(`/policies/${document.id}`);
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    return error.field ? fail({ [error.field]: error.message }) : fail({}, error.message);
  }
}

export default function NewPolicy() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(policyDocumentSchema, {
    defaultValues: { title: "", body: "", targetGroupCode: "all-personnel", planItemNumber: "", ...(actionData?.values as object) },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/policies">‹ ประกาศและนโยบาย</Link>
      </p>
      <h1>ประกาศเอกสารให้รับทราบ</h1>
      <p className="muted">เมื่อประกาศแล้วแก้ไขเนื้อความไม่ได้ หากต้องแก้ไข ให้ประกาศฉบับใหม่</p>
      <Form method="post" className="card stack" onSubmit={onSubmit} noValidate>
        <FormError message={actionData?.formError} />
        <TextField label="ชื่อเอกสาร" placeholder="เช่น ประกาศเทศบาลนครลำปาง เรื่อง นโยบายไม่รับของขวัญ (No Gift Policy)" error={errorOf("title")} {...register("title")} />
        <div className="field">
          <label htmlFor="body">เนื้อความ</label>
          <textarea id="body" rows={10} aria-invalid={errorOf("body") ? true : undefined} {...register("body")} />
          {errorOf("body") ? <span className="field-error">{errorOf("body")}</span> : null}
        </div>
        <div className="row">
          <SelectField label="ผู้ที่ต้องรับทราบ" error={errorOf("targetGroupCode")} {...register("targetGroupCode")}>
            {data.groups.map((g) => (
              <option key={g.code} value={g.code}>
                {g.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="ตามแผน (ลำดับที่)" error={errorOf("planItemNumber")} {...register("planItemNumber")}>
            <option value="">— ไม่ระบุ —</option>
            {data.items.map((i) => (
              <option key={i.number} value={i.number}>{`${i.number}. ${i.name.slice(0, 60)}`}</option>
            ))}
          </SelectField>
        </div>
        <div>
          <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
            ประกาศ
          </button>
        </div>
      </Form>
    </>
  );
}
