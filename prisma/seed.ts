import type { PrismaClient } from "@prisma/client";
import { bangkokMidnightUtc } from "~/domain/thai-date";
import { hashPassword } from "~/utils/password.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoRoster } from "./demo-roster";

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
  if (existing > 0) return { seeded: false, people: existing };

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
  return { seeded: true, people: roster.length };
}
