import { db } from "~/utils/db.server";
import type { HttpClient } from "./app-server";

/** Start a test through the course page as a browser would; returns the attempt id from the redirect. */
export async function startTest(client: HttpClient, slug: string, kind: "pre" | "post"): Promise<number> {
  const response = await client.post(`/courses/${slug}`, { kind });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location)
    throw new Error(`start ${kind} failed: ${response.status} ${await response.text()}`);
  return Number(location.split("/").pop());
}

/**
 * The shown position to choose for every question, by question position: right for the first `rightCount`, wrong
 * for the rest, read from the stored draw (a fixture, not the page).
 */
export async function shownAnswers(attemptId: number, rightCount: number): Promise<Map<number, number>> {
  const items = await db.attemptItem.findMany({
    where: { attemptId },
    include: { questionVersion: true },
    orderBy: { position: "asc" },
  });
  return new Map(
    items.map((item, i) => {
      const order = JSON.parse(item.choiceOrder) as number[];
      const right = order.indexOf(item.questionVersion.correctIndex);
      return [item.position, i < rightCount ? right : (right + 1) % order.length];
    }),
  );
}

/** The same choices as the form fields a browser posts (`q<position>`). */
export async function answersFor(attemptId: number, rightCount: number): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const [position, choice] of await shownAnswers(attemptId, rightCount)) fields[`q${position}`] = String(choice);
  return fields;
}

export async function readAllLessons(client: HttpClient, slug: string) {
  const course = await db.course.findUniqueOrThrow({
    where: { slug },
    include: { lessons: { where: { retired: false } } },
  });
  for (const lesson of course.lessons) {
    const response = await client.post(`/courses/${slug}/lessons/${lesson.slug}`, {});
    if (response.status !== 302) throw new Error(`lesson ${lesson.slug}: ${response.status}`);
  }
}
