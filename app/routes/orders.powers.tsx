import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { POWER_KIND_LABELS, formatOrderNumber, type PowerKind } from "~/domain/delegation";
import { fullName } from "~/domain/personnel";
import { bangkokMidnightUtc, formatThaiDate } from "~/domain/thai-date";
import { powersHeldBy } from "~/models/delegation-orders.server";
import { requireUser } from "~/utils/auth.server";
import { resolvePersonNumber } from "~/models/people/search.server";
import { PersonPicker } from "~/components/person-picker";
import { toDateInputValue } from "~/utils/dates";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "ใครมีอำนาจอนุมัติ · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const employeeNumber = (await resolvePersonNumber(url.searchParams.get("person") ?? "")) || user.employeeNumber;
  const dateParam = url.searchParams.get("date") ?? "";
  const match = dateParam.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  // Noon in Bangkok: "on that day" includes orders taking effect that morning.
  const at = match ? new Date(bangkokMidnightUtc(Number(match[1]), Number(match[2]), Number(match[3])).getTime() + 12 * 3_600_000) : new Date();
  const person = await db.person.findUnique({ where: { employeeNumber } });
  const powers = person ? await powersHeldBy(person.id, at) : [];
  return json({
    query: { person: employeeNumber, date: toDateInputValue(at) },
    at: at.toISOString(),
    person: person ? { name: fullName(person), position: person.position } : null,
    powers: powers.map(({ order, power }) => ({
      orderId: order.id,
      orderLabel: formatOrderNumber(order.number, order.year),
      orderTitle: order.title,
      kind: POWER_KIND_LABELS[power.kind as PowerKind] ?? power.kind,
      description: power.description,
      legalBasis: power.legalBasis,
      limits: [power.ceilingBaht != null ? `วงเงินไม่เกิน ${power.ceilingBaht.toLocaleString("th-TH")} บาท` : null, power.limits].filter(Boolean).join(" · "),
      delegator: fullName(order.delegator),
    })),
  });
}

export default function PowersHeld() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/orders">‹ คำสั่งมอบหมายงาน</Link>
      </p>
      <h1>ใครมีอำนาจอนุมัติ?</h1>
      <p className="muted">อำนาจที่บุคคลได้รับมอบตามคำสั่งที่มีผลในวันที่เลือก (ทั้งที่มอบให้ตัวบุคคลและให้ตำแหน่งที่ดำรงอยู่)</p>
      <Form method="get" className="card row row--end" role="search">
        <PersonPicker label="บุคลากร (ชื่อหรือเลขประจำตัว)" name="person" defaultValue={data.query.person} />
        <div className="field">
          <label htmlFor="date">ณ วันที่</label>
          <input id="date" name="date" type="date" defaultValue={data.query.date} />
        </div>
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
