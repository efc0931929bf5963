import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import { refusal } from "~/domain/refusal";
import type { ReportPeriod } from "~/domain/report-periods";
import { bahtToSatang, type ReportEntryInput } from "~/schemas/risks";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

// HR's part of a report, per item and period: actual spending, an evidence link, problems and suggestions.

export async function recordReportEntry(
  actor: Actor,
  fiscalYear: number,
  period: ReportPeriod,
  input: ReportEntryInput,
  now = new Date(),
) {
  if (!isHr(actor)) throw refusal(403, "การบันทึกงบประมาณที่ใช้จริงและปัญหาอุปสรรคเป็นหน้าที่ของกองการเจ้าหน้าที่");
  const spentSatang = bahtToSatang(input.spent);
  return db.$transaction(async (tx) => {
    if (await tx.fiscalYearClosure.findUnique({ where: { fiscalYear } }))
      throw refusal(409, `ปีงบประมาณ ${fiscalYear} ปิดแล้ว ข้อมูลแก้ไขไม่ได้`);
    if (await tx.frozenPlanReport.findUnique({ where: { fiscalYear_period: { fiscalYear, period } } }))
      throw refusal(409, "รายงานของรอบนี้ถูกบันทึกเป็นฉบับส่งแล้ว แก้ไขไม่ได้");
    if (!(await tx.planItem.findUnique({ where: { number: input.itemNumber } })))
      throw refusal(404, "ไม่พบรายการนี้ในแผน");
    const key = { itemNumber_fiscalYear_period: { itemNumber: input.itemNumber, fiscalYear, period } };
    const before = await tx.planItemReportEntry.findUnique({ where: key });
    const data = {
      spentSatang,
      evidenceUrl: input.evidenceUrl || null,
      problems: input.problems || null,
      suggestions: input.suggestions || null,
      updatedAt: now,
      updatedById: actor.personId,
    };
    await tx.planItemReportEntry.upsert({
      where: key,
      create: { itemNumber: input.itemNumber, fiscalYear, period, ...data },
      update: data,
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "plan_report.entry_recorded",
      entityType: "PlanItem",
      entityId: input.itemNumber,
      before: before
        ? {
            spentSatang: before.spentSatang,
            evidenceUrl: before.evidenceUrl,
            problems: before.problems,
            suggestions: before.suggestions,
          }
        : undefined,
      after: {
        fiscalYear,
        period,
        spentSatang,
        evidenceUrl: data.evidenceUrl,
        problems: data.problems,
        suggestions: data.suggestions,
      },
    });
    return { itemNumber: input.itemNumber };
  });
}
