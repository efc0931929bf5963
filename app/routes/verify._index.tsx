import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { readVerifyCode } from "~/domain/verify-code";

export const meta: MetaFunction = () => [{ title: "ตรวจสอบเกียรติบัตรและคำสั่ง · เทศบาลนครลำปาง" }];

// Public: anyone holding a printed certificate or a printed delegation order can check it here without signing
// in. One box for both: a 12-symbol code is a certificate's, a 10-symbol code an order's (spaces, dashes, case
// ignored).
export async function loader({ request }: LoaderFunctionArgs) {
  const typed = new URL(request.url).searchParams.get("code")?.trim();
  if (!typed) return null;
  const read = readVerifyCode(typed);
  if (read.kind === "order") throw redirect(`/verify/order/${read.code}`);
  throw redirect(`/verify/${encodeURIComponent(read.code)}`);
}

export default function VerifyIndex() {
  return (
    <div className="card login">
      <h1>ตรวจสอบเกียรติบัตรหรือคำสั่ง</h1>
      <p className="muted">
        กรอกรหัสตรวจสอบที่พิมพ์อยู่ท้ายเกียรติบัตร (12 ตัว เช่น ABCD-EFGH-JKLM) หรือท้ายคำสั่งมอบอำนาจ (10 ตัว เช่น 7KQ2M-XH4PD) เว้นวรรค ขีด
        หรือตัวพิมพ์เล็กได้
      </p>
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
