import type { PrismaClient } from "@prisma/client";
import type { Role } from "~/domain/roles";
import { bangkokMidnightUtc } from "~/domain/thai-date";
import { actOnCase } from "~/models/complaints/case-commands.server";
import { replyAsReporter, submitReport } from "~/models/complaints/intake.server";
import { submissionLimiter } from "~/models/complaints/throttle.server";
import { writeAudit } from "~/utils/audit.server";
import { hashPassword } from "~/utils/password.server";

// Demo data for the corruption complaint channel (plan items 40, 41): an integrity officer account and a few cases
// in each plan year, handled through the same model functions the pages use. No FY 2565 baseline is invented.

type DemoCase = {
  received: [number, number, number]; // CE date in Bangkok
  subject: string;
  details: string;
  unit?: string;
  division?: string;
  category?: "corruption" | "misconduct" | "out_of_scope";
  outcome?: "unfounded" | "disciplinary" | "referred_nacc" | "referred_police" | "referred_sao";
  closeAfterDays?: number;
  question?: string;
  answer?: string;
  reporter?: { name: string; contact: string };
};

const procurement = { unit: "งานพัสดุ กองคลัง", division: "finance-procurement" };
const works = { unit: "ฝ่ายการโยธา สำนักช่าง", division: "engineering-works" };
const revenue = { unit: "ฝ่ายพัฒนารายได้ กองคลัง", division: "finance-revenue" };
const control = { unit: "ฝ่ายควบคุมอาคารและผังเมือง", division: "engineering-building-control" };

