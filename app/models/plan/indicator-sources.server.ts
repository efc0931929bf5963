import type { PlanIndicator } from "@prisma/client";
import { fiscalYearRange } from "~/domain/fiscal-year";
import { entryRule, entryStatus, entryValueText, type AppCountedInstrument } from "~/domain/indicator-entries";
import { sharePercent, shareStatus, type IndicatorExtra } from "~/domain/indicators";
import { fullName } from "~/domain/personnel";
import { formatThaiDateTime } from "~/domain/thai-date";
import { db } from "~/utils/db.server";
import { groupBy } from "~/utils/group-by";
import { complaintCountForFiscalYear } from "~/models/complaints/stats.server";
import { countOrdersSignedInFiscalYear } from "~/models/orders/order-queries.server";
import type { LatestEntry } from "~/models/plan/indicator-entries.server";
import { populationOf } from "~/models/people/target-groups.server";
import { satisfactionForFiscalYear } from "~/models/salary/survey.server";
import type { Roster } from "./indicators.server";

// The indicators read from the registers and records other features own: counts (orders, announcements,
// complaints), acknowledgements of a published document, item 19's salary survey, and HR's entries (decision 013).

/** The count indicators the app can measure, by instrument (content/plan/items/NN.yaml). */
export const COUNTERS: Record<
  AppCountedInstrument,
  {
    source: string;
    unit?: string;
    count: (fiscalYear: number, itemNumber: number) => Promise<number>;
    firstRecordAt: () => Promise<Date | null>;
  }
> = {
  "delegation-orders": {
    source: "คำสั่งมอบหมายงานที่ลงนามในปีงบประมาณ",
    count: (fiscalYear) => countOrdersSignedInFiscalYear(fiscalYear),
    firstRecordAt: async () =>
      (
        await db.delegationOrder.findFirst({
          where: { signedAt: { not: null } },
          orderBy: { signedAt: "asc" },
          select: { signedAt: true },
        })
      )?.signedAt ?? null,
  },
  announcement: {
    source: "เอกสารที่ประกาศในระบบสำหรับรายการนี้ในปีงบประมาณ",
    count: (fiscalYear, itemNumber) => {
      const { start, end } = fiscalYearRange(fiscalYear);
      return db.policyDocument.count({ where: { planItemNumber: itemNumber, publishedAt: { gte: start, lt: end } } });
    },
    firstRecordAt: async () =>
      (await db.policyDocument.findFirst({ orderBy: { publishedAt: "asc" }, select: { publishedAt: true } }))
        ?.publishedAt ?? null,
  },
  // complaints (items 40, 41): reports from the public through the corruption complaint channel
  "complaint-count": {
    source: "เรื่องร้องเรียนและเบาะแสที่รับผ่านช่องทางร้องเรียนการทุจริตในปีงบประมาณ",
    unit: "เรื่อง",
    count: (fiscalYear) => complaintCountForFiscalYear(fiscalYear),
    firstRecordAt: async () =>
      (await db.complaint.findFirst({ orderBy: { receivedAt: "asc" }, select: { receivedAt: true } }))?.receivedAt ??
      null,
  },
};

/** An indicator HR records by hand: judged from the latest entry for the year. */
export function fromEntry(ind: PlanIndicator, extra: IndicatorExtra, entry: LatestEntry | null, yearClosed: boolean) {
  const rule = entryRule({ ...ind, extra });
  const status = entryStatus(rule, entry, yearClosed);
  if (!entry) return { rule: rule.text, numerator: null, denominator: null, value: null, status, source: null };
  const evidence = entry.evidenceFile ? `ไฟล์ ${entry.evidenceFile.fileName}` : (entry.evidenceUrl ?? "");
  return {
    rule: rule.text,
    numerator: rule.unit === "count" || rule.unit === "share" || rule.unit === "every" ? entry.value : null,
    denominator: rule.unit === "share" || rule.unit === "every" ? entry.participants : null,
    value:
      rule.unit === "share"
        ? sharePercent(entry.value ?? 0, entry.participants ?? 0, ind.thresholdPercent)
        : entry.value,
    valueText: entryValueText(rule, entry),
    status,
    source: `บันทึกโดย ${fullName(entry.enteredBy)} เมื่อ ${formatThaiDateTime(entry.enteredAt)}${entry.instrumentUsed ? ` · เครื่องมือวัด: ${entry.instrumentUsed}` : ""} · หลักฐาน: ${evidence}`,
    entry: {
      id: entry.id,
      enteredAt: entry.enteredAt.toISOString(),
      enteredBy: fullName(entry.enteredBy),
      evidenceUrl: entry.evidenceUrl,
      evidenceFileId: entry.evidenceFile?.id ?? null,
      evidenceFileName: entry.evidenceFile?.fileName ?? null,
      note: entry.note,
    },
  };
}

