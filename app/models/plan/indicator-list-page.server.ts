import { isHr, type Actor } from "~/domain/actor";
import { acceptsEntries } from "~/domain/indicator-entries";
import { INDICATOR_TEXT_SHOWN, excerpt, indicatorList, indicatorListFilters } from "~/domain/indicator-list";
import { fullName } from "~/domain/personnel";
import { listDivisionOptions } from "~/models/people/organization.server";
import { computationDate, computeIndicators, frozenResults } from "./indicators.server";
import { yearClosurePreview } from "./year-closure.server";

// The /indicators page: the route passes the year and its query string; the list's rules are app/domain/indicator-list.

export async function indicatorListPage(actor: Pick<Actor, "roles">, year: number, params: URLSearchParams) {
  const filters = indicatorListFilters(params);
  const { yearClosed } = computationDate(year);
  const [results, frozen, divisions] = await Promise.all([
    computeIndicators(year),
    frozenResults(year),
    listDivisionOptions(),
  ]);
  const { counts, rows } = indicatorList(results, filters, yearClosed);
  // The confirmation step of closing the year (?close=<year>): what it will do, before HR confirms.
  const closing = params.get("close") === String(year) ? await yearClosurePreview(year, actor) : null;
  return {
    year,
    yearClosed,
    frozen: frozen ? { closedAt: frozen.closedAt.toISOString(), closedBy: fullName(frozen.closedBy) } : null,
    filters: { dimension: filters.dimension ?? "", status: filters.status, division: filters.division ?? "" },
    isHr: isHr(actor),
    closing,
    divisions: divisions.filter((d) => d.depth === 0),
    counts,
    // What the table and the knowledge chart show, not the whole result: the rows are most of the page's data, sent
    // twice (the markup and the data the browser hydrates from), so the full texts and entries stay on the server.
    rows: rows.map((r) => ({
      id: r.id,
      itemNumber: r.itemNumber,
      itemName: r.kind === "knowledge" ? r.itemName : null,
      text: excerpt(r.text, INDICATOR_TEXT_SHOWN),
      kind: r.kind,
      rule: r.rule,
      numerator: r.numerator,
      denominator: r.denominator,
      value: r.value,
      ...(r.valueText ? { valueText: r.valueText } : {}),
      ...(r.secondary ? { secondary: r.secondary } : {}),
      status: r.status,
      hasEntry: r.entry != null,
      enterable: acceptsEntries(r),
    })),
  };
}
