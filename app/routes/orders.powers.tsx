import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ThaiDateField } from "~/components/thai-date-field";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PersonPicker } from "~/components/person-picker";
import { POWER_KINDS, POWER_KIND_LABELS, type PowerKind } from "~/domain/delegation";
import { formatThaiDate } from "~/domain/thai-date";
import { powersPage } from "~/models/orders/order-pages.server";
import { requireUser } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "ใครมีอำนาจอนุมัติ · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = { personId: user.id, roles: user.roles, ip: clientIp(context), employeeNumber: user.employeeNumber };
  return json(await loadOrRefuse(() => powersPage(viewer, new URL(request.url).searchParams)));
}

export default function PowersHeld() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/orders">‹ คำสั่งมอบอำนาจ</Link>
      </p>
      <h1>ใครมีอำนาจอนุมัติ?</h1>
      <section className="card" aria-labelledby="ask-heading">
        <h2 id="ask-heading">ใครสั่งการ อนุญาต หรืออนุมัติเรื่องนี้ได้</h2>
        <Form method="get" className="row row--end" role="search" aria-labelledby="ask-heading">
          <div className="field">
            <label htmlFor="kind">ประเภทอำนาจ</label>
            <select id="kind" name="kind" defaultValue={data.ask.kind}>
              {POWER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {POWER_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="amount">จำนวนเงิน (บาท, ถ้ามี)</label>
            <input
              id="amount"
              name="amount"
              inputMode="decimal"
              defaultValue={data.ask.amount}
              aria-invalid={data.ask.amountError ? true : undefined}
              aria-describedby={data.ask.amountError ? "amount-error" : undefined}
            />
            {data.ask.amountError ? (
              <span className="field-error" id="amount-error" role="alert">
                {data.ask.amountError}
              </span>
            ) : null}
          </div>
          <ThaiDateField label="ณ วันที่" name="date" defaultValue={data.query.date} />
          <div>
            <button type="submit" className="btn">
              ค้นหาผู้มีอำนาจ
            </button>
          </div>
        </Form>
        {data.approvers ? (
          data.approvers.length === 0 ? (
            <p
              className="alert alert--info"
              role="status"
            >{`ไม่พบผู้ได้รับมอบอำนาจ${POWER_KIND_LABELS[data.ask.kind as PowerKind]}${data.ask.amountValue != null ? ` วงเงิน ${data.ask.amountValue.toLocaleString("th-TH")} บาท` : ""} ตามคำสั่งที่ลงนามและมีผล ณ วันที่ ${formatThaiDate(data.at)} — อำนาจยังอยู่ที่ผู้บังคับบัญชาตามกฎหมาย`}</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="approvers">
                <caption>{`ผู้${POWER_KIND_LABELS[data.ask.kind as PowerKind]}ได้${data.ask.amountValue != null ? ` วงเงิน ${data.ask.amountValue.toLocaleString("th-TH")} บาท` : ""} ณ วันที่ ${formatThaiDate(data.at)}: ${data.approvers.length.toLocaleString("th-TH")} รายการ`}</caption>
                <thead>
                  <tr>
                    <th>ผู้มีอำนาจ</th>
                    <th>อำนาจ</th>
                    <th>ขอบเขต</th>
                    <th>ตามคำสั่ง</th>
                  </tr>
                </thead>
                <tbody>
                  {data.approvers.map((a, i) => (
                    <tr key={i}>
                      <td>
                        {a.name}
                        <div className="muted">{`${a.employeeNumber} · ${a.position} · ${a.unit}${a.via === "position" ? " (มอบให้ตำแหน่ง)" : ""}`}</div>
                      </td>
                      <td>{a.power}</td>
                      <td>{a.limits}</td>
                      <td>
                        <Link to={`/orders/${a.orderId}`}>{a.orderLabel}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : null}
      </section>
      <h2>อำนาจที่บุคคลได้รับมอบ</h2>
      <p className="muted">อำนาจที่บุคคลได้รับมอบตามคำสั่งที่มีผลในวันที่เลือก (ทั้งที่มอบให้ตัวบุคคลและให้ตำแหน่งที่ดำรงอยู่)</p>
      <Form method="get" className="card row row--end" role="search">
        <PersonPicker label="บุคลากร (ชื่อหรือเลขประจำตัว)" name="person" defaultValue={data.query.person} />
        <ThaiDateField label="ณ วันที่" name="date" defaultValue={data.query.date} />
        <div>
          <button type="submit" className="btn">
            ตรวจสอบ
          </button>
        </div>
      </Form>
      {!data.person ? (
        <p className="alert alert--error">{`ไม่พบบุคลากรเลขประจำตัว ${data.query.person}`}</p>
      ) : (
        <section className="card" aria-labelledby="powers-heading">
          <h2 id="powers-heading">{`${data.person.name} · ${data.person.position} · ณ วันที่ ${formatThaiDate(data.at)}`}</h2>
          {data.powers.length === 0 ? (
            <p className="muted">ไม่มีอำนาจที่ได้รับมอบตามคำสั่งที่มีผลในวันที่เลือก</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>ประเภท</th>
                    <th>อำนาจ</th>
                    <th>ขอบเขต</th>
                    <th>ฐานอำนาจ</th>
                    <th>ตามคำสั่ง</th>
                  </tr>
                </thead>
                <tbody>
                  {data.powers.map((p, i) => (
                    <tr key={i}>
                      <td>{p.kind}</td>
                      <td>{p.description}</td>
                      <td>{p.limits}</td>
                      <td>{p.legalBasis}</td>
                      <td>
                        <Link to={`/orders/${p.orderId}`}>{p.orderLabel}</Link>
                        <div className="muted">{`มอบโดย ${p.delegator}`}</div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
