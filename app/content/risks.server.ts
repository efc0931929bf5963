import path from "node:path";
import { z } from "zod";
import { riskMatrixSchema, RISK_LEVELS, type RiskMatrix } from "~/domain/risk-matrix";
import { LOST_ROW_TEXT, RISK_TYPES } from "~/domain/risks";
import { db } from "~/utils/db.server";
import { CONTENT_ROOT, loadYamlFile } from "./yaml-file.server";

// content/rules/risk-matrix.yaml (the likelihood × impact bands) and content/plan/risks-2566.yaml (Part 1's table).

let matrix: RiskMatrix | undefined;

/** The risk matrix, read and validated once per process (it changes only with a deploy). */
export function riskMatrix(root = CONTENT_ROOT): RiskMatrix {
  if (root !== CONTENT_ROOT) return loadYamlFile(path.join(root, "rules", "risk-matrix.yaml"), riskMatrixSchema);
  matrix ??= loadYamlFile(path.join(root, "rules", "risk-matrix.yaml"), riskMatrixSchema);
  return matrix;
}

const presentRow = z.object({
  sequence: z.number().int().min(1),
  processStep: z.string().min(1),
  type: z.enum(RISK_TYPES),
  events: z.array(z.string().min(1)).min(1),
  statedLevel: z.enum(RISK_LEVELS),
  measures: z.array(z.object({ text: z.string().min(1), planItem: z.number().int().min(1).max(41) })).min(1),
  lost: z.undefined().optional(),
});
const lostRow = z.object({
  sequence: z.number().int().min(1),
  lost: z.literal(true),
  survivingFragment: z.object({ note: z.string().min(1), events: z.array(z.string()), measures: z.array(z.string()) }).optional(),
});
const planRisksSchema = z.object({
  fiscalYear: z.number().int(),
  source: z.string().min(1),
  rows: z.array(z.union([lostRow, presentRow])).min(1),
});
export type PlanRisks = z.infer<typeof planRisksSchema>;

export function loadPlanRisks(root = CONTENT_ROOT): PlanRisks {
  return loadYamlFile(path.join(root, "plan", "risks-2566.yaml"), planRisksSchema);
}

const PLAN_SOURCE = "plan-2566";

/**
 * Part 1's table into the register as the FY 2566 register, consolidated (it is the plan's own). Rows are created
 * once and never rewritten, so follow-ups recorded against them stay attached. Lost rows become gap rows.
 */
export async function syncPlanRisks(root = CONTENT_ROOT): Promise<number> {
  const file = loadPlanRisks(root);
  const m = riskMatrix(root);
  let created = 0;
  await db.$transaction(async (tx) => {
    const approved = new Date("2022-09-30T17:00:00Z"); // the plan's FY 2566 begins 1 Oct 2565 (Bangkok)
    for (const row of file.rows) {
      const exists = await tx.risk.findUnique({ where: { source_fiscalYear_sequence: { source: PLAN_SOURCE, fiscalYear: file.fiscalYear, sequence: row.sequence } } });
      if (exists) continue;
      created += 1;
      const common = { fiscalYear: file.fiscalYear, divisionId: null, unitName: "เทศบาลนครลำปาง (ทั้งองค์กร)", source: PLAN_SOURCE, sequence: row.sequence, createdAt: approved, includedAt: approved };
      if (row.lost) {
        const fragment = row.survivingFragment;
        await tx.risk.create({
          data: {
            ...common,
            processStep: LOST_ROW_TEXT,
            event: LOST_ROW_TEXT,
            type: "other",
            existingControls: "",
            gap: true,
            gapNote: fragment ? `${fragment.note}: ${fragment.events.join(" ")} · มาตรการ: ${fragment.measures.join(" ")}` : null,
          },
        });
        continue;
      }
      await tx.risk.create({
        data: {
          ...common,
          processStep: row.processStep,
          event: row.events.map((e, i) => (row.events.length > 1 ? `${i + 1}. ${e}` : e)).join("\n"),
          type: row.type,
          level: row.statedLevel,
          existingControls: `ระดับความเสี่ยงตามที่ระบุในแผน: ${m.levels.find((l) => l.level === row.statedLevel)?.label ?? row.statedLevel} (แผนไม่ได้ระบุโอกาสและผลกระทบ)`,
          measures: { create: row.measures.map((x) => ({ description: x.text, owner: "ผู้รับผิดชอบตามแผน", planItem: x.planItem, createdAt: approved })) },
          planItems: { create: [...new Set(row.measures.map((x) => x.planItem))].map((itemNumber) => ({ itemNumber })) },
        },
      });
    }
    if (!(await tx.riskRegisterYear.findUnique({ where: { fiscalYear: file.fiscalYear } }))) {
      await tx.riskRegisterYear.create({ data: { fiscalYear: file.fiscalYear, consolidatedAt: approved } });
    }
  });
  return created;
}
