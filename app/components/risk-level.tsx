const TONE: Record<string, string> = { low: "badge--ok", medium: "", high: "badge--warn", very_high: "badge--bad" };

export function RiskLevelBadge({ level, label }: { level: string | null; label: string }) {
  return (
    <span className={`badge risk-level risk-level--${level ?? "none"} ${level ? (TONE[level] ?? "") : ""}`}>
      {label}
    </span>
  );
}

/** "โอกาส 4 × ผลกระทบ 5 = 20" or the level the source stated without a score. */
export function scoreText(r: { likelihood: number | null; impact: number | null; score: number | null }): string {
  return r.score != null ? `โอกาส ${r.likelihood} × ผลกระทบ ${r.impact} = ${r.score}` : "ไม่ระบุคะแนน (ระบุเฉพาะระดับ)";
}
