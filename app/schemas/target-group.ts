import { z } from "zod";
import { PERSONNEL_TYPES } from "~/domain/personnel";
import "~/utils/forms";

// react-hook-form reports a lone checkbox as its value or false, a group of them as an array.
const checkboxes = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === false || v == null || v === "" ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** An HR group's name and rules as the form submits them (checkbox groups arrive as arrays). */
export const groupFormSchema = z.object({
  name: z.string().trim().min(3, { error: "กรุณากรอกชื่อกลุ่ม (อย่างน้อย 3 ตัวอักษร)" }).max(200, { error: "ชื่อกลุ่มยาวเกินไป" }),
  personnelTypes: checkboxes(z.enum(PERSONNEL_TYPES, { error: "ประเภทบุคลากรไม่ถูกต้อง" })),
  divisionIds: checkboxes(z.coerce.number({ error: "หน่วยงานไม่ถูกต้อง" }).int().positive({ error: "หน่วยงานไม่ถูกต้อง" })),
  positionIncludes: z.string().trim().max(100, { error: "ข้อความยาวเกินไป" }).default(""),
});
export type GroupFormInput = z.infer<typeof groupFormSchema>;
export const GROUP_ARRAY_FIELDS = ["personnelTypes", "divisionIds"] as const;

export const namedMemberSchema = z.object({
  employeeNumber: z
    .string()
    .trim()
    .min(1, { error: "กรุณากรอกเลขประจำตัวบุคลากร" })
    .max(20, { error: "เลขประจำตัวบุคลากรยาวเกินไป" }),
  kind: z.enum(["include", "exclude"], { error: "กรุณาเลือกว่าจะเพิ่มหรือยกเว้น" }),
});

export const courseAssignmentSchema = z.object({
  courseSlug: z.string().min(1, { error: "กรุณาเลือกหลักสูตร" }),
  fiscalYear: z.coerce
    .number({ error: "ปีงบประมาณไม่ถูกต้อง" })
    .int()
    .min(2566, { error: "ปีงบประมาณไม่ถูกต้อง" })
    .max(2570, { error: "ปีงบประมาณไม่ถูกต้อง" }),
  groupCodes: checkboxes(z.string().min(1)).pipe(
    z.array(z.string()).min(1, { error: "กรุณาเลือกกลุ่มเป้าหมายอย่างน้อย 1 กลุ่ม" }),
  ),
});
