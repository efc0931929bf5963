import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatThaiDate } from "~/domain/thai-date";
import { orderVerificationPage } from "~/models/orders/order-verify.server";

export const meta: MetaFunction = () => [{ title: "ผลการตรวจสอบคำสั่ง · เทศบาลนครลำปาง" }];

// Public: confirms a printed delegation order by its code, without signing in (decision 022). "ตรงกับที่ลงนาม"
// only when the stored order still verifies against its keyed seal.
export async function loader({ params }: LoaderFunctionArgs) {
  const page = await orderVerificationPage(params.code ?? "");
  return json(page, { status: page.order ? 200 : 404 });
}

export default function VerifyOrder() {
  const { code, order } = useLoaderData<typeof loader>();
  return (
    <div className="card login" data-testid="verify-result">
      <h1>ผลการตรวจสอบคำสั่ง</h1>
      {!order ? (
        <div className="alert alert--error" role="alert">
          {`ไม่พบคำสั่งรหัส ${code || "(ว่าง)"} ในระบบ คำสั่งนี้อาจไม่ใช่ของจริง หรือรหัสพิมพ์ผิด`}
        </div>
      ) : (
        <>
          {order.matches ? (
            <div className="alert alert--ok" role="status" data-testid="seal-status">
              {`✓ คำสั่งรหัส ${code} ตรงกับที่ลงนาม`}
            </div>
          ) : (
            <div className="alert alert--error" role="alert" data-testid="seal-status">
              {`⚠ คำสั่งรหัส ${code} ที่เก็บอยู่ในระบบไม่ตรงกับที่ลงนาม อย่าถือตามฉบับนี้ และโปรดแจ้งเทศบาลนครลำปาง`}
            </div>
          )}
          <dl>
            <dt>คำสั่ง</dt>
            <dd>{`${order.division} ${order.label}`}</dd>
            <dt>เรื่อง</dt>
            <dd>{order.title}</dd>
            <dt>ลงวันที่</dt>
            <dd>{formatThaiDate(order.signedAt)}</dd>
            <dt>ผู้มอบอำนาจ</dt>
            <dd>{order.delegator}</dd>
            <dt>ระยะเวลา</dt>
            <dd>{`ตั้งแต่ ${formatThaiDate(order.effectiveFrom)}${order.effectiveUntil ? ` ถึง ${formatThaiDate(order.effectiveUntil)}` : " เป็นต้นไป"}`}</dd>
            <dt>{`อำนาจที่มอบ (ผู้รับมอบ ${order.delegates} ราย)`}</dt>
            <dd>
              <ul>
                {order.powers.map((p, i) => (
                  <li
                    key={i}
                  >{`${p.text}${p.ceilingBaht != null ? ` วงเงินไม่เกิน ${p.ceilingBaht.toLocaleString("th-TH")} บาท` : ""}`}</li>
                ))}
              </ul>
            </dd>
          </dl>
          {order.ended ? <div className="alert alert--error">{`คำสั่งนี้สิ้นผลแล้ว: ${order.ended}`}</div> : null}
        </>
      )}
      <p>
        <Link to="/verify">ตรวจสอบรหัสอื่น</Link>
      </p>
    </div>
  );
}
