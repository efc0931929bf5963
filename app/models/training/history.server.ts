import { fullName } from "~/domain/personnel";
import { isPass } from "~/domain/quiz";
import { sqliteTimestamp, writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { newCertificateCode } from "./attempt-store.server";
import type { TestKind } from "./progress.server";

// Results taken elsewhere (earlier years' paper tests, the demo history), imported in bulk.

export type HistoricalAttempt = {
  personId: number;
  courseId: number;
  kind: TestKind;
  fiscalYear: number;
  number: number;
  startedAt: Date;
  submittedAt: Date;
  passPercent: number;
  items: { questionVersionId: number; choiceOrder: number[]; selectedIndex: number; correctIndex: number }[];
};

/**
 * Import results that were taken elsewhere (earlier years' paper tests, the demo history) in bulk: attempts,
 * items, certificates for passed post-tests and lesson progress, with one audit record for the batch.
 */
export async function importHistoricalResults(
  attempts: HistoricalAttempt[],
  lessonProgress: { personId: number; lessonId: number; fiscalYear: number; completedAt: Date }[],
  people: Map<number, { title: string; firstName: string; lastName: string }>,
  courseTitles: Map<number, string>,
  actor: { actorId: number | null; label: string },
) {
  await db.$transaction(
    async (tx) => {
      // Attempts go in open and are closed once their items are in (the immutability triggers require it), and
      // only one may be open per person, course and kind: so insert in rounds, the n-th sitting of each at a time.
      const CHUNK = 500;
      const sittings = new Map<string, number>();
      const rounds: HistoricalAttempt[][] = [];
      for (const a of attempts) {
        const key = `${a.personId}/${a.courseId}/${a.kind}`;
        const round = sittings.get(key) ?? 0;
        sittings.set(key, round + 1);
        (rounds[round] ??= []).push(a);
      }
      const chunks = rounds.flatMap((round) =>
        Array.from({ length: Math.ceil(round.length / CHUNK) }, (_, i) => round.slice(i * CHUNK, (i + 1) * CHUNK)),
      );
      for (const chunk of chunks) {
        // Prisma's createMany goes row by row through the SQLite adapter (~15x slower here): multi-row INSERTs
        // instead, the new ids read back by each attempt's unique key.
        const inserted = await tx.$queryRawUnsafe<{ id: number; personId: number; courseId: number; kind: string }[]>(
          `INSERT INTO "Attempt" ("personId", "courseId", "kind", "fiscalYear", "number", "startedAt", "totalCount")
           VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ")}
           RETURNING "id", "personId", "courseId", "kind"`,
          ...chunk.flatMap((a) => [
            a.personId,
            a.courseId,
            a.kind,
            a.fiscalYear,
            a.number,
            sqliteTimestamp(a.startedAt),
            a.items.length,
          ]),
        );
        // One open attempt per person, course and kind in a round, so that triple names the row.
        const idByKey = new Map(inserted.map((r) => [`${r.personId}/${r.courseId}/${r.kind}`, Number(r.id)]));
        const created = chunk.map((a) => ({ id: idByKey.get(`${a.personId}/${a.courseId}/${a.kind}`)! }));
        const items = chunk.flatMap((a, i) =>
          a.items.map((item, position) => ({
            attemptId: created[i]!.id,
            position,
            questionVersionId: item.questionVersionId,
            choiceOrder: JSON.stringify(item.choiceOrder),
            selectedIndex: item.selectedIndex,
            correct: item.selectedIndex === item.correctIndex,
          })),
        );
        // Multi-row INSERTs: Prisma's createMany goes row by row through the SQLite adapter, ~15x slower here.
        for (let s = 0; s < items.length; s += 4000) {
          const rows = items.slice(s, s + 4000);
          await tx.$executeRawUnsafe(
            `INSERT INTO "AttemptItem" ("attemptId", "position", "questionVersionId", "choiceOrder", "selectedIndex", "correct")
             VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}`,
            ...rows.flatMap((r) => [
              r.attemptId,
              r.position,
              r.questionVersionId,
              r.choiceOrder,
              r.selectedIndex,
              r.correct ? 1 : 0,
            ]),
          );
        }
        // Close the chunk's attempts in one statement, now that their items are in.
        const scored = chunk.map((a, i) => {
          const correct = a.items.filter((item) => item.selectedIndex === item.correctIndex).length;
          return { a, id: created[i]!.id, correct, passed: isPass(correct, a.items.length, a.passPercent) };
        });
        await tx.$executeRawUnsafe(
          `WITH v(id, submittedAt, correctCount, passed) AS (VALUES ${scored.map(() => "(?, ?, ?, ?)").join(", ")})
           UPDATE "Attempt" SET "submittedAt" = v.submittedAt, "correctCount" = v.correctCount, "passed" = v.passed
           FROM v WHERE "Attempt"."id" = v.id`,
          ...scored.flatMap((x) => [x.id, sqliteTimestamp(x.a.submittedAt), x.correct, x.passed ? 1 : 0]),
        );
        const certificates = scored.filter((x) => x.a.kind === "post" && x.passed);
        if (certificates.length > 0)
          await tx.$executeRawUnsafe(
            `INSERT INTO "Certificate" ("code", "personId", "courseId", "attemptId", "fiscalYear", "personName",
               "courseTitle", "correctCount", "totalCount", "issuedAt")
             VALUES ${certificates.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
            ...certificates.flatMap(({ a, id, correct }) => [
              newCertificateCode(),
              a.personId,
              a.courseId,
              id,
              a.fiscalYear,
              fullName(people.get(a.personId)!),
              courseTitles.get(a.courseId)!,
              correct,
              a.items.length,
              sqliteTimestamp(a.submittedAt),
            ]),
          );
      }
      for (let s = 0; s < lessonProgress.length; s += 2000) {
        const rows = lessonProgress.slice(s, s + 2000);
        await tx.$executeRawUnsafe(
          `INSERT INTO "LessonProgress" ("personId", "lessonId", "fiscalYear", "completedAt")
           VALUES ${rows.map(() => "(?, ?, ?, ?)").join(", ")}`,
          ...rows.flatMap((r) => [r.personId, r.lessonId, r.fiscalYear, sqliteTimestamp(r.completedAt)]),
        );
      }
      await writeAudit(tx, {
        actorId: actor.actorId,
        action: "attempt.imported",
        entityType: "Attempt",
        after: { source: actor.label, attempts: attempts.length, lessonProgress: lessonProgress.length },
      });
    },
    { timeout: 600_000 },
  );
}
