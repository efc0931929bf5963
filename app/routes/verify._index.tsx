import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "ตรวจสอบเกียรติบัตร · เทศบาลนครลำปาง" }];

// Public: anyone holding a printed certificate can check it here without signing in.
export async function loader({ request }: LoaderFunctionArgs) {
  const code = new URL(request.url).searchParams.get("code")?.trim();
  if (code) throw redirect(`/verify/${encodeURIComponent(code.toUpperCase())}`);
  return null;
}

export default function VerifyIndex() {
  return (
    <div className="card login">
      <h1>ตรวจสอบเกียรติบัตร</h1>
      <p className="muted">กรอกรหัสตรวจสอบที่พิมพ์อยู่ท้ายเกียรติบัตร เช่น ABCD-EFGH-JKLM</p>
      <Form method="get" className="stack">
        <div className="field">
          <label htmlFor="code">รหัสตรวจสอบ</label>
          <input id="code" name="code" required autoComplete="off" />
        </div>
        <div>
          <button type="submit" className="btn">
            ตรวจสอบ
          </button>
        </div>
      </Form>
    </div>
  );
}
