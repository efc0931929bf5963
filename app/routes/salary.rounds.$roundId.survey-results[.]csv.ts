import type { LoaderFunctionArgs } from "@remix-run/node";
import { sharePercent } from "~/domain/indicators";
import { surveyResultsCsv } from "~/models/salary/pages.server";
import { loadOrRefuse } from "~/utils/route.server";
import { salaryActor } from "~/utils/salary-route.server";
import { requireRole } from "~/utils/auth.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { idParam } from "~/utils/params.server";

// Aggregates only, the same as the page shows: never one row per response.
const HEADER = [
  "ส่วน",
  "รายการ",
  "ผู้ตอบ (คน)",
  "พึงพอใจ (คน)",
  "ร้อยละพึงพอใจ",
  "ระดับ 1",
  "ระดับ 2",
  "ระดับ 3",
  "ระดับ 4",
  "ระดับ 5",
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const results = await loadOrRefuse(() => surveyResultsCsv(idParam(params.roundId), salaryActor(user, context)));
  const { details } = results;
  const rows: unknown[][] = [
    ["ภาพรวม", results.round.title, details.respondents, details.satisfied, details.percent],
    ...details.distributions.map((counts, i) => [
      "รายข้อ",
      `${i + 1}. ${results.statements[i]}`,
      counts.reduce((a, b) => a + b, 0),
      "",
      "",
      ...counts,
    ]),
    ...details.breakdown.shown.map((g) => [
      "รายหน่วยงาน",
      g.name,
      g.respondents,
      g.satisfied,
      sharePercent(g.satisfied, g.respondents),
    ]),
  ];
  const folded = details.breakdown.folded;
  if (folded)
    rows.push([
      "รายหน่วยงาน",
      `อื่น ๆ (รวม ${folded.divisionCount} หน่วยงาน)`,
      folded.respondents,
      folded.satisfied,
      sharePercent(folded.satisfied, folded.respondents),
    ]);
  return csvResponse(`salary-survey-round-${results.round.id}.csv`, toCsv(HEADER, rows));
}
