import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatThaiDate } from "~/domain/thai-date";
import { orderPrintPage } from "~/models/orders/order-pages.server";
import { requireUser } from "~/utils/auth.server";
import { idParam } from "~/utils/params.server";
import { clientIp } from "~/utils/request.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `คำสั่ง ${data.label}` : "คำสั่ง" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const orderId = idParam(params.orderId, "ไม่พบคำสั่งนี้");
  return json(
    await loadOrRefuse(() =>
      orderPrintPage(
        orderId,
        { personId: user.id, roles: user.roles, ip: clientIp(context) },
        new URL(request.url).origin,
      ),
    ),
  );
}

const announcesDelegation = (body: string) => /จึงมอบอำนาจ[^\n]*$/.test(body.trim());

export default function OrderPrint() {
  const o = useLoaderData<typeof loader>();
  return (
    <>
      <div className="actions no-print">
        <Link to={`/orders/${o.id}`}>‹ กลับไปที่คำสั่ง</Link>
        <button type="button" className="btn" onClick={() => window.print()}>
          พิมพ์ (A4)
        </button>
      </div>
      {o.ended ? <p className="alert alert--error no-print">{`คำสั่งนี้สิ้นผลแล้ว: ${o.ended}`}</p> : null}
      <h1 className="no-print">{`ฉบับพิมพ์คำสั่ง ${o.label}`}</h1>
      <article className="official-order" aria-label="คำสั่งฉบับพิมพ์">
        <header className="official-order__head">
          <p className="official-order__kind">{`คำสั่ง${o.division} เทศบาลนครลำปาง`}</p>
          <p>{o.label}</p>
          <p>{`เรื่อง ${o.title}`}</p>
          <hr />
        </header>
        <p className="official-order__body">{o.body}</p>
        {/* A body that already ends "…จึงมอบอำนาจ…" is not followed by the same words again. */}
        <p className="official-order__para">{announcesDelegation(o.body) ? "ผู้รับมอบอำนาจ" : "จึงมอบอำนาจให้"}</p>
        <ol>
          {o.delegates.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ol>
        <p className="official-order__para">{announcesDelegation(o.body) ? "อำนาจที่มอบ" : "เป็นผู้มีอำนาจดังต่อไปนี้"}</p>
        <ol>
          {o.powers.map((p, i) => (
            <li key={i}>
              {p.text}
              {p.limits ? ` (${p.limits})` : ""}
              {` ตาม${p.legalBasis}`}
            </li>
          ))}
        </ol>
        <p className="official-order__para">
          {`ทั้งนี้ ตั้งแต่วันที่ ${formatThaiDate(o.effectiveFrom)}${o.effectiveUntil ? ` ถึงวันที่ ${formatThaiDate(o.effectiveUntil)}` : " เป็นต้นไป"}`}
        </p>
        <p className="official-order__date">{`สั่ง ณ วันที่ ${formatThaiDate(o.signedAt)}`}</p>
        <div className="official-order__sign">
          <p>(ลงนามอิเล็กทรอนิกส์ในระบบสุจริต)</p>
          <p>{`(${o.signerName})`}</p>
          <p>{o.signerPosition}</p>
        </div>
        {o.verifyCode ? (
          <p className="official-order__verify" data-testid="order-verify-code">
            {`ตรวจสอบความถูกต้องของคำสั่งนี้ได้ที่ ${o.verifyUrl} รหัสตรวจสอบ ${o.verifyCode}`}
          </p>
        ) : (
          <p className="alert alert--error no-print">
            เนื้อหาที่เก็บอยู่ในระบบไม่ตรงกับที่ลงนาม จึงไม่พิมพ์รหัสตรวจสอบ โปรดแจ้งผู้ดูแลระบบ
          </p>
        )}
      </article>
    </>
  );
}
