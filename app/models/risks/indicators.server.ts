import { countStatus, type IndicatorStatus } from "~/domain/indicators";
import type { RiskRegisterInstrument } from "~/domain/risks";
import { db } from "~/utils/db.server";

// Item 37's indicators read from the register (an instrument kind of its own, hooked into indicators.server.ts):
// one risk assessment report a year, at least 5 measures, publication on at least one channel.

export type RegisterCounts = { reports: number; measures: number; channels: number };

/** What the register held at `at`: the consolidated report, measures of consolidated risks, publication channels. */
export async function registerCounts(fiscalYear: number, at: Date): Promise<RegisterCounts> {
  const [year, measures] = await Promise.all([
    db.riskRegisterYear.findUnique({ where: { fiscalYear } }),
    db.riskMeasure.count({
      where: { createdAt: { lte: at }, risk: { fiscalYear, gap: false, includedAt: { not: null, lte: at } } },
    }),
  ]);
  const channels = year
    ? (JSON.parse(year.channels) as { at: string }[]).filter((c) => new Date(c.at).getTime() <= at.getTime()).length
    : 0;
  return { reports: year?.consolidatedAt && year.consolidatedAt.getTime() <= at.getTime() ? 1 : 0, measures, channels };
}

const SPEC: Record<RiskRegisterInstrument, { key: keyof RegisterCounts; rule: (n: number) => string; source: string }> =
  {
    "risk-register-report": {
      key: "reports",
      rule: (n) => `มีรายงานการประเมินความเสี่ยง (ทะเบียนที่รวบรวมแล้ว) อย่างน้อย ${n} ชุด`,
      source: "ทะเบียนความเสี่ยงการทุจริตที่กองการเจ้าหน้าที่รวบรวมแล้ว (/risks)",
    },
    "risk-register-measures": {
      key: "measures",
      rule: (n) => `มีมาตรการบริหารความเสี่ยงในทะเบียนอย่างน้อย ${n} เรื่อง`,
      source: "มาตรการของความเสี่ยงในทะเบียนที่รวบรวมแล้ว (/risks)",
    },
    "risk-register-publication": {
      key: "channels",
      rule: (n) => `เผยแพร่ผลการประเมินความเสี่ยงอย่างน้อย ${n} ช่องทาง`,
      source: "ช่องทางที่เผยแพร่ทะเบียนความเสี่ยง (/transparency/risks)",
    },
  };

/** One of item 37's indicators from the register's counts (read once for the three: `registerCounts`). */
export function riskRegisterIndicator(
  instrument: RiskRegisterInstrument,
  minimum: number,
  counts: RegisterCounts,
  yearClosed: boolean,
): {
  rule: string;
  numerator: number;
  denominator: null;
  value: number;
  status: IndicatorStatus;
  source: string;
} {
  const spec = SPEC[instrument];
  const count = counts[spec.key];
  return {
    rule: spec.rule(minimum),
    numerator: count,
    denominator: null,
    value: count,
    status: countStatus({ count, minimumCount: minimum, yearClosed }),
    source: spec.source,
  };
}
