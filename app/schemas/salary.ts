import { z } from "zod";
import { PERSONNEL_TYPES } from "~/domain/personnel";
import { capViolation } from "~/domain/salary-review";
import { answerFieldName } from "~/domain/salary-survey";
import "~/utils/forms";

/** "12,000" or "12 000" as typed by people: thousands separators and spaces are dropped before the number is read. */
const withoutSeparators = (value: unknown) => (typeof value === "string" ? value.replace(/[,\s\u00a0]/g, "") : value);
export const typedNumber = (message: string) => z.preprocess(withoutSeparators, z.coerce.number({ error: message }));

const wholeNumber = (message: string, max: number, min = 0) =>
  z.preprocess(
    withoutSeparators,
    z.coerce
      .number({ error: message })
      .int({ error: message })
      .min(min, { error: message })
      .max(max, { error: message }),
  );

export const roundSchema = z.object({
  fiscalYear: z.coerce
    .number({ error: "กรุณาเลือกปีงบประมาณ" })
    .int()
    .min(2566, { error: "ปีงบประมาณไม่ถูกต้อง" })
    .max(2580, { error: "ปีงบประมาณไม่ถูกต้อง" }),
  half: z.enum(["1", "2"], { error: "กรุณาเลือกครั้งที่" }),
  scopeTypes: z
    .array(z.enum(PERSONNEL_TYPES), { error: "กรุณาเลือกประเภทบุคลากรที่อยู่ในรอบนี้อย่างน้อย 1 ประเภท" })
    .min(1, { error: "กรุณาเลือกประเภทบุคลากรที่อยู่ในรอบนี้อย่างน้อย 1 ประเภท" }),
  stepTypes: z.array(z.enum(PERSONNEL_TYPES)).default([]),
  // Empty = the whole municipality; a division includes its sections.
  scopeDivisionIds: z.array(z.coerce.number().int().positive()).default([]),
  stepCapHalfSteps: z.enum(["1", "2", "3"], { error: "กรุณาเลือกเพดานขั้น" }),
  percentCap: z.coerce
    .number({ error: "กรุณากรอกเพดานร้อยละ" })
    .min(0.01, { error: "เพดานร้อยละต้องมากกว่า 0" })
    .max(15, { error: "เพดานร้อยละต้องไม่เกิน 15" }),
  // Required and above zero: an untouched form must not create a round with no money to share (issue 12).
  poolBaht: z.preprocess(
    withoutSeparators,
    z.coerce
      .number({ error: "กรุณากรอกวงเงินเป็นจำนวนเต็มบาท" })
      .int({ error: "กรุณากรอกวงเงินเป็นจำนวนเต็มบาท" })
      .min(1, { error: "กรุณากรอกวงเงินรวมของรอบ (มากกว่า 0 บาท)" })
      .max(1_000_000_000, { error: "วงเงินไม่ถูกต้อง" }),
  ),
  appealDays: z.coerce
    .number({ error: "กรุณากรอกจำนวนวัน" })
    .int({ error: "กรุณากรอกจำนวนวันเป็นจำนวนเต็ม" })
    .min(1, { error: "อย่างน้อย 1 วัน" })
    .max(90, { error: "ไม่เกิน 90 วัน" }),
});
export type RoundInput = z.infer<typeof roundSchema>;

/**
 * The appraisal form, with the round's per-person caps checked on the fields themselves, so an over-cap proposal is
 * flagged in the same pass as every other mistake (issue 12 item 10). Same schema in the browser and in the model.
 */
