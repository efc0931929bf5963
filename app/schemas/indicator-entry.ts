import { z } from "zod";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { MAX_EVIDENCE_BYTES, RATING_LEVELS, type EntryUnit } from "~/domain/indicator-entries";
import "~/utils/forms";

// The entry form, validated with the same schema in the browser and on the server.

const fileSize = (v: unknown): number => {
  if (v && typeof v === "object" && "length" in v && typeof (v as { length: unknown }).length === "number") {
    const first = (v as ArrayLike<{ size?: number }>)[0];
    return first?.size ?? 0;
  }
  if (v && typeof v === "object" && "size" in v) return Number((v as { size: number }).size);
  if (typeof v === "number") return v;
  return 0;
};

const yesNo = z.enum(["yes", "no"], { error: "กรุณาเลือกผลการดำเนินการ" });

/** The form for one indicator: the value field depends on the unit of its rule. `evidenceFile` is the file's size. */
export function indicatorEntrySchema(unit: EntryUnit) {
  const wholeNumber = (missing: string) =>
    z
      .string()
      .trim()
      .min(1, { error: missing })
      .regex(/^\d{1,9}$/, { error: "กรุณากรอกจำนวนเต็มไม่ติดลบ" });
  const value =
    unit === "achieved"
      ? z.string().optional()
      : unit === "level"
        ? z.enum(RATING_LEVELS.map((_, i) => String(i)) as [string, ...string[]], { error: "กรุณาเลือกระดับผลการประเมิน" })
        : unit === "count" || unit === "share" || unit === "every"
          ? z
              .string()
              .trim()
              .min(1, { error: "กรุณากรอกจำนวน" })
              .regex(/^\d{1,9}$/, { error: "กรุณากรอกจำนวนเต็มไม่ติดลบ" })
          : z
              .string()
              .trim()
              .min(1, { error: "กรุณากรอกค่า" })
              .regex(/^-?\d{1,6}(\.\d{1,2})?$/, { error: "กรุณากรอกตัวเลข ทศนิยมไม่เกิน 2 ตำแหน่ง" })
              .refine((v) => unit !== "score" || (Number(v) >= 0 && Number(v) <= 100), {
                error: "คะแนนต้องอยู่ระหว่าง 0 ถึง 100",
              })
              .refine((v) => unit !== "percent" || (Number(v) >= 0 && Number(v) <= 100), {
                error: "ร้อยละต้องอยู่ระหว่าง 0 ถึง 100",
              })
              .refine((v) => unit !== "reduction" || Number(v) <= 100, { error: "ลดลงได้ไม่เกินร้อยละ 100" });
  return z
    .object({
      fiscalYear: z.coerce
        .number({ error: "กรุณาเลือกปีงบประมาณ" })
        .int()
        .refine((y) => (PLAN_FISCAL_YEARS as readonly number[]).includes(y), { error: "กรุณาเลือกปีงบประมาณของแผน" }),
      value,
      achieved: unit === "achieved" ? yesNo : z.string().optional(),
      participants:
        unit === "share"
          ? wholeNumber("กรุณากรอกจำนวนผู้เข้าร่วมการวัด")
          : unit === "every"
            ? wholeNumber("กรุณากรอกจำนวนครั้งทั้งหมด")
            : z.string().optional(),
      instrumentUsed:
        unit === "share"
          ? z
              .string()
              .trim()
              .min(1, { error: "กรุณาระบุเครื่องมือที่ใช้วัดความรู้ เช่น แบบทดสอบก่อน-หลัง" })
              .max(300, { error: "ยาวเกินไป (ไม่เกิน 300 ตัวอักษร)" })
          : z.string().optional(),
      note: z.string().trim().max(2000, { error: "หมายเหตุยาวเกินไป" }).optional(),
      evidenceUrl: z
        .string()
        .trim()
        .max(2000, { error: "ลิงก์ยาวเกินไป" })
        .refine((v) => v === "" || /^https?:\/\/[^\s]+\.[^\s]+/i.test(v), {
          error: "ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://",
        })
        .optional(),
      evidenceFile: z.unknown().optional(),
    })
    .superRefine((input, ctx) => {
      if (
        (unit === "share" || unit === "every") &&
        input.value &&
        input.participants &&
        Number(input.value) > Number(input.participants)
      ) {
        const message =
          unit === "share" ? "จำนวนผู้ผ่านมากกว่าจำนวนผู้เข้าร่วมไม่ได้" : "จำนวนครั้งที่เป็นไปตามตัวชี้วัดมากกว่าจำนวนครั้งทั้งหมดไม่ได้";
        ctx.addIssue({ code: "custom", path: ["value"], message });
      }
      if (unit === "share" && input.participants === "0")
        ctx.addIssue({ code: "custom", path: ["participants"], message: "จำนวนผู้เข้าร่วมต้องมากกว่า 0" });
      const size = fileSize(input.evidenceFile);
      if (size > MAX_EVIDENCE_BYTES)
        ctx.addIssue({ code: "custom", path: ["evidenceFile"], message: "ไฟล์หลักฐานต้องมีขนาดไม่เกิน 5 MB" });
      if (!input.evidenceUrl && size === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["evidenceUrl"],
          message: "กรุณาแนบหลักฐาน: ลิงก์ (http/https) หรือไฟล์อย่างใดอย่างหนึ่ง",
        });
      }
    });
}
export type IndicatorEntryForm = z.infer<ReturnType<typeof indicatorEntrySchema>>;
