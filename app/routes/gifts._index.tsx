import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GiftTable } from "~/components/registers";
import { formatThaiDateTime } from "~/domain/thai-date";
import { myGiftsPage } from "~/models/registers/gifts.server";
import { requireUser } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { loadOrRefuse } from "~/utils/route.server";
import { formatCount } from "~/domain/numbers";

export const meta: MetaFunction = () => [{ title: "ของขวัญและประโยชน์ · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await loadOrRefuse(() => myGiftsPage({ personId: user.id, roles: user.roles, ip: clientIp(context) })));
}

export default function Gifts() {
  const data = useLoaderData<typeof loader>();
  const overdueMine = data.mine.filter((g) => g.status === "overdue").length;
  return (
    <>
      <div className="page-head">
        <h1>ของขวัญและประโยชน์อื่นใด</h1>
        <div className="actions">
          <Link to="/gifts/new" className="btn">
            + บันทึกของขวัญ/ประโยชน์
          </Link>
          {data.isHr ? (
            <Link to="/hr/gifts" className="btn btn--secondary">
              ทะเบียนทั้งหมด (กองการเจ้าหน้าที่)
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">
        บันทึกทุกครั้งที่มีผู้เสนอหรือให้ของขวัญหรือประโยชน์แก่ท่าน ระบบจะบอกว่ารับได้หรือต้องรายงานผู้บังคับบัญชาภายใน ๓๐ วัน ตามนโยบาย No Gift
        Policy ของเทศบาล
      </p>
      <section className="card" aria-labelledby="declaration-heading">
        <h2 id="declaration-heading">{`คำยืนยัน No Gift ประจำปีงบประมาณ ${data.fiscalYear}`}</h2>
        {data.declaredAt ? (
          <p>
            <span className="badge badge--ok">{`ยื่นแล้วเมื่อ ${formatThaiDateTime(data.declaredAt)}`}</span>{" "}
            <Link to="/gifts/declaration">ดูคำยืนยัน</Link>
          </p>
        ) : (
          <p>
            <span className="badge badge--warn">ยังไม่ได้ยื่น</span> <Link to="/gifts/declaration">ยื่นคำยืนยันประจำปี</Link>
          </p>
        )}
      </section>
      {data.toDecide.length ? (
        <section className="card" aria-labelledby="decide-heading">
          <h2 id="decide-heading">{`รายงานที่รอท่านวินิจฉัย ${formatCount(data.toDecide.length)} รายการ`}</h2>
          <GiftTable gifts={data.toDecide} showPerson label="รายงานที่รอท่านวินิจฉัย" />
        </section>
      ) : null}
      <section className="card" aria-labelledby="mine-heading">
        <h2 id="mine-heading">รายการของท่าน</h2>
        {overdueMine ? (
          <p className="alert alert--error">{`มีรายงานเกินกำหนด ๓๐ วันที่ยังไม่ได้วินิจฉัย ${overdueMine} รายการ โปรดติดตามกับผู้บังคับบัญชา`}</p>
        ) : null}
        {data.mine.length === 0 ? (
          <p className="muted">ท่านยังไม่มีรายการในทะเบียน</p>
        ) : (
          <GiftTable gifts={data.mine} label="รายการของท่าน" />
        )}
      </section>
    </>
  );
}
