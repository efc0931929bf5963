import { z } from "zod";
import { CASE_TYPES, REVIEW_OUTCOMES, RISK_LEVELS, yearlyAnswerProblem } from "~/domain/declarations";
import { checkbox } from "./gifts";
import "~/utils/forms";

// Forms of the conflict-of-interest declarations (plan item 5), shared by the browser and the server.

const optionalText = (max: number) => z.string().trim().max(max, { error: "ข้อความยาวเกินไป" }).optional().default("");

export const yearlyDeclarationSchema = z
  .object({
    nothingToDeclare: checkbox,
    outsidePositions: optionalText(2000),
    businesses: optionalText(2000),
    shareholdings: optionalText(2000),
    otherInterests: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    const problem = yearlyAnswerProblem(v);
    if (problem) ctx.addIssue({ code: "custom", path: ["nothingToDeclare"], message: problem });
  });
export type YearlyDeclarationInput = z.infer<typeof yearlyDeclarationSchema>;

export const caseDeclarationSchema = z
  .object({
    caseType: z.enum(CASE_TYPES, { error: "กรุณาเลือกประเภทเรื่องที่ได้รับแต่งตั้ง" }),
    caseRef: z
      .string({ error: "กรุณาระบุเรื่อง/คำสั่งแต่งตั้ง" })
      .trim()
      .min(5, { error: "กรุณาระบุเรื่อง/คำสั่งแต่งตั้ง" })
      .max(300, { error: "ข้อความยาวเกินไป" }),
    hasConflict: z.enum(["yes", "no"], { error: "กรุณาเลือกว่ามีส่วนได้เสียหรือไม่" }),
    conflictDetail: optionalText(2000),
  })
  .refine((v) => v.hasConflict === "no" || v.conflictDetail.length >= 5, {
    path: ["conflictDetail"],
    error: "กรุณาระบุส่วนได้เสียที่มี",
  });
export type CaseDeclarationInput = z.infer<typeof caseDeclarationSchema>;

export const reviewSchema = z.object({
  outcome: z.enum(REVIEW_OUTCOMES, { error: "กรุณาเลือกผลการพิจารณา" }),
  note: optionalText(2000),
});
export type ReviewInput = z.infer<typeof reviewSchema>;

export const positionRiskSchema = z.object({
  position: z
    .string({ error: "กรุณาระบุตำแหน่ง" })
    .trim()
    .min(2, { error: "กรุณาระบุตำแหน่ง" })
    .max(200, { error: "ข้อความยาวเกินไป" }),
  risk: z
    .string({ error: "กรุณาระบุความเสี่ยง" })
    .trim()
    .min(5, { error: "กรุณาระบุความเสี่ยงด้านผลประโยชน์ทับซ้อน" })
    .max(2000, { error: "ข้อความยาวเกินไป" }),
  level: z.enum(RISK_LEVELS, { error: "กรุณาเลือกระดับความเสี่ยง" }),
  controls: z
    .string({ error: "กรุณาระบุมาตรการควบคุม" })
    .trim()
    .min(5, { error: "กรุณาระบุมาตรการควบคุม" })
    .max(2000, { error: "ข้อความยาวเกินไป" }),
});
export type PositionRiskInput = z.infer<typeof positionRiskSchema>;
