import { z } from "zod";
import { PERSONNEL_TYPES } from "~/domain/personnel";
import { ROLES } from "~/domain/roles";
import "~/utils/forms";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "กรุณาเลือกวันที่" })
  .refine((s) => !Number.isNaN(Date.parse(s)), { error: "วันที่ไม่ถูกต้อง" });

export const personSchema = z
  .object({
    employeeNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{3,20}$/, { error: "เลขประจำตัวต้องเป็นตัวเลขหรืออักษรอังกฤษ 3–20 ตัว" }),
    title: z.string().trim().min(1, { error: "กรุณากรอกคำนำหน้า" }).max(30),
    firstName: z.string().trim().min(1, { error: "กรุณากรอกชื่อ" }).max(100),
    lastName: z.string().trim().min(1, { error: "กรุณากรอกนามสกุล" }).max(100),
    position: z.string().trim().min(1, { error: "กรุณากรอกตำแหน่ง" }).max(150),
    personnelType: z.enum(PERSONNEL_TYPES, { error: "กรุณาเลือกประเภทบุคลากร" }),
    divisionId: z.coerce.number({ error: "กรุณาเลือกหน่วยงาน" }).int().positive({ error: "กรุณาเลือกหน่วยงาน" }),
    activeFrom: isoDate,
    activeUntil: z.union([z.literal(""), isoDate]).optional(),
  })
  .refine((v) => !v.activeUntil || v.activeUntil >= v.activeFrom, {
    path: ["activeUntil"],
    error: "วันสิ้นสุดต้องไม่ก่อนวันเริ่มปฏิบัติงาน",
  });

export type PersonInput = z.infer<typeof personSchema>;

export const rolesSchema = z.object({
  roles: z.array(z.enum(ROLES, { error: "บทบาทไม่ถูกต้อง" })).min(1, { error: "ต้องมีอย่างน้อยหนึ่งบทบาท" }),
});
