import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, TextField } from "~/components/form-field";
import { OrderStatusBadge } from "~/components/order-table";
import { POWER_KIND_LABELS, formatOrderCode, formatOrderNumber, type PowerKind } from "~/domain/delegation";
import { fullName } from "~/domain/personnel";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import {
  OrderError,
  acknowledgeOrder,
  canView,
  circulateOrder,
  findOrder,
  hashMatches,
  returnToDraft,
  revokeOrder,
  signOrder,
  submitForSignature,
} from "~/models/delegation-orders.server";
import { revokeSchema, signSchema } from "~/schemas/delegation-order";
import { isRefusal } from "~/domain/refusal";
import { requireUser, type CurrentUser } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { validate, type FieldErrors } from "~/utils/forms";
import { httpError } from "~/utils/http.server";
import { clientIp } from "~/utils/request.server";
import { readFormData } from "~/utils/request-body.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.order.title ?? "คำสั่ง"} · สุจริต` }];

async function visibleOrder(user: CurrentUser, orderId: string | undefined) {
  const order = await findOrder(db, idParam(orderId, "ไม่พบคำสั่งนี้")).catch((error) => {
    if (error instanceof OrderError) httpError(error.status, error.message);
    throw error;
  });
  if (!canView(order, { personId: user.id, roles: user.roles, ip: null })) httpError(404, "ไม่พบคำสั่งนี้");
  return order;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const order = await visibleOrder(user, params.orderId);
  const isHr = user.roles.includes("hr") || user.roles.includes("admin");
  const isAuthor = order.authorId === user.id;
  const isDelegator = order.delegatorId === user.id;
  const acknowledgements = await db.delegationAcknowledgement.findMany({
    where: { orderId: order.id },
    include: { person: { include: { division: true } } },
    orderBy: [{ named: "desc" }, { acknowledgedAt: "asc" }],
  });
  const mine = acknowledgements.find((a) => a.personId === user.id);
  const seeAcknowledgements = isHr || isAuthor || isDelegator;
  return json({
    order: {
      id: order.id,
      label: formatOrderNumber(order.number, order.year),
      title: order.title,
      body: order.body,
      status: order.status,
      division: order.issuingDivision.name,
      delegator: `${fullName(order.delegator)} · ${order.delegator.position}`,
      author: fullName(order.author),
      effectiveFrom: order.effectiveFrom.toISOString(),
      effectiveUntil: order.effectiveUntil?.toISOString() ?? null,
      signedAt: order.signedAt?.toISOString() ?? null,
      signer: order.signerName ? `${order.signerName} · ${order.signerPosition}` : null,
      circulatedAt: order.circulatedAt?.toISOString() ?? null,
      endedAt: order.endedAt?.toISOString() ?? null,
      endReason: order.endReason,
      supersedes: order.supersedes ? { id: order.supersedes.id, label: formatOrderNumber(order.supersedes.number, order.supersedes.year) } : null,
      verifyCode: order.verifyCode ? formatOrderCode(order.verifyCode) : null,
      version: order.updatedAt.toISOString(),
      hashMatches: hashMatches(order),
      delegates: order.delegates.map((d) => (d.person ? `${fullName(d.person)} (${d.person.employeeNumber}) · ${d.person.position}` : `ผู้ดำรงตำแหน่ง${d.positionTitle}`)),
      powers: order.powers.map((p) => ({ kind: POWER_KIND_LABELS[p.kind as PowerKind] ?? p.kind, description: p.description, legalBasis: p.legalBasis, limits: p.limits, ceilingBaht: p.ceilingBaht })),
      recipientDivisions: order.recipientDivisions.map((r) => r.division.name),
    },
    can: {
      edit: isAuthor && order.status === "draft",
      submit: isAuthor && order.status === "draft",
      returnToDraft: (isAuthor || isDelegator) && order.status === "submitted",
      sign: isDelegator && order.status === "submitted",
      circulate: (isAuthor || isDelegator || isHr) && order.status === "signed",
      revoke: (isDelegator || isHr) && (order.status === "signed" || order.status === "circulated"),
      acknowledge: Boolean(mine && !mine.acknowledgedAt && order.circulatedAt),
    },
    myAcknowledgement: mine?.acknowledgedAt?.toISOString() ?? null,
    acknowledgements: seeAcknowledgements
      ? acknowledgements.map((a) => ({
          id: a.id,
          name: fullName(a.person),
          employeeNumber: a.person.employeeNumber,
          division: a.person.division.name,
          named: a.named,
          acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
        }))
      : null,
  });
}

