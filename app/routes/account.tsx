import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FormError, TextField } from "~/components/form-field";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { ROLE_LABELS } from "~/domain/roles";
import { changeOwnPassword } from "~/models/people/people.server";
import { changePasswordSchema } from "~/schemas/auth";
import { requireUser } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { actionFailure, actOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "บัญชีของฉัน · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    name: `${user.title}${user.firstName} ${user.lastName}`,
    employeeNumber: user.employeeNumber,
    position: user.position,
    divisionName: user.divisionName,
    roles: user.roles.map((r) => ROLE_LABELS[r]),
    mustChangePassword: user.mustChangePassword,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { result } = validateForm(changePasswordSchema, await readFormData(request));
  // No `values` back: passwords are never echoed.
  if (!result.success) return actionFailure({ fieldErrors: result.fieldErrors });
  return actOrRefuse(async () => {
    await changeOwnPassword(
      user.id,
      user.sessionId,
      result.data.currentPassword,
      result.data.newPassword,
      clientIp(context),
    );
    return json({ ok: true as const });
  });
}

export default function Account() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionResult<typeof action>();
  const failure = failureOf(actionData);
  const { register, onSubmit, errorOf, reset } = useZodForm(changePasswordSchema, {
    serverErrors: failure?.fieldErrors,
  });
  if (actionData?.ok) queueMicrotask(() => reset());
  return (
    <>
      <h1>บัญชีของฉัน</h1>
      {data.mustChangePassword && !actionData?.ok ? (
        <div className="alert alert--info" role="alert">
          ผู้ดูแลระบบตั้งรหัสผ่านให้ท่าน กรุณาตั้งรหัสผ่านใหม่ที่มีเพียงท่านที่รู้ก่อนใช้งานส่วนอื่นของระบบ
        </div>
      ) : null}
      <section className="card">
        <dl>
          <dt>ชื่อ</dt>
          <dd>{data.name}</dd>
          <dt>เลขประจำตัวพนักงาน</dt>
          <dd>{data.employeeNumber}</dd>
          <dt>ตำแหน่ง / หน่วยงาน</dt>
          <dd>
            {data.position} · {data.divisionName}
          </dd>
          <dt>บทบาท</dt>
          <dd>{data.roles.join(", ")}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">เปลี่ยนรหัสผ่าน</h2>
        {actionData?.ok ? (
          <div className="alert alert--ok" role="status">
            เปลี่ยนรหัสผ่านแล้ว อุปกรณ์อื่นที่เคยเข้าสู่ระบบไว้ถูกออกจากระบบแล้ว
          </div>
        ) : null}
        <FormError message={failure?.formError} />
        <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
          <TextField
            label="รหัสผ่านปัจจุบัน"
            type="password"
            autoComplete="current-password"
            error={errorOf("currentPassword")}
            {...register("currentPassword")}
          />
          <TextField
            label="รหัสผ่านใหม่"
            type="password"
            autoComplete="new-password"
            hint="อย่างน้อย 8 ตัวอักษร"
            error={errorOf("newPassword")}
            {...register("newPassword")}
          />
          <TextField
            label="ยืนยันรหัสผ่านใหม่"
            type="password"
            autoComplete="new-password"
            error={errorOf("confirmPassword")}
            {...register("confirmPassword")}
          />
          <div>
            <button type="submit" className="btn">
              เปลี่ยนรหัสผ่าน
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
