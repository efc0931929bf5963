import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ThaiDateField } from "~/components/thai-date-field";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { PersonPicker } from "~/components/person-picker";
import { formatThaiDateTime } from "~/domain/thai-date";
import { auditLogPage } from "~/models/audit-log.server";
import { requireRole } from "~/utils/auth.server";
import { pageParam } from "~/utils/params.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "บันทึกการตรวจสอบ · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const param = (name: string) => url.searchParams.get(name) ?? "";
  const filters = {
    action: param("action"),
    actor: param("actor"),
    entity: param("entity"),
    from: param("from"),
    to: param("to"),
    page: pageParam(url),
  };
  return json(await loadOrRefuse(() => auditLogPage(filters)));
}

export default function AuditLogPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>บันทึกการตรวจสอบ</h1>
      <ChainStatus chain={data.chain} />
      <p className="muted">ทุกการเปลี่ยนแปลงสำคัญถูกบันทึกไว้และแก้ไขไม่ได้</p>
      <Form method="get" className="card row row--end" aria-label="กรองบันทึก">
        <div className="field">
          <label htmlFor="action">การกระทำ</label>
          <select id="action" name="action" defaultValue={data.filters.action}>
            <option value="">ทั้งหมด</option>
            {data.actions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <PersonPicker label="ผู้กระทำ (ชื่อหรือเลขประจำตัว)" name="actor" defaultValue={data.filters.actor} />
        </div>
        <div className="field">
          <label htmlFor="entity">รายการ</label>
          <input
            id="entity"
            name="entity"
            defaultValue={data.filters.entity}
            placeholder="เช่น เลขประจำตัวบุคลากร หรือเลขที่รายการ"
          />
        </div>
        <ThaiDateField label="ตั้งแต่วันที่" name="from" defaultValue={data.filters.from} />
        <ThaiDateField label="ถึงวันที่" name="to" defaultValue={data.filters.to} />
        <div>
          <button type="submit" className="btn">
            กรอง
          </button>
        </div>
      </Form>
      {data.rows.length === 0 ? (
        <p className="card muted">ไม่พบบันทึกตามเงื่อนไขที่เลือก</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>เวลา</th>
                <th>ผู้กระทำ</th>
                <th>การกระทำ</th>
                <th>รายการ</th>
                <th className="hide-narrow">รายละเอียด</th>
                <th className="hide-narrow">IP</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatThaiDateTime(r.at)}</td>
                  <td>{r.actor}</td>
                  <td>{r.action}</td>
                  <td>{r.entity}</td>
                  <td className="hide-narrow">
                    {r.before || r.after ? (
                      <details>
                        <summary>ดู</summary>
                        {r.before ? <pre>ก่อน: {r.before}</pre> : null}
                        {r.after ? <pre>หลัง: {r.after}</pre> : null}
                      </details>
                    ) : null}
                  </td>
                  <td className="hide-narrow">{r.ip ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={data.page} pageCount={data.pageCount} total={data.total} />
    </>
  );
}

type Chain = ReturnType<typeof useLoaderData<typeof loader>>["chain"];

/** The hash chain over the log (decision 022): intact, or where it breaks. */
function ChainStatus({ chain }: { chain: Chain }) {
  if (chain.ok) {
    return (
      <p className="alert alert--ok" data-testid="audit-chain">
        {`✓ ตรวจสอบห่วงโซ่แล้ว: บันทึกทั้ง ${chain.rows.toLocaleString("th-TH")} รายการครบถ้วน ไม่มีรายการถูกแก้ไข ลบ หรือแทรก`}
      </p>
    );
  }
  return (
    <div className="alert alert--error" role="alert" data-testid="audit-chain">
      <p>{`⚠ ห่วงโซ่บันทึกขาด ${chain.breakCount.toLocaleString("th-TH")} จุด: บันทึกถูกแก้ไขนอกระบบ โปรดตรวจสอบกับสำเนาสำรอง`}</p>
      <ul>
        {chain.breaks.map((b) => (
          <li key={`${b.id}-${b.label}`}>{`รายการที่ ${b.id}: ${b.label}`}</li>
        ))}
      </ul>
    </div>
  );
}
