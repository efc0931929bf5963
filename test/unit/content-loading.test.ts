import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ContentError, loadYamlFile } from "~/content/yaml-file.server";
import { loadDivisions } from "~/content/organization.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sujarit-content-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string) {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const schema = z.object({ items: z.array(z.object({ name: z.string(), size: z.number().int() })) });

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error("expected a ContentError");
}

describe("loading YAML content", () => {
  it("returns the parsed, validated data", () => {
    const file = write("ok.yaml", "items:\n  - name: a\n    size: 1\n");
    expect(loadYamlFile(file, schema)).toEqual({ items: [{ name: "a", size: 1 }] });
  });

  it("names the file, the line and the field of a wrong value", () => {
    const file = write("bad-value.yaml", "items:\n  - name: a\n    size: 1\n  - name: b\n    size: big\n");
    const [problem] = problemsOf(() => loadYamlFile(file, schema));
    expect(problem).toMatch(/bad-value\.yaml:5: items\.1\.size: /);
  });

  it("points a missing field at the object that lacks it", () => {
    const file = write("missing.yaml", "items:\n  - name: a\n    size: 1\n  - name: b\n");
    const [problem] = problemsOf(() => loadYamlFile(file, schema));
    expect(problem).toMatch(/missing\.yaml:4: items\.1\.size: /);
  });

  it("reports YAML syntax errors with their line", () => {
    const file = write("syntax.yaml", "items:\n  - name: a\n    size: [1\n");
    const [problem] = problemsOf(() => loadYamlFile(file, schema));
    expect(problem).toMatch(/syntax\.yaml:\d+: YAML: /);
  });

  it("refuses a division whose parent is unknown", () => {
    write("org/organization/divisions.yaml", "divisions:\n  - { code: a, name: ก, kind: bureau, parent: nowhere }\n");
    const problems = problemsOf(() => loadDivisions(path.join(dir, "org")));
    expect(problems.join("\n")).toContain("parent nowhere");
  });

  it("loads the real divisions file", () => {
    const names = loadDivisions().map((d) => d.name);
    for (const name of ["สำนักปลัดเทศบาล", "กองการเจ้าหน้าที่", "สำนักช่าง", "สำนักการศึกษา", "กองคลัง", "กองยุทธศาสตร์และงบประมาณ", "กองสวัสดิการสังคม", "หน่วยงานตรวจสอบภายใน"]) {
      expect(names).toContain(name);
    }
  });
});
