import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatCount } from "~/domain/numbers";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LikertChart } from "~/components/charts";
import { sharePercent } from "~/domain/indicators";
import { lastAnswerMoment, SATISFACTION_TARGET_PERCENT } from "~/domain/salary-survey";
import { formatThaiDate } from "~/domain/thai-date";
import { surveyResultsPage } from "~/models/salary/pages.server";
import { loadOrRefuse } from "~/utils/route.server";
import { salaryActor } from "~/utils/salary-route.server";
import { requireRole } from "~/utils/auth.server";
import { idParam } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `ผลแบบสำรวจ ${data?.round.title ?? ""} · สุจริต` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const { results, trend } = await loadOrRefuse(() =>
    surveyResultsPage(idParam(params.roundId), salaryActor(user, context)),
  );
  const { round } = results;
  return json({
    ...results,
    round: { id: round.id, title: round.title, surveyClosesAt: round.surveyClosesAt?.toISOString() ?? null },
    trend: trend.map((t) => ({
      id: t.id,
      title: t.title,
      appeals: t.appeals,
      respondents: t.respondents,
      satisfiedPercent: t.satisfiedPercent,
      surveyClosed: t.surveyClosed,
    })),
  });
}

export default function SurveyResultsPage() {
  const data = useLoaderData<typeof loader>();
  const { round, details, state } = data;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/salary/survey">‹ แบบสำรวจความพึงพอใจ</Link>
      </p>
      <h1>{`ผลแบบสำรวจความพึงพอใจ ${round.title}`}</h1>
      <section className="card survey-stats" aria-label="สรุป">
        <div>
          <span className="muted">ผู้ตอบ / ผู้อยู่ในรอบ</span>
          <strong data-testid="response-rate">
            {data.inScope > 0 ? `${formatCount(data.respondents)}/${formatCount(data.inScope)} คน` : "ยังไม่มีผู้อยู่ในรอบ"}
          </strong>
          <span>{data.inScope > 0 ? `อัตราการตอบ ร้อยละ ${sharePercent(data.respondents, data.inScope)}` : "—"}</span>
        </div>
        <div>
          <span className="muted">{`ผู้ที่พึงพอใจ (เกณฑ์ร้อยละ ${SATISFACTION_TARGET_PERCENT})`}</span>
          {details ? (
            <>
              <strong data-testid="share-satisfied">{`ร้อยละ ${details.percent}`}</strong>
              <span className={details.meetsTarget ? "badge badge--ok" : "badge badge--bad"}>
                {`${formatCount(details.satisfied)}/${formatCount(details.respondents)} คน · ${details.meetsTarget ? "บรรลุเกณฑ์" : "ต่ำกว่าเกณฑ์"}`}
              </span>
            </>
          ) : (
            <strong>—</strong>
          )}
        </div>
      </section>
      {!details ? (
        <p className="alert" role="status">
          {state === "not_open"
            ? "รอบนี้ยังไม่ได้ประกาศผลหรือยังไม่เปิดแบบสำรวจ"
            : state === "open"
              ? `แบบสำรวจเปิดรับคำตอบถึง ${formatThaiDate(lastAnswerMoment(round.surveyClosesAt!))} ผลรายข้อและรายหน่วยงานจะแสดงหลังปิดแบบสำรวจ เพื่อไม่ให้เทียบผลก่อนและหลังคำตอบของคนใดคนหนึ่งได้`
              : `มีผู้ตอบน้อยกว่า ${data.minimumGroupSize} คน จึงไม่แสดงผล เพื่อรักษาความลับของผู้ตอบ`}
        </p>
      ) : (
        <>
          <section className="card" aria-labelledby="statements-heading">
            <h2 id="statements-heading">ความคิดเห็นรายข้อ</h2>
            <div className="chart-and-table">
              <LikertChart
                data={details.distributions.map((counts, i) => ({ label: `ข้อ ${i + 1}`, counts }))}
                scale={data.scale}
              />
              <div className="table-wrap">
                <table className="chart-numbers survey-table">
                  <thead>
                    <tr>
                      <th scope="col">ข้อ</th>
                      {data.scale.map((label, i) => (
                        <th key={label} scope="col" className="num" title={label}>{`${i + 1}`}</th>
                      ))}
                      <th scope="col" className="num">
                        เฉลี่ย
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {details.distributions.map((counts, i) => {
                      const total = counts.reduce((a, b) => a + b, 0);
                      const mean = total ? counts.reduce((s, c, v) => s + c * (v + 1), 0) / total : 0;
                      return (
                        <tr key={i}>
                          <th scope="row" className="statement-cell">{`${i + 1}. ${data.statements[i]}`}</th>
                          {counts.map((c, v) => (
                            <td key={v} className="num">
                              {c}
                            </td>
                          ))}
                          <td className="num">{mean.toFixed(2)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <p className="muted">{`ระดับ: ${data.scale.map((label, i) => `${i + 1} = ${label}`).join(" · ")}`}</p>
            </div>
          </section>
          <section className="card" aria-labelledby="divisions-heading">
            <h2 id="divisions-heading">รายหน่วยงาน (สำนัก/กอง)</h2>
            {details.breakdown.withheld ? (
              <p>{`ทุกหน่วยงานมีผู้ตอบน้อยกว่า ${data.minimumGroupSize} คน จึงไม่แสดงผลรายหน่วยงาน`}</p>
            ) : (
              <div className="table-wrap">
                <table className="survey-table">
                  <thead>
                    <tr>
                      <th scope="col">หน่วยงาน</th>
                      <th scope="col" className="num">
                        ผู้ตอบ (คน)
                      </th>
                      <th scope="col" className="num">
                        พึงพอใจ (คน)
                      </th>
                      <th scope="col" className="num">
                        ร้อยละ
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {details.breakdown.shown.map((g) => (
                      <tr key={g.divisionId}>
                        <td>{g.name}</td>
                        <td className="num">{g.respondents}</td>
                        <td className="num">{g.satisfied}</td>
                        <td className="num">{sharePercent(g.satisfied, g.respondents)}</td>
                      </tr>
                    ))}
                    {details.breakdown.folded ? (
                      <tr data-testid="folded-divisions">
                        <td>{`อื่น ๆ (รวม ${details.breakdown.folded.divisionCount} หน่วยงาน)`}</td>
                        <td className="num">{details.breakdown.folded.respondents}</td>
                        <td className="num">{details.breakdown.folded.satisfied}</td>
                        <td className="num">
                          {sharePercent(details.breakdown.folded.satisfied, details.breakdown.folded.respondents)}
                        </td>
                      </tr>
                    ) : null}
                  </tbody>
                </table>
              </div>
            )}
            <p className="muted">{`หน่วยงานที่มีผู้ตอบน้อยกว่า ${data.minimumGroupSize} คน ไม่แสดงแยก แต่รวมไว้ในแถว "อื่น ๆ" และหากแถว "อื่น ๆ" ยังมีน้อยกว่า ${data.minimumGroupSize} คน จะรวมหน่วยงานที่เล็กที่สุดถัดไปเข้าไปด้วย เพื่อไม่ให้หาผลของหน่วยงานเล็กได้จากการลบ`}</p>
          </section>
          <p>
            <a className="btn btn--secondary" href={`/salary/rounds/${round.id}/survey-results.csv`} download>
              ดาวน์โหลดผลรวม (CSV)
            </a>
          </p>
        </>
      )}
      <section className="card" aria-labelledby="trend-heading">
        <h2 id="trend-heading">แนวโน้มรายรอบ: การอุทธรณ์และความพึงพอใจ</h2>
        <div className="table-wrap">
          <table className="survey-table">
            <thead>
              <tr>
                <th scope="col">รอบ</th>
                <th scope="col" className="num">
                  อุทธรณ์/ร้องเรียน (เรื่อง)
                </th>
                <th scope="col" className="num">
                  ผู้ตอบแบบสำรวจ (คน)
                </th>
                <th scope="col" className="num">
                  ร้อยละผู้พึงพอใจ
                </th>
              </tr>
            </thead>
            <tbody>
              {data.trend.map((t) => (
                <tr key={t.id} aria-current={t.id === round.id ? "true" : undefined}>
                  <td>
                    <Link to={`/salary/rounds/${t.id}/survey-results`}>{t.title}</Link>
                  </td>
                  <td className="num">{t.appeals}</td>
                  <td className="num">{t.respondents ?? "—"}</td>
                  <td className="num">{t.satisfiedPercent ?? (t.surveyClosed ? "—" : "รอปิดแบบสำรวจ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
