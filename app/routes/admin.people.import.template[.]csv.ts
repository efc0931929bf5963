import type { LoaderFunctionArgs } from "@remix-run/node";
import { ROSTER_COLUMNS } from "~/domain/roster-columns";
import { requireRole } from "~/utils/auth.server";
import { csvResponse, toCsv } from "~/utils/csv";

// The template for /admin/people/import: the exact header the importer reads and one example row.
const EXAMPLE: Record<keyof typeof ROSTER_COLUMNS, string> = {
  employeeNumber: "100999",
  title: "นางสาว",
  firstName: "ตัวอย่าง",
  lastName: "ใจดี",
  position: "นักทรัพยากรบุคคลปฏิบัติการ",
  personnelType: "พนักงานเทศบาล",
  division: "personnel-management",
  activeFrom: "2569-10-01",
  activeUntil: "",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  const keys = Object.keys(ROSTER_COLUMNS) as (keyof typeof ROSTER_COLUMNS)[];
  return csvResponse(
    "roster-template.csv",
    toCsv(
      keys.map((k) => ROSTER_COLUMNS[k]),
      [keys.map((k) => EXAMPLE[k])],
    ),
  );
}
