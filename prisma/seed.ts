import type { PrismaClient } from "@prisma/client";
import { bangkokMidnightUtc } from "~/domain/thai-date";
import { hashPassword } from "~/utils/password.server";
import { importHistoricalResults } from "~/models/training/history.server";
import { circulateOrder, createDraft, signOrder, submitForSignature } from "~/models/orders/order-commands.server";
import type { Role } from "~/domain/roles";
import { importAcknowledgements, publishDocument } from "~/models/plan/policy-documents.server";
import { recordIndicatorEntry } from "~/models/plan/indicator-entries.server";
import { seededRandom } from "~/domain/quiz";
import { PLAN_FISCAL_YEARS, fiscalYearRange } from "~/domain/fiscal-year";
import { assignCourse } from "~/models/training/assignments.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoRoster } from "./demo-roster";
import { demoHistory } from "./demo-history";
import { seedSalaryRounds } from "./demo-salary";
import { seedComplaints } from "./demo-complaints";
import { seedGiftsAndDeclarations } from "./demo-gifts";
import { seedRiskRegisters } from "./demo-risks";

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
    if (demo > 0 && (await db.courseAssignment.count()) === 0) await seedCourseAssignments(db);
    if (demo > 0 && (await db.attempt.count()) === 0)
      await seedTrainingHistory(db, new Set(DEMO_ACCOUNTS.map((a) => a.employeeNumber)));
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
  await seedCourseAssignments(db);
  await seedTrainingHistory(db, demoNumbers);
  await seedDelegationOrders(db);
  await seedNoGiftAnnouncement(db, demoNumbers);
  await seedIndicatorEntries(db);
  await seedSalaryRounds(db, demoNumbers);
  await seedComplaints(db, DEMO_PASSWORD);
  await seedGiftsAndDeclarations(db); // issue 13
  await seedRiskRegisters(db);
  return { seeded: true, people: roster.length };
}

/**
 * Who each plan course is for, and from which fiscal year. The first four run every year for all personnel
 * (executives, council, officers, employees; not teachers). The courses for items 1, 2, 38 and 39 start in
 * FY 2570 with the group the plan names (content/plan/target-groups.yaml), so they have no earlier history.
 */
export const DEMO_COURSE_GROUPS: Record<string, { groupCodes: string[]; fromYear: number }> = {
  ethics: { groupCodes: ["all-personnel"], fromYear: 2566 },
  "conflict-of-interest": { groupCodes: ["all-personnel"], fromYear: 2566 },
  "no-gift": { groupCodes: ["all-personnel"], fromYear: 2566 },
  "anti-corruption": { groupCodes: ["all-personnel"], fromYear: 2566 },
  "engineering-law": { groupCodes: ["engineering"], fromYear: 2570 },
  "median-price-procurement": { groupCodes: ["procurement-works"], fromYear: 2570 },
  "local-officials-law": { groupCodes: ["council-executive"], fromYear: 2570 },
  "council-handbook": { groupCodes: ["council"], fromYear: 2570 },
};

async function seedCourseAssignments(db: PrismaClient) {
  const hr = await db.person.findUniqueOrThrow({ where: { employeeNumber: "100002" } });
  const courses = await db.course.findMany({ orderBy: { sortOrder: "asc" } });
  for (const fiscalYear of PLAN_FISCAL_YEARS) {
    const assignedAt = new Date(Math.min(fiscalYearRange(fiscalYear).start.getTime(), Date.now()));
    for (const course of courses) {
      // A course added to content/ later than this list is for all personnel, as the first four are.
      const plan = DEMO_COURSE_GROUPS[course.slug] ?? { groupCodes: ["all-personnel"], fromYear: 2566 };
      if (fiscalYear < plan.fromYear) continue;
      await assignCourse(
        { courseSlug: course.slug, fiscalYear, groupCodes: plan.groupCodes },
        { personId: hr.id, ip: "seed" },
        assignedAt,
      );
    }
  }
}