/** Share of the target group who acknowledged the latest document published for the item, by the date. */
export async function attestation(
  ind: PlanIndicator,
  fiscalYear: number,
  yearClosed: boolean,
  at: Date,
  people: Roster,
  topOf: Map<number, number>,
) {
  const threshold = ind.thresholdPercent ?? 100;
  const rule = `รับทราบเอกสารที่ประกาศ ไม่น้อยกว่าร้อยละ ${threshold} ของกลุ่มเป้าหมาย`;
  const document = await db.policyDocument.findFirst({
    // The year's own document: last year's acknowledgements do not count for this year.
    where: { planItemNumber: ind.itemNumber, publishedAt: { gte: fiscalYearRange(fiscalYear).start, lte: at } },
    orderBy: { publishedAt: "desc" },
  });
  const group = await populationOf(ind.targetGroupCode!, at, people);
  if (!document || !group)
    return { rule, numerator: null, denominator: null, value: null, status: "no_instrument" as const, source: null };
  const acknowledged = new Set(
    (
      await db.policyAcknowledgement.findMany({
        where: { documentId: document.id, acknowledgedAt: { lte: at } },
        select: { personId: true },
      })
    ).map((a) => a.personId),
  );
  const population = group.members;
  const numerator = population.filter((p) => acknowledged.has(p.id)).length;
  const divisions = groupBy(population, (p) => topOf.get(p.divisionId) ?? p.divisionId);
  return {
    rule,
    numerator,
    denominator: population.length,
    value: sharePercent(numerator, population.length, threshold),
    // Once the document is out, nobody having acknowledged it is a result (in progress / not met), not missing data.
    status: shareStatus({
      numerator,
      denominator: population.length,
      thresholdPercent: threshold,
      participants: population.length,
      yearClosed,
    }),
    missingPersonIds: population.filter((p) => !acknowledged.has(p.id)).map((p) => p.id),
    byDivision: [...divisions].map(([divisionId, members]) => ({
      divisionId,
      numerator: members.filter((p) => acknowledged.has(p.id)).length,
      denominator: members.length,
      participants: members.length,
    })),
    source: `การรับทราบ "${document.title}" · กลุ่มเป้าหมาย: ${group.name}`,
  };
}

/** Item 19: share of the year's survey respondents who are satisfied (rounds whose survey has closed; decision 016). */
export async function salarySurveySatisfaction(ind: PlanIndicator, fiscalYear: number, yearClosed: boolean, at: Date) {
  const threshold = ind.thresholdPercent ?? 80;
  const { rounds, respondents, satisfied, satisfiedMeanAtLeast } = await satisfactionForFiscalYear(fiscalYear, at);
  return {
    rule: `ผู้ตอบแบบสำรวจที่พึงพอใจ (ค่าเฉลี่ยคำตอบ ≥ ${satisfiedMeanAtLeast} จาก 5) ไม่น้อยกว่าร้อยละ ${threshold}`,
    numerator: satisfied,
    denominator: respondents,
    value: sharePercent(satisfied, respondents, threshold),
    status: shareStatus({
      numerator: satisfied,
      denominator: respondents,
      thresholdPercent: threshold,
      participants: respondents,
      yearClosed,
    }),
    source: rounds.length
      ? `แบบสำรวจความพึงพอใจหลังประกาศผล: ${rounds.map((r) => r.title).join(", ")}`
      : "แบบสำรวจความพึงพอใจหลังประกาศผล (ยังไม่มีรอบที่ปิดแบบสำรวจ)",
  };
}
