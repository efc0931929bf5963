import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { refusal } from "~/domain/refusal";
import { REPORT_PERIODS, reportPeriodEnded, type ReportPeriod } from "~/domain/report-periods";
import { readRegister, readRegisterYear } from "../risks/queries.server";
import { frozenReport, frozenReportById, listFrozenReports } from "./freeze.server";
import { buildPlanReport } from "./report.server";

// Page functions of the plan reports (HR) and of the public transparency pages.

function requireHr(actor: Actor) {
  if (!isHr(actor)) throw refusal(403, "รายงานผลการดำเนินการตามแผนสำหรับกองการเจ้าหน้าที่");
}

/** The frozen copy when there is one (its numbers never change), the live draft otherwise. */
export async function planReportPage(actor: Actor, fiscalYear: number, period: ReportPeriod, now = new Date()) {
  requireHr(actor);
  if (!(PLAN_FISCAL_YEARS as readonly number[]).includes(fiscalYear)) throw refusal(404, "ไม่มีปีงบประมาณนี้ในแผน");
  const frozen = await frozenReport(fiscalYear, period);
  const report = frozen?.report ?? (await buildPlanReport(fiscalYear, period, now));
  return {
    report,
    frozen: frozen?.view ?? null,
    periodEnded: reportPeriodEnded(fiscalYear, period, now),
    mayFreeze: !frozen && reportPeriodEnded(fiscalYear, period, now),
    mayEdit: !frozen,
  };
}

export async function reportsIndexPage(actor: Actor, now = new Date()) {
  requireHr(actor);
  const frozen = await listFrozenReports();
  return {
    rows: PLAN_FISCAL_YEARS.flatMap((fiscalYear) =>
      REPORT_PERIODS.map((period) => ({
        fiscalYear,
        period,
        ended: reportPeriodEnded(fiscalYear, period, now),
        frozen: frozen.find((f) => f.fiscalYear === fiscalYear && f.period === period) ?? null,
      })),
    ),
  };
}

/** Public: the frozen reports and the published registers (no sign-in, no names of individuals). */
export async function transparencyIndexPage() {
  const frozen = await listFrozenReports();
  const years = await Promise.all(
    PLAN_FISCAL_YEARS.map(async (fiscalYear) => ({ fiscalYear, ...(await readRegisterYear(fiscalYear)) })),
  );
  return {
    reports: frozen.map((f) => ({
      id: f.id,
      fiscalYear: f.fiscalYear,
      period: f.period,
      frozenAt: f.frozenAt,
      sha256: f.sha256,
    })),
    registers: years
      .filter((y) => y.publishedAt)
      .map((y) => ({ fiscalYear: y.fiscalYear, publishedAt: y.publishedAt! })),
  };
}

export async function publicFrozenReportPage(id: number) {
  const frozen = await frozenReportById(id);
  if (!frozen) throw refusal(404, "ไม่พบรายงานนี้");
  const { frozenByName: _name, ...view } = frozen.view;
  return { report: frozen.report, frozen: view };
}

/** Public register of a published year: events, levels, measures (owner = position/unit), status; no notes, no names. */
export async function publicRiskPage(fiscalYear: number | null) {
  const years = (
    await Promise.all(PLAN_FISCAL_YEARS.map(async (y) => ({ fiscalYear: y, ...(await readRegisterYear(y)) })))
  ).filter((y) => y.publishedAt);
  const year = fiscalYear ?? years.at(-1)?.fiscalYear ?? null;
  const published = years.find((y) => y.fiscalYear === year);
  if (fiscalYear != null && !published) throw refusal(404, `ยังไม่ได้เผยแพร่ทะเบียนความเสี่ยงของปีงบประมาณ ${fiscalYear}`);
  const rows = published ? await readRegister(published.fiscalYear, undefined, { includedOnly: true }) : [];
  return {
    years: years.map((y) => y.fiscalYear),
    fiscalYear: published?.fiscalYear ?? null,
    publishedAt: published?.publishedAt ?? null,
    rows: rows.map((r) => ({
      id: r.id,
      unitName: r.unitName,
      sequence: r.sequence,
      source: r.source,
      processStep: r.processStep,
      event: r.event,
      typeLabel: r.typeLabel,
      likelihood: r.likelihood,
      impact: r.impact,
      score: r.score,
      level: r.level,
      levelLabel: r.levelLabel,
      gap: r.gap,
      gapNote: r.gapNote,
      planItems: r.planItems,
      measures: r.measures.map((m) => ({
        id: m.id,
        description: m.description,
        owner: m.owner,
        dueDate: m.dueDate,
        h1: m.followUps.h1?.statusLabel ?? null,
        annual: m.followUps.annual?.statusLabel ?? null,
      })),
      residual: r.residual.annual ?? r.residual.h1 ?? null,
    })),
  };
}
