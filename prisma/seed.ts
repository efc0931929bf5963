import type { PrismaClient } from "@prisma/client";
import { bangkokMidnightUtc } from "~/domain/thai-date";
import { hashPassword } from "~/utils/password.server";
import { importHistoricalResults } from "~/models/course-attempts.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoRoster } from "./demo-roster";
import { demoHistory } from "./demo-history";

function isoToBangkokDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return bangkokMidnightUtc(y!, m!, d!);
}

/**
 * Demo data for a fresh database: the roster and one account per role (password in the README).
 * Does nothing when people already exist, so `npm start` never wipes or duplicates.
 */
export async function seedDemoData(db: PrismaClient): Promise<{ seeded: boolean; people: number }> {
  const existing = await db.person.count();
  if (existing > 0) {
    // A run that created the people but failed before the history finishes the job now.
    const demo = await db.auditLog.count({ where: { action: "seed.demo" } });
    if (demo > 0 && (await db.attempt.count()) === 0) await seedTrainingHistory(db, new Set(DEMO_ACCOUNTS.map((a) => a.employeeNumber)));
    return { seeded: false, people: existing };
  }

  const divisions = await db.division.findMany();
  const divisionId = new Map(divisions.map((d) => [d.code, d.id]));
  const demoHash = await hashPassword(DEMO_PASSWORD);
  const demoNumbers = new Set(DEMO_ACCOUNTS.map((a) => a.employeeNumber));
  const roster = demoRoster();

  await db.$transaction(async (tx) => {
    for (const p of roster) {
      const id = divisionId.get(p.divisionCode);
      if (!id) throw new Error(`demo roster: unknown division ${p.divisionCode}`);
      await tx.person.create({
        data: {
          employeeNumber: p.employeeNumber,
          title: p.title,
          firstName: p.firstName,
          lastName: p.lastName,
          position: p.position,
          personnelType: p.personnelType,
          divisionId: id,
          activeFrom: isoToBangkokDate(p.activeFrom),
          activeUntil: p.activeUntil ? isoToBangkokDate(p.activeUntil) : null,
          passwordHash: demoNumbers.has(p.employeeNumber) ? demoHash : null,
          roles: { create: p.roles.map((role) => ({ role })) },
        },
      });
    }
    await tx.auditLog.create({
      data: { action: "seed.demo", entityType: "Database", after: JSON.stringify({ people: roster.length }) },
    });
  });
  await seedTrainingHistory(db, demoNumbers);
  return { seeded: true, people: roster.length };
}

async function seedTrainingHistory(db: PrismaClient, demoNumbers: Set<string>) {
  const courses = await db.course.findMany({
    include: {
      lessons: { where: { retired: false }, orderBy: { position: "asc" } },
      questions: { where: { retired: false }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } },
    },
  });
  if (courses.length === 0) return;
  const people = await db.person.findMany({ where: { personnelType: { not: "council_member" } } });
  const { attempts, lessonProgress } = demoHistory(
    people.map((p) => ({ id: p.id, activeFrom: p.activeFrom, exempt: demoNumbers.has(p.employeeNumber) })),
    courses.map((c) => ({
      id: c.id,
      passPercent: c.passPercent,
      questionsPerTest: c.questionsPerTest,
      maxPostTestAttempts: c.maxPostTestAttempts,
      lessonIds: c.lessons.map((l) => l.id),
      questions: c.questions.map((q) => {
        const v = q.versions[0]!;
        return { questionId: q.id, versionId: v.id, correctIndex: v.correctIndex, choiceCount: (JSON.parse(v.choices) as string[]).length };
      }),
    })),
  );
  await importHistoricalResults(
    attempts,
    lessonProgress,
    new Map(people.map((p) => [p.id, p])),
    new Map(courses.map((c) => [c.id, c.title])),
    { actorId: null, label: "demo seed" },
  );
}
