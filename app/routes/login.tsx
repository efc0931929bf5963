import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useNavigation, useSearchParams } from "@remix-run/react";
import { FormError, TextField } from "~/components/form-field";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { useZodForm } from "~/components/use-zod-form";
import { loginSchema } from "~/schemas/auth";
import { requireAnonymous, safeRedirect, signIn } from "~/utils/auth.server";
import { validateForm } from "~/utils/forms";
import { clientIp } from "~/utils/request.server";
import { sessionCookie } from "~/utils/session.server";
import { readFormData } from "~/utils/request-body.server";
import { actionFailure } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "เข้าสู่ระบบ · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return json({});
}

const MESSAGES = {
  invalid: "เลขประจำตัวหรือรหัสผ่านไม่ถูกต้อง",
  throttled: "มีการเข้าสู่ระบบไม่สำเร็จหลายครั้ง กรุณารอ 15 นาทีแล้วลองใหม่ หรือติดต่อผู้ดูแลระบบ",
} as const;

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const { values, result } = validateForm(loginSchema, await readFormData(request));
  if (!result.success) {
    return actionFailure({ fieldErrors: result.fieldErrors, values: { username: String(values.username ?? "") } });
  }
  const { username, password, redirectTo } = result.data;
  const outcome = await signIn(username, password, clientIp(context));
  if (!outcome.ok) {
    return actionFailure(
      { formError: MESSAGES[outcome.reason], values: { username } },
      outcome.reason === "throttled" ? 429 : 401,
    );
  }
  const to = outcome.mustChangePassword ? "/account" : safeRedirect(redirectTo);
  return redirect(to, { headers: { "Set-Cookie": sessionCookie(outcome.token) } });
}

export default function Login() {
  const actionData = failureOf(useActionResult<typeof action>());
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { register, onSubmit, errorOf } = useZodForm(loginSchema, { serverErrors: actionData?.fieldErrors });
  const busy = navigation.state !== "idle";
  return (
    <div className="login card">
      <h1>เข้าสู่ระบบ</h1>
      <p className="muted">ใช้เลขประจำตัวพนักงานและรหัสผ่านของท่าน</p>
      <FormError message={actionData?.formError} />
      <Form method="post" className="stack" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField
          label="เลขประจำตัวพนักงาน"
          autoComplete="username"
          inputMode="numeric"
          autoFocus
          defaultValue={String(actionData?.values?.username ?? "")}
          error={errorOf("username")}
          {...register("username")}
        />
        <TextField
          label="รหัสผ่าน"
          type="password"
          autoComplete="current-password"
          error={errorOf("password")}
          {...register("password")}
        />
        <div>
          <button type="submit" className="btn" disabled={busy}>
            {busy ? "กำลังตรวจสอบ…" : "เข้าสู่ระบบ"}
          </button>
        </div>
      </Form>
      <p className="muted">ลืมรหัสผ่าน? ติดต่อกองการเจ้าหน้าที่หรือผู้ดูแลระบบเพื่อตั้งรหัสผ่านใหม่</p>
    </div>
  );
}
