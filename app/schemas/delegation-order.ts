import { z } from "zod";
import { POWER_KINDS } from "~/domain/delegation";
import "~/utils/forms";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "กรุณาเลือกวันที่" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "ข้อความยาวเกินไป" })
    .optional()
    .transform((v) => (v ? v : undefined));

export const delegateInput = z
  .object({
    employeeNumber: optionalText(20),
    positionTitle: optionalText(150),
  })
  .refine((d) => Boolean(d.employeeNumber) !== Boolean(d.positionTitle), {
    path: ["employeeNumber"],
    error: "ระบุผู้รับมอบอำนาจเป็นเลขประจำตัวบุคคล หรือเป็นตำแหน่ง อย่างใดอย่างหนึ่ง",
  });

export const powerInput = z.object({
  kind: z.enum(POWER_KINDS, { error: "กรุณาเลือกประเภทอำนาจ" }),
  description: z.string().trim().min(5, { error: "กรุณาระบุอำนาจที่มอบ" }).max(500, { error: "ข้อความยาวเกินไป" }),
  legalBasis: z
    .string()
    .trim()
    .min(3, { error: "กรุณาระบุฐานอำนาจตามกฎหมาย/ระเบียบ/ข้อ" })
    .max(300, { error: "ข้อความยาวเกินไป" }),
  limits: optionalText(300),
  ceilingBaht: z
    .union([
      z.literal(""),
      z.coerce
        .number({ error: "วงเงินต้องเป็นตัวเลข" })
        .int({ error: "วงเงินต้องเป็นจำนวนเต็ม" })
        .min(0, { error: "วงเงินต้องไม่ติดลบ" }),
    ])
    .optional()
    .transform((v) => (v === "" || v === undefined ? undefined : v)),
});

export const delegationOrderSchema = z
  .object({
    title: z.string().trim().min(5, { error: "กรุณากรอกเรื่อง" }).max(300, { error: "ข้อความยาวเกินไป" }),
    issuingDivisionId: z.coerce
      .number({ error: "กรุณาเลือกหน่วยงานที่ออกคำสั่ง" })
      .int()
      .positive({ error: "กรุณาเลือกหน่วยงานที่ออกคำสั่ง" }),
    delegatorEmployeeNumber: z.string().trim().min(1, { error: "กรุณาระบุผู้มอบอำนาจ" }).max(20),
    effectiveFrom: isoDate,
    effectiveUntil: z.union([z.literal(""), isoDate]).optional(),
    body: z.string().trim().min(10, { error: "กรุณากรอกเนื้อความของคำสั่ง" }).max(20000, { error: "ข้อความยาวเกินไป" }),
    delegates: z.array(delegateInput).min(1, { error: "ต้องมีผู้รับมอบอำนาจอย่างน้อยหนึ่งคน" }).max(50),
    powers: z.array(powerInput).min(1, { error: "ต้องมีอำนาจที่มอบอย่างน้อยหนึ่งรายการ" }).max(100),
    recipientDivisionIds: z.array(z.coerce.number().int().positive()).max(100).default([]),
    recipientEmployeeNumbers: z.string().max(5000).optional(),
    supersedesId: z.union([z.literal(""), z.coerce.number().int().positive()]).optional(),
  })
  .refine((v) => !v.effectiveUntil || v.effectiveUntil >= v.effectiveFrom, {
    path: ["effectiveUntil"],
    error: "วันสิ้นสุดต้องไม่ก่อนวันเริ่มมีผล",
  });

export type DelegationOrderInput = z.infer<typeof delegationOrderSchema>;

export const signSchema = z.object({ password: z.string().min(1, { error: "กรุณากรอกรหัสผ่านเพื่อยืนยันการลงนาม" }) });
export const revokeSchema = z.object({ reason: z.string().trim().min(5, { error: "กรุณาระบุเหตุผลการยกเลิก" }).max(1000) });

/** Employee numbers typed into a textarea, separated by commas, spaces or new lines. */
export function parseEmployeeNumbers(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? "")
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
