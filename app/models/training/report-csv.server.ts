import { fullName, personnelTypeLabel } from "~/domain/personnel";
import { refusal } from "~/domain/refusal";
import { formatThaiDateTime } from "~/domain/thai-date";
import { isoDate } from "~/domain/training-report";
import { db } from "~/utils/db.server";
import { assertHr, type Viewer } from "./report.server";

// HR's CSV of a course's submitted attempts (every row; one query with the person and unit included).

const ATTEMPT_HEADER = [
  "ปีงบประมาณ",
  "เลขประจำตัว",
  "ชื่อ–นามสกุล",
  "ประเภทบุคลากร",
  "หน่วยงาน",
  "แบบทดสอบ",
  "ครั้งที่",
  "เริ่มทำ",
  "เริ่มทำ (ISO)",
  "ส่งเมื่อ",
  "ส่งเมื่อ (ISO)",
  "ตอบถูก",
  "จำนวนข้อ",
  "ร้อยละ",
  "ผล",
];

/** HR's CSV of a course's submitted attempts in a fiscal year (Thai dates with ISO dates beside them). */
export async function attemptsCsv(slug: string, fiscalYear: number, viewer: Viewer) {
  assertHr(viewer);
  const course = await db.course.findUnique({ where: { slug } });
  if (!course) throw refusal(404, "ไม่พบหลักสูตรนี้");
  const attempts = await db.attempt.findMany({
    where: { courseId: course.id, fiscalYear, submittedAt: { not: null } },
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
    isoDate(a.startedAt),
    formatThaiDateTime(a.submittedAt!),
    isoDate(a.submittedAt!),
    a.correctCount,
    a.totalCount,
    a.totalCount ? ((a.correctCount! * 100) / a.totalCount).toFixed(1) : "",
    a.kind === "pre" ? "" : a.passed ? "ผ่าน" : "ไม่ผ่าน",
  ]);
  return { filename: `attempts-${course.slug}-${fiscalYear}.csv`, header: ATTEMPT_HEADER, rows };
}