/** HR's entries for past years' indicators the app cannot compute: ITA scores, fuel savings, event turnout. */
async function seedIndicatorEntries(db: PrismaClient) {
  const hr = await db.person.findUniqueOrThrow({ where: { employeeNumber: "100002" } });
  const indicators = await db.planIndicator.findMany({ where: { itemNumber: { in: [7, 15, 17, 22, 25] } } });
  const find = (itemNumber: number, instrument: string) =>
    indicators.find((i) => i.itemNumber === itemNumber && i.instrument === instrument);
  const ita = { 2566: "82.47", 2567: "86.12", 2568: "88.05", 2569: "91.30" } as Record<number, string>;
  const entries: { indicatorId: number | undefined; fiscalYear: number; fields: Record<string, string> }[] = [];
  for (const [year, score] of Object.entries(ita)) {
    for (const item of [15, 17, 25]) {
      entries.push({
        indicatorId: find(item, "ita-score")?.id,
        fiscalYear: Number(year),
        fields: {
          value: score,
          evidenceUrl: `https://itas.nacc.go.th/go/iit/ita${year}/lampangcity`,
          note: "ผลการประเมิน ITA จากระบบ ITAS ของสำนักงาน ป.ป.ช.",
        },
      });
    }
  }
  entries.push(
    {
      indicatorId: find(22, "fuel-records")?.id,
      fiscalYear: 2568,
      fields: {
        value: "27.5",
        evidenceUrl: "https://www.lampangcity.go.th/fuel-report-2568",
        note: "เทียบกับปีงบประมาณ 2565",
      },
    },
    {
      indicatorId: find(22, "fuel-records")?.id,
      fiscalYear: 2569,
      fields: {
        value: "31.2",
        evidenceUrl: "https://www.lampangcity.go.th/fuel-report-2569",
        note: "เทียบกับปีงบประมาณ 2565",
      },
    },
    {
      indicatorId: find(7, "participant-count")?.id,
      fiscalYear: 2569,
      fields: { value: "1240", evidenceUrl: "https://www.lampangcity.go.th/news/anti-corruption-day-2569" },
    },
  );
  for (const e of entries) {
    if (!e.indicatorId) continue; // the plan content changed: nothing to seed for it
    // Entered at the end of the year the result belongs to.
    const enteredAt = new Date(bangkokMidnightUtc(e.fiscalYear - 543, 9, 20).getTime() + 10 * 3_600_000);
    await recordIndicatorEntry(
      e.indicatorId,
      { fiscalYear: String(e.fiscalYear), ...e.fields },
      null,
      { personId: hr.id, ip: null },
      enteredAt,
    );
  }
}

/** The No Gift announcement (plan item 16), published in October 2569 BE and acknowledged by about half so far. */
async function seedNoGiftAnnouncement(db: PrismaClient, demoNumbers: Set<string>) {
  const hr = await db.person.findUniqueOrThrow({ where: { employeeNumber: "100002" } });
  // 15 ต.ค. 2569 (BE): early in FY 2570, the current year; never in the future of the machine's clock.
  const publishedAt = new Date(Math.min(new Date("2026-10-15T02:00:00Z").getTime(), Date.now() - 86_400_000));
  const document = await publishDocument(
    {
      title: "ประกาศเทศบาลนครลำปาง เรื่อง นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)",
      body: [
        "เทศบาลนครลำปางมีเจตนารมณ์ในการบริหารงานด้วยความซื่อสัตย์สุจริต โปร่งใส และตรวจสอบได้ จึงประกาศนโยบายดังนี้",
        "๑. ผู้บริหาร สมาชิกสภาเทศบาล และบุคลากรทุกคน จะไม่รับของขวัญ ของกำนัล หรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่ (No Gift Policy from Duty)",
        "๒. จะไม่ให้ของขวัญหรือของกำนัลแก่ผู้บังคับบัญชาหรือบุคคลในครอบครัวของผู้บังคับบัญชา นอกเหนือจากการปฏิบัติตามปกติประเพณีนิยม",
        "๓. หากมีความจำเป็นต้องรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาที่มีมูลค่าเกินกว่าที่กฎหมายกำหนด ให้รายงานผู้บังคับบัญชาภายใน ๓๐ วัน",
        "๔. ขอความร่วมมือจากประชาชนและผู้มาติดต่อราชการ งดให้ของขวัญแก่เจ้าหน้าที่ทุกกรณี",
      ].join("\n\n"),
      targetGroupCode: "all-personnel",
      planItemNumber: 16,
    },
    { personId: hr.id, roles: ["hr"], ip: "seed" },
    publishedAt,
  );
  const people = await db.person.findMany({ where: { personnelType: { not: "teacher" }, deactivatedAt: null } });
  const random = seededRandom(16);
  const rows = people
    .filter((p) => !demoNumbers.has(p.employeeNumber) && random() < 0.55)
    .map((p) => ({
      personId: p.id,
      acknowledgedAt: new Date(
        Math.min(publishedAt.getTime() + Math.floor(random() * 35) * 86_400_000, Date.now() - 60_000),
      ),
    }));
  await importAcknowledgements(document.id, rows, "demo seed");
}

