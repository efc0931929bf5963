import type { LoaderFunctionArgs } from "@remix-run/node";
import { fullName, personnelTypeLabel } from "~/domain/personnel";
import { formatThaiDateTime } from "~/domain/thai-date";
import { requireRole } from "~/utils/auth.server";
import { csvResponse, toCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { fiscalYearParam } from "~/utils/fiscal-year-param.server";
import { httpError } from "~/utils/http.server";

const HEADER = [
  "ปีงบประมาณ",
  "เลขประจำตัว",
  "ชื่อ–นามสกุล",
  "ประเภทบุคลากร",
  "หน่วยงาน",
  "แบบทดสอบ",
  "ครั้งที่",
  "เริ่มทำ",
  "ส่งเมื่อ",
  "ตอบถูก",
  "จำนวนข้อ",
  "ร้อยละ",
  "ผล",
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "hr", "admin");
  const year = fiscalYearParam(request);
  const course = await db.course.findUnique({ where: { slug: params.slug ?? "" } });
  if (!course) httpError(404, "ไม่พบหลักสูตรนี้");
  const attempts = await db.attempt.findMany({
    where: { courseId: course.id, fiscalYear: year, submittedAt: { not: null } },
    include: { person: { include: { division: true } } },
    orderBy: [{ personId: "asc" }, { id: "asc" }],
  });
  const rows = attempts.map((a) => [
    a.fiscalYear,
    a.person.employeeNumber,
    fullName(a.person),
    personnelTypeLabel(a.person.personnelType),
    a.person.division.name,
    a.kind === "pre" ? "ก่อนเรียน" : "หลังเรียน",
    a.number,
    formatThaiDateTime(a.startedAt),
    formatThaiDateTime(a.submittedAt!),
    a.correctCount,
    a.totalCount,
    a.totalCount ? ((a.correctCount! * 100) / a.totalCount).toFixed(1) : "",
    a.kind === "pre" ? "" : a.passed ? "ผ่าน" : "ไม่ผ่าน",
  ]);
  return csvResponse(`attempts-${course.slug}-${year}.csv`, toCsv(HEADER, rows));
}
