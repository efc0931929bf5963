import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ResultDistributionChart } from "~/components/salary-charts";
import { APPEAL_OUTCOME_LABELS, formatBaht, resultKeyLabel } from "~/domain/salary-review";
import { formatThaiDate } from "~/domain/thai-date";
import { roundReportPage } from "~/models/salary/pages.server";
import { salaryActor } from "~/utils/salary-route.server";
import { requireRole } from "~/utils/auth.server";
import { loadOrRefuse } from "~/utils/route.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `รายงาน ${data?.round.title ?? ""} · สุจริต` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const report = await loadOrRefuse(() => roundReportPage(idParam(params.roundId), salaryActor(user, context)));
  return json({
    round: {
      id: report.round.id,
      title: report.round.title,
      publishedAt: report.round.publishedAt,
      poolBaht: report.round.poolBaht,
    },
    resultKeys: report.resultKeys.map((key) => ({ key, label: resultKeyLabel(key) })),
    divisions: report.divisions,
    appeals: report.appeals,
    appealCounts: report.appealCounts,
  });
}

export default function RoundReport() {
  const { round, resultKeys, divisions, appeals, appealCounts } = useLoaderData<typeof loader>();
  const totals = resultKeys.map((k) => ({
    label: k.label,
    people: divisions.reduce((s, d) => s + (d.byResult[k.key] ?? 0), 0),
  }));
  const amount = divisions.reduce((s, d) => s + d.amountBaht, 0);
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/salary/rounds/${round.id}`}>{`‹ ${round.title}`}</Link>
      </p>
      <div className="page-head">
        <h1>{`รายงานผล: ${round.title}`}</h1>
        <a className="btn btn--secondary" href={`/salary/rounds/${round.id}/report.csv`} download>
          ดาวน์โหลด CSV
        </a>
      </div>
      {!round.publishedAt ? <p className="alert alert--error">ยังไม่ได้ประกาศผล ตัวเลขด้านล่างเป็นผลระหว่างพิจารณา</p> : null}

      <section className="card" aria-labelledby="distribution">
        <h2 id="distribution">การกระจายของผลการเลื่อนขั้นเงินเดือน</h2>
        <div className="chart-and-table">
          <ResultDistributionChart data={totals} />
          <ul className="chart-numbers">
            {totals.map((t) => (
              <li key={t.label}>{`${t.label}: ${t.people.toLocaleString("th-TH")} คน`}</li>
            ))}
            <li>{`รวมจำนวนเงิน ${formatBaht(amount)} จากวงเงิน ${formatBaht(round.poolBaht)}`}</li>
          </ul>
        </div>
        <div className="table-wrap">
          <table className="table" data-testid="distribution-table">
            <thead>
              <tr>
                <th scope="col">สำนัก/กอง</th>
                <th scope="col">จำนวนคน</th>
                {resultKeys.map((k) => (
                  <th key={k.key} scope="col">
                    {k.label}
                  </th>
                ))}
                <th scope="col">จำนวนเงิน</th>
              </tr>
            </thead>
            <tbody>
              {divisions.map((d) => (
                <tr key={d.division}>
                  <td>{d.division}</td>
                  <td>{d.people}</td>
                  {resultKeys.map((k) => (
                    <td key={k.key}>{d.byResult[k.key] ?? 0}</td>
                  ))}
                  <td>{d.amountBaht.toLocaleString("th-TH")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="appeals">
        <h2 id="appeals">อุทธรณ์</h2>
        <p data-testid="appeal-counts">{`ยื่น ${appealCounts.filed} เรื่อง · ยืนตามผลเดิม ${appealCounts.rejected} · แก้ไขผล ${appealCounts.changed} · รอพิจารณา ${appealCounts.pending}`}</p>
        {appeals.length ? (
          <ul>
            {appeals.map((a) => (
              <li
                key={a.id}
              >{`${a.name} (${a.division}) · ยื่น ${formatThaiDate(a.filedAt)} · ${a.outcome ? APPEAL_OUTCOME_LABELS[a.outcome as keyof typeof APPEAL_OUTCOME_LABELS] : "รอพิจารณา"}`}</li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
