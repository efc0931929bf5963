import type { GiftReport } from "@prisma/client";
import type { Actor } from "~/domain/actor";
import { fiscalYearOf } from "~/domain/fiscal-year";
import {
  assessGift,
  bangkokIsoDate,
  filedLate,
  formatSatang,
  giftActions,
  giftStatus,
  GIFT_DECISION_LABELS,
  GIFT_OUTCOME_LABELS,
  GIFT_STATUS_LABELS,
  isoDateStart,
  parseBahtToSatang,
  type GiftDecision,
  type GiftOutcome,
} from "~/domain/gift-rules";
import { fieldRefusal, refusal } from "~/domain/refusal";
import { giftRules } from "~/content/gift-rules.server";
import type { GiftDecisionInput, GiftInput } from "~/schemas/gifts";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { peopleAndDivisions, PERSON_FIELDS, relationTo, scopeOf } from "./scope.server";

// The gift register of plan item 16: record, decide, supersede. Owns GiftReport and the gift.* audit actions.

const NOT_FOUND = "ไม่พบรายการนี้ในทะเบียนของขวัญ";

export async function refuseClosedYear(tx: Tx | typeof db, fiscalYear: number) {
  if (await tx.fiscalYearClosure.findUnique({ where: { fiscalYear } }))
    throw refusal(409, `ปีงบประมาณ ${fiscalYear} ปิดแล้ว บันทึกเพิ่มเติมไม่ได้`);
}

/** The form: the rules (for the live assessment), today, and the record being superseded if any. */
export async function giftFormPage(actor: Actor, supersedesId: number | null, now = new Date()) {
  let previous: (GiftReport & { value: string }) | null = null;
  if (supersedesId) {
    const record = await db.giftReport.findUnique({ where: { id: supersedesId } });
    if (!record || record.personId !== actor.personId) throw refusal(404, NOT_FOUND);
    if (record.supersededAt) throw refusal(409, "รายการนี้ถูกแทนที่แล้ว");
    previous = { ...record, value: formatSatang(record.valueSatang).replace(/,/g, "") };
  }
  return { rules: giftRules(), today: bangkokIsoDate(now), previous };
}

