import type { LoaderFunctionArgs } from "@remix-run/node";
import { GIFT_CSV_HEADER, giftCsvRows } from "~/models/registers/hr-registers.server";
import { requireRole } from "~/utils/auth.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { clientIp } from "~/utils/request.server";
import { loadOrRefuse } from "~/utils/route.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "hr", "admin");
  const year = fiscalYearParam(request);
  const rows = await loadOrRefuse(() =>
    giftCsvRows({ personId: user.id, roles: user.roles, ip: clientIp(context) }, year),
  );
  return csvResponse(`gift-register-${year}.csv`, toCsv(GIFT_CSV_HEADER, rows));
}
