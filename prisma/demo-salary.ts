import { appealDeadlineAfter, roundTitle } from "~/domain/salary-review";
import { demoAppraisal, seedCommitteeDecisions } from "./demo-salary-committees";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { isSatisfied } from "~/domain/salary-survey";
import { seededRandom } from "~/domain/quiz";
import { bangkokMidnightUtc } from "~/domain/thai-date";
import { topLevelMap } from "~/models/people/organization.server";

// Demo salary-step rounds: both halves of FY 2569 (surveys closed, with results) and 1 Oct 2569 of FY 2570 (survey
// open until 31 Jan 2570 BE, the demo accounts not yet answered, so 100004 can try it). Raw createMany: fast.

const DAY = 86_400_000;
const STATEMENTS = 6;

type DemoRound = {
  effective: [number, number, number];
  title: string;
  fiscalYear: number;
  publishedAt: Date;
  surveyClosesAt: Date;
  responseRate: number;
  satisfiedRate: number;
  appeals: number;
};

function demoRounds(now: number): DemoRound[] {
  return [
    {
      effective: [2025, 10, 1],
      title: roundTitle(2568, 2),
      fiscalYear: 2568,
      publishedAt: new Date("2025-11-20T03:00:00Z"),
      surveyClosesAt: bangkokMidnightUtc(2025, 12, 31),
      responseRate: 0.82,
      satisfiedRate: 0.74,
      appeals: 7,
    },
    {
      effective: [2026, 4, 1],
      title: roundTitle(2569, 1),
      fiscalYear: 2569,
      publishedAt: new Date("2026-05-20T03:00:00Z"),
      surveyClosesAt: bangkokMidnightUtc(2026, 6, 30),
      responseRate: 0.86,
      satisfiedRate: 0.84,
      appeals: 3,
    },
    {
      effective: [2026, 10, 1],
      title: roundTitle(2569, 2),
      fiscalYear: 2569,
      // Never in the machine's future; the survey stays open at least two months from the seed.
      publishedAt: new Date(Math.min(new Date("2026-11-16T03:00:00Z").getTime(), now - DAY)),
      surveyClosesAt: new Date(Math.max(bangkokMidnightUtc(2027, 2, 1).getTime(), now + 60 * DAY)),
      responseRate: 0.55,
      satisfiedRate: 0.8,
      appeals: 1,
    },
  ];
}

function answersFor(satisfied: boolean, random: () => number): number[] {
  if (satisfied) return Array.from({ length: STATEMENTS }, () => (random() < 0.55 ? 4 : 5));
  const answers = Array.from({ length: STATEMENTS }, () => 1 + Math.floor(random() * 4));
  if (isSatisfied(answers, 4)) answers[STATEMENTS - 1] = 2;
  return answers;
}

/**
 * Rounds, appraisals for officers and employees, survey responses and a few appeals. `beforePublish` runs for each
 * round while it is still unpublished (committees and decisions cannot be added to a published round).
 */
export async function seedSalaryRounds(
  db: PrismaClient,
  demoNumbers: Set<string>,
  options: { beforePublish?: (roundId: number) => Promise<void> } = {},
) {
  const hr = await db.person.findUniqueOrThrow({ where: { employeeNumber: "100002" } });
  const people = await db.person.findMany({
    where: {
      personnelType: { in: ["municipal_officer", "permanent_employee", "contract_employee"] },
      deactivatedAt: null,
    },
    select: {
      id: true,
      employeeNumber: true,
      personnelType: true,
      divisionId: true,
      activeFrom: true,
      activeUntil: true,
    },
    orderBy: { id: "asc" },
  });
  const topOf = topLevelMap(await db.division.findMany({ select: { id: true, parentId: true } }));
  const random = seededRandom(19);
  const now = Date.now();

  for (const r of demoRounds(now)) {
    const effectiveDate = bangkokMidnightUtc(...r.effective);
    const round = await db.salaryRound.create({
      data: {
        fiscalYear: r.fiscalYear,
        effectiveDate,
        title: r.title,
        stepPersonnelTypes: JSON.stringify(["municipal_officer", "permanent_employee"]),
        stepCapHalfSteps: 3,
        percentCapBasisPoints: 600,
        poolBaht: 2_400_000,
        appealDays: 30,
        createdAt: new Date(effectiveDate.getTime() - 45 * DAY),
        createdById: hr.id,
      },
    });
    const scope = people.filter(
      (p) => p.activeFrom <= effectiveDate && (!p.activeUntil || p.activeUntil > effectiveDate),
    );
    const appraisedAt = new Date(effectiveDate.getTime() - 30 * DAY);
    await db.salaryAppraisal.createMany({
      data: scope.map((p) => demoAppraisal(round.id, p, hr.id, appraisedAt, random)),
    });
    await seedCommitteeDecisions(db, round.id, scope, appraisedAt, random);
    await options.beforePublish?.(round.id);
    await db.salaryRound.update({
      where: { id: round.id },
      data: {
        publishedAt: r.publishedAt,
        appealDeadline: appealDeadlineAfter(r.publishedAt, 30),
        surveyClosesAt: r.surveyClosesAt,
      },
    });

    const isOpen = r.surveyClosesAt.getTime() > now;
    const respondents = scope.filter(
      (p) => !(isOpen && demoNumbers.has(p.employeeNumber)) && random() < r.responseRate,
    );
    await db.surveyParticipation.createMany({ data: respondents.map((p) => ({ roundId: round.id, personId: p.id })) });
    await db.surveyResponse.createMany({
      data: respondents.map((p) => ({
        id: randomUUID(),
        roundId: round.id,
        divisionId: topOf.get(p.divisionId) ?? p.divisionId,
        answers: JSON.stringify(answersFor(random() < r.satisfiedRate, random)),
      })),
    });
    // Demo answers are written directly; a closed round counts as settled (decision 021).
    if (!isOpen) await db.surveySettlement.create({ data: { roundId: round.id, settledAt: r.surveyClosesAt } });

    const appealed = await db.salaryAppraisal.findMany({
      where: { roundId: round.id },
      select: { id: true, personId: true },
    });
    const appellants = appealed
      .filter((a) => !people.some((p) => p.id === a.personId && demoNumbers.has(p.employeeNumber)))
      .slice(0, 400);
    const appealsClosed = appealDeadlineAfter(r.publishedAt, 30).getTime() <= now;
    await db.salaryAppeal.createMany({
      data: Array.from({ length: r.appeals }, (_, i) => {
        const a = appellants[Math.floor(random() * appellants.length)]!;
        const filedAt = new Date(Math.min(r.publishedAt.getTime() + (3 + i) * DAY, now - 60_000));
        // Appeals of rounds whose appeal period has ended were answered (upheld); the newest round's are pending.
        const answer = appealsClosed
          ? {
              outcome: "rejected",
              answer: "คณะกรรมการพิจารณาแล้ว ยืนตามผลเดิม เนื่องจากผลการประเมินสอดคล้องกับหลักฐานผลงาน",
              answeredAt: new Date(filedAt.getTime() + 14 * DAY),
              answeredById: hr.id,
            }
          : {};
        return {
          ...answer,
          appraisalId: a.id,
          personId: a.personId,
          reason:
            i % 2
              ? "ขอให้ทบทวนผลการประเมิน เนื่องจากผลงานที่ส่งไม่ได้นำมาพิจารณาครบถ้วน"
              : "ขอทราบเหตุผลที่ได้รับการเลื่อนขั้นน้อยกว่าที่ผู้บังคับบัญชาเสนอ",
          filedAt,
          recordedById: hr.id,
        };
      }),
    });
  }
}
