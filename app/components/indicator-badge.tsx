import { formatCount, formatShare } from "~/domain/numbers";
import { INDICATOR_STATUS_LABELS, type IndicatorStatus } from "~/domain/indicators";

const TONE: Record<IndicatorStatus, string> = {
  met: "badge--ok",
  not_met: "badge--bad",
  in_progress: "badge--warn",
  no_data: "",
  no_instrument: "",
  not_judged: "",
  not_applicable: "",
};

export function IndicatorBadge({ status }: { status: IndicatorStatus }) {
  return <span className={`badge ${TONE[status]}`}>{INDICATOR_STATUS_LABELS[status]}</span>;
}

export function indicatorValueText(r: {
  kind: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  valueText?: string;
}): string {
  if (r.valueText) return r.valueText;
  if (r.value == null && r.numerator == null) return "—";
  if (r.denominator != null) return formatShare(r.numerator ?? 0, r.denominator, "คน", "ไม่มีผู้อยู่ในกลุ่มเป้าหมาย", r.value);
  return formatCount(r.numerator ?? 0);
}

/** The second measure of an indicator (pre/post-test gain), as one line. */
export function secondaryValueText(s: {
  label: string;
  numerator: number;
  denominator: number;
  value: number | null;
}): string {
  return `${s.label}: ${formatShare(s.numerator, s.denominator, "คน", "ไม่มีผู้อยู่ในกลุ่มเป้าหมาย", s.value)}`;
}
