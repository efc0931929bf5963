import { formatCount } from "~/domain/numbers";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { publicStatsPage } from "~/models/complaints/stats.server";

export const meta: MetaFunction = () => [{ title: "สถิติเรื่องร้องเรียนการทุจริต · เทศบาลนครลำปาง" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const year = Number(new URL(request.url).searchParams.get("year"));
  return json(await publicStatsPage(Number.isInteger(year) && year > 0 ? year : null));
}

const n = formatCount;

export default function ReportStatsPage() {
  const s = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{`สถิติเรื่องร้องเรียนการทุจริต ปีงบประมาณ ${s.fiscalYear}`}</h1>
      <Form method="get" className="row row--end" aria-label="เลือกปีงบประมาณ">
        <div className="field" style={{ flex: "0 0 auto" }}>
          <label htmlFor="year">ปีงบประมาณ</label>
          <select id="year" name="year" defaultValue={String(s.fiscalYear)}>
            {s.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="btn btn--secondary">
            แสดง
          </button>
        </div>
      </Form>
      <div className="grid">
        <section className="card">
          <h2>รับเรื่อง</h2>
          <p className="stat" data-testid="stats-received">
            {n(s.received)}
          </p>
          <p className="muted">เรื่อง</p>
        </section>
        <section className="card">
          <h2>ยุติแล้ว</h2>
          <p className="stat" data-testid="stats-closed">
            {n(s.closed)}
          </p>
          <p className="muted">{`ภายในกำหนด ${s.closeDays} วัน: ${n(s.closedWithinDeadline)} เรื่อง`}</p>
        </section>
        <section className="card">
          <h2>ระยะเวลาดำเนินการ (มัธยฐาน)</h2>
          <p className="stat">{s.medianDaysToClose == null ? "—" : n(s.medianDaysToClose)}</p>
          <p className="muted">วัน นับจากวันรับเรื่องถึงวันยุติเรื่อง</p>
        </section>
      </div>
      <div className="grid">
        <section className="card">
          <h2>ตามประเภท</h2>
          <table>
            <tbody>
              {s.byCategory.length === 0 ? (
                <tr>
                  <td className="muted">ยังไม่มีเรื่อง</td>
                </tr>
              ) : (
                s.byCategory.map((c) => (
                  <tr key={c.label}>
                    <th scope="row" className="label-cell">
                      {c.label}
                    </th>
                    <td className="num">{n(c.count)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
          <p className="muted">ประเภทที่มีน้อยกว่า 5 เรื่องรวมไว้ใน “อื่น ๆ” เพื่อไม่ให้ระบุตัวผู้เกี่ยวข้องได้</p>
        </section>
        <section className="card">
          <h2>ตามสถานะ</h2>
          <table>
            <tbody>
              {s.byStatus.map((c) => (
                <tr key={c.label}>
                  <th scope="row" className="label-cell">
                    {c.label}
                  </th>
                  <td className="num">{n(c.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card">
          <h2>เรื่องที่รับในแต่ละปี</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">ปีงบประมาณ</th>
                <th scope="col">เรื่อง</th>
              </tr>
            </thead>
            <tbody>
              {s.trend.map((t) => (
                <tr key={t.fiscalYear}>
                  <td>{t.fiscalYear}</td>
                  <td className="num">{n(t.received)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}
