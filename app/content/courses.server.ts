import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { GRADING_METHODS } from "~/domain/quiz";
import { CONTENT_ROOT, ContentError, loadYamlFile, relativeContentPath } from "./yaml-file.server";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "ต้องเป็นตัวพิมพ์เล็ก a-z 0-9 คั่นด้วย -" });

export const courseFileSchema = z.strictObject({
  title: z.string().min(1),
  summary: z.string().min(1),
  planProjects: z.array(z.number().int().min(1).max(41)).min(1),
  questionsPerTest: z.number().int().min(1).max(100).default(15),
  passPercent: z.number().int().min(1).max(100).default(80),
  maxPostTestAttempts: z.number().int().min(1).max(20).default(3),
  grading: z.enum(GRADING_METHODS as [string, ...string[]]).default("best"),
  timeLimitMinutes: z.number().int().min(1).max(600).optional(),
  lessons: z
    .array(z.strictObject({ slug, title: z.string().min(1), file: z.string().regex(/^[\w.-]+\.md$/) }))
    .min(1),
});

export const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "id ต้องเป็น a-z 0-9 และ -" }),
  lesson: slug,
  prompt: z.string().min(1),
  choices: z
    .array(z.string().min(1))
    .length(4, { error: "ต้องมีตัวเลือก 4 ข้อพอดี" })
    .refine((c) => new Set(c.map((x) => x.trim())).size === c.length, { error: "ตัวเลือกซ้ำกัน" }),
  answer: z.number().int().min(1).max(4),
  explanation: z.string().min(1),
});

const questionsFileSchema = z.strictObject({ questions: z.array(questionSchema).min(1) });

export type CourseContent = Omit<z.infer<typeof courseFileSchema>, "lessons"> & {
  slug: string;
  lessons: (z.infer<typeof courseFileSchema>["lessons"][number] & { markdown: string })[];
  questions: (z.infer<typeof questionSchema> & { sourceHash: string })[];
};

export function hashQuestion(q: z.infer<typeof questionSchema>): string {
  return createHash("sha256")
    .update(JSON.stringify([q.lesson, q.prompt, q.choices, q.answer, q.explanation]))
    .digest("hex");
}

export function loadCourse(dir: string): CourseContent {
  const courseSlug = path.basename(dir);
  if (!slug.safeParse(courseSlug).success) throw new ContentError(relativeContentPath(dir), ["folder name must be lowercase-kebab"]);
  const courseFile = path.join(dir, "course.yaml");
  const questionsFile = path.join(dir, "questions.yaml");
  const course = loadYamlFile(courseFile, courseFileSchema);
  const { questions } = loadYamlFile(questionsFile, questionsFileSchema);

  const problems: string[] = [];
  const lessonSlugs = new Set<string>();
  const lessons = course.lessons.map((lesson) => {
    if (lessonSlugs.has(lesson.slug)) problems.push(`${relativeContentPath(courseFile)}: lesson slug ${lesson.slug} is repeated`);
    lessonSlugs.add(lesson.slug);
    const file = path.join(dir, "lessons", lesson.file);
    if (!fs.existsSync(file)) {
      problems.push(`${relativeContentPath(courseFile)}: lesson ${lesson.slug}: file lessons/${lesson.file} does not exist`);
      return { ...lesson, markdown: "" };
    }
    const markdown = fs.readFileSync(file, "utf8");
    if (!markdown.trim()) problems.push(`${relativeContentPath(file)}: the lesson is empty`);
    return { ...lesson, markdown };
  });
  const ids = new Set<string>();
  for (const [index, q] of questions.entries()) {
    const where = `${relativeContentPath(questionsFile)}: questions.${index} (${q.id})`;
    if (ids.has(q.id)) problems.push(`${where}: id is repeated`);
    ids.add(q.id);
    if (!lessonSlugs.has(q.lesson)) problems.push(`${where}: lesson ${q.lesson} is not in course.yaml`);
  }
  if (questions.length < course.questionsPerTest) {
    problems.push(`${relativeContentPath(questionsFile)}: ${questions.length} questions, fewer than questionsPerTest (${course.questionsPerTest})`);
  }
  if (problems.length) throw new ContentError(relativeContentPath(dir), problems);
  return { ...course, slug: courseSlug, lessons, questions: questions.map((q) => ({ ...q, sourceHash: hashQuestion(q) })) };
}

/** Every course folder under content/courses, in name order. */
export function loadAllCourses(root = CONTENT_ROOT): CourseContent[] {
  const coursesDir = path.join(root, "courses");
  if (!fs.existsSync(coursesDir)) return [];
  return fs
    .readdirSync(coursesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => loadCourse(path.join(coursesDir, name)));
}