type Result = { intent: string; ok?: string; error?: string; fieldErrors?: FieldErrors };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const order = await visibleOrder(user, params.orderId);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const actor = { personId: user.id, roles: user.roles, ip: clientIp(context) };
  const done = (ok: string) => json<Result>({ intent, ok });
  try {
    switch (intent) {
      case "submit":
        await submitForSignature(order.id, actor);
        return done("เสนอลงนามแล้ว");
      case "return":
        await returnToDraft(order.id, actor);
        return done("ดึงกลับเป็นร่างแล้ว");
      case "sign": {
        const parsed = validate(signSchema, { password: form.get("password") ?? "" });
        if (!parsed.success) return json<Result>({ intent, fieldErrors: parsed.fieldErrors }, { status: 400 });
        const seen = form.get("version");
        const { number, year } = await signOrder(order.id, parsed.data.password, actor, new Date(), typeof seen === "string" ? seen : undefined);
        return done(`ลงนามแล้ว ได้เลขที่คำสั่ง ${formatOrderNumber(number, year)}`);
      }
      case "circulate": {
        const count = await circulateOrder(order.id, actor);
        return done(`แจ้งเวียนแล้ว ถึงผู้รับ ${count} คน`);
      }
      case "acknowledge":
        await acknowledgeOrder(order.id, actor);
        return done("บันทึกการรับทราบแล้ว");
      case "revoke": {
        const parsed = validate(revokeSchema, { reason: form.get("reason") ?? "" });
        if (!parsed.success) return json<Result>({ intent, fieldErrors: parsed.fieldErrors }, { status: 400 });
        await revokeOrder(order.id, parsed.data.reason, actor);
        return done("ยกเลิกคำสั่งแล้ว");
      }
      default:
        return json<Result>({ intent, error: "ไม่รู้จักคำสั่งนี้" }, { status: 400 });
    }
  } catch (error) {
    if (isRefusal(error)) return json<Result>({ intent, error: error.message }, { status: error.status });
    if (!(error instanceof OrderError)) throw error;
    const result: Result = error.field ? { intent, fieldErrors: { [error.field]: error.message } } : { intent, error: error.message };
    return json<Result>(result, { status: error.status });
  }
}

function Step({ intent, label, danger }: { intent: string; label: string; danger?: boolean }) {
  const navigation = useNavigation();
  return (
    <Form method="post">
      <button type="submit" name="intent" value={intent} className={`btn ${danger ? "btn--danger" : ""}`} disabled={navigation.state !== "idle"}>
        {label}
      </button>
    </Form>
  );
}

export default function OrderPage() {
  const { order, can, acknowledgements, myAcknowledgement } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as Result | undefined;
  const acked = acknowledgements?.filter((a) => a.acknowledgedAt).length ?? 0;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/orders">‹ คำสั่งมอบหมายงาน</Link>
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
          {result.ok}
        </div>
      ) : null}
      <FormError message={result?.error} />
      {order.hashMatches === false ? (
        <div className="alert alert--error" role="alert" data-testid="hash-status">
          {order.verifyCode
            ? "⚠ ตรวจสอบแล้ว: เนื้อหาที่เก็บอยู่ในระบบไม่ตรงกับที่ลงนาม อาจถูกแก้ไขโดยไม่ชอบ โปรดแจ้งผู้ดูแลระบบ"
            : "⚠ คำสั่งนี้ยังไม่มีตราประทับของระบบ จึงยืนยันไม่ได้ว่าเนื้อหาตรงกับที่ลงนาม โปรดแจ้งผู้ดูแลระบบ"}
        </div>
      ) : order.hashMatches ? (
        <p className="alert alert--ok" data-testid="hash-status">
          {`✓ ตรวจสอบแล้ว: เนื้อหาตรงกับที่ลงนาม · รหัสตรวจสอบ ${order.verifyCode}`}
        </p>
      ) : null}
      {order.endedAt ? (
        <div className="alert alert--error">{`${order.status === "revoked" ? "ยกเลิก" : "สิ้นผล"}เมื่อ ${formatThaiDate(order.endedAt)}: ${order.endReason}`}</div>
      ) : null}

      <section className="card actions no-print" aria-label="การดำเนินการ">
        {can.edit ? (
          <Link to={`/orders/${order.id}/edit`} className="btn btn--secondary">
            แก้ไขร่าง
          </Link>
        ) : null}
        {can.submit ? <Step intent="submit" label="เสนอลงนาม" /> : null}
        {can.returnToDraft ? <Step intent="return" label="ดึงกลับเป็นร่าง" /> : null}
        {can.circulate ? <Step intent="circulate" label="แจ้งเวียน" /> : null}
        {can.acknowledge ? <Step intent="acknowledge" label="รับทราบคำสั่งนี้" /> : null}
        {myAcknowledgement ? <span className="badge badge--ok">{`ท่านรับทราบแล้วเมื่อ ${formatThaiDateTime(myAcknowledgement)}`}</span> : null}
        {order.signedAt ? (
          <Link to={`/orders/${order.id}/print`} className="btn btn--secondary">
            ฉบับพิมพ์
          </Link>
        ) : null}
      </section>

      {can.sign ? (
        <section className="card" aria-labelledby="sign-heading">
          <h2 id="sign-heading">ลงนาม</h2>
          <p>เมื่อลงนามแล้ว ระบบจะออกเลขที่คำสั่งและเนื้อหาจะแก้ไขไม่ได้อีก กรุณากรอกรหัสผ่านเพื่อยืนยันตัวตน</p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="sign" />
            <input type="hidden" name="version" value={order.version} />
            <TextField label="รหัสผ่าน" name="password" type="password" autoComplete="current-password" error={result?.intent === "sign" ? result.fieldErrors?.password : undefined} />
            <div>
              <button type="submit" className="btn">
                ลงนามคำสั่ง
              </button>
            </div>
          </Form>
        </section>
      ) : null}

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

      {can.revoke ? (
        <section className="card" aria-labelledby="revoke-heading">
          <h2 id="revoke-heading">ยกเลิกคำสั่ง</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="revoke" />
            <TextField label="เหตุผลการยกเลิก" name="reason" error={result?.intent === "revoke" ? result.fieldErrors?.reason : undefined} />
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
                      <td>{a.acknowledgedAt ? formatThaiDateTime(a.acknowledgedAt) : <span className="badge badge--warn">ยังไม่รับทราบ</span>}</td>
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
