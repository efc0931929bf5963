import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PlainLink } from "~/components/plain-link";
import { BudgetChart } from "~/components/charts";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { PlanTargetsTable } from "~/components/plan-targets-table";
import { KIND_LABELS, planOverview } from "~/models/plan/plan-queries.server";
import { planLevelTargets } from "~/models/plan/plan-targets.server";
import { requireUser } from "~/utils/auth.server";
import { isHr } from "~/domain/actor";

export const meta: MetaFunction = () => [{ title: "แผนปฏิบัติการป้องกันการทุจริต · สุจริต" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [{ plan, items, totals }, targets] = await Promise.all([planOverview(), planLevelTargets()]);
  return json({
    targets,
    isHr: isHr(user),
    title: plan.title,
    years: PLAN_FISCAL_YEARS,
    dimensions: plan.dimensions.map((d) => ({
      number: d.number,
      title: d.title,
      items: items
        .filter((i) => i.dimension === d.number)
        .map((i) => ({
          number: i.number,
          name: i.name,
          kind: KIND_LABELS[i.kind] ?? i.kind,
          unit: i.responsibleUnit,
          budget: i.budget,
        })),
    })),
    totals,
  });
}

const baht = (n: number | null | undefined) => (n == null ? "—" : n.toLocaleString("th-TH"));

export default function PlanPage() {
  const data = useLoaderData<typeof loader>();
  const chartData = data.years.map((year) => ({
    year: String(year),
    ...Object.fromEntries(
      data.dimensions.map((d) => [
        `d${d.number}`,
        data.totals.find((t) => t.dimension === d.number && t.fiscalYear === year)?.computed ?? 0,
      ]),
    ),
  }));
  const mismatches = data.totals.filter((t) => !t.matches);
  return (
    <>
      <div className="page-head">
        <h1>แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ๒๕๖๖–๒๕๗๐</h1>
        <div className="actions">
          <Link to="/indicators" className="btn btn--secondary">
            ตัวชี้วัด
          </Link>
          {data.isHr ? (
            <a href="/plan/budget.csv" className="btn btn--secondary">
              งบประมาณ (CSV)
            </a>
          ) : null}
          {data.isHr ? (
            <Link to="/plan/reports" className="btn btn--secondary">
              รายงานผลรอบ 6 เดือน/ประจำปี
            </Link>
          ) : null}
          <Link to="/transparency" className="btn btn--secondary">
            เปิดเผยข้อมูลสาธารณะ
          </Link>
        </div>
      </div>
      <p className="muted">{`${data.title} · ${data.dimensions.reduce((s, d) => s + d.items.length, 0)} โครงการ/กิจกรรม/มาตรการ ใน ${data.dimensions.length} มิติ`}</p>

      <section className="card" aria-labelledby="targets-heading">
        <h2 id="targets-heading">เป้าหมายระดับแผน: คะแนน ITA และคดีทุจริต</h2>
        <PlanTargetsTable
          rows={data.targets.rows}
          baselineYear={data.targets.baselineYear}
          baseline={data.targets.baseline}
        />
        <p>
          <Link to="/plan/targets">{data.isHr ? "บันทึกค่าฐานและเป้าหมายที่กำหนดเอง" : "รายละเอียดเป้าหมาย"}</Link>
        </p>
      </section>

      <section className="card" aria-labelledby="budget-heading">
        <h2 id="budget-heading">งบประมาณรายปี (บาท): ที่แผนระบุ เทียบกับผลรวมรายโครงการ</h2>
        {mismatches.length ? (
          <p className="alert alert--error">{`ยอดรวมไม่ตรงกับที่แผนระบุ ${mismatches.length} รายการ (ทำเครื่องหมาย ⚠)`}</p>
        ) : (
          <p className="alert alert--ok">✓ ผลรวมงบประมาณรายโครงการตรงกับยอดรวมที่แผนระบุทุกมิติและทุกปี</p>
        )}
        <div className="chart-and-table">
          <BudgetChart
            data={chartData}
            dimensions={data.dimensions.map((d) => ({ key: `d${d.number}`, label: `มิติที่ ${d.number}` }))}
          />
          <div className="table-wrap">
            <table data-testid="budget-totals">
              <thead>
                <tr>
                  <th>มิติ</th>
                  <th className="num">จำนวน</th>
                  {data.years.map((y) => (
                    <th key={y} className="num">
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[
                  ...data.dimensions.map((d) => ({ key: d.number, label: `มิติที่ ${d.number}`, count: d.items.length })),
                  { key: null, label: "รวมทั้งสิ้น", count: data.dimensions.reduce((s, d) => s + d.items.length, 0) },
                ].map((row) => (
                  <tr key={String(row.key)} className={row.key === null ? "total-row" : undefined}>
                    <td>{row.label}</td>
                    <td className="num">{row.count}</td>
                    {data.years.map((y) => {
                      const t = data.totals.find((x) => x.dimension === row.key && x.fiscalYear === y)!;
                      return (
                        <td key={y} className="num" title={`ที่แผนระบุ ${baht(t.stated)} · คำนวณ ${baht(t.computed)}`}>
                          {baht(t.computed)}
                          <div className={t.matches ? "muted" : "field-error"}>
                            {t.matches ? `แผนระบุ ${baht(t.stated)} ✓` : `⚠ แผนระบุ ${baht(t.stated)}`}
                          </div>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>

      {data.dimensions.map((d) => (
        <section key={d.number} className="card" aria-labelledby={`dimension-${d.number}`}>
          <h2 id={`dimension-${d.number}`}>{`มิติที่ ${d.number} ${d.title} (${d.items.length} รายการ)`}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>ลำดับ</th>
                  <th>โครงการ/กิจกรรม/มาตรการ</th>
                  <th className="hide-narrow">ผู้รับผิดชอบ</th>
                  {data.years.map((y) => (
                    <th key={y} className="num hide-narrow">
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.items.map((i) => (
                  <tr key={i.number}>
                    <td>{i.number}</td>
                    <td>
                      <PlainLink to={`/plan/items/${i.number}`}>{i.name}</PlainLink>{" "}
                      <span className="muted">({i.kind})</span>
                    </td>
                    <td className="hide-narrow">{i.unit}</td>
                    {data.years.map((y) => (
                      <td key={y} className="num hide-narrow">
                        {i.budget[y] ? baht(i.budget[y]) : "-"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
