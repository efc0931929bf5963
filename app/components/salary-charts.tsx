import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** How many people got each result in a round. The same numbers are in the table beside it. */
export function ResultDistributionChart({ data }: { data: { label: string; people: number }[] }) {
  return (
    <div className="chart" role="img" aria-label="กราฟจำนวนคนตามผลการเลื่อนขั้นเงินเดือน (ตัวเลขอยู่ในตาราง)">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} margin={{ top: 10, right: 10, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} />
          <Tooltip formatter={(v: number) => `${v.toLocaleString("th-TH")} คน`} />
          <Bar dataKey="people" name="จำนวนคน" fill="#0f4c81" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
