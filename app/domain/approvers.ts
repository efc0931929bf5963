/** Whether one delegated power covers a case: the same kind, and the amount within its ceiling (if it has one). */
export function powerCovers(
  power: { kind: string; ceilingBaht: number | null },
  kind: string,
  amountBaht: number | null,
): boolean {
  if (power.kind !== kind) return false;
  if (power.ceilingBaht == null || amountBaht == null) return true;
  return amountBaht <= power.ceilingBaht;
}

/** "12,000" or "12000.50" as typed in a form; null when empty or not a non-negative number. */
export function parseBaht(text: string): number | null {
  const cleaned = text.replace(/[,\s]/g, "").replace(/บาท$/, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Number(cleaned);
}
