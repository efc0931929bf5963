import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { loadAllCourses, loadCourse } from "~/content/courses.server";
import { ContentError, loadYamlFile } from "~/content/yaml-file.server";
import { loadDivisions } from "~/content/organization.server";
import { loadTargetGroups } from "~/content/plan-sync.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sujarit-content-"));
const dir_ = dir;
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
    for (const name of [
      "สำนักปลัดเทศบาล",
      "กองการเจ้าหน้าที่",
      "สำนักช่าง",
      "สำนักการศึกษา",
      "กองคลัง",
      "กองยุทธศาสตร์และงบประมาณ",
      "กองสวัสดิการสังคม",
      "หน่วยงานตรวจสอบภายใน",
    ]) {
      expect(names).toContain(name);
    }
  });
});

describe("course content", () => {
  it("has the eight plan courses, each with at least 4 lessons and 30 well-formed questions", () => {
    const courses = loadAllCourses();
    expect(courses.map((c) => c.slug).sort()).toEqual([
      "anti-corruption",
      "conflict-of-interest",
      "council-handbook",
      "engineering-law",
      "ethics",
      "local-officials-law",
      "median-price-procurement",
      "no-gift",
    ]);
    for (const course of courses) {
      expect(course.lessons.length, course.slug).toBeGreaterThanOrEqual(4);
      expect(course.questions.length, course.slug).toBeGreaterThanOrEqual(30);
      for (const lesson of course.lessons) expect(lesson.markdown.length, lesson.slug).toBeGreaterThan(1000);
      for (const q of course.questions) {
        expect(q.choices).toHaveLength(4);
        expect(q.answer).toBeGreaterThanOrEqual(1);
        expect(course.lessons.map((l) => l.slug)).toContain(q.lesson);
      }
    }
    expect(courses.find((c) => c.slug === "no-gift")!.planProjects).toEqual([16]);
  });

  // Plan items 1, 2, 38 and 39 (issue 11): one course each, for the group the plan names.
  const NEW_COURSES = {
    "engineering-law": 1,
    "median-price-procurement": 2,
    "local-officials-law": 38,
    "council-handbook": 39,
  } as const;
  const LAW = /พ\.ร\.บ\.|พ\.ร\.ป\.|พ\.ร\.ฎ\.|ระเบียบ|ประกาศ|ประมวลกฎหมาย|กฎกระทรวง|รัฐธรรมนูญ|หลักเกณฑ์การคำนวณราคากลาง/;
  for (const [slug, item] of Object.entries(NEW_COURSES)) {
    it(`${slug} measures plan item ${item}: 30+ questions, one key each, every explanation cites the law`, () => {
      const course = loadAllCourses().find((c) => c.slug === slug)!;
      expect(course.planProjects).toEqual([item]);
      expect(course.passPercent).toBe(80);
      expect(course.questions.length).toBeGreaterThanOrEqual(30);
      expect(new Set(course.questions.map((q) => q.id)).size).toBe(course.questions.length);
      for (const q of course.questions) {
        // One defensible key: a single answer among four different options, none pointing at the others.
        expect(q.choices, q.id).toHaveLength(4);
        expect(new Set(q.choices.map((c) => c.trim())).size, q.id).toBe(4);
        expect(q.answer, q.id).toBeGreaterThanOrEqual(1);
        expect(q.answer, q.id).toBeLessThanOrEqual(4);
        for (const c of q.choices) expect(c, q.id).not.toMatch(/ถูกทุกข้อ|ผิดทุกข้อ|ข้อ [กขคง1-4] และ|ทั้ง(ข้อ)? ?[กขคง1-4] และ/);
        expect(q.explanation.length, q.id).toBeGreaterThan(60);
        expect(q.explanation, q.id).toMatch(LAW);
      }
      // Every lesson is tested.
      for (const lesson of course.lessons)
        expect(
          course.questions.some((q) => q.lesson === lesson.slug),
          lesson.slug,
        ).toBe(true);
    });
  }

  it("maps items 1, 2, 38 and 39 to the groups the plan names", () => {
    const { groups, items } = loadTargetGroups();
    const group = (n: number) => groups.find((g) => g.code === items[String(n)])!;
    expect(group(1).divisionCodes).toEqual(["engineering"]);
    // Item 2: executives, council members, engineering and procurement staff (seed: target group of item 2).
    expect(group(2).divisionCodes).toEqual(
      expect.arrayContaining(["executive", "council", "engineering", "finance-procurement"]),
    );
    // Item 38 (seed L2406): council members, the executive and the staff concerned, not council members alone.
    expect(group(38).divisionCodes).toEqual(expect.arrayContaining(["council", "executive", "clerk-council-affairs"]));
    expect(group(39).personnelTypes).toEqual(["council_member"]);
  });

  it("stops on a malformed question bank, naming the file, the line and the field", () => {
    const dir = path.join(dir_, "courses", "broken");
    fs.mkdirSync(path.join(dir, "lessons"), { recursive: true });
    fs.writeFileSync(path.join(dir, "lessons", "01-a.md"), "## บทเรียน\n\nเนื้อหา");
    fs.writeFileSync(
      path.join(dir, "course.yaml"),
      "title: ทดสอบ\nsummary: ทดสอบ\nplanProjects: [16]\nquestionsPerTest: 1\nlessons:\n  - { slug: a, title: ก, file: 01-a.md }\n",
    );
    fs.writeFileSync(
      path.join(dir, "questions.yaml"),
      "questions:\n  - id: q-1\n    lesson: a\n    prompt: ถาม\n    choices: [ก, ข, ค, ง]\n    answer: 5\n    explanation: ตอบ\n",
    );
    const problems = problemsOf(() => loadCourse(dir));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/broken\/questions\.yaml:6: questions\.0\.answer: /);
  });

  it("stops when a question points at a lesson that does not exist", () => {
    const dir = path.join(dir_, "courses", "orphan");
    fs.mkdirSync(path.join(dir, "lessons"), { recursive: true });
    fs.writeFileSync(path.join(dir, "lessons", "01-a.md"), "## บทเรียน");
    fs.writeFileSync(
      path.join(dir, "course.yaml"),
      "title: ท\nsummary: ท\nplanProjects: [3]\nquestionsPerTest: 1\nlessons:\n  - { slug: a, title: ก, file: 01-a.md }\n",
    );
    fs.writeFileSync(
      path.join(dir, "questions.yaml"),
      "questions:\n  - { id: q-1, lesson: zzz, prompt: ถาม, choices: [ก, ข, ค, ง], answer: 1, explanation: ตอบ }\n",
    );
    expect(problemsOf(() => loadCourse(dir)).join("\n")).toContain("lesson zzz is not in course.yaml");
  });
});
