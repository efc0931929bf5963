import { z } from "zod";
import { PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import "~/utils/forms";

// Forms on /plan/targets: HR's local target for an indicator the plan gives no threshold, and the 2565 baseline.

const source = z
  .string()
  .trim()
  .min(5, { error: "กรุณาระบุที่มาของเป้าหมาย เช่น มติคณะทำงาน ครั้งที่/ปี หรือเลขที่หนังสือ" })
  .max(300, { error: "ที่มายาวเกินไป (ไม่เกิน 300 ตัวอักษร)" });

export const localTargetSchema = z.object({
  indicatorId: z.coerce
    .number({ error: "ไม่พบตัวชี้วัด" })
    .int()
    .positive({ error: "ไม่พบตัวชี้วัด" })
    .max(2_147_483_647, { error: "ไม่พบตัวชี้วัด" }),
  fiscalYear: z.coerce
    .number({ error: "กรุณาเลือกปีงบประมาณ" })
    .int()
    .refine((y) => (PLAN_FISCAL_YEARS as readonly number[]).includes(y), { error: "กรุณาเลือกปีงบประมาณของแผน" }),
  thresholdPercent: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, { error: "กรุณากรอกร้อยละเป็นจำนวนเต็ม 1–100" })
    .refine((v) => Number(v) >= 1 && Number(v) <= 100, { error: "ร้อยละต้องอยู่ระหว่าง 1 ถึง 100" }),
  source,
});

export const baselineSchema = z.object({
  value: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, { error: "กรุณากรอกจำนวนคดีเป็นจำนวนเต็มไม่ติดลบ" }),
  source,
});