const CASES: DemoCase[] = [
  // FY 2566
  {
    received: [2022, 11, 8],
    subject: "สงสัยการกำหนดคุณลักษณะเฉพาะเอื้อผู้ขายรายเดียว",
    details: "ประกาศจัดซื้อครุภัณฑ์คอมพิวเตอร์กำหนดรุ่นที่มีผู้จำหน่ายรายเดียวในจังหวัด",
    ...procurement,
    category: "corruption",
    outcome: "unfounded",
    closeAfterDays: 41,
  },
  {
    received: [2023, 1, 16],
    subject: "เจ้าหน้าที่เรียกเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง",
    details: "มีผู้แจ้งว่าถูกเรียกเงิน 5,000 บาทเพื่อให้ได้ใบอนุญาตเร็วขึ้น",
    ...control,
    category: "corruption",
    outcome: "disciplinary",
    closeAfterDays: 55,
    question: "ท่านพอจะจำวันและเวลาที่ถูกเรียกเงินได้หรือไม่",
    answer: "ประมาณกลางเดือนมกราคม ช่วงบ่าย ที่ห้องฝ่ายควบคุมอาคาร",
  },
  { received: [2023, 3, 2], subject: "ขอให้ซ่อมไฟส่องสว่างในซอย", details: "ไฟดับมาสองสัปดาห์", category: "out_of_scope" },
  {
    received: [2023, 6, 19],
    subject: "ใช้รถราชการไปธุระส่วนตัววันหยุด",
    details: "พบรถกระบะของเทศบาลจอดที่ตลาดนัดวันอาทิตย์",
    ...works,
    category: "misconduct",
    outcome: "disciplinary",
    closeAfterDays: 30,
  },
  // FY 2567
  {
    received: [2023, 10, 24],
    subject: "ผู้รับจ้างถนนทิ้งงานแต่ได้รับเงินครบ",
    details: "งานปรับปรุงถนนสายหนึ่งยังไม่เสร็จแต่มีการเบิกจ่ายงวดสุดท้าย",
    ...works,
    category: "corruption",
    outcome: "referred_sao",
    closeAfterDays: 58,
  },
  {
    received: [2024, 2, 5],
    subject: "ลงเวลาปฏิบัติงานแทนกัน",
    details: "มีการลงเวลาแทนเพื่อนร่วมงานที่ไม่ได้มาทำงาน",
    ...revenue,
    category: "misconduct",
    outcome: "unfounded",
    closeAfterDays: 20,
  },
  {
    received: [2024, 5, 13],
    subject: "เรียกรับเงินค่าธรรมเนียมเกินอัตรา",
    details: "ถูกเรียกเก็บค่าธรรมเนียมป้ายสูงกว่าประกาศโดยไม่มีใบเสร็จ",
    ...revenue,
    category: "corruption",
    outcome: "referred_nacc",
    closeAfterDays: 72,
  },
  // FY 2568
  {
    received: [2024, 12, 3],
    subject: "แบ่งซื้อแบ่งจ้างเพื่อให้ต่ำกว่าวงเงิน",
    details: "จัดจ้างซ่อมแซมอาคารหลายสัญญาในเดือนเดียวกัน วงเงินต่ำกว่า 100,000 บาททุกสัญญา",
    ...procurement,
    category: "corruption",
    outcome: "disciplinary",
    closeAfterDays: 49,
  },
  {
    received: [2025, 4, 21],
    subject: "ร้องเรียนเสียงดังจากร้านอาหาร",
    details: "ร้านอาหารเปิดเพลงเสียงดังหลังเที่ยงคืน",
    category: "out_of_scope",
  },
  {
    received: [2025, 7, 7],
    subject: "ขอให้ตรวจสอบการตรวจรับงานก่อสร้างรางระบายน้ำ",
    details: "รางระบายน้ำแตกร้าวหลังตรวจรับไม่ถึงเดือน",
    ...works,
    category: "corruption",
    outcome: "unfounded",
    closeAfterDays: 64,
  },
  // FY 2569
  {
    received: [2025, 10, 14],
    subject: "เจ้าหน้าที่รับของขวัญจากผู้รับเหมา",
    details: "เห็นผู้รับเหมานำกระเช้าและซองมามอบให้ที่ห้องพัสดุ",
    ...procurement,
    category: "misconduct",
    outcome: "disciplinary",
    closeAfterDays: 33,
  },
  {
    received: [2026, 1, 9],
    subject: "สงสัยการใช้น้ำมันเชื้อเพลิงเกินจริง",
    details: "บันทึกการใช้รถไม่ตรงกับระยะทางจริง",
    ...works,
    category: "corruption",
    outcome: "unfounded",
    closeAfterDays: 45,
  },
  {
    received: [2026, 3, 30],
    subject: "เรียกรับเงินเพื่อไม่ตรวจสอบอาคารต่อเติม",
    details: "เจ้าหน้าที่บอกว่าถ้าจ่ายจะไม่รายงานการต่อเติมผิดแบบ",
    ...control,
    category: "corruption",
    outcome: "referred_police",
    closeAfterDays: 50,
  },
  { received: [2026, 6, 2], subject: "ขอให้ตัดต้นไม้หน้าบ้าน", details: "กิ่งไม้พาดสายไฟ", category: "out_of_scope" },
  {
    received: [2026, 6, 22],
    subject: "ตรวจรับวัสดุไม่ครบตามสัญญา",
    details: "วัสดุก่อสร้างที่ส่งมอบน้อยกว่าใบส่งของ",
    ...procurement,
    category: "corruption",
    outcome: "disciplinary",
    closeAfterDays: 44,
  },
  {
    received: [2026, 7, 15],
    subject: "เรียกรับเงินค่าต่อใบอนุญาตจำหน่ายสินค้าในที่สาธารณะ",
    details: "ผู้ค้าถูกเรียกเงินเพิ่มนอกเหนือค่าธรรมเนียม",
    ...revenue,
    category: "corruption",
    outcome: "referred_nacc",
    closeAfterDays: 66,
  },
  {
    received: [2026, 8, 3],
    subject: "ปลอมลายมือชื่อผู้เข้าร่วมโครงการฝึกอบรม",
    details: "รายชื่อผู้เข้าอบรมมีชื่อคนที่ไม่ได้มาร่วม",
    unit: "กองสวัสดิการสังคม",
    division: "social-welfare",
    category: "corruption",
    outcome: "unfounded",
    closeAfterDays: 38,
  },
  // FY 2570 (the current year): open cases, one waiting to be acknowledged
  {
    received: [2026, 10, 12],
    subject: "เอื้อประโยชน์ผู้เสนอราคาในงานจ้างเหมาบริการทำความสะอาด",
    details: "ผู้ชนะการเสนอราคาเป็นญาติของเจ้าหน้าที่ในคณะกรรมการพิจารณาผล",
    ...procurement,
    category: "corruption",
    question: "ท่านทราบชื่อกรรมการที่เป็นญาติกับผู้ชนะหรือไม่",
    answer: "ทราบว่าเป็นพี่น้องกัน แต่ไม่แน่ใจชื่อจริง",
    reporter: { name: "นายสมมุติ ตัวอย่าง", contact: "081-000-0000" },
  },
  {
    received: [2026, 11, 4],
    subject: "ถูกเรียกเงินแลกกับการรับเด็กเข้าศูนย์พัฒนาเด็กเล็ก",
    details: "มีการเรียกเงินบริจาคเป็นเงื่อนไขการรับเด็ก โดยไม่ออกใบเสร็จ",
  },
];

