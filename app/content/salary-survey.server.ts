import path from "node:path";
import { z } from "zod";
import type { SurveyDefinition } from "~/domain/salary-survey";
import { CONTENT_ROOT, loadYamlFile } from "./yaml-file.server";

export const surveyFileSchema = z.strictObject({
  title: z.string().min(1),
  introduction: z.string().min(1),
  scale: z.array(z.string().min(1)).length(5, { error: "ต้องมีระดับความคิดเห็น 5 ระดับพอดี (1–5)" }),
  statements: z
    .array(z.string().min(1))
    .min(2)
    .max(12)
    .refine((s) => new Set(s.map((x) => x.trim())).size === s.length, { error: "ข้อความซ้ำกัน" }),
  minimumGroupSize: z.number().int().min(2).max(50),
  satisfiedMeanAtLeast: z.number().int().min(1).max(5),
});

export const SALARY_SURVEY_FILE = "surveys/salary-step.yaml";

let cached: SurveyDefinition | undefined;

/** The salary-step satisfaction survey (content/surveys/salary-step.yaml), read once per process. */
export function salarySurvey(root = CONTENT_ROOT): SurveyDefinition {
  if (root !== CONTENT_ROOT) return loadSurveyFile(path.join(root, SALARY_SURVEY_FILE));
  return (cached ??= loadSurveyFile(path.join(root, SALARY_SURVEY_FILE)));
}

export function loadSurveyFile(file: string): SurveyDefinition {
  return loadYamlFile(file, surveyFileSchema);
}
