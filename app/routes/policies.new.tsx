import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, SelectField, TextField } from "~/components/form-field";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { newPolicyPage, publishDocument } from "~/models/plan/policy-documents.server";
import { policyDocumentSchema } from "~/schemas/policy";
import { requireRole } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { actionFailure, actOrRefuse, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "ประกาศเอกสาร · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  return json(await loadOrRefuse(() => newPolicyPage(user)));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const { values, result } = validateForm(policyDocumentSchema, await readFormData(request));
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors, values });
  return actOrRefuse(async () => {
    const document = await publishDocument(result.data, {
      personId: user.id,
      roles: user.roles,
      ip: clientIp(context),
    });
    return redirect(`/policies/${document.id}`);
  }, values);
}

export default function NewPolicy() {
  const data = useLoaderData<typeof loader>();
  const actionData = failureOf(useActionResult());
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(policyDocumentSchema, {
    defaultValues: {
      title: "",
      body: "",
      targetGroupCode: "all-personnel",
      planItemNumber: "",
      ...(actionData?.values as object),
    },
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
        <TextField
          label="ชื่อเอกสาร"
          placeholder="เช่น ประกาศเทศบาลนครลำปาง เรื่อง นโยบายไม่รับของขวัญ (No Gift Policy)"
          error={errorOf("title")}
          {...register("title")}
        />
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
