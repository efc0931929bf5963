import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatCount, formatShare } from "~/domain/numbers";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GiftTable } from "~/components/registers";
import { hrGiftsPage } from "~/models/registers/hr-registers.server";
import { requireRole } from "~/utils/auth.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { clientIp } from "~/utils/request.server";
import { loadOrRefuse } from "~/utils/route.server";
import { RegisterFilter } from "~/components/register-filter";

export const meta: MetaFunction = () => [{ title: "ทะเบียนของขวัญ (กองการเจ้าหน้าที่) · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const divisionId = Number(new URL(request.url).searchParams.get("division")) || null;
  return json(
    await loadOrRefuse(() =>
      hrGiftsPage(
        { personId: user.id, roles: user.roles, ip: clientIp(context) },
        { fiscalYear: fiscalYearParam(request), divisionId },
      ),
    ),
  );
}

export default function HrGifts() {
  const data = useLoaderData<typeof loader>();
  const d = data.declarations;
  return (
    <>
      <div className="page-head">
        <h1>{`ทะเบียนของขวัญและประโยชน์ ปีงบประมาณ ${data.filter.fiscalYear}`}</h1>
        <a className="btn btn--secondary" href={`/hr/gifts.csv?year=${data.filter.fiscalYear}`} download>
          ดาวน์โหลด CSV
        </a>
      </div>
      <RegisterFilter
        fiscalYear={data.filter.fiscalYear}
        divisionId={data.filter.divisionId}
        divisions={data.divisions}
      />
      <section className="card" aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">{`รายงานเกินกำหนด ๓๐ วัน (ทุกปี) ${data.overdue.length} รายการ`}</h2>
        {data.overdue.length === 0 ? (
          <p className="alert alert--ok">ไม่มีรายงานที่เกินกำหนด</p>
        ) : (
          <GiftTable gifts={data.overdue} showPerson label="รายงานเกินกำหนด" />
        )}
      </section>
      <section className="card" aria-labelledby="register-heading">
        <h2 id="register-heading">{`ทะเบียน: ${formatCount(data.totals.count)} รายการ · ต้องรายงาน ${formatCount(data.totals.reported)} รายการ · มูลค่ารวม ${data.totals.valueSatang} บาท`}</h2>
        {data.gifts.length === 0 ? (
          <p className="muted">ไม่มีรายการในปีและหน่วยงานที่เลือก</p>
        ) : (
          <GiftTable gifts={data.gifts} showPerson label="ทะเบียนของขวัญ" />
        )}
      </section>
      <section className="card" aria-labelledby="declared-heading">
        <h2 id="declared-heading">{`คำยืนยัน No Gift ประจำปี: ยื่นแล้ว ${formatShare(d.declared, d.population)}`}</h2>
        <p className="muted">
          {`กลุ่มเป้าหมาย: ${d.groupName} · ปฏิบัติตามนโยบาย ${formatCount(d.compliant)} คน · ดูผลตัวชี้วัดที่ `}
          <Link to="/plan/items/16">แผนลำดับที่ 16</Link>
        </p>
        {d.missingCount === 0 ? (
          <p className="alert alert--ok">ทุกคนในกลุ่มเป้าหมายยื่นแล้ว</p>
        ) : (
          <details>
            <summary>{`ผู้ที่ยังไม่ยื่น ${d.missingCount} คน`}</summary>
            <ul className="missing-list">
              {d.missing.map((p) => (
                <li key={p.id}>{`${p.employeeNumber} ${p.name} · ${p.division}`}</li>
              ))}
            </ul>
            {d.missingCount > d.missing.length ? <p className="muted">{`แสดง ${d.missing.length} คนแรก`}</p> : null}
          </details>
        )}
      </section>
      <p>
        <Link to="/hr/declarations">คำแถลงส่วนได้เสีย (กองการเจ้าหน้าที่) ›</Link>
      </p>
    </>
  );
}
