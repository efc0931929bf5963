import { createHash } from "node:crypto";
import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import type { PlanReport } from "~/domain/plan-report";
import { fullName } from "~/domain/personnel";
import { refusal } from "~/domain/refusal";
import { REPORT_PERIOD_SHORT, reportPeriodEnded, type ReportPeriod } from "~/domain/report-periods";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { buildPlanReport } from "./report.server";

// A submitted report is frozen: its JSON and SHA-256 are stored once (SQLite triggers refuse updates and deletes),
// so later data changes never rewrite what was submitted.

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

export async function freezePlanReport(actor: Actor, fiscalYear: number, period: ReportPeriod, now = new Date()) {
  if (!isHr(actor)) throw refusal(403, "การบันทึกรายงานฉบับส่งเป็นหน้าที่ของกองการเจ้าหน้าที่");
  if (!reportPeriodEnded(fiscalYear, period, now))
    throw refusal(409, `ยังไม่สิ้นสุด${REPORT_PERIOD_SHORT[period]}ของปีงบประมาณ ${fiscalYear} จึงยังบันทึกฉบับส่งไม่ได้`);
  const already = () =>
    refusal(409, `รายงาน${REPORT_PERIOD_SHORT[period]} ปีงบประมาณ ${fiscalYear} ถูกบันทึกเป็นฉบับส่งแล้ว บันทึกซ้ำไม่ได้`);
  if (await db.frozenPlanReport.findUnique({ where: { fiscalYear_period: { fiscalYear, period } } })) throw already();
  const report = await buildPlanReport(fiscalYear, period, now); // slow reads outside the transaction
  const snapshot = JSON.stringify(report);
  const hash = sha256(snapshot);
  return db.$transaction(async (tx) => {
    if (await tx.frozenPlanReport.findUnique({ where: { fiscalYear_period: { fiscalYear, period } } })) throw already();
    const person = await tx.person.findUniqueOrThrow({ where: { id: actor.personId } });
    const frozen = await tx.frozenPlanReport.create({
      data: {
        fiscalYear,
        period,
        frozenAt: now,
        frozenById: actor.personId,
        frozenByName: fullName(person),
        snapshot,
        sha256: hash,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "plan_report.frozen",
      entityType: "FrozenPlanReport",
      entityId: frozen.id,
      after: { fiscalYear, period, sha256: hash },
    });
    return { id: frozen.id, sha256: hash };
  });
}

export type FrozenView = {
  id: number;
  fiscalYear: number;
  period: ReportPeriod;
  frozenAt: string;
  frozenByName: string;
  sha256: string;
  intact: boolean;
};

export async function frozenReport(
  fiscalYear: number,
  period: ReportPeriod,
): Promise<{ view: FrozenView; report: PlanReport } | null> {
  const row = await db.frozenPlanReport.findUnique({ where: { fiscalYear_period: { fiscalYear, period } } });
  return row ? readFrozen(row) : null;
}

export async function frozenReportById(id: number) {
  const row = await db.frozenPlanReport.findUnique({ where: { id } });
  return row ? readFrozen(row) : null;
}

function readFrozen(row: {
  id: number;
  fiscalYear: number;
  period: string;
  frozenAt: Date;
  frozenByName: string;
  snapshot: string;
  sha256: string;
}) {
  return {
    view: {
      id: row.id,
      fiscalYear: row.fiscalYear,
      period: row.period as ReportPeriod,
      frozenAt: row.frozenAt.toISOString(),
      frozenByName: row.frozenByName,
      sha256: row.sha256,
      intact: sha256(row.snapshot) === row.sha256,
    },
    report: JSON.parse(row.snapshot) as PlanReport,
  };
}

export async function listFrozenReports(): Promise<FrozenView[]> {
  const rows = await db.frozenPlanReport.findMany({
    orderBy: [{ fiscalYear: "desc" }, { period: "asc" }],
    select: { id: true, fiscalYear: true, period: true, frozenAt: true, frozenByName: true, sha256: true },
  });
  return rows.map((r) => ({
    ...r,
    period: r.period as ReportPeriod,
    frozenAt: r.frozenAt.toISOString(),
    intact: true,
  }));
}