/** A short history of plan item 30: orders signed in FY 2567–2569 (one replacing another) and one awaiting signature. */
async function seedDelegationOrders(db: PrismaClient) {
  const manager = await db.person.findUniqueOrThrow({ where: { employeeNumber: "100003" }, include: { roles: true } });
  const finance = await db.division.findUniqueOrThrow({ where: { code: "finance" } });
  const actor = { personId: manager.id, roles: manager.roles.map((r) => r.role as Role), ip: "seed" };
  const base = {
    issuingDivisionId: finance.id,
    delegatorEmployeeNumber: "100003",
    recipientDivisionIds: [finance.id],
    recipientEmployeeNumbers: "",
    delegates: [{ employeeNumber: "100004", positionTitle: undefined }],
    body: "เพื่อให้การบริหารงานพัสดุของกองคลังเป็นไปด้วยความรวดเร็ว มีประสิทธิภาพ และมีผู้รับผิดชอบชัดเจน ตรวจสอบได้ จึงมอบอำนาจดังต่อไปนี้",
  };
  const power = (ceilingBaht: number) => ({
    kind: "approve" as const,
    description: "อนุมัติการจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจง",
    legalBasis: "ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560 ข้อ 79",
    limits: "เฉพาะงบประมาณของกองคลัง",
    ceilingBaht,
  });
  const history: {
    signedAt: string;
    effectiveFrom: string;
    effectiveUntil: string;
    ceiling: number;
    supersedes?: number;
  }[] = [
    { signedAt: "2024-01-15T03:00:00Z", effectiveFrom: "2024-01-16", effectiveUntil: "", ceiling: 100_000 },
    {
      signedAt: "2025-02-10T03:00:00Z",
      effectiveFrom: "2025-02-11",
      effectiveUntil: "",
      ceiling: 200_000,
      supersedes: 0,
    },
    { signedAt: "2026-03-05T03:00:00Z", effectiveFrom: "2026-03-06", effectiveUntil: "2026-09-30", ceiling: 50_000 },
  ];
  const ids: number[] = [];
  for (const h of history) {
    const at = new Date(h.signedAt);
    const draft = await createDraft(
      {
        ...base,
        title: `มอบอำนาจอนุมัติการจัดซื้อจัดจ้างวงเงินไม่เกิน ${h.ceiling.toLocaleString("th-TH")} บาท`,
        effectiveFrom: h.effectiveFrom,
        effectiveUntil: h.effectiveUntil,
        powers: [power(h.ceiling)],
        supersedesId: h.supersedes === undefined ? "" : ids[h.supersedes],
      },
      actor,
      at,
    );
    await submitForSignature(draft.id, actor, at);
    await signOrder(draft.id, DEMO_PASSWORD, actor, at);
    await circulateOrder(draft.id, actor, at);
    ids.push(draft.id);
  }
  const pending = await createDraft(
    {
      ...base,
      title: "มอบอำนาจอนุญาตให้ใช้รถส่วนกลางของกองคลัง",
      effectiveFrom: "2026-12-01",
      effectiveUntil: "",
      powers: [
        {
          kind: "permit",
          description: "อนุญาตให้ใช้รถส่วนกลางเพื่อปฏิบัติราชการ",
          legalBasis: "ระเบียบกระทรวงมหาดไทยว่าด้วยการใช้และรักษารถยนต์ขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548",
          limits: undefined,
          ceilingBaht: undefined,
        },
      ],
      supersedesId: "",
    },
    actor,
  );
  await submitForSignature(pending.id, actor);
}

async function seedTrainingHistory(db: PrismaClient, demoNumbers: Set<string>) {
  // History only for the courses run since FY 2566 for all personnel; the newer courses start untouched.
  const historySlugs = Object.entries(DEMO_COURSE_GROUPS)
    .filter(([, p]) => p.fromYear === 2566)
    .map(([slug]) => slug);
  const courses = await db.course.findMany({
    where: { slug: { in: historySlugs } },
    include: {
      lessons: { where: { retired: false }, orderBy: { position: "asc" } },
      questions: { where: { retired: false }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } },
    },
  });
  if (courses.length === 0) return;
  // Teachers are outside the plan's training target groups. Internal audit starts FY 2570 untouched too, so
  // a visitor (and the browser test) can watch a unit's knowledge indicator move as its people pass.
  const people = await db.person.findMany({
    where: { personnelType: { not: "teacher" } },
    include: { division: true },
  });
  const { attempts, lessonProgress } = demoHistory(
    people.map((p) => ({
      id: p.id,
      activeFrom: p.activeFrom,
      exempt: demoNumbers.has(p.employeeNumber) || p.division.code === "internal-audit",
    })),
    courses.map((c) => ({
      id: c.id,
      passPercent: c.passPercent,
      questionsPerTest: c.questionsPerTest,
      maxPostTestAttempts: c.maxPostTestAttempts,
      lessonIds: c.lessons.map((l) => l.id),
      questions: c.questions.map((q) => {
        const v = q.versions[0]!;
        return {
          questionId: q.id,
          versionId: v.id,
          correctIndex: v.correctIndex,
          choiceCount: (JSON.parse(v.choices) as string[]).length,
        };
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
