import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, NavLink, useLoaderData } from "@remix-run/react";
import { OrderTable } from "~/components/order-table";
import { ORDER_STATUSES, ORDER_STATUS_LABELS } from "~/domain/delegation";
import { bangkokCalendarDate, toBuddhistYear } from "~/domain/thai-date";
import { listOrders, myDrafts, ordersToAcknowledge, ordersToSign } from "~/models/delegation-queries.server";
import { mayDraft } from "~/models/delegation-orders.server";
import { toOrderRow } from "~/models/order-rows.server";
import { listDivisionOptions } from "~/models/people/organization.server";
import { resolvePersonNumber } from "~/models/people/search.server";
import { PersonPicker } from "~/components/person-picker";
import { requireUser } from "~/utils/auth.server";
import { parseId } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "คำสั่งมอบหมายงาน · สุจริต" }];

const VIEWS = ["inbox", "sign", "mine", "all"] as const;
type View = (typeof VIEWS)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const view = (VIEWS as readonly string[]).includes(url.searchParams.get("view") ?? "") ? (url.searchParams.get("view") as View) : "all";
  const filters = {
    divisionId: parseId(url.searchParams.get("division")) ?? undefined,
    status: url.searchParams.get("status") || undefined,
    year: Number(url.searchParams.get("year")) || undefined,
    delegate: (await resolvePersonNumber(url.searchParams.get("delegate") ?? "")) || undefined,
    q: url.searchParams.get("q")?.trim() || undefined,
  };
  const actor = { personId: user.id, roles: user.roles, ip: null };
  const [toSign, toAck, drafts] = await Promise.all([ordersToSign(user.id), ordersToAcknowledge(user.id), myDrafts(user.id)]);
  const rows =
    view === "sign"
      ? toSign
      : view === "inbox"
        ? toAck
        : view === "mine"
          ? drafts
          : await listOrders(filters, { personId: user.id, mayReadDrafts: user.roles.includes("hr") || user.roles.includes("admin") });
  return json({
    view,
    filters: { division: filters.divisionId ?? "", status: filters.status ?? "", year: filters.year ?? "", delegate: filters.delegate ?? "", q: filters.q ?? "" },
    counts: { sign: toSign.length, inbox: toAck.length, mine: drafts.length },
    mayDraft: mayDraft(actor),
    divisions: view === "all" ? (await listDivisionOptions()).filter((d) => d.depth === 0) : [],
    thisYear: toBuddhistYear(bangkokCalendarDate(new Date()).year),
    rows: rows.map(toOrderRow),
  });
}

const EMPTY: Record<View, string> = {
  sign: "ไม่มีคำสั่งที่รอท่านลงนาม",
  inbox: "ไม่มีคำสั่งที่รอท่านรับทราบ",
  mine: "ท่านยังไม่มีร่างคำสั่ง",
  all: "ไม่พบคำสั่งตามเงื่อนไขที่เลือก",
};

export default function Orders() {
  const data = useLoaderData<typeof loader>();
  const tab = (view: View, label: string, count?: number) => (
    <NavLink to={`/orders?view=${view}`} className={() => (data.view === view ? "tab is-active" : "tab")} aria-current={data.view === view ? "page" : undefined}>
      {label}
      {count ? <span className="badge badge--warn">{count}</span> : null}
    </NavLink>
  );
  return (
    <>
      <div className="page-head">
        <h1>คำสั่งมอบหมายงาน</h1>
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
        {tab("inbox", "รอรับทราบ", data.counts.inbox)}
        {tab("sign", "รอลงนาม", data.counts.sign)}
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
              {ORDER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ORDER_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="year">ปี (พ.ศ.)</label>
            <input id="year" name="year" inputMode="numeric" defaultValue={String(data.filters.year)} placeholder={String(data.thisYear)} />
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
      <OrderTable rows={data.rows} empty={EMPTY[data.view]} />
    </>
  );
}
