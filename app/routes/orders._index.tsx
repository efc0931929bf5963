import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, NavLink, useLoaderData } from "@remix-run/react";
import { OrderTable } from "~/components/order-table";
import { PersonPicker } from "~/components/person-picker";
import { ORDER_STANDING_LABELS, ORDER_STATUSES } from "~/domain/delegation";
import { ordersPage, type OrderView } from "~/models/orders/order-pages.server";
import { requireUser } from "~/utils/auth.server";
import { clientIp } from "~/utils/request.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "คำสั่งมอบอำนาจ · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(
    await loadOrRefuse(() =>
      ordersPage({ personId: user.id, roles: user.roles, ip: clientIp(context) }, new URL(request.url).searchParams),
    ),
  );
}

const EMPTY: Record<Exclude<OrderView, "inbox">, string> = {
  mine: "ท่านยังไม่มีร่างคำสั่ง",
  all: "ไม่พบคำสั่งตามเงื่อนไขที่เลือก",
};

export default function Orders() {
  const data = useLoaderData<typeof loader>();
  const tab = (view: OrderView, label: string, count?: number) => (
    <NavLink
      to={`/orders?view=${view}`}
      className={() => (data.view === view ? "tab is-active" : "tab")}
      aria-current={data.view === view ? "page" : undefined}
    >
      {label}
      {count ? <span className="badge badge--warn">{count}</span> : null}
    </NavLink>
  );
  return (
    <>
      <div className="page-head">
        <h1>คำสั่งมอบอำนาจ</h1>
        <div className="actions">
          <Link to="/orders/powers" className="btn btn--secondary">
            ใครมีอำนาจอนุมัติ?
          </Link>
          {data.mayDraft ? (
            <Link to="/orders/new" className="btn">
              + ร่างคำสั่งใหม่
            </Link>
          ) : null}
        </div>
      </div>
      <nav className="tabs" aria-label="มุมมอง">
        {tab("inbox", "รอท่านดำเนินการ", data.counts.inbox)}
        {tab("mine", "ร่างของฉัน", data.counts.mine)}
        {tab("all", "ทั้งหมด")}
      </nav>
      {data.view === "all" ? (
        <Form method="get" className="card row row--end" role="search">
          <input type="hidden" name="view" value="all" />
          <div className="field">
            <label htmlFor="q">ค้นหา</label>
            <input id="q" name="q" defaultValue={data.filters.q} placeholder="เรื่องหรือเนื้อความ" />
          </div>
          <div className="field">
            <label htmlFor="division">หน่วยงาน</label>
            <select id="division" name="division" defaultValue={String(data.filters.division)}>
              <option value="">ทุกหน่วยงาน</option>
              {data.divisions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="status">สถานะ</label>
            <select id="status" name="status" defaultValue={data.filters.status}>
              <option value="">ทุกสถานะ</option>
              {[...ORDER_STATUSES, "expired" as const].map((s) => (
                <option key={s} value={s}>
                  {ORDER_STANDING_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="year">ปี (พ.ศ.)</label>
            <input
              id="year"
              name="year"
              inputMode="numeric"
              defaultValue={String(data.filters.year)}
              placeholder={String(data.thisYear)}
            />
          </div>
          <div className="field">
            <PersonPicker label="ผู้รับมอบอำนาจ (ชื่อหรือเลขประจำตัว)" name="delegate" defaultValue={data.filters.delegate} />
          </div>
          <div>
            <button type="submit" className="btn">
              ค้นหา
            </button>
          </div>
        </Form>
      ) : null}
      {data.view === "inbox" ? (
        <>
          <p className="muted">
            คำสั่งที่รอให้ท่านลงนามหรือรับทราบ คำสั่งที่หมดอายุ ถูกแทนที่ หรือถูกยกเลิกแล้ว และคำสั่งที่ท่านร่างหรือลงนามเอง จะไม่อยู่ในรายการนี้
          </p>
          <section aria-labelledby="to-sign-heading">
            <h2 id="to-sign-heading">{`รอท่านลงนาม (${data.toSign.length.toLocaleString("th-TH")})`}</h2>
            <OrderTable rows={data.toSign} empty="ไม่มีคำสั่งที่รอท่านลงนาม" />
          </section>
          <section aria-labelledby="to-ack-heading">
            <h2 id="to-ack-heading">{`รอท่านรับทราบ (${data.toAcknowledge.length.toLocaleString("th-TH")})`}</h2>
            <OrderTable rows={data.toAcknowledge} empty="ไม่มีคำสั่งที่รอท่านรับทราบ" />
          </section>
        </>
      ) : (
        <OrderTable rows={data.rows} empty={EMPTY[data.view]} />
      )}
    </>
  );
}
