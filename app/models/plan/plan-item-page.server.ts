import { isHr, type Actor } from "~/domain/actor";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { acceptsEntries, entryRule, entryValueText, markCurrentEntries } from "~/domain/indicator-entries";
import { parseIndicatorExtra } from "~/domain/indicators";
import { fullName } from "~/domain/personnel";
import { parsePlanItemBudget, parsePlanItemDetails } from "~/domain/plan-items";
import { refusal } from "~/domain/refusal";
import { formatThaiDateTime } from "~/domain/thai-date";
import { computeIndicators, type IndicatorResult } from "~/models/plan/indicators.server";
import { allDivisions } from "~/models/people/organization.server";
import type { PlanIndicator } from "@prisma/client";
import { db, sqlite } from "~/utils/db.server";
import { entryHistory, recordIndicatorEntry, type EvidenceUpload } from "./indicator-entries.server";
import { KIND_LABELS, planItems } from "./plan-queries.server";

// /plan/items/:number: the item, its indicators in a year with the people still missing (HR), the trend over the
// plan's years, and HR's entry forms with the history of entries (decision 013: the newest entry of a year wins).
// A closed fiscal year is read-only: no entry forms for it, and the model refuses entries into it.

const MISSING_SHOWN = 100;

// The page's own reads are direct (decisions 054, 062): HR opens items often, and each read through the client cost
// more CPU than the page's rules.

async function closedYears(): Promise<number[]> {
  return sqlite.read((sql) =>
    sql.all<{ fiscalYear: number }>(`SELECT "fiscalYear" FROM "FiscalYearClosure"`).map((c) => c.fiscalYear),
  );
}

function peopleNamed(ids: number[]) {
  return sqlite.read((sql) =>
    sql.all<{
      id: number;
      employeeNumber: string;
      title: string;
      firstName: string;
      lastName: string;
      divisionId: number;
    }>(
      `SELECT "id", "employeeNumber", "title", "firstName", "lastName", "divisionId" FROM "Person"
       WHERE "id" IN (SELECT value FROM json_each(?))`,
      JSON.stringify(ids),
    ),
  );
}

function indicatorsOfItem(itemNumber: number) {
  return sqlite.read((sql) =>
    sql.all<PlanIndicator>(`SELECT * FROM "PlanIndicator" WHERE "itemNumber" = ? ORDER BY "id"`, itemNumber),
  );
}

export async function planItemPage(number: number, year: number, actor: Pick<Actor, "roles">) {
  const item = (await planItems()).find((i) => i.number === number);
  if (!item) throw refusal(404, "ไม่พบรายการนี้ในแผน");
  const hr = isHr(actor);
  // The trend: the item's indicators in every plan year, each year computed once (the shown year among them).
  const byYear: { year: number; results: IndicatorResult[] }[] = [];
  for (const y of PLAN_FISCAL_YEARS)
    byYear.push({ year: y, results: await computeIndicators(y, { itemNumber: number }) });
  const results =
    byYear.find((y) => y.year === year)?.results ?? (await computeIndicators(year, { itemNumber: number }));
  // Only the people shown (the first MISSING_SHOWN of each indicator) are read; the count covers everyone.
  const missingIds = hr ? [...new Set(results.flatMap((r) => r.missingPersonIds.slice(0, MISSING_SHOWN)))] : [];
  const [missingPeople, divisions, closed] = await Promise.all([
    missingIds.length ? peopleNamed(missingIds) : [],
    allDivisions(),
    closedYears(),
  ]);
  const personById = new Map(missingPeople.map((p) => [p.id, p]));
  const divisionName = new Map(divisions.map((d) => [d.id, d.name]));
  const yearClosed = closed.includes(year);
  const openYears = PLAN_FISCAL_YEARS.filter((y) => !closed.includes(y));

  // HR's entry forms and the full history of entries, for the indicators the app cannot compute.
  const enterable = hr ? (await indicatorsOfItem(number)).filter(acceptsEntries) : [];
  const history = enterable.length ? await entryHistory(enterable.map((i) => i.id)) : [];
  const entryForms = Object.fromEntries(
    enterable.map((ind) => {
      const rule = entryRule({ ...ind, extra: parseIndicatorExtra(ind.extra) });
      const own = markCurrentEntries(history.filter((e) => e.indicatorId === ind.id));
      return [
        ind.id,
        {
          unit: rule.unit,
          valueLabel: rule.valueLabel,
          ruleText: rule.text,
          history: own.map((e) => ({
            id: e.id,
            fiscalYear: e.fiscalYear,
            valueText: entryValueText(rule, e),
            enteredAt: formatThaiDateTime(e.enteredAt),
            enteredBy: fullName(e.enteredBy),
            evidenceUrl: e.evidenceUrl,
            evidenceFile: e.evidenceFile ? { id: e.evidenceFile.id, name: e.evidenceFile.fileName } : null,
            note: e.note,
            current: e.current,
          })),
        },
      ];
    }),
  );

  return {
    year,
    isHr: hr,
    yearClosed,
    openYears,
    entryForms,
    item: {
      number: item.number,
      name: item.name,
      kind: KIND_LABELS[item.kind] ?? item.kind,
      dimension: item.dimension,
      mission: item.mission,
      subMission: item.subMission,
      unit: item.responsibleUnit,
      targetGroup: item.targetGroupText,
      headCount: item.headCount,
      duration: item.duration,
      budget: parsePlanItemBudget(item.budget),
      ...parsePlanItemDetails(item.details),
    },
    trend: results
      .filter((r) => r.status !== "no_instrument")
      .map((r) => ({
        id: r.id,
        text: r.text,
        years: byYear.map(({ year: y, results: rs }) => {
          const same = rs.find((x) => x.id === r.id)!;
          return {
            year: y,
            kind: same.kind,
            numerator: same.numerator,
            denominator: same.denominator,
            value: same.value,
            valueText: same.valueText,
            status: same.status,
          };
        }),
      })),
    indicators: results.map((r) => ({
      ...r,
      missingPersonIds: undefined,
      missingCount: r.missingPersonIds.length,
      missing: r.missingPersonIds.slice(0, MISSING_SHOWN).flatMap((id) => {
        const p = personById.get(id);
        return p
          ? [
              {
                id,
                employeeNumber: p.employeeNumber,
                name: fullName(p),
                division: divisionName.get(p.divisionId) ?? "",
              },
            ]
          : [];
      }),
      byDivision: r.byDivision
        .map((d) => ({ ...d, name: divisionName.get(d.divisionId) ?? "" }))
        .sort((a, b) => a.numerator / a.denominator - b.numerator / b.denominator),
    })),
  };
}

/** HR records an entry for one of the item's indicators (the indicator must belong to the item). */
export async function recordItemIndicatorEntry(
  itemNumber: number,
  indicatorId: number,
  fields: Record<string, unknown>,
  file: EvidenceUpload | null,
  actor: Actor,
) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะกองการเจ้าหน้าที่และผู้ดูแลระบบเท่านั้นที่บันทึกผลตัวชี้วัดได้");
  const indicator = await db.planIndicator.findUnique({ where: { id: indicatorId }, select: { itemNumber: true } });
  if (!indicator || indicator.itemNumber !== itemNumber) throw refusal(404, "ไม่พบตัวชี้วัดนี้");
  const entry = await recordIndicatorEntry(indicatorId, fields, file, { personId: actor.personId, ip: actor.ip });
  return { fiscalYear: entry.fiscalYear };
}
