import type { LoaderFunctionArgs } from "@remix-run/node";
import { INDICATOR_KIND_LABELS, INDICATOR_STATUS_LABELS } from "~/domain/indicators";
import { computeIndicators } from "~/models/plan/indicators.server";
import { requireRole } from "~/utils/auth.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";

const HEADER = [
  "ปีงบประมาณ",
  "มิติ",
  "ลำดับที่",
  "โครงการ/กิจกรรม/มาตรการ",
  "ตัวชี้วัด",
  "ประเภท",
  "ตัวตั้ง",
  "ตัวหาร",
  "ค่า",
  "เกณฑ์",
  "สถานะ",
  "แหล่งข้อมูล",
  "ผลที่บันทึก",
  "ตัววัดที่สอง",
  "ตัวตั้ง (ตัววัดที่สอง)",
  "ตัวหาร (ตัววัดที่สอง)",
  "ค่า (ตัววัดที่สอง)",
  "สถานะ (ตัววัดที่สอง)",
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  const year = fiscalYearParam(request);
  const rows = (await computeIndicators(year)).map((r) => [
    year,
    r.dimension,
    r.itemNumber,
    r.itemName,
    r.text,
    INDICATOR_KIND_LABELS[r.kind] ?? r.kind,
    r.numerator,
    r.denominator,
    r.value,
    r.rule,
    INDICATOR_STATUS_LABELS[r.status],
    r.source,
    r.valueText ?? null,
    r.secondary?.label ?? null,
    r.secondary?.numerator ?? null,
    r.secondary?.denominator ?? null,
    r.secondary?.value ?? null,
    r.secondary ? INDICATOR_STATUS_LABELS[r.secondary.status] : null,
  ]);
  return csvResponse(`indicators-${year}.csv`, toCsv(HEADER, rows));
}
