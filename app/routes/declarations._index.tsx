import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DeclarationTable } from "~/components/declarations";
import { myDeclarationsPage } from "~/models/registers/declarations.server";
import { requireUser } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { loadOrRefuse } from "~/utils/route.server";
import { formatCount } from "~/domain/numbers";

export const meta: MetaFunction = () => [{ title: "แสดงส่วนได้เสีย · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    ...(await loadOrRefuse(() => myDeclarationsPage({ personId: user.id, roles: user.roles, ip: clientIp(context) }))),
    isHr: user.roles.includes("hr") || user.roles.includes("admin"),
  });
}

export default function Declarations() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>แสดงส่วนได้เสีย (ผลประโยชน์ทับซ้อน)</h1>
        <div className="actions">
          {data.yearlyDone ? null : (
            <Link to="/declarations/new?kind=yearly" className="btn">
              {`+ คำแถลงประจำปี ${data.fiscalYear}`}
            </Link>
          )}
          <Link to="/declarations/new?kind=case" className="btn btn--secondary">
            + คำแถลงรายกรณี (ได้รับแต่งตั้งเป็นกรรมการ)
          </Link>
          {data.isHr ? (
            <Link to="/hr/declarations" className="btn btn--secondary">
              ทั้งหมด (กองการเจ้าหน้าที่)
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">
        ยื่นคำแถลงประจำปีปีละครั้ง และยื่นรายกรณีทุกครั้งที่ได้รับแต่งตั้งให้พิจารณาเรื่องใด (คณะกรรมการจัดซื้อจัดจ้าง ตรวจรับพัสดุ เลื่อนขั้นเงินเดือน)
        ก่อนเริ่มปฏิบัติหน้าที่ หากมีส่วนได้เสีย ต้องงดเว้นการพิจารณาเรื่องนั้น
      </p>
      <section className="card" aria-labelledby="yearly-heading">
        <h2 id="yearly-heading">{`คำแถลงประจำปีงบประมาณ ${data.fiscalYear}`}</h2>
        {data.yearlyDone ? (
          <span className="badge badge--ok">ยื่นแล้ว</span>
        ) : (
          <span className="badge badge--warn">ยังไม่ได้ยื่น</span>
        )}
      </section>
      {data.toReview.length ? (
        <section className="card" aria-labelledby="review-heading">
          <h2 id="review-heading">{`คำแถลงที่รอท่านพิจารณา ${formatCount(data.toReview.length)} รายการ`}</h2>
          <DeclarationTable declarations={data.toReview} showPerson label="คำแถลงที่รอท่านพิจารณา" />
        </section>
      ) : null}
      <section className="card" aria-labelledby="mine-heading">
        <h2 id="mine-heading">คำแถลงของท่าน</h2>
        {data.mine.length === 0 ? (
          <p className="muted">ท่านยังไม่ได้ยื่นคำแถลง</p>
        ) : (
          <DeclarationTable declarations={data.mine} label="คำแถลงของท่าน" />
        )}
      </section>
    </>
  );
}
