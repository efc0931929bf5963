import path from "node:path";
import { z } from "zod";
import type { ComplaintRules } from "~/domain/complaints";
import { CONTENT_ROOT, loadYamlFile } from "./yaml-file.server";

// The complaint channel's deadlines as data, each with its source (content/rules/complaints.yaml).

const days = z.number().int().min(1).max(365);
export const complaintRulesSchema = z.strictObject({
  acknowledgeDays: days,
  acknowledgeSource: z.string().min(1),
  progressReportDays: days,
  progressReportSource: z.string().min(1),
  closeDays: days,
  closeSource: z.string().min(1),
});
export type ComplaintRulesFile = z.infer<typeof complaintRulesSchema>;

export const COMPLAINT_RULES_FILE = "rules/complaints.yaml";
let cached: ComplaintRulesFile | undefined;

export function complaintRules(root = CONTENT_ROOT): ComplaintRulesFile & ComplaintRules {
  if (root !== CONTENT_ROOT) return loadYamlFile(path.join(root, COMPLAINT_RULES_FILE), complaintRulesSchema);
  return (cached ??= loadYamlFile(path.join(root, COMPLAINT_RULES_FILE), complaintRulesSchema));
}
