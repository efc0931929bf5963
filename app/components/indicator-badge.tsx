import { INDICATOR_STATUS_LABELS, type IndicatorStatus } from "~/domain/indicators";

const TONE: Record<IndicatorStatus, string> = {
  met: "badge--ok",
  not_met: "badge--bad",
  in_progress: "badge--warn",
  no_data: "",
  no_instrument: "",
};

export function IndicatorBadge({ status }: { status: IndicatorStatus }) {
  return <span className={`badge ${TONE[status]}`}>{INDICATOR_STATUS_LABELS[status]}</span>;
}

export function indicatorValueText(r: { kind: string; numerator: number | null; denominator: number | null; value: number | null }): string {
  if (r.value == null && r.numerator == null) return "—";
  if (r.denominator != null) return `${r.numerator}/${r.denominator} คน (${r.value ?? 0}%)`;
  return `${r.numerator}`;
}
