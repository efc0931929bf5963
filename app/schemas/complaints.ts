import { z } from "zod";
import "~/utils/forms";
import { COMPLAINT_CATEGORIES, INVESTIGATED_OUTCOMES } from "~/domain/complaints";

// Forms of the complaint channel, shared by the browser (react-hook-form) and the server.

const optionalText = (max: number) => z.string().trim().max(max, { error: "ข้อความยาวเกินไป" }).optional().default("");

export const MAX_DETAILS = 10_000;
export const MAX_MESSAGE = 5_000;

export const reportSchema = z.object({
  subject: z
    .string({ error: "กรุณาระบุเรื่องที่ร้องเรียน" })
    .trim()
    .min(1, { error: "กรุณาระบุเรื่องที่ร้องเรียน" })
    .max(200, { error: "ชื่อเรื่องยาวเกิน 200 ตัวอักษร" }),
  details: z
    .string({ error: "กรุณาเล่ารายละเอียดของเรื่อง" })
    .trim()
    .min(1, { error: "กรุณาเล่ารายละเอียดของเรื่อง" })
    .max(MAX_DETAILS, { error: `รายละเอียดยาวเกิน ${MAX_DETAILS.toLocaleString("en-US")} ตัวอักษร` }),
  unitConcerned: optionalText(300),
  personConcerned: optionalText(300),
  whenWhere: optionalText(500),
  reporterName: optionalText(200),
  reporterContact: optionalText(300),
});
export type ReportInput = z.infer<typeof reportSchema>;

export const codeSchema = z.object({
  code: z
    .string({ error: "กรุณากรอกรหัสติดตามเรื่อง" })
    .trim()
    .min(1, { error: "กรุณากรอกรหัสติดตามเรื่อง" })
    .max(64, { error: "รหัสยาวเกินไป" }),
});

export const reporterMessageSchema = codeSchema.extend({
  body: z
    .string({ error: "กรุณาพิมพ์ข้อความ" })
    .trim()
    .min(1, { error: "กรุณาพิมพ์ข้อความ" })
    .max(MAX_MESSAGE, { error: "ข้อความยาวเกินไป" }),
});

export const officerMessageSchema = z.object({
  body: z
    .string({ error: "กรุณาพิมพ์ข้อความถึงผู้ร้อง" })
    .trim()
    .min(1, { error: "กรุณาพิมพ์ข้อความถึงผู้ร้อง" })
    .max(MAX_MESSAGE, { error: "ข้อความยาวเกินไป" }),
});

export const classifySchema = z.object({
  category: z.enum(COMPLAINT_CATEGORIES, { error: "กรุณาเลือกประเภทของเรื่อง" }),
  divisionId: z
    .union([z.literal(""), z.coerce.number().int().positive()])
    .optional()
    .default(""),
});

export const assignSchema = z.object({
  investigator: z
    .string({ error: "กรุณาระบุเลขประจำตัวผู้ตรวจสอบ" })
    .trim()
    .min(1, { error: "กรุณาระบุเลขประจำตัวผู้ตรวจสอบ" })
    .max(20),
});

export const declareSchema = z.object({
  noConflict: z.literal("yes", { error: "กรุณายืนยันว่าท่านไม่มีส่วนได้เสียกับเรื่องนี้" }),
});

export const findingsSchema = z.object({
  findings: z
    .string({ error: "กรุณาบันทึกผลการตรวจสอบ" })
    .trim()
    .min(1, { error: "กรุณาบันทึกผลการตรวจสอบ" })
    .max(MAX_DETAILS, { error: "ข้อความยาวเกินไป" }),
});

export const closeSchema = z.object({
  outcome: z.enum(INVESTIGATED_OUTCOMES, { error: "กรุณาเลือกผลการพิจารณา" }),
});