/** Record a gift (a report to the head when it is beyond the rules); optionally superseding one's own record. */
export async function recordGift(actor: Actor, input: GiftInput, now = new Date()) {
  const valueSatang = parseBahtToSatang(input.value);
  if (valueSatang === null) throw fieldRefusal("value", "มูลค่าต้องเป็นจำนวนเงินบาทที่ไม่ติดลบ ทศนิยมไม่เกิน ๒ ตำแหน่ง");
  if (input.receivedOn > bangkokIsoDate(now)) throw fieldRefusal("receivedOn", "วันที่ได้รับต้องไม่เป็นวันในอนาคต");
  const facts = {
    relative: input.giverRelative === "yes",
    toGeneralPublic: input.toGeneralPublic,
    giverHasBusiness: input.giverHasBusiness,
    valueSatang,
    outcome: input.outcome as GiftOutcome,
    receivedOn: input.receivedOn,
  };
  const assessment = assessGift(facts, giftRules());
  const fiscalYear = fiscalYearOf(isoDateStart(input.receivedOn));
  return db.$transaction(async (tx) => {
    await refuseClosedYear(tx, fiscalYear);
    const me = await tx.person.findUniqueOrThrow({ where: { id: actor.personId } });
    const previous = input.supersedesId ? await tx.giftReport.findUnique({ where: { id: input.supersedesId } }) : null;
    if (input.supersedesId && (!previous || previous.personId !== actor.personId)) throw refusal(404, NOT_FOUND);
    if (previous?.supersededAt) throw refusal(409, "รายการนี้ถูกแทนที่แล้ว");
    const record = await tx.giftReport.create({
      data: {
        personId: actor.personId,
        divisionId: me.divisionId,
        fiscalYear,
        giverName: input.giverName,
        giverKind: input.giverKind,
        giverRelative: facts.relative,
        giverHasBusiness: facts.giverHasBusiness,
        toGeneralPublic: facts.toGeneralPublic,
        occasion: input.occasion,
        description: input.description,
        valueSatang,
        valueEstimated: input.valueEstimated,
        receivedOn: input.receivedOn,
        outcome: input.outcome,
        ruleCase: assessment.ruleCode,
        mustReport: assessment.mustReport,
        reportDueOn: assessment.reportDueOn,
        recordedAt: now,
        supersedesId: previous?.id ?? null,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: assessment.mustReport ? "gift.reported" : "gift.recorded",
      entityType: "GiftReport",
      entityId: record.id,
      after: {
        ...facts,
        ruleCase: assessment.ruleCode,
        mustReport: assessment.mustReport,
        reportDueOn: assessment.reportDueOn,
        supersedesId: previous?.id ?? null,
      },
    });
    if (previous) {
      await tx.giftReport.update({
        where: { id: previous.id },
        data: { supersededAt: now, supersededReason: input.supersedeReason },
      });
      await writeAudit(tx, {
        actorId: actor.personId,
        ip: actor.ip,
        action: "gift.superseded",
        entityType: "GiftReport",
        entityId: previous.id,
        after: { supersededBy: record.id, reason: input.supersedeReason },
      });
    }
    return record;
  });
}

/** The head of the person's unit decides a report, with a reason; never their own, never twice. */
export async function decideGift(actor: Actor, giftId: number, input: GiftDecisionInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const gift = await tx.giftReport.findUnique({ where: { id: giftId } });
    if (!gift) throw refusal(404, NOT_FOUND);
    const person = await tx.person.findUniqueOrThrow({ where: { id: gift.personId }, select: PERSON_FIELDS });
    const viewer = relationTo(await scopeOf(actor, tx), person);
    const actions = giftActions(gift, viewer);
    if (!actions.has("view")) throw refusal(404, NOT_FOUND);
    if (gift.personId === actor.personId) throw refusal(403, "ท่านวินิจฉัยรายงานของตนเองไม่ได้ ผู้บังคับบัญชาเป็นผู้วินิจฉัย");
    if (gift.supersededAt) throw refusal(409, "รายการนี้ถูกแทนที่แล้ว วินิจฉัยไม่ได้");
    if (gift.decidedAt) throw refusal(409, "รายงานนี้วินิจฉัยแล้ว คำวินิจฉัยแก้ไขไม่ได้");
    if (!gift.mustReport) throw refusal(409, "รายการนี้ไม่ต้องรายงาน จึงไม่ต้องวินิจฉัย");
    if (!actions.has("decide")) throw refusal(403, "ท่านไม่ใช่ผู้บังคับบัญชาของผู้รายงาน จึงวินิจฉัยไม่ได้");
    await tx.giftReport.update({
      where: { id: gift.id },
      data: { decision: input.decision, decisionReason: input.reason, decidedById: actor.personId, decidedAt: now },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "gift.decided",
      entityType: "GiftReport",
      entityId: gift.id,
      after: { decision: input.decision, reason: input.reason },
    });
  });
}

