import { isHr, type Actor } from "~/domain/actor";
import { acceptsEntries } from "~/domain/indicator-entries";
import { indicatorList, indicatorListFilters } from "~/domain/indicator-list";
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
    rows: rows.map(({ missingPersonIds: _m, byDivision: _b, ...r }) => ({ ...r, enterable: acceptsEntries(r) })),
  };
}
