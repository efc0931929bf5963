import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, auditEntityLabel } from "~/utils/audit.server";

// Every audit action the code writes has a Thai label in one feature's audit-labels.ts (the log never shows a raw
// "order.signed"), and every record type is named in Thai.

const ROOTS = ["app", "prisma", "scripts"];
const ACTION = /^[a-z_]+\.[a-z_]+$/;
// File names look like actions ("plan.yaml"); they are not.
const FILE_NAME = /\.(yaml|yml|json|csv|key|ts|tsx|md|txt|db|pdf|html|server)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === "migrations" ? [] : sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(name) && !name.endsWith("audit-labels.ts") ? [path] : [];
  });
}

const files = ROOTS.flatMap(sourceFiles).map((path) => ({ path, text: readFileSync(path, "utf8") }));
const namespaces = new Set(Object.keys(AUDIT_ACTION_LABELS).map((a) => a.split(".")[0]!));

/** Action names as written: literals on an `action:` line (also `cond ? "a.b" : "c.d"`), or with a known namespace. */
function writtenActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const { path, text } of files) {
    for (const line of text.split("\n")) {
      const literals = [...line.matchAll(/"([a-z_]+\.[a-z_]+)"/g)].map((m) => m[1]!);
      const onActionLine = /\baction:/.test(line) || /\baudit\(tx,/.test(line);
      for (const literal of literals) {
        if (!ACTION.test(literal) || FILE_NAME.test(literal)) continue;
        if (onActionLine || namespaces.has(literal.split(".")[0]!)) found.set(literal, path);
      }
    }
  }
  return found;
}

describe("audit labels", () => {
  it("finds the actions the code writes", () => {
    const actions = writtenActions();
    // The scan itself must work: these are written by people, orders, salary and complaints.
    for (const known of [
      "auth.sign_out",
      "order.submitted",
      "salary_decision.corrected",
      "complaint.acknowledged",
      "gift.reported",
    ]) {
      expect(actions.has(known), known).toBe(true);
    }
  });

  it("gives every written action a Thai label", () => {
    const missing = [...writtenActions()]
      .filter(([action]) => !AUDIT_ACTION_LABELS[action])
      .map(([a, path]) => `${a} (${path})`);
    expect(missing).toEqual([]);
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label).toMatch(/[\u0E00-\u0E7F]/);
  });

  it("names every record type written in Thai", () => {
    const types = new Set(
      files.flatMap(({ text }) => [...text.matchAll(/entityType: "([A-Za-z]+)"/g)].map((m) => m[1]!)),
    );
    expect(types.size).toBeGreaterThan(10);
    expect([...types].filter((t) => !AUDIT_ENTITY_LABELS[t])).toEqual([]);
    expect(auditEntityLabel("Person", "100001")).toBe("บุคลากร 100001");
    expect(auditEntityLabel("SalaryRound", "4")).toBe("รอบเลื่อนขั้น 4");
    expect(auditEntityLabel("Roster", null)).toBe("ทะเบียนบุคลากร");
  });
});
