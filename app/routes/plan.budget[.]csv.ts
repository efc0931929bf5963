import type { LoaderFunctionArgs } from "@remix-run/node";
import { planOverview } from "~/models/plan/plan-queries.server";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { requireRole } from "~/utils/auth.server";
import { csvResponse, toCsv } from "~/utils/csv";

// One row per item and fiscal year, then the totals per dimension and year and per year, each with the
// total the plan document states beside the computed one.
const HEADER = [
  "มิติ",
  "ลำดับที่",
  "ชื่อโครงการ/กิจกรรม/มาตรการ",
  "ปีงบประมาณ (พ.ศ.)",
  "งบประมาณ (บาท)",
  "ยอดที่แผนระบุ (บาท)",
  "ตรงกัน",
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  const { items, totals } = await planOverview();
  const itemRows = items.flatMap((i) =>
    PLAN_FISCAL_YEARS.map((y) => [i.dimension, i.number, i.name, y, i.budget[y] ?? 0, "", ""]),
  );
  const totalRows = totals.map((t) => [
    t.dimension ?? "รวมทุกมิติ",
    "",
    t.dimension ? `รวมมิติที่ ${t.dimension}` : "รวมทั้งสิ้น",
    t.fiscalYear,
    t.computed,
    t.stated ?? "",
    t.matches ? "ตรง" : "ไม่ตรง",
  ]);
  return csvResponse("plan-budget.csv", toCsv(HEADER, [...itemRows, ...totalRows]));
}
