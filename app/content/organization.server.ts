import path from "node:path";
import { z } from "zod";
import { db } from "~/utils/db.server";
import { CONTENT_ROOT, ContentError, loadYamlFile } from "./yaml-file.server";

const divisionsFileSchema = z.object({
  divisions: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[a-z0-9-]+$/, { error: "code must be lowercase-kebab" }),
        name: z.string().min(1),
        kind: z.enum(["political", "bureau", "division", "section", "unit", "school"]),
        parent: z.string().optional(),
      }),
    )
    .min(1),
});

export type DivisionsFile = z.infer<typeof divisionsFileSchema>;

export function loadDivisions(root = CONTENT_ROOT): DivisionsFile["divisions"] {
  const file = path.join(root, "organization", "divisions.yaml");
  const { divisions } = loadYamlFile(file, divisionsFileSchema);
  const codes = new Set<string>();
  const problems: string[] = [];
  for (const d of divisions) {
    if (codes.has(d.code)) problems.push(`duplicate code ${d.code}`);
    if (d.parent && !codes.has(d.parent)) problems.push(`${d.code}: parent ${d.parent} must be listed before it`);
    codes.add(d.code);
  }
  if (problems.length) throw new ContentError(file, problems);
  return divisions;
}

/** Upsert by code; units that disappear from the file are kept (people may still belong to them). */
export async function syncDivisions(root = CONTENT_ROOT): Promise<number> {
  const divisions = loadDivisions(root);
  await db.$transaction(async (tx) => {
    const idByCode = new Map<string, number>();
    for (const [index, d] of divisions.entries()) {
      const parentId = d.parent ? idByCode.get(d.parent)! : null;
      const row = await tx.division.upsert({
        where: { code: d.code },
        create: { code: d.code, name: d.name, kind: d.kind, parentId, sortOrder: index },
        update: { name: d.name, kind: d.kind, parentId, sortOrder: index },
      });
      idByCode.set(d.code, row.id);
    }
  });
  return divisions.length;
}
