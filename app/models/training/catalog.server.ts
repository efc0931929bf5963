import type { CourseContent } from "~/content/courses.server";
import type { Actor } from "~/domain/actor";
import { isHr } from "~/domain/actor";
import { refusal } from "~/domain/refusal";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";

// The one module that writes courses, lessons, questions and question versions.
// A question version is never changed: a new wording is a new version, so past attempts show what they showed.

async function addVersion(
  tx: Tx,
  questionId: number,
  content: { prompt: string; choices: string[]; correctIndex: number; explanation: string },
  source: "content" | "hr",
  authorId: number | null,
) {
  const last = await tx.questionVersion.findFirst({ where: { questionId }, orderBy: { version: "desc" } });
  return tx.questionVersion.create({
    data: {
      questionId,
      version: (last?.version ?? 0) + 1,
      prompt: content.prompt,
      choices: JSON.stringify(content.choices),
      correctIndex: content.correctIndex,
      explanation: content.explanation,
      source,
      authorId,
    },
  });
}

/**
 * Bring the database in line with content/courses. Questions whose file entry changed get a new version;
 * questions removed from a file are retired (kept for past attempts). Entries unchanged since the last sync
 * keep any newer version HR wrote in the app.
 */
export async function syncCourses(courses: CourseContent[]): Promise<{ courses: number; newVersions: number }> {
  let newVersions = 0;
  await db.$transaction(
    async (tx) => {
      for (const c of courses) {
        const data = {
          title: c.title,
          summary: c.summary,
          planProjects: JSON.stringify(c.planProjects),
          questionsPerTest: c.questionsPerTest,
          passPercent: c.passPercent,
          maxPostTestAttempts: c.maxPostTestAttempts,
          grading: c.grading,
          timeLimitMinutes: c.timeLimitMinutes ?? null,
          sortOrder: Math.min(...c.planProjects),
        };
        const course = await tx.course.upsert({
          where: { slug: c.slug },
          create: { slug: c.slug, ...data },
          update: data,
        });

        for (const [position, lesson] of c.lessons.entries()) {
          const lessonData = { title: lesson.title, position, markdown: lesson.markdown, retired: false };
          await tx.lesson.upsert({
            where: { courseId_slug: { courseId: course.id, slug: lesson.slug } },
            create: { courseId: course.id, slug: lesson.slug, ...lessonData },
            update: lessonData,
          });
        }
        await tx.lesson.updateMany({
          where: { courseId: course.id, slug: { notIn: c.lessons.map((l) => l.slug) } },
          data: { retired: true },
        });

        for (const q of c.questions) {
          const existing = await tx.question.findUnique({
            where: { courseId_key: { courseId: course.id, key: q.id } },
          });
          if (existing && existing.sourceHash === q.sourceHash && !existing.retired) continue;
          const question = existing
            ? await tx.question.update({
                where: { id: existing.id },
                data: { lessonSlug: q.lesson, sourceHash: q.sourceHash, retired: false },
              })
            : await tx.question.create({
                data: { courseId: course.id, key: q.id, lessonSlug: q.lesson, sourceHash: q.sourceHash },
              });
          if (existing?.sourceHash === q.sourceHash) continue; // only un-retired
          await addVersion(
            tx,
            question.id,
            { prompt: q.prompt, choices: q.choices, correctIndex: q.answer - 1, explanation: q.explanation },
            "content",
            null,
          );
          newVersions += 1;
        }
        await tx.question.updateMany({
          where: { courseId: course.id, key: { notIn: c.questions.map((q) => q.id) } },
          data: { retired: true },
        });
      }
    },
    { timeout: 60_000 },
  );
  return { courses: courses.length, newVersions };
}

export type QuestionEdit = { prompt: string; choices: string[]; correctIndex: number; explanation: string };

function assertHr(actor: Pick<Actor, "roles">) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะงานบุคคลและผู้ดูแลระบบเท่านั้นที่แก้ไขคำถามได้");
}

/** HR's question editor: the question's versions (newest first) and how many attempts drew each. */
export async function questionPage(slug: string, key: string, viewer: Pick<Actor, "roles">) {
  assertHr(viewer);
  const question = await db.question.findFirst({
    where: { key, course: { slug } },
    include: { course: true, versions: { orderBy: { version: "desc" } } },
  });
  if (!question || question.versions.length === 0) throw refusal(404, "ไม่พบคำถามนี้");
  const usage = await db.attemptItem.groupBy({
    by: ["questionVersionId"],
    where: { questionVersionId: { in: question.versions.map((v) => v.id) } },
    _count: { _all: true },
  });
  const used = new Map(usage.map((u) => [u.questionVersionId, u._count._all]));
  return {
    course: { slug: question.course.slug, title: question.course.title },
    key: question.key,
    versions: question.versions.map((v) => ({
      version: v.version,
      prompt: v.prompt,
      choices: JSON.parse(v.choices) as string[],
      correctIndex: v.correctIndex,
      explanation: v.explanation,
      source: v.source,
      createdAt: v.createdAt.toISOString(),
      timesUsed: used.get(v.id) ?? 0,
    })),
  };
}

/** HR rewrites a question in the app: a new version, audited; attempts already drawn keep the old one. */
export async function editQuestion(
  slug: string,
  key: string,
  edit: QuestionEdit,
  actor: Pick<Actor, "personId" | "roles" | "ip">,
) {
  assertHr(actor);
  return db.$transaction(async (tx) => {
    const question = await tx.question.findFirst({
      where: { key, course: { slug } },
      include: { versions: { orderBy: { version: "desc" }, take: 1 }, course: true },
    });
    if (!question) throw refusal(404, "ไม่พบคำถามนี้");
    const before = question.versions[0];
    const version = await addVersion(tx, question.id, edit, "hr", actor.personId);
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "question.edited",
      entityType: "Question",
      entityId: `${question.course.slug}/${question.key}`,
      before: before
        ? {
            version: before.version,
            prompt: before.prompt,
            choices: JSON.parse(before.choices),
            correctIndex: before.correctIndex,
            explanation: before.explanation,
          }
        : null,
      after: { version: version.version, ...edit },
    });
    return version;
  });
}
