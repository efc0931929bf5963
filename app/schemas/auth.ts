import { z } from "zod";
import "~/utils/forms";

export const loginSchema = z.object({
  username: z.string().trim().min(1, { error: "กรุณากรอกเลขประจำตัวพนักงาน" }).max(20, { error: "เลขประจำตัวยาวเกินไป" }),
  password: z.string().min(1, { error: "กรุณากรอกรหัสผ่าน" }).max(200, { error: "รหัสผ่านยาวเกินไป" }),
  redirectTo: z.string().optional(),
});

const newPassword = z.string().min(8, { error: "รหัสผ่านใหม่ต้องมีอย่างน้อย 8 ตัวอักษร" }).max(200, { error: "รหัสผ่านยาวเกินไป" });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "กรุณากรอกรหัสผ่านปัจจุบัน" }),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน",
  });

export const resetPasswordSchema = z
  .object({ newPassword, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน",
  });
