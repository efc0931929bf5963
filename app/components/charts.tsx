import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

const COLORS = ["#0f4c81", "#2f855a", "#b7791f", "#9b2c2c"];

/** Budget per fiscal year, one bar per dimension. The same numbers are in the table beside it. */
export function BudgetChart({
  data,
  dimensions,
}: {
  data: Record<string, number | string>[];
  dimensions: { key: string; label: string }[];
}) {
  return (
    <div className="chart" role="img" aria-label="กราฟงบประมาณรายปีแยกตามมิติ (ตัวเลขอยู่ในตาราง)">
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 10, right: 10, bottom: 10, left: 20 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" interval={0} />
          <YAxis tickFormatter={(v: number) => `${(v / 1_000_000).toLocaleString("th-TH")} ล.`} />
          <Tooltip formatter={(v: number) => `${v.toLocaleString("th-TH")} บาท`} />
          <Legend />
          {dimensions.map((d, i) => (
            <Bar
              key={d.key}
              dataKey={d.key}
              name={d.label}
              stackId="budget"
              fill={COLORS[i % COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Share passed per knowledge indicator against the 80% line. The numbers are in the table beside it. */
export function PassRateChart({
  data,
  threshold = 80,
}: {
  data: { label: string; percent: number }[];
  threshold?: number;
}) {
  return (
    <div className="chart" role="img" aria-label={`กราฟร้อยละผู้ผ่านเทียบเกณฑ์ร้อยละ ${threshold} (ตัวเลขอยู่ในตาราง)`}>
      <ResponsiveContainer width="100%" height={60 + data.length * 44}>
        <BarChart data={data} layout="vertical" margin={{ top: 28, right: 30, bottom: 10, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} unit="%" />
          <YAxis type="category" dataKey="label" width={120} interval={0} />
          <Tooltip formatter={(v: number) => `${v}%`} />
          <ReferenceLine
            x={threshold}
            stroke="#9b2c2c"
            strokeDasharray="6 3"
            label={{ value: `เกณฑ์ ${threshold}%`, position: "top" }}
          />
          <Bar dataKey="percent" name="ร้อยละผู้ผ่าน" fill="#0f4c81" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

const LIKERT_COLORS = ["#9b2c2c", "#dd6b20", "#a0aec0", "#68a37f", "#2f855a"];

/** Answers per statement, 1–5 stacked, as a share of respondents. The counts are in the table beside it. */
export function LikertChart({ data, scale }: { data: { label: string; counts: number[] }[]; scale: string[] }) {
  const rows = data.map((d) => {
    const total = d.counts.reduce((a, b) => a + b, 0) || 1;
    return Object.fromEntries([
      ["label", d.label],
      ...d.counts.map((c, i) => [`v${i + 1}`, Math.round((c * 1000) / total) / 10]),
    ]);
  });
  return (
    <div className="chart" role="img" aria-label="กราฟสัดส่วนคำตอบแต่ละระดับของแต่ละข้อ (จำนวนอยู่ในตาราง)">
      <ResponsiveContainer width="100%" height={90 + data.length * 40}>
        <BarChart data={rows} layout="vertical" margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} allowDataOverflow unit="%" />
          <YAxis type="category" dataKey="label" width={48} interval={0} />
          <Tooltip formatter={(v: number) => `${v}%`} />
          <Legend />
          {scale.map((label, i) => (
            <Bar
              key={label}
              dataKey={`v${i + 1}`}
              name={`${i + 1} ${label}`}
              stackId="likert"
              fill={LIKERT_COLORS[i]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
