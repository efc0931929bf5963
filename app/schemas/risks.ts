import { z } from "zod";
import "~/utils/forms";
import { beParts } from "~/domain/be-date";
import { REPORT_PERIODS } from "~/domain/report-periods";
import { FOLLOW_UP_STATUSES, RISK_TYPES } from "~/domain/risks";

// Forms of the fraud-risk register and the plan reports, shared by the browser (react-hook-form) and the server.

const scale = (label: string) =>
  z.coerce
    .number({ error: `${label}ต้องเป็นตัวเลข 1–5` })
    .int({ error: `${label}ต้องเป็นจำนวนเต็ม 1–5` })
    .min(1, { error: `${label}ต้องอยู่ระหว่าง 1–5` })
    .max(5, { error: `${label}ต้องอยู่ระหว่าง 1–5` });

const text = (message: string, max = 2000) =>
  z.string().trim().min(1, { error: message }).max(max, { error: "ข้อความยาวเกินไป" });
const optionalText = (max = 2000) => z.string().trim().max(max, { error: "ข้อความยาวเกินไป" }).optional().default("");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "กรุณากรอกวันที่ (วัน เดือน ปี พ.ศ.)" })
  .refine((v) => beParts(v).day !== "", { error: "วันที่ไม่ถูกต้อง" });
const optionalUrl = z
  .string()
  .trim()
  .max(1000, { error: "ลิงก์ยาวเกินไป" })
  .refine((v) => v === "" || /^https?:\/\/\S+$/.test(v) || /^\/\S*$/.test(v), {
    error: "ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://",
  })
  .optional()
  .default("");

export const measureSchema = z.object({
  description: text("กรุณากรอกมาตรการ", 1000),
  owner: text("มาตรการต้องมีผู้รับผิดชอบ (ตำแหน่งหรือหน่วยงาน)", 200),
  dueDate: isoDate,
});
export type MeasureInput = z.infer<typeof measureSchema>;

/**
 * The form has a few measure rows: a row left completely empty is not a measure; a half-filled one is checked where
 * it stands (so the message lands on the right row), then the empty rows are dropped.
 */
const measureRow = z
  .object({
    description: z.string().trim().default(""),
    owner: z.string().trim().default(""),
    dueDate: z.string().trim().default(""),
  })
  .superRefine((row, ctx) => {
    if (!row.description && !row.owner && !row.dueDate) return;
    const r = measureSchema.safeParse(row);
    if (!r.success)
      for (const issue of r.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });
const measureRows = z
  .array(measureRow)
  .max(10)
  .default([])
  .transform((rows) => rows.filter((r) => r.description || r.owner || r.dueDate))
  .pipe(z.array(measureSchema).min(1, { error: "กรุณาเพิ่มมาตรการอย่างน้อย 1 มาตรการ" }));

export const riskSchema = z.object({
  fiscalYear: z.coerce.number().int().min(2566).max(2600),
  divisionId: z.coerce.number({ error: "กรุณาเลือกหน่วยงาน" }).int().positive({ error: "กรุณาเลือกหน่วยงาน" }),
  processStep: text("กรุณากรอกขั้นตอนการดำเนินงาน", 500),
  event: text("กรุณากรอกเหตุการณ์ความเสี่ยง"),
  type: z.enum(RISK_TYPES, { error: "กรุณาเลือกประเภทความเสี่ยง" }),
  likelihood: scale("โอกาส"),
  impact: scale("ผลกระทบ"),
  existingControls: optionalText(),
  planItems: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
    z.array(z.coerce.number().int().min(1).max(41)).max(41),
  ),
  measures: measureRows,
});
export type RiskInput = z.infer<typeof riskSchema>;

export const addMeasureSchema = measureSchema.extend({ riskId: z.coerce.number().int().positive() });

export const followUpSchema = z.object({
  measureId: z.coerce.number().int().positive(),
  period: z.enum(REPORT_PERIODS),
  status: z.enum(FOLLOW_UP_STATUSES, { error: "กรุณาเลือกสถานะ" }),
  note: optionalText(1000),
  evidenceUrl: optionalUrl,
});

export const residualSchema = z.object({
  riskId: z.coerce.number().int().positive(),
  period: z.enum(REPORT_PERIODS),
  residualLikelihood: scale("โอกาส (คงเหลือ)"),
  residualImpact: scale("ผลกระทบ (คงเหลือ)"),
});

export const publishSchema = z.object({
  fiscalYear: z.coerce.number().int().min(2566).max(2600),
  channelName: z.string().trim().max(200, { error: "ข้อความยาวเกินไป" }).optional().default(""),
  channelUrl: optionalUrl,
});

/** Baht with at most two decimals, never negative; kept as text so "abc" and "-5" get a Thai message. */
export const bahtText = z
  .string()
  .trim()
  .refine((v) => v === "" || /^\d{1,12}(\.\d{1,2})?$/.test(v.replace(/,/g, "")), {
    error: "งบประมาณที่ใช้จริงต้องเป็นตัวเลขไม่ติดลบ (ทศนิยมไม่เกิน 2 ตำแหน่ง)",
  });

export function bahtToSatang(value: string): number | null {
  const v = value.replace(/,/g, "").trim();
  if (v === "") return null;
  const [whole, fraction = ""] = v.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export const reportEntrySchema = z.object({
  itemNumber: z.coerce.number().int().min(1).max(41),
  spent: bahtText.optional().default(""),
  evidenceUrl: optionalUrl,
  problems: optionalText(3000),
  suggestions: optionalText(3000),
});
export type ReportEntryInput = z.infer<typeof reportEntrySchema>;
