import type { PlanIndicator } from "@prisma/client";
import type { Actor } from "~/domain/actor";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { filedLate, noGiftCompliant } from "~/domain/gift-rules";
import { sharePercent, shareStatus, type IndicatorStatus } from "~/domain/indicators";
import { fieldRefusal, refusal } from "~/domain/refusal";
import type { NoGiftDeclarationInput } from "~/schemas/gifts";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { groupBy } from "~/utils/group-by";
import { populationOf } from "~/models/people/target-groups.server";
import { giftView, refuseClosedYear } from "./gifts.server";
import { peopleAndDivisions } from "./scope.server";

// The yearly No Gift declaration (plan item 16): once per person per fiscal year, by item 16's target group.
// Also computes item 16's compliance indicator from it (decision 029).

export const NO_GIFT_INSTRUMENT = "no-gift-declaration";
export const NO_GIFT_ITEM = 16;

/** Item 16's population: the target group of its declaration indicator (content/plan/target-groups.yaml). */
async function targetGroupCode(): Promise<string | null> {
  const ind = await db.planIndicator.findFirst({ where: { itemNumber: NO_GIFT_ITEM, instrument: NO_GIFT_INSTRUMENT } });
  return ind?.targetGroupCode ?? null;
}

async function mustDeclare(personId: number, at: Date): Promise<boolean> {
  const code = await targetGroupCode();
  if (!code) return false;
  const group = await populationOf(code, at);
  return Boolean(group?.members.some((m) => m.id === personId));
}

export async function noGiftDeclarationPage(actor: Actor, now = new Date()) {
  const fiscalYear = fiscalYearOf(now);
  const [declaration, gifts, inGroup] = await Promise.all([
    db.noGiftDeclaration.findUnique({ where: { personId_fiscalYear: { personId: actor.personId, fiscalYear } } }),
    db.giftReport.findMany({
      where: { personId: actor.personId, fiscalYear, supersededAt: null },
      orderBy: { receivedOn: "asc" },
    }),
    mustDeclare(actor.personId, now),
  ]);
  const names = await peopleAndDivisions([actor.personId]);
  return {
    fiscalYear,
    inGroup,
    declaration: declaration
      ? {
          kind: declaration.kind,
          declaredAt: declaration.declaredAt.toISOString(),
          compliant: declaration.compliant,
          giftIds: JSON.parse(declaration.giftIds) as number[],
        }
      : null,
    gifts: gifts.map((g) => giftView(g, now, names)),
  };
}

