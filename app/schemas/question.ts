import { z } from "zod";
import "~/utils/forms";

const choice = z.string().trim().min(1, { error: "กรุณากรอกตัวเลือก" }).max(500, { error: "ตัวเลือกยาวเกินไป" });

export const questionEditSchema = z
  .object({
    prompt: z.string().trim().min(10, { error: "คำถามสั้นเกินไป" }).max(2000),
    choice0: choice,
    choice1: choice,
    choice2: choice,
    choice3: choice,
    correct: z.enum(["0", "1", "2", "3"], { error: "กรุณาเลือกคำตอบที่ถูก" }),
    explanation: z.string().trim().min(10, { error: "กรุณาเขียนคำอธิบายเฉลย" }).max(2000),
  })
  .refine((v) => new Set([v.choice0, v.choice1, v.choice2, v.choice3]).size === 4, {
    path: ["choice3"],
    error: "ตัวเลือกทั้งสี่ต้องไม่ซ้ำกัน",
  });
