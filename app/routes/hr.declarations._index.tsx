import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatCount, formatShare } from "~/domain/numbers";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DeclarationTable } from "~/components/declarations";
import { hrDeclarationsPage } from "~/models/registers/hr-registers.server";
import { requireRole } from "~/utils/auth.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { clientIp } from "~/utils/request.server";
import { loadOrRefuse } from "~/utils/route.server";
import { RegisterFilter } from "~/components/register-filter";

export const meta: MetaFunction = () => [{ title: "คำแถลงส่วนได้เสีย (กองการเจ้าหน้าที่) · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const divisionId = Number(new URL(request.url).searchParams.get("division")) || null;
  return json(
    await loadOrRefuse(() =>
      hrDeclarationsPage(
        { personId: user.id, roles: user.roles, ip: clientIp(context) },
        { fiscalYear: fiscalYearParam(request), divisionId },
      ),
    ),
  );
}

export default function HrDeclarations() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>{`คำแถลงส่วนได้เสีย ปีงบประมาณ ${data.filter.fiscalYear}`}</h1>
        <Link to="/hr/declarations/positions" className="btn btn--secondary">
          ตารางความเสี่ยงตามตำแหน่ง (โครงการที่ ๕)
        </Link>
      </div>
      <RegisterFilter
        fiscalYear={data.filter.fiscalYear}
        divisionId={data.filter.divisionId}
        divisions={data.divisions}
      />
      <section className="card" aria-labelledby="yearly-heading">
        <h2 id="yearly-heading">{`คำแถลงประจำปี: ยื่นแล้ว ${formatShare(data.yearly.declared, data.yearly.population)} (พนักงานเทศบาล ลูกจ้างประจำ และพนักงานจ้าง)`}</h2>
        {data.yearly.missingCount === 0 ? (
          <p className="alert alert--ok">ทุกคนยื่นแล้ว</p>
        ) : (
          <details>
            <summary>{`ผู้ที่ยังไม่ยื่น ${formatCount(data.yearly.missingCount)} คน`}</summary>
            <ul className="missing-list">
              {data.missing.map((p) => (
                <li key={p.id}>{`${p.employeeNumber} ${p.name} · ${p.division}`}</li>
              ))}
            </ul>
            {data.yearly.missingCount > data.missing.length ? (
              <p className="muted">{`แสดง ${formatCount(data.missing.length)} คนแรก`}</p>
            ) : null}
          </details>
        )}
      </section>
      <section className="card" aria-labelledby="all-heading">
        <h2 id="all-heading">{`คำแถลงทั้งหมด ${formatCount(data.declarations.length)} รายการ`}</h2>
        {data.declarations.length === 0 ? (
          <p className="muted">ไม่มีคำแถลงในปีและหน่วยงานที่เลือก</p>
        ) : (
          <DeclarationTable declarations={data.declarations} showPerson label="คำแถลงทั้งหมด" />
        )}
      </section>
    </>
  );
}
