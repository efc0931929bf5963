import { INDICATOR_STATUS_LABELS, sharePercent, shareStatus, type IndicatorStatus } from "./indicators";

// The /indicators list's rules (issue 10): which indicators the filters keep, and how a knowledge indicator reads for
// one unit. Pure, so the page function and a unit test use the same rule.

export type IndicatorListFilters = { dimension: number | null; status: IndicatorStatus | ""; division: number | null };

const positiveInt = (raw: string | null) => {
  const n = Number(raw);
  return raw && Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** The list's filters from the query string (`dimension`, `status`, `division`); anything unknown means "all". */
export function indicatorListFilters(params: URLSearchParams): IndicatorListFilters {
  const status = params.get("status") ?? "";
  return {
    dimension: positiveInt(params.get("dimension")),
    status: status in INDICATOR_STATUS_LABELS ? (status as IndicatorStatus) : "",
    division: positiveInt(params.get("division")),
  };
}

type DivisionPart = { divisionId: number; numerator: number; denominator: number; participants: number };

/** What the list needs of a computed indicator. */
export type ListedIndicator = {
  kind: string;
  dimension: number;
  rule: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: IndicatorStatus;
  byDivision: DivisionPart[];
  secondary?: unknown;
};

/** The threshold a share rule states ("… ร้อยละ 80 …"); 80 when it states none. */
const thresholdOf = (rule: string) => Number(rule.match(/ร้อยละ (\d+)/)?.[1] ?? 80);

/**
 * An indicator as one unit sees it: a knowledge indicator over that unit's part of its population (the pre/post-test
 * gain is computed for the whole population only, so it is not shown); other kinds are organisation-wide, unchanged.
 */
export function forDivision<R extends ListedIndicator>(result: R, divisionId: number, yearClosed: boolean): R {
  if (result.kind !== "knowledge" || result.denominator == null) return result;
  const part = result.byDivision.find((d) => d.divisionId === divisionId) ?? {
    numerator: 0,
    denominator: 0,
    participants: 0,
  };
  const threshold = thresholdOf(result.rule);
  return {
    ...result,
    secondary: undefined,
    numerator: part.numerator,
    denominator: part.denominator,
    value: sharePercent(part.numerator, part.denominator, threshold),
    status: shareStatus({
      numerator: part.numerator,
      denominator: part.denominator,
      thresholdPercent: threshold,
      participants: part.participants,
      yearClosed,
    }),
  };
}

/**
 * The list: every indicator scoped to the unit (when one is chosen), counted per status, then the rows the dimension
 * and status filters keep.
 */
export function indicatorList<R extends ListedIndicator>(
  results: R[],
  filters: IndicatorListFilters,
  yearClosed: boolean,
) {
  const { division, dimension, status } = filters;
  const scoped = division ? results.map((r) => forDivision(r, division, yearClosed)) : results;
  const counts = Object.fromEntries(
    (Object.keys(INDICATOR_STATUS_LABELS) as IndicatorStatus[]).map((s) => [
      s,
      scoped.filter((r) => r.status === s).length,
    ]),
  ) as Record<IndicatorStatus, number>;
  const rows = scoped.filter((r) => (!dimension || r.dimension === dimension) && (!status || r.status === status));
  return { counts, rows };
}

/** How much of an indicator's text the list shows; the item page has the whole of it. */
export const INDICATOR_TEXT_SHOWN = 120;

/** `text` cut to `max` characters with an ellipsis when longer. */
export function excerpt(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
