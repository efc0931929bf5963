import type { Prisma } from "@prisma/client";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/pagination";
import { bangkokMidnightUtc, formatThaiDateTime } from "~/domain/thai-date";
import { CHAIN_BREAK_LABELS, verifyAuditChain } from "~/models/audit-chain.server";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "~/utils/audit.server";
import { requireRole } from "~/utils/auth.server";
import { resolvePersonNumber } from "~/models/people/search.server";
import { PersonPicker } from "~/components/person-picker";
import { db } from "~/utils/db.server";
import { httpError } from "~/utils/http.server";
import { isoDayParam, pageParam } from "~/utils/params.server";

export const meta: MetaFunction = () => [{ title: "บันทึกการตรวจสอบ · สุจริต" }];

const PAGE_SIZE = 50;

/** Midnight in Bangkok of a yyyy-mm-dd filter day; none when empty; a Thai 400 when it is not a real day. */
function dayStart(value: string, offsetDays = 0): Date | undefined {
  if (!value) return undefined;
  const day = isoDayParam(value);
  if (!day) httpError(400, `วันที่ในตัวกรองไม่ถูกต้อง: "${value}" (ใช้วันที่จริงในรูปแบบ ปปปป-ดด-วว)`);
  return bangkokMidnightUtc(day.year, day.month, day.day + offsetDays);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const url = new URL(request.url);
  const action = url.searchParams.get("action") ?? "";
  const actor = await resolvePersonNumber(url.searchParams.get("actor") ?? "");
  const entity = url.searchParams.get("entity")?.trim() ?? "";
  const from = url.searchParams.get("from") ?? "";
  const to = url.searchParams.get("to") ?? "";
  const page = pageParam(url);

  const where: Prisma.AuditLogWhereInput = { AND: [] };
  const and = where.AND as Prisma.AuditLogWhereInput[];
  if (action) and.push({ action });
  if (entity) and.push({ entityId: { contains: entity } });
  if (actor) {
    const actorPerson = await db.person.findUnique({ where: { employeeNumber: actor } });
    and.push({ actorId: actorPerson?.id ?? -1 });
  }
  const fromDate = dayStart(from);
  const toDate = dayStart(to, 1);
  if (fromDate) and.push({ at: { gte: fromDate } });
  if (toDate) and.push({ at: { lt: toDate } });

  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
  ]);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is number => id != null))];
  const actors = await db.person.findMany({ where: { id: { in: actorIds } } });
  const actorName = new Map(actors.map((p) => [p.id, `${p.title}${p.firstName} ${p.lastName} (${p.employeeNumber})`]));

  const chain = await verifyAuditChain();
  return json({
    chain: { ...chain, breaks: chain.breaks.slice(0, 5).map((b) => ({ id: b.id, label: CHAIN_BREAK_LABELS[b.kind] })) },
    filters: { action, actor, entity, from, to },
    actions: Object.entries(AUDIT_ACTION_LABELS),
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorId ? (actorName.get(r.actorId) ?? `#${r.actorId}`) : "—",
      action: auditActionLabel(r.action),
      entity: `${r.entityType}${r.entityId ? ` ${r.entityId}` : ""}`,
      before: r.before,
      after: r.after,
      ip: r.ip,
    })),
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
  });
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
          <input id="entity" name="entity" defaultValue={data.filters.entity} placeholder="เช่น เลขประจำตัวพนักงาน" />
        </div>
        <div className="field">
          <label htmlFor="from">ตั้งแต่วันที่</label>
          <input id="from" name="from" type="date" defaultValue={data.filters.from} />
        </div>
        <div className="field">
          <label htmlFor="to">ถึงวันที่</label>
          <input id="to" name="to" type="date" defaultValue={data.filters.to} />
        </div>
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
