import { z } from "zod";
import "~/utils/forms";

export const policyDocumentSchema = z.object({
  title: z.string().trim().min(5, { error: "กรุณากรอกชื่อเอกสาร" }).max(300, { error: "ข้อความยาวเกินไป" }),
  body: z.string().trim().min(20, { error: "กรุณากรอกเนื้อความของเอกสาร" }).max(50000, { error: "ข้อความยาวเกินไป" }),
  targetGroupCode: z.string().min(1, { error: "กรุณาเลือกกลุ่มเป้าหมาย" }),
  planItemNumber: z.union([z.literal(""), z.coerce.number().int().min(1).max(41)]).optional(),
});
export type PolicyDocumentInput = z.infer<typeof policyDocumentSchema>;
