// One way to show numbers (issue 12, item 9): percentages rounded half-up to one decimal (2/12 = 16.7%, never the
// truncated 16.6%), thousands separators on every count, and no "0/0 (0%)" for an empty group. Pure.

const countFormat = new Intl.NumberFormat("th-TH", { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat("th-TH", { maximumFractionDigits: 2 });

/** numerator / denominator as a percent with one decimal, rounded half-up; null when there is no denominator. */
export function percentOf(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  return Math.round((numerator * 1000) / denominator) / 10;
}

/** "16.7%", or "—" when there is nothing to divide by. */
export function formatPercent(numerator: number, denominator: number): string {
  const p = percentOf(numerator, denominator);
  return p == null ? "—" : `${decimalFormat.format(p)}%`;
}

/** A whole count with thousands separators: 2092 → "2,092". */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** A number with up to two decimals and separators: 84.99 → "84.99", 1000000 → "1,000,000". */
export function formatNumber(n: number): string {
  return decimalFormat.format(n);
}

/**
 * "2/12 คน (16.7%)"; an empty population says so instead of "0/0 คน (0%)". `shownPercent` is the percent already
 * decided for display (an indicator's value, which is never rounded up to its threshold).
 */
export function formatShare(
  numerator: number,
  denominator: number,
  unit = "คน",
  empty = "ไม่มีผู้อยู่ในกลุ่มเป้าหมาย",
  shownPercent?: number | null,
): string {
  if (!(denominator > 0)) return empty;
  const percent =
    shownPercent != null ? `${decimalFormat.format(shownPercent)}%` : formatPercent(numerator, denominator);
  return `${formatCount(numerator)}/${formatCount(denominator)} ${unit} (${percent})`;
}
