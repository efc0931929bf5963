import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { COMMITTEE_KIND_LABELS, COMMITTEE_ROLE_LABELS, type CommitteeRole } from "~/domain/salary-review";
import { formatThaiDate } from "~/domain/thai-date";
import { salaryHomePage } from "~/models/salary/pages.server";
import { requireUser } from "~/utils/auth.server";
import { loadOrRefuse } from "~/utils/route.server";
import { salaryActor } from "~/utils/salary-route.server";

export const meta: MetaFunction = () => [{ title: "การเลื่อนขั้นเงินเดือน · สุจริต" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await loadOrRefuse(() => salaryHomePage(salaryActor(user, context))));
}

export default function SalaryHome() {
  const { isHr, isManager, results, committees, rounds } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>การเลื่อนขั้นเงินเดือน</h1>
      <p className="muted">
        ตามแผนฯ ลำดับที่ 19: ผู้บังคับบัญชาประเมินและเสนอ คณะกรรมการกลั่นกรองพิจารณา คณะกรรมการพิจารณาเลื่อนขั้นเงินเดือนมีมติ
        แล้วประกาศผลให้แต่ละคนทราบพร้อมเหตุผลและสิทธิอุทธรณ์
      </p>

      <p className="card">
        <Link to="/salary/survey">แบบสำรวจความพึงพอใจ</Link>
        <span className="muted"> ต่อระบบการเลื่อนขั้นเงินเดือน: ตอบได้หลังประกาศผลของแต่ละรอบ ไม่ระบุตัวผู้ตอบ</span>
      </p>

      <section className="card" aria-labelledby="my-results">
        <h2 id="my-results">ผลการพิจารณาของฉัน</h2>
        {results.length === 0 ? (
          <p className="muted">ท่านยังไม่มีรายการในรอบการเลื่อนขั้นเงินเดือนใด</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">รอบ</th>
                <th scope="col">ผล</th>
                <th scope="col">เหตุผล</th>
                <th scope="col">อุทธรณ์</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.appraisalId} data-testid={`my-round-${r.round.id}`}>
                  <td>
                    <Link to={`/salary/results/${r.appraisalId}`}>{r.round.title}</Link>
                    {r.round.publishedAt ? (
                      <div className="muted">{`ประกาศผลเมื่อ ${formatThaiDate(r.round.publishedAt)}`}</div>
                    ) : null}
                  </td>
                  <td data-testid="status">{r.status.label}</td>
                  <td>{r.status.reason ?? "ประกาศผลแล้วจะแสดงเหตุผลที่นี่"}</td>
                  <td data-testid="appeal">{r.status.appeal.label}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {committees.length ? (
        <section className="card" aria-labelledby="my-committees">
          <h2 id="my-committees">คณะกรรมการที่ฉันเป็นกรรมการ</h2>
          <ul>
            {committees.map((c) => (
              <li key={c.committeeId}>
                <Link
                  to={`/salary/committees/${c.committeeId}`}
                >{`${COMMITTEE_KIND_LABELS[c.kind]} · ${c.roundTitle}`}</Link>
                <span className="muted">{` (${COMMITTEE_ROLE_LABELS[c.role as CommitteeRole]}${c.published ? " · ประกาศผลแล้ว" : ""})`}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {isHr || isManager ? (
        <section className="card" aria-labelledby="rounds">
          <div className="page-head">
            <h2 id="rounds">รอบการเลื่อนขั้นเงินเดือน</h2>
            {isHr ? (
              <Link className="btn" to="/salary/rounds/new">
                สร้างรอบใหม่
              </Link>
            ) : null}
          </div>
          {rounds.length === 0 ? (
            <p className="muted">ยังไม่มีรอบการเลื่อนขั้นเงินเดือน{isHr ? " เริ่มโดยสร้างรอบใหม่" : ""}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">รอบ</th>
                  <th scope="col">จำนวนคน</th>
                  <th scope="col">สถานะ</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/salary/rounds/${r.id}`}>{r.title}</Link>
                    </td>
                    <td>{r.people.toLocaleString("th-TH")}</td>
                    <td>{r.publishedAt ? `ประกาศผลเมื่อ ${formatThaiDate(r.publishedAt)}` : "อยู่ระหว่างพิจารณา"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </>
  );
}