const at = (d: [number, number, number], hours = 10) =>
  new Date(bangkokMidnightUtc(d[0], d[1], d[2]).getTime() + hours * 3_600_000);
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

export async function seedComplaints(db: PrismaClient, password: string) {
  const officer = await db.person.findFirstOrThrow({
    where: { division: { code: "personnel-management" }, position: "นักทรัพยากรบุคคล", passwordHash: null },
    orderBy: { employeeNumber: "asc" },
  });
  const hash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.person.update({ where: { id: officer.id }, data: { passwordHash: hash } });
    const before = (await tx.personRole.findMany({ where: { personId: officer.id } })).map((r) => r.role).sort();
    await tx.personRole.create({ data: { personId: officer.id, role: "integrity" } });
    await writeAudit(tx, {
      actorId: null,
      action: "person.roles_changed",
      entityType: "Person",
      entityId: officer.employeeNumber,
      before: { roles: before },
      after: { roles: [...before, "integrity"].sort() },
    });
  });
  const roles = (await db.personRole.findMany({ where: { personId: officer.id } })).map((r) => r.role as Role);
  const actor = { personId: officer.id, roles, ip: null };
  const divisions = new Map((await db.division.findMany()).map((d) => [d.code, d.id]));
  const now = Date.now();

  for (const [i, c] of CASES.entries()) {
    const received = at(c.received);
    if (received.getTime() > now) continue; // never in the future of the machine's clock
    submissionLimiter.reset();
    const { receiptCode } = await submitReport(
      {
        subject: c.subject,
        details: c.details,
        unitConcerned: c.unit ?? "",
        reporterName: c.reporter?.name ?? "",
        reporterContact: c.reporter?.contact ?? "",
      },
      [],
      { ip: `seed-${i}` },
      received,
    );
    const complaint = await db.complaint.findFirstOrThrow({ where: { subject: c.subject }, orderBy: { id: "desc" } });
    if (!c.category) continue;
    const step = (days: number) => new Date(Math.min(plusDays(received, days).getTime(), now - 60_000));
    await actOnCase(actor, complaint.id, "acknowledge", {}, step(3));
    if (c.question) {
      await actOnCase(actor, complaint.id, "message", { body: c.question }, step(4));
      await replyAsReporter({ code: receiptCode, body: c.answer ?? "" }, [], { ip: `seed-${i}` }, step(6));
    }
    await actOnCase(
      actor,
      complaint.id,
      "classify",
      { category: c.category, divisionId: c.division ? String(divisions.get(c.division)) : "" },
      step(5),
    );
    if (c.category === "out_of_scope") {
      await actOnCase(
        actor,
        complaint.id,
        "message",
        { body: "เรื่องนี้เป็นเรื่องร้องเรียนทั่วไป ได้ส่งต่อศูนย์รับเรื่องร้องเรียนทั่วไปของเทศบาลแล้ว" },
        step(5),
      );
      continue;
    }
    await actOnCase(actor, complaint.id, "assign", { investigator: officer.employeeNumber }, step(7));
    await actOnCase(actor, complaint.id, "declare", { noConflict: "yes" }, step(7));
    if (!c.outcome || !c.closeAfterDays) continue;
    await actOnCase(actor, complaint.id, "message", { body: "อยู่ระหว่างตรวจสอบข้อเท็จจริง จะแจ้งผลให้ทราบ" }, step(20));
    await actOnCase(
      actor,
      complaint.id,
      "findings",
      { findings: "ตรวจสอบเอกสารและสอบถามผู้เกี่ยวข้องแล้ว สรุปข้อเท็จจริงตามรายงานที่แนบในสำนวน" },
      step(c.closeAfterDays - 1),
    );
    await actOnCase(actor, complaint.id, "message", { body: "ตรวจสอบเสร็จแล้ว ขอบคุณที่แจ้งเรื่อง" }, step(c.closeAfterDays));
    await actOnCase(actor, complaint.id, "close", { outcome: c.outcome }, step(c.closeAfterDays));
  }
  return officer.employeeNumber;
}
