/** The Thai column headers of a roster CSV (import), shared by the page and the importer. */
export const ROSTER_COLUMNS = {
  employeeNumber: "เลขประจำตัว",
  title: "คำนำหน้า",
  firstName: "ชื่อ",
  lastName: "นามสกุล",
  position: "ตำแหน่ง",
  personnelType: "ประเภทบุคลากร",
  division: "หน่วยงาน",
  activeFrom: "เริ่มปฏิบัติงาน",
  activeUntil: "สิ้นสุดการปฏิบัติงาน",
} as const;