/** A gift as every page shows it. */
export function giftView(
  g: GiftReport,
  now: Date,
  names: { nameOf: (id: number | null) => string; divisionName: Map<number, string> },
) {
  const status = giftStatus(g, now);
  const rules = giftRules();
  const rule = [...rules.allowed, ...rules.stricter, rules.beyond].find((r) => r.code === g.ruleCase);
  return {
    id: g.id,
    personId: g.personId,
    personName: names.nameOf(g.personId),
    division: names.divisionName.get(g.divisionId) ?? "—",
    divisionId: g.divisionId,
    fiscalYear: g.fiscalYear,
    giverName: g.giverName,
    giverKind: g.giverKind === "business" ? "นิติบุคคล/ธุรกิจ" : "บุคคล",
    giverRelative: g.giverRelative,
    giverHasBusiness: g.giverHasBusiness,
    toGeneralPublic: g.toGeneralPublic,
    occasion: g.occasion,
    description: g.description,
    value: `${formatSatang(g.valueSatang)} บาท${g.valueEstimated ? " (ประมาณการ)" : ""}`,
    amount: `${formatSatang(g.valueSatang)} บาท`,
    estimated: g.valueEstimated,
    receivedOn: g.receivedOn,
    outcome: GIFT_OUTCOME_LABELS[g.outcome as GiftOutcome] ?? g.outcome,
    ruleTitle: rule?.title ?? g.ruleCase,
    mustReport: g.mustReport,
    reportDueOn: g.reportDueOn,
    filedLate: filedLate(g),
    status,
    statusLabel: GIFT_STATUS_LABELS[status],
    recordedAt: g.recordedAt.toISOString(),
    decision: g.decision ? (GIFT_DECISION_LABELS[g.decision as GiftDecision] ?? g.decision) : null,
    decisionReason: g.decisionReason,
    decidedBy: g.decidedById ? names.nameOf(g.decidedById) : null,
    decidedAt: g.decidedAt?.toISOString() ?? null,
    supersedesId: g.supersedesId,
    supersededAt: g.supersededAt?.toISOString() ?? null,
    supersededReason: g.supersededReason,
  };
}
export type GiftView = ReturnType<typeof giftView>;

/** One record: for the person, their head and HR only (others get "not found"). */
export async function giftPage(actor: Actor, giftId: number, now = new Date()) {
  const gift = await db.giftReport.findUnique({ where: { id: giftId } });
  if (!gift) throw refusal(404, NOT_FOUND);
  const person = await db.person.findUniqueOrThrow({ where: { id: gift.personId }, select: PERSON_FIELDS });
  const actions = giftActions(gift, relationTo(await scopeOf(actor), person));
  if (!actions.has("view")) throw refusal(404, NOT_FOUND);
  const names = await peopleAndDivisions([gift.personId, gift.decidedById ?? gift.personId]);
  const successor = await db.giftReport.findUnique({ where: { supersedesId: gift.id }, select: { id: true } });
  return {
    gift: { ...giftView(gift, now, names), personPosition: person.position, employeeNumber: person.employeeNumber },
    successorId: successor?.id ?? null,
    mayDecide: actions.has("decide"),
    maySupersede: actions.has("supersede"),
    rules: giftRules(),
  };
}

/** The person's own records, the reports they must decide as a head, and this year's declaration. */
export async function myGiftsPage(actor: Actor, now = new Date()) {
  const scope = await scopeOf(actor);
  const fiscalYear = fiscalYearOf(now);
  const mine = await db.giftReport.findMany({
    where: { personId: actor.personId },
    orderBy: [{ receivedOn: "desc" }, { id: "desc" }],
  });
  const pending = await db.giftReport.findMany({
    where: { mustReport: true, decidedAt: null, supersededAt: null, personId: { not: actor.personId } },
    orderBy: { receivedOn: "asc" },
  });
  const pendingPeople = await db.person.findMany({
    where: { id: { in: pending.map((g) => g.personId) } },
    select: PERSON_FIELDS,
  });
  const byId = new Map(pendingPeople.map((p) => [p.id, p]));
  const toDecide = pending.filter((g) => relationTo(scope, byId.get(g.personId)!).isHeadOfPerson);
  const names = await peopleAndDivisions(
    [...mine, ...toDecide].flatMap((g) => [g.personId, g.decidedById ?? g.personId]),
  );
  const declaration = await db.noGiftDeclaration.findUnique({
    where: { personId_fiscalYear: { personId: actor.personId, fiscalYear } },
  });
  return {
    fiscalYear,
    mine: mine.map((g) => giftView(g, now, names)),
    toDecide: toDecide.map((g) => giftView(g, now, names)),
    declaredAt: declaration?.declaredAt.toISOString() ?? null,
    isHr: scope.isHr,
  };
}
