import { z } from "zod";
import { PERSONNEL_TYPES } from "~/domain/personnel";
import "~/utils/forms";

const wholeNumber = (message: string, max: number) =>
  z.coerce.number({ error: message }).int({ error: message }).min(0, { error: message }).max(max, { error: message });

export const roundSchema = z.object({
  fiscalYear: z.coerce.number({ error: "กรุณาเลือกปีงบประมาณ" }).int().min(2566, { error: "ปีงบประมาณไม่ถูกต้อง" }).max(2580, { error: "ปีงบประมาณไม่ถูกต้อง" }),
  half: z.enum(["1", "2"], { error: "กรุณาเลือกครั้งที่" }),
  scopeTypes: z.array(z.enum(PERSONNEL_TYPES)).min(1, { error: "กรุณาเลือกประเภทบุคลากรที่อยู่ในรอบนี้อย่างน้อย 1 ประเภท" }),
  stepTypes: z.array(z.enum(PERSONNEL_TYPES)).default([]),
  // Empty = the whole municipality; a division includes its sections.
  scopeDivisionIds: z.array(z.coerce.number().int().positive()).default([]),
  stepCapHalfSteps: z.enum(["1", "2", "3"], { error: "กรุณาเลือกเพดานขั้น" }),
  percentCap: z.coerce.number({ error: "กรุณากรอกเพดานร้อยละ" }).min(0.01, { error: "เพดานร้อยละต้องมากกว่า 0" }).max(15, { error: "เพดานร้อยละต้องไม่เกิน 15" }),
  poolBaht: wholeNumber("กรุณากรอกวงเงินเป็นจำนวนเต็มบาท", 1_000_000_000),
  appealDays: z.coerce.number({ error: "กรุณากรอกจำนวนวัน" }).int({ error: "กรุณากรอกจำนวนวันเป็นจำนวนเต็ม" }).min(1, { error: "อย่างน้อย 1 วัน" }).max(90, { error: "ไม่เกิน 90 วัน" }),
});
export type RoundInput = z.infer<typeof roundSchema>;

export const appraisalSchema = z.object({
  score: z.coerce.number({ error: "กรุณากรอกคะแนนประเมิน" }).min(0, { error: "คะแนนอยู่ระหว่าง 0–100" }).max(100, { error: "คะแนนอยู่ระหว่าง 0–100" }),
  baseSalaryBaht: z.coerce.number({ error: "กรุณากรอกเงินเดือน" }).int({ error: "กรอกเป็นจำนวนเต็มบาท" }).min(1, { error: "กรุณากรอกเงินเดือน" }).max(500_000, { error: "เงินเดือนไม่ถูกต้อง" }),
  stepValueBaht: z.union([z.literal(""), wholeNumber("กรอกมูลค่าขั้นเป็นจำนวนเต็มบาท", 100_000)]).optional(),
  halfSteps: z.union([z.literal(""), z.enum(["0", "1", "2", "3"])]).optional(),
  percent: z.union([z.literal(""), z.coerce.number({ error: "กรอกร้อยละเป็นตัวเลข" }).min(0, { error: "ร้อยละต้องไม่ติดลบ" }).max(15, { error: "ร้อยละไม่ถูกต้อง" })]).optional(),
  comment: z.string().trim().max(2000, { error: "ข้อความยาวเกินไป" }).default(""),
});
export type AppraisalInput = z.infer<typeof appraisalSchema>;

export const committeeSchema = z.object({
  appointingOrderRef: z.string().trim().min(3, { error: "กรุณากรอกเลขที่คำสั่งแต่งตั้ง" }).max(200, { error: "ข้อความยาวเกินไป" }),
  members: z
    .array(
      z.object({
        employeeNumber: z.string().trim().min(1, { error: "กรุณากรอกเลขประจำตัว" }),
        role: z.enum(["chair", "member", "secretary"], { error: "กรุณาเลือกตำแหน่งในคณะกรรมการ" }),
      }),
    )
    .min(3, { error: "คณะกรรมการต้องมีอย่างน้อย 3 คน" }),
});
export type CommitteeInput = z.infer<typeof committeeSchema>;

export const recusalSchema = z.object({
  appraisalId: z.coerce.number().int().positive({ error: "กรุณาเลือกรายการ" }),
  reason: z.string().trim().min(5, { error: "กรุณาระบุเหตุที่มีส่วนได้เสีย" }).max(500, { error: "ข้อความยาวเกินไป" }),
});

export const meetingSchema = z.object({
  heldAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "กรุณาเลือกวันที่ประชุม" }),
  quorumPercent: z.coerce.number({ error: "กรุณากรอกเกณฑ์องค์ประชุม" }).int().min(1, { error: "ระหว่าง 1–99" }).max(99, { error: "ระหว่าง 1–99" }),
  agendaNote: z.string().trim().max(5000, { error: "ข้อความยาวเกินไป" }).default(""),
});

export const decisionSchema = z.object({
  appraisalId: z.coerce.number().int().positive(),
  outcome: z.enum(["confirm", "change"], { error: "กรุณาเลือกผลการพิจารณา" }),
  halfSteps: z.union([z.literal(""), z.enum(["0", "1", "2", "3"])]).optional(),
  percent: z.union([z.literal(""), z.coerce.number({ error: "กรอกร้อยละเป็นตัวเลข" }).min(0).max(15)]).optional(),
  reason: z.string().trim().max(1000, { error: "ข้อความยาวเกินไป" }).default(""),
});
export type DecisionInput = z.infer<typeof decisionSchema>;

export const minutesSchema = z.object({
  minutes: z.string().trim().min(20, { error: "กรุณาบันทึกรายงานการประชุม (อย่างน้อย 20 ตัวอักษร)" }).max(50_000, { error: "ข้อความยาวเกินไป" }),
});

export const appealSchema = z.object({
  reason: z.string().trim().min(10, { error: "กรุณาระบุเหตุผลที่ขออุทธรณ์ (อย่างน้อย 10 ตัวอักษร)" }).max(5000, { error: "ข้อความยาวเกินไป" }),
});

export const appealAnswerSchema = z.object({
  appealId: z.coerce.number().int().positive(),
  outcome: z.enum(["rejected", "changed"], { error: "กรุณาเลือกผลการพิจารณาอุทธรณ์" }),
  answer: z.string().trim().min(10, { error: "กรุณาระบุคำตอบ (อย่างน้อย 10 ตัวอักษร)" }).max(5000, { error: "ข้อความยาวเกินไป" }),
});

/** Percent as typed (e.g. 3.5) to basis points (350), rounding away float noise such as 3.4999999. */
export const percentToBasisPoints = (percent: number) => Math.round(percent * 100);
