import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatThaiDate, formatThaiDateTime } from "~/domain/thai-date";
import { policiesPage } from "~/models/plan/policy-documents.server";
import { requireUser } from "~/utils/auth.server";
import { loadOrRefuse } from "~/utils/route.server";

export const meta: MetaFunction = () => [{ title: "ประกาศและนโยบาย · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await loadOrRefuse(() => policiesPage({ personId: user.id, roles: user.roles })));
}

export default function Policies() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-head">
        <h1>ประกาศและนโยบาย</h1>
        {data.isHr ? (
          <Link to="/policies/new" className="btn">
            + ประกาศเอกสาร
          </Link>
        ) : null}
      </div>
      <section className="card" aria-labelledby="mine-heading">
        <h2 id="mine-heading">เอกสารที่ท่านต้องอ่านและรับทราบ</h2>
        {data.mine.length === 0 ? (
          <p className="muted">ยังไม่มีเอกสารที่ประกาศถึงท่าน</p>
        ) : (
          <ul className="todo-list">
            {data.mine.map((d) => (
              <li key={d.id}>
                <Link to={`/policies/${d.id}`}>{d.title}</Link>{" "}
                <span className="muted">{`ประกาศ ${formatThaiDate(d.publishedAt)}`}</span>{" "}
                {d.acknowledgedAt ? (
                  <span className="badge badge--ok">{`รับทราบแล้ว ${formatThaiDateTime(d.acknowledgedAt)}`}</span>
                ) : (
                  <span className="badge badge--warn">ยังไม่รับทราบ</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {data.isHr ? (
        <section className="card" aria-labelledby="all-heading">
          <h2 id="all-heading">เอกสารที่ประกาศทั้งหมด</h2>
          {data.all.length === 0 ? (
            <p className="muted">ยังไม่มีเอกสารที่ประกาศ</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>เอกสาร</th>
                    <th>ประกาศเมื่อ</th>
                    <th className="num">รับทราบแล้ว (คน)</th>
                    <th>ตามแผนลำดับที่</th>
                  </tr>
                </thead>
                <tbody>
                  {data.all.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <Link to={`/policies/${d.id}`}>{d.title}</Link>
                      </td>
                      <td>{formatThaiDate(d.publishedAt)}</td>
                      <td className="num">{d.acknowledged}</td>
                      <td>
                        {d.planItemNumber ? (
                          <Link to={`/plan/items/${d.planItemNumber}`}>{d.planItemNumber}</Link>
                        ) : (
                          "—"
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}