/** Declare for the current fiscal year. A second declaration in the same year is refused. */
export async function declareNoGift(actor: Actor, input: NoGiftDeclarationInput, now = new Date()) {
  const fiscalYear = fiscalYearOf(now);
  if (!(await mustDeclare(actor.personId, now)))
    throw refusal(403, "ท่านไม่อยู่ในกลุ่มเป้าหมายของมาตรการ No Gift Policy ปีนี้ จึงไม่ต้องยื่นคำยืนยัน");
  return db.$transaction(async (tx) => {
    await refuseClosedYear(tx, fiscalYear);
    if (
      await tx.noGiftDeclaration.findUnique({
        where: { personId_fiscalYear: { personId: actor.personId, fiscalYear } },
      })
    ) {
      throw refusal(409, `ท่านยื่นคำยืนยัน No Gift ของปีงบประมาณ ${fiscalYear} แล้ว ยื่นซ้ำไม่ได้`);
    }
    const gifts = await tx.giftReport.findMany({ where: { personId: actor.personId, fiscalYear, supersededAt: null } });
    const reportable = gifts.filter((g) => g.mustReport);
    const listed = gifts.filter((g) => input.giftIds.includes(g.id));
    if (listed.length !== input.giftIds.length)
      throw fieldRefusal("giftIds", "รายการที่เลือกไม่ใช่รายการของท่านในปีงบประมาณนี้");
    if (input.kind === "none" && reportable.length > 0) {
      throw fieldRefusal(
        "kind",
        `ท่านมีรายการที่เกินกว่าที่กำหนดในทะเบียนปีนี้ ${reportable.length} รายการ กรุณาเลือก "มีรายการ" และระบุรายการนั้น`,
      );
    }
    if (input.kind === "listed" && reportable.some((g) => !input.giftIds.includes(g.id))) {
      throw fieldRefusal("giftIds", "กรุณาระบุทุกรายการที่เกินกว่าที่กำหนดในปีนี้");
    }
    const compliant = noGiftCompliant(input.kind, listed);
    const declaration = await tx.noGiftDeclaration.create({
      data: {
        personId: actor.personId,
        fiscalYear,
        kind: input.kind,
        giftIds: JSON.stringify(input.giftIds),
        compliant,
        declaredAt: now,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "no_gift.declared",
      entityType: "NoGiftDeclaration",
      entityId: declaration.id,
      after: {
        fiscalYear,
        kind: input.kind,
        giftIds: input.giftIds,
        compliant,
        late: listed.filter(filedLate).map((g) => g.id),
      },
    });
    return declaration;
  });
}

/** Who in item 16's population has and has not declared this year (HR). */
export async function declarationProgress(fiscalYear: number, at: Date) {
  const code = await targetGroupCode();
  const group = code ? await populationOf(code, at) : null;
  const population = group?.members ?? [];
  const declarations = await db.noGiftDeclaration.findMany({ where: { fiscalYear } });
  const byPerson = new Map(declarations.map((d) => [d.personId, d]));
  const missing = population.filter((p) => !byPerson.has(p.id));
  const names = await peopleAndDivisions(missing.slice(0, 200).map((p) => p.id));
  return {
    groupName: group?.name ?? "—",
    population: population.length,
    declared: population.filter((p) => byPerson.has(p.id)).length,
    compliant: population.filter((p) => byPerson.get(p.id)?.compliant).length,
    missingCount: missing.length,
    missing: missing.slice(0, 200).map((p) => {
      const row = names.personById.get(p.id)!;
      return {
        id: p.id,
        employeeNumber: row.employeeNumber,
        name: names.nameOf(p.id),
        division: names.divisionName.get(p.divisionId) ?? "—",
      };
    }),
  };
}

type Member = {
  id: number;
  divisionId: number;
  personnelType: string;
  position: string;
  activeFrom: Date;
  activeUntil: Date | null;
  deactivatedAt: Date | null;
};

/**
 * Item 16's compliance indicator: people of the target group who declared in compliance this fiscal year ÷ the
 * target group, against the indicator's threshold (100%). Declarations made after `at` do not count.
 */
export async function noGiftComplianceMeasure(
  ind: PlanIndicator,
  fiscalYear: number,
  yearClosed: boolean,
  at: Date,
  people: Member[],
  topOf: Map<number, number>,
) {
  const threshold = ind.thresholdPercent ?? 100;
  const rule = `ยื่นคำยืนยัน No Gift ประจำปีและปฏิบัติตามนโยบาย ไม่น้อยกว่าร้อยละ ${threshold} ของกลุ่มเป้าหมาย`;
  const group = ind.targetGroupCode ? await populationOf(ind.targetGroupCode, at, people) : null;
  if (!group)
    return {
      rule,
      numerator: null,
      denominator: null,
      value: null,
      status: "no_instrument" as IndicatorStatus,
      source: null,
      missingPersonIds: [] as number[],
    };
  const declarations = await db.noGiftDeclaration.findMany({
    where: { fiscalYear, declaredAt: { lte: at } },
    select: { personId: true, compliant: true },
  });
  const compliant = new Set(declarations.filter((d) => d.compliant).map((d) => d.personId));
  const declared = new Set(declarations.map((d) => d.personId));
  const population = group.members;
  const numerator = population.filter((p) => compliant.has(p.id)).length;
  const divisions = groupBy(population, (p) => topOf.get(p.divisionId) ?? p.divisionId);
  return {
    rule,
    numerator,
    denominator: population.length,
    value: sharePercent(numerator, population.length),
    status: shareStatus({
      numerator,
      denominator: population.length,
      thresholdPercent: threshold,
      participants: population.length,
      yearClosed,
    }),
    missingPersonIds: population.filter((p) => !compliant.has(p.id)).map((p) => p.id),
    byDivision: [...divisions].map(([divisionId, members]) => ({
      divisionId,
      numerator: members.filter((p) => compliant.has(p.id)).length,
      denominator: members.length,
      participants: members.filter((p) => declared.has(p.id)).length,
    })),
    source: `คำยืนยัน No Gift ประจำปีงบประมาณ ${fiscalYear} (ทะเบียนของขวัญ) · กลุ่มเป้าหมาย: ${group.name}`,
  };
}
