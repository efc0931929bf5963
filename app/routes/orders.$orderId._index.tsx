import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { FormError, TextField } from "~/components/form-field";
import { OrderStatusBadge } from "~/components/order-table";
import { failureOf, useActionResult } from "~/components/use-action-result";
import { formatOrderNumber } from "~/domain/delegation";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import {
  acknowledgeOrder,
  circulateOrder,
  returnToDraft,
  revokeOrder,
  signOrder,
  submitForSignature,
} from "~/models/orders/order-commands.server";
import { orderPage } from "~/models/orders/order-pages.server";
import { revokeSchema, signSchema } from "~/schemas/delegation-order";
import { requireUser } from "~/utils/auth.server";
import { validate } from "~/utils/forms";
import { idParam } from "~/utils/params.server";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { actOrRefuse, actionFailure, loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.order.title ?? "คำสั่ง"} · สุจริต` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const orderId = idParam(params.orderId, "ไม่พบคำสั่งนี้");
  return json(
    await loadOrRefuse(() => orderPage(orderId, { personId: user.id, roles: user.roles, ip: clientIp(context) })),
  );
}

// Each intent is one model command; the model reads the order once and checks it with `orderRefusal` (decision 044).
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const orderId = idParam(params.orderId, "ไม่พบคำสั่งนี้");
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const actor = { personId: user.id, roles: user.roles, ip: clientIp(context) };
  const values = { intent };
  const done = (message: string) => json({ ok: true as const, intent, message });
  const step = (run: () => Promise<unknown>, message: string) =>
    actOrRefuse(async () => {
      await run();
      return done(message);
    }, values);
  switch (intent) {
    case "submit":
      return step(() => submitForSignature(orderId, actor), "เสนอลงนามแล้ว");
    case "return":
      return step(() => returnToDraft(orderId, actor), "ดึงกลับเป็นร่างแล้ว");
    case "sign": {
      const parsed = validate(signSchema, { password: form.get("password") ?? "" });
      if (!parsed.success) return actionFailure({ fieldErrors: parsed.fieldErrors, values });
      const seen = form.get("version");
      return actOrRefuse(async () => {
        const { number, year } = await signOrder(
          orderId,
          parsed.data.password,
          actor,
          new Date(),
          typeof seen === "string" ? seen : undefined,
        );
        return done(`ลงนามแล้ว ได้เลขที่คำสั่ง ${formatOrderNumber(number, year)}`);
      }, values);
    }
    case "circulate":
      return actOrRefuse(
        async () => done(`แจ้งเวียนแล้ว ถึงผู้รับ ${(await circulateOrder(orderId, actor)).toLocaleString("th-TH")} คน`),
        values,
      );
    case "acknowledge":
      return step(() => acknowledgeOrder(orderId, actor), "บันทึกการรับทราบแล้ว");
    case "revoke": {
      const parsed = validate(revokeSchema, { reason: form.get("reason") ?? "" });
      if (!parsed.success) return actionFailure({ fieldErrors: parsed.fieldErrors, values });
      return step(() => revokeOrder(orderId, parsed.data.reason, actor), "ยกเลิกคำสั่งแล้ว");
    }
    default:
      return actionFailure({ formError: "ไม่รู้จักคำสั่งนี้", values });
  }
}

function Step({
  intent,
  label,
  pending,
  secondary,
}: {
  intent: string;
  label: string;
  pending: string;
  secondary?: boolean;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Form method="post">
      <button
        type="submit"
        name="intent"
        value={intent}
        className={`btn ${secondary ? "btn--secondary" : ""}`}
        disabled={navigation.state !== "idle"}
        aria-busy={busy || undefined}
      >
        {busy ? pending : label}
      </button>
    </Form>
  );
}

/** The delegator signs with their password, below the content they sign. */
function SignForm({ version, mayReturn }: { version: string; mayReturn: boolean }) {
  const result = useActionResult<typeof action>();
  const failure = failureOf(result);
  const navigation = useNavigation();
  const password = useRef<HTMLInputElement>(null);
  const signing = navigation.state !== "idle" && navigation.formData?.get("intent") === "sign";
  const error = failure?.values?.intent === "sign" ? (failure.fieldErrors?.password ?? failure.formError) : undefined;
  // After a wrong password: empty the box and put the cursor back in it, with the Thai message read out.
  useEffect(() => {
    if (error && password.current) {
      password.current.value = "";
      password.current.focus();
    }
  }, [failure, error]);
  return (
    <section className="card" aria-labelledby="sign-heading" data-testid="sign-card">
      <h2 id="sign-heading">ลงนามคำสั่งนี้</h2>
      <p>ท่านได้อ่านเนื้อหาคำสั่งข้างต้นแล้ว เมื่อลงนาม ระบบจะออกเลขที่คำสั่งและเนื้อหาจะแก้ไขไม่ได้อีก กรุณากรอกรหัสผ่านของท่านเพื่อยืนยันตัวตน</p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="sign" />
        <input type="hidden" name="version" value={version} />
        <TextField
          ref={password}
          label="รหัสผ่าน"
          name="password"
          type="password"
          autoComplete="current-password"
          error={error}
        />
        <div className="actions">
          <button type="submit" className="btn" disabled={navigation.state !== "idle"} aria-busy={signing || undefined}>
            {signing ? "กำลังลงนาม…" : "ลงนาม"}
          </button>
        </div>
      </Form>
      {mayReturn ? (
        <div className="actions">
          <p className="muted">ยังไม่พร้อมลงนาม? ส่งกลับให้ผู้ร่างแก้ไขได้</p>
          <Step intent="return" label="ดึงกลับเป็นร่าง" pending="กำลังดึงกลับ…" secondary />
        </div>
      ) : null}
    </section>
  );
}

export default function OrderPage() {
  const { order, can, acknowledgements, myAcknowledgement } = useLoaderData<typeof loader>();
  const result = useActionResult<typeof action>();
  const failure = failureOf(result);
  const acked = acknowledgements?.filter((a) => a.acknowledgedAt).length ?? 0;
  const fieldFailure = (intent: string, field: string) =>
    failure?.values?.intent === intent ? failure.fieldErrors?.[field] : undefined;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/orders">‹ คำสั่งมอบอำนาจ</Link>
      </p>
      <div className="page-head">
        <div>
          <p className="muted">{`คำสั่ง${order.division} ${order.label}`}</p>
          <h1>{order.title}</h1>
        </div>
        <OrderStatusBadge status={order.status} />
      </div>
      {result?.ok ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      {failure?.values?.intent !== "sign" ? <FormError message={failure?.formError} /> : null}
      {order.hashMatches === false ? (
        <div className="alert alert--error" role="alert" data-testid="hash-status">
          {order.verifyCode
            ? "⚠ ตรวจสอบแล้ว: เนื้อหาที่เก็บอยู่ในระบบไม่ตรงกับที่ลงนาม อาจถูกแก้ไขโดยไม่ชอบ โปรดแจ้งผู้ดูแลระบบ"
            : "⚠ คำสั่งนี้ยังไม่มีตราประทับของระบบ จึงยืนยันไม่ได้ว่าเนื้อหาตรงกับที่ลงนาม โปรดแจ้งผู้ดูแลระบบ"}
        </div>
      ) : order.hashMatches ? (
        <div className="alert alert--ok">
          <div data-testid="hash-status">✓ ตรวจสอบแล้ว: เนื้อหาตรงกับที่ลงนาม</div>
          <details>
            <summary>รายละเอียดสำหรับผู้ตรวจสอบ</summary>
            <dl>
              <dt>รหัสตรวจสอบ (พิมพ์บนคำสั่ง ตรวจได้ที่ /verify)</dt>
              <dd>{order.verifyCode}</dd>
              {order.contentHash ? (
                <>
                  <dt>SHA-256 ของเนื้อหาที่ลงนาม</dt>
                  <dd style={{ wordBreak: "break-all" }}>
                    <code>{order.contentHash}</code>
                  </dd>
                </>
              ) : null}
            </dl>
          </details>
        </div>
      ) : null}
      {order.endedAt ? (
        <div className="alert alert--error">{`${order.status === "revoked" ? "ยกเลิก" : "สิ้นผล"}เมื่อ ${formatThaiDate(order.endedAt)}: ${order.endReason}`}</div>
      ) : order.status === "expired" && order.effectiveUntil ? (
        <div className="alert alert--info">{`คำสั่งนี้หมดอายุแล้ว มีผลถึงวันที่ ${formatThaiDate(order.effectiveUntil)}`}</div>
      ) : null}

      <section className="card actions no-print" aria-label="การดำเนินการ">
        {can.edit ? (
          <Link to={`/orders/${order.id}/edit`} className="btn btn--secondary">
            แก้ไขร่าง
          </Link>
        ) : null}
        {can.submit ? <Step intent="submit" label="เสนอลงนาม" pending="กำลังเสนอ…" /> : null}
        {can.circulate ? <Step intent="circulate" label="แจ้งเวียน" pending="กำลังแจ้งเวียน…" /> : null}
        {can.acknowledge ? <Step intent="acknowledge" label="รับทราบคำสั่งนี้" pending="กำลังบันทึก…" /> : null}
        {can.returnToDraft && !can.sign ? (
          <Step intent="return" label="ดึงกลับเป็นร่าง" pending="กำลังดึงกลับ…" secondary />
        ) : null}
        {myAcknowledgement ? (
          <span className="badge badge--ok">{`ท่านรับทราบแล้วเมื่อ ${formatThaiDateTime(myAcknowledgement)}`}</span>
        ) : null}
        {can.sign ? <a href="#sign-heading">ไปที่ช่องลงนาม ↓</a> : null}
        {order.signedAt ? (
          <Link to={`/orders/${order.id}/print`} className="btn btn--secondary">
            ฉบับพิมพ์
          </Link>
        ) : null}
      </section>

      <section className="card" aria-labelledby="content-heading">
        <h2 id="content-heading">เนื้อหาคำสั่ง</h2>
        <dl>
          <dt>ผู้มอบอำนาจ</dt>
          <dd>{order.delegator}</dd>
          <dt>ผู้รับมอบอำนาจ</dt>
          <dd>
            <ul>
              {order.delegates.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </dd>
          <dt>มีผล</dt>
          <dd>{`ตั้งแต่ ${formatThaiDate(order.effectiveFrom)}${order.effectiveUntil ? ` ถึง ${formatThaiDate(order.effectiveUntil)}` : " เป็นต้นไป"}`}</dd>
          {order.supersedes ? (
            <>
              <dt>แทนที่คำสั่ง</dt>
              <dd>
                <Link to={`/orders/${order.supersedes.id}`}>{order.supersedes.label}</Link>
              </dd>
            </>
          ) : null}
          <dt>ผู้ร่าง</dt>
          <dd>{order.author}</dd>
          {order.signedAt ? (
            <>
              <dt>ลงนาม</dt>
              <dd>{`${order.signer} เมื่อ ${formatThaiDateTime(order.signedAt)}`}</dd>
            </>
          ) : null}
          <dt>แจ้งเวียนถึง</dt>
          <dd>{order.recipientDivisions.length ? order.recipientDivisions.join(", ") : "ผู้รับมอบอำนาจและบุคคลที่ระบุ"}</dd>
        </dl>
        <h3>อำนาจที่มอบ</h3>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>ประเภท</th>
                <th>อำนาจ</th>
                <th>ฐานอำนาจ</th>
                <th>ขอบเขต</th>
              </tr>
            </thead>
            <tbody>
              {order.powers.map((p, i) => (
                <tr key={i}>
                  <td>{p.kind}</td>
                  <td>{p.description}</td>
                  <td>{p.legalBasis}</td>
                  <td>
                    {p.ceilingBaht != null ? `วงเงินไม่เกิน ${p.ceilingBaht.toLocaleString("th-TH")} บาท` : ""}
                    {p.ceilingBaht != null && p.limits ? " · " : ""}
                    {p.limits ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>เนื้อความ</h3>
        <p className="order-body">{order.body}</p>
      </section>

      {can.sign ? <SignForm version={order.version} mayReturn={can.returnToDraft} /> : null}

      {can.revoke ? (
        <section className="card" aria-labelledby="revoke-heading">
          <h2 id="revoke-heading">ยกเลิกคำสั่ง</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="revoke" />
            <TextField label="เหตุผลการยกเลิก" name="reason" error={fieldFailure("revoke", "reason")} />
            <div>
              <button type="submit" className="btn btn--danger">
                ยกเลิกคำสั่ง
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {acknowledgements ? (
        <section className="card" aria-labelledby="ack-heading">
          <h2 id="ack-heading">{`การรับทราบ (${acked}/${acknowledgements.length})`}</h2>
          {acknowledgements.length === 0 ? (
            <p className="muted">{order.circulatedAt ? "ไม่มีผู้รับ" : "ยังไม่ได้แจ้งเวียน"}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>ผู้รับ</th>
                    <th className="hide-narrow">หน่วยงาน</th>
                    <th>รับทราบ</th>
                  </tr>
                </thead>
                <tbody>
                  {acknowledgements.map((a) => (
                    <tr key={a.id}>
                      <td>{`${a.name} (${a.employeeNumber})${a.named ? " ★" : ""}`}</td>
                      <td className="hide-narrow">{a.division}</td>
                      <td>
                        {a.acknowledgedAt ? (
                          formatThaiDateTime(a.acknowledgedAt)
                        ) : (
                          <span className="badge badge--warn">ยังไม่รับทราบ</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="muted">★ ผู้รับมอบอำนาจหรือผู้ที่ระบุชื่อ</p>
        </section>
      ) : null}
    </>
  );
}
