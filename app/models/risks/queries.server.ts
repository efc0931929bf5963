import { riskMatrix } from "~/content/risks.server";
import { assessRisk, levelLabel, levelRank } from "~/domain/risk-matrix";
import { FOLLOW_UP_STATUS_LABELS, RISK_TYPE_LABELS, type FollowUpStatus, type RiskType } from "~/domain/risks";
import type { ReportPeriod } from "~/domain/report-periods";
import { db, type Db, type Tx } from "~/utils/db.server";

// One read of a fiscal year's register, shaped for every page that shows it (register, public page, reports).

export type FollowUpView = {
  status: FollowUpStatus;
  statusLabel: string;
  note: string | null;
  evidenceUrl: string | null;
  recordedAt: string;
};
export type MeasureView = {
  id: number;
  description: string;
  owner: string;
  dueDate: string | null;
  planItem: number | null;
  createdAt: string;
  followUps: Partial<Record<ReportPeriod, FollowUpView>>;
};
export type ResidualView = { likelihood: number; impact: number; score: number; level: string; levelLabel: string };
export type RiskRow = {
  id: number;
  fiscalYear: number;
  divisionId: number | null;
  unitName: string;
  source: string;
  sequence: number | null;
  processStep: string;
  event: string;
  type: string;
  typeLabel: string;
  likelihood: number | null;
  impact: number | null;
  score: number | null;
  level: string | null;
  levelLabel: string;
  existingControls: string;
  gap: boolean;
  gapNote: string | null;
  createdAt: string;
  includedAt: string | null;
  planItems: number[];
  measures: MeasureView[];
  residual: Partial<Record<ReportPeriod, ResidualView>>;
};

export async function readRegister(
  fiscalYear: number,
  client: Db | Tx = db,
  options: { includedOnly?: boolean; divisionId?: number } = {},
): Promise<RiskRow[]> {
  const m = riskMatrix();
  const risks = await client.risk.findMany({
    where: {
      fiscalYear,
      ...(options.includedOnly ? { includedAt: { not: null } } : {}),
      ...(options.divisionId ? { divisionId: options.divisionId } : {}),
    },
    include: { measures: { include: { followUps: true }, orderBy: { id: "asc" } }, planItems: true, reviews: true },
    orderBy: [{ sequence: "asc" }, { id: "asc" }],
  });
  const rows = risks.map((r): RiskRow => {
    const assessed = r.likelihood != null && r.impact != null ? assessRisk(m, r.likelihood, r.impact) : null;
    const level = assessed?.level ?? r.level;
    return {
      id: r.id,
      fiscalYear: r.fiscalYear,
      divisionId: r.divisionId,
      unitName: r.unitName,
      source: r.source,
      sequence: r.sequence,
      processStep: r.processStep,
      event: r.event,
      type: r.type,
      typeLabel: RISK_TYPE_LABELS[r.type as RiskType] ?? r.type,
      likelihood: r.likelihood,
      impact: r.impact,
      score: assessed?.score ?? null,
      level,
      levelLabel: r.gap ? "—" : levelLabel(m, level),
      existingControls: r.existingControls,
      gap: r.gap,
      gapNote: r.gapNote,
      createdAt: r.createdAt.toISOString(),
      includedAt: r.includedAt?.toISOString() ?? null,
      planItems: r.planItems.map((p) => p.itemNumber).sort((a, b) => a - b),
      measures: r.measures.map((x) => ({
        id: x.id,
        description: x.description,
        owner: x.owner,
        dueDate: x.dueDate?.toISOString() ?? null,
        planItem: x.planItem,
        createdAt: x.createdAt.toISOString(),
        followUps: Object.fromEntries(
          x.followUps.map((f) => [
            f.period,
            {
              status: f.status as FollowUpStatus,
              statusLabel: FOLLOW_UP_STATUS_LABELS[f.status as FollowUpStatus] ?? f.status,
              note: f.note,
              evidenceUrl: f.evidenceUrl,
              recordedAt: f.recordedAt.toISOString(),
            },
          ]),
        ),
      })),
      residual: Object.fromEntries(
        r.reviews.map((v) => {
          const a = assessRisk(m, v.residualLikelihood, v.residualImpact);
          return [
            v.period,
            {
              likelihood: v.residualLikelihood,
              impact: v.residualImpact,
              score: a.score,
              level: a.level,
              levelLabel: a.label,
            },
          ];
        }),
      ),
    };
  });
  // Source tables keep their order; the app's risks come worst first, then by unit.
  return rows.sort((a, b) => {
    if (a.source !== "app" || b.source !== "app") return (a.sequence ?? 0) - (b.sequence ?? 0) || a.id - b.id;
    return (
      levelRank(b.level) - levelRank(a.level) ||
      (b.score ?? 0) - (a.score ?? 0) ||
      a.unitName.localeCompare(b.unitName, "th") ||
      a.id - b.id
    );
  });
}

export type RegisterYearView = {
  consolidatedAt: string | null;
  publishedAt: string | null;
  channels: { name: string; url: string | null; at: string }[];
};

export async function readRegisterYear(fiscalYear: number, client: Db | Tx = db): Promise<RegisterYearView> {
  const y = await client.riskRegisterYear.findUnique({ where: { fiscalYear } });
  return {
    consolidatedAt: y?.consolidatedAt?.toISOString() ?? null,
    publishedAt: y?.publishedAt?.toISOString() ?? null,
    channels: y ? (JSON.parse(y.channels) as RegisterYearView["channels"]) : [],
  };
}

export async function isYearClosed(fiscalYear: number, client: Db | Tx = db): Promise<boolean> {
  return (await client.fiscalYearClosure.findUnique({ where: { fiscalYear } })) != null;
}