export function appraisalSchemaFor(
  limits: { stepCapHalfSteps: number; percentCapBasisPoints: number },
  increaseType?: "steps" | "percent",
) {
  const required = (field: "steps" | "percent", message: string) => (value: unknown) =>
    increaseType !== field || (value !== "" && value != null) || message;
  return z.object({
    score: typedNumber("กรุณากรอกคะแนนประเมิน").pipe(
      z.number().min(0, { error: "คะแนนอยู่ระหว่าง 0–100" }).max(100, { error: "คะแนนอยู่ระหว่าง 0–100" }),
    ),
    baseSalaryBaht: wholeNumber("กรุณากรอกเงินเดือนเป็นจำนวนเต็มบาท", 500_000, 1),
    stepValueBaht: z.union([z.literal(""), wholeNumber("กรอกมูลค่าขั้นเป็นจำนวนเต็มบาท", 100_000)]).optional(),
    halfSteps: z
      .union([z.literal(""), z.enum(["0", "1", "2", "3"])])
      .optional()
      .refine((v) => required("steps", "")(v) === true, { error: "กรุณาเลือกจำนวนขั้นที่เสนอ" })
      .refine((v) => !v || Number(v) <= limits.stepCapHalfSteps, {
        error: (issue) =>
          capViolation({ increaseType: "steps", halfSteps: Number(issue.input), basisPoints: null }, limits) ??
          "เกินเพดานต่อคน",
      }),
    percent: z
      .union([
        z.literal(""),
        typedNumber("กรอกร้อยละเป็นตัวเลข").pipe(
          z
            .number()
            .min(0, { error: "ร้อยละต้องไม่ติดลบ" })
            .refine((p) => percentToBasisPoints(p) <= limits.percentCapBasisPoints, {
              error: (issue) =>
                capViolation(
                  { increaseType: "percent", halfSteps: null, basisPoints: percentToBasisPoints(Number(issue.input)) },
                  limits,
                ) ?? "เกินเพดานต่อคน",
            }),
        ),
      ])
      .optional()
      .refine((v) => required("percent", "")(v) === true, { error: "กรุณากรอกร้อยละที่เสนอ" }),
    comment: z.string().trim().max(2000, { error: "ความเห็นยาวเกิน 2,000 ตัวอักษร" }).default(""),
  });
}
export const appraisalSchema = appraisalSchemaFor({ stepCapHalfSteps: 3, percentCapBasisPoints: 1500 });
export type AppraisalInput = z.infer<typeof appraisalSchema>;

export const committeeSchema = z.object({
  appointingOrderRef: z
    .string()
    .trim()
    .min(3, { error: "กรุณากรอกเลขที่คำสั่งแต่งตั้ง" })
    .max(200, { error: "ข้อความยาวเกินไป" }),
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
  quorumPercent: z.coerce
    .number({ error: "กรุณากรอกเกณฑ์องค์ประชุม" })
    .int()
    .min(1, { error: "ระหว่าง 1–99" })
    .max(99, { error: "ระหว่าง 1–99" }),
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
  minutes: z
    .string()
    .trim()
    .min(20, { error: "กรุณาบันทึกรายงานการประชุม (อย่างน้อย 20 ตัวอักษร)" })
    .max(50_000, { error: "ข้อความยาวเกินไป" }),
});

export const APPEAL_MAX_CHARS = 2000;
const thousands = (n: number) => n.toLocaleString("en-US");

/** Too long says the limit and how long it is now (issue 12 item 12). */
export const appealSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(10, { error: "กรุณาระบุเหตุผลที่ขออุทธรณ์ (อย่างน้อย 10 ตัวอักษร)" })
    .refine((v) => v.length <= APPEAL_MAX_CHARS, {
      error: (issue) =>
        `ยาวเกิน ${thousands(APPEAL_MAX_CHARS)} ตัวอักษร (ตอนนี้ ${thousands(String(issue.input).trim().length)})`,
    }),
});

export const appealAnswerSchema = z.object({
  appealId: z.coerce.number().int().positive(),
  outcome: z.enum(["rejected", "changed"], { error: "กรุณาเลือกผลการพิจารณาอุทธรณ์" }),
  answer: z
    .string()
    .trim()
    .min(10, { error: "กรุณาระบุคำตอบ (อย่างน้อย 10 ตัวอักษร)" })
    .max(5000, { error: "ข้อความยาวเกินไป" }),
});

/** Percent as typed (e.g. 3.5) to basis points (350), rounding away float noise such as 3.4999999. */
export const percentToBasisPoints = (percent: number) => Math.round(percent * 100);

/** The posted questionnaire: one field per statement holding 1–5, all required. Same schema in browser and server. */
export function surveyAnswersSchema(statementCount: number) {
  const answer = z
    .string({ error: "กรุณาเลือกระดับความคิดเห็นของข้อนี้" })
    .regex(/^[1-5]$/, { error: "กรุณาเลือกระดับความคิดเห็นของข้อนี้" })
    .transform(Number);
  const shape: Record<string, typeof answer> = {};
  for (let i = 0; i < statementCount; i++) shape[answerFieldName(i)] = answer;
  return z.object(shape);
}
