import type { ConflictDeclaration } from "@prisma/client";
import type { Actor } from "~/domain/actor";
import {
  CASE_TYPE_LABELS,
  DECLARATION_KIND_LABELS,
  REVIEW_OUTCOME_LABELS,
  mayReview,
  mayView,
  reviewProblem,
  reviewedByHr,
  type CaseType,
  type DeclarationKind,
  type ReviewOutcome,
} from "~/domain/declarations";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { refusal } from "~/domain/refusal";
import type { CaseDeclarationInput, ReviewInput, YearlyDeclarationInput } from "~/schemas/declarations";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { refuseClosedYear } from "./gifts.server";
import { peopleAndDivisions, PERSON_FIELDS, relationTo, scopeOf, type PersonRow } from "./scope.server";

// Conflict-of-interest declarations (plan item 5): yearly and per case, reviewed by the supervisor (HR for
// executives and council members). Owns ConflictDeclaration and the declaration.* audit actions.

const NOT_FOUND = "ไม่พบคำแถลงนี้";
const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

export async function declareYearly(actor: Actor, input: YearlyDeclarationInput, now = new Date()) {
  const fiscalYear = fiscalYearOf(now);
  return db.$transaction(async (tx) => {
    await refuseClosedYear(tx, fiscalYear);
    if (await tx.conflictDeclaration.findFirst({ where: { personId: actor.personId, fiscalYear, kind: "yearly" } })) {
      throw refusal(409, `ท่านยื่นคำแถลงส่วนได้เสียประจำปีงบประมาณ ${fiscalYear} แล้ว ยื่นซ้ำไม่ได้`);
    }
    const me = await tx.person.findUniqueOrThrow({ where: { id: actor.personId } });
    const declaration = await tx.conflictDeclaration.create({
      data: {
        personId: actor.personId,
        divisionId: me.divisionId,
        fiscalYear,
        kind: "yearly",
        nothingToDeclare: input.nothingToDeclare,
        outsidePositions: blank(input.outsidePositions),
        businesses: blank(input.businesses),
        shareholdings: blank(input.shareholdings),
        otherInterests: blank(input.otherInterests),
        hasConflict: !input.nothingToDeclare,
        declaredAt: now,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "declaration.yearly",
      entityType: "ConflictDeclaration",
      entityId: declaration.id,
      after: { fiscalYear, nothingToDeclare: input.nothingToDeclare },
    });
    return declaration;
  });
}

export async function declareCase(actor: Actor, input: CaseDeclarationInput, now = new Date()) {
  const fiscalYear = fiscalYearOf(now);
  return db.$transaction(async (tx) => {
    await refuseClosedYear(tx, fiscalYear);
    const me = await tx.person.findUniqueOrThrow({ where: { id: actor.personId } });
    const hasConflict = input.hasConflict === "yes";
    const declaration = await tx.conflictDeclaration.create({
      data: {
        personId: actor.personId,
        divisionId: me.divisionId,
        fiscalYear,
        kind: "case",
        nothingToDeclare: !hasConflict,
        caseType: input.caseType,
        caseRef: input.caseRef,
        hasConflict,
        conflictDetail: hasConflict ? input.conflictDetail : null,
        declaredAt: now,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "declaration.case",
      entityType: "ConflictDeclaration",
      entityId: declaration.id,
      after: { caseType: input.caseType, caseRef: input.caseRef, hasConflict },
    });
    return declaration;
  });
}

/**
 * A salary-committee member's recusal is a case declaration with a conflict (issue 13): called by
 * salary-committees.server.ts inside its own transaction, so both records commit together.
 */
export async function recordCommitteeRecusalDeclaration(
  tx: Tx,
  input: { personId: number; recusalId: number; caseRef: string; reason: string; ip: string | null },
  now: Date,
) {
  const me = await tx.person.findUniqueOrThrow({ where: { id: input.personId } });
  const declaration = await tx.conflictDeclaration.create({
    data: {
      personId: input.personId,
      divisionId: me.divisionId,
      fiscalYear: fiscalYearOf(now),
      kind: "case",
      nothingToDeclare: false,
      caseType: "salary_committee",
      caseRef: input.caseRef,
      hasConflict: true,
      conflictDetail: input.reason,
      committeeRecusalId: input.recusalId,
      declaredAt: now,
    },
  });
  await writeAudit(tx, {
    actorId: input.personId,
    ip: input.ip,
    action: "declaration.case",
    entityType: "ConflictDeclaration",
    entityId: declaration.id,
    after: {
      caseType: "salary_committee",
      caseRef: input.caseRef,
      hasConflict: true,
      committeeRecusalId: input.recusalId,
    },
  });
  return declaration;
}

/** The reviewer records no conflict / managed (how) / recusal; never on their own declaration, once only. */
export async function reviewDeclaration(actor: Actor, declarationId: number, input: ReviewInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const declaration = await tx.conflictDeclaration.findUnique({ where: { id: declarationId } });
    if (!declaration) throw refusal(404, NOT_FOUND);
    const person = await tx.person.findUniqueOrThrow({ where: { id: declaration.personId }, select: PERSON_FIELDS });
    const viewer = relationTo(await scopeOf(actor, tx), person);
    const facts = {
      personId: declaration.personId,
      personnelType: person.personnelType,
      reviewedAt: declaration.reviewedAt,
    };
    if (!mayView(facts, viewer)) throw refusal(404, NOT_FOUND);
    if (declaration.personId === actor.personId) throw refusal(403, "ท่านพิจารณาคำแถลงของตนเองไม่ได้");
    if (declaration.reviewedAt) throw refusal(409, "คำแถลงนี้พิจารณาแล้ว ผลการพิจารณาแก้ไขไม่ได้");
    if (!mayReview(facts, viewer))
      throw refusal(
        403,
        reviewedByHr(person.personnelType)
          ? "คำแถลงของคณะผู้บริหารและสมาชิกสภา กองการเจ้าหน้าที่เป็นผู้พิจารณา"
          : "ท่านไม่ใช่ผู้บังคับบัญชาของผู้ยื่น จึงพิจารณาไม่ได้",
      );
    const problem = reviewProblem(declaration, input.outcome, input.note);
    if (problem) throw refusal(400, problem, { note: problem });
    await tx.conflictDeclaration.update({
      where: { id: declaration.id },
      data: {
        reviewOutcome: input.outcome,
        reviewNote: input.note || null,
        reviewedById: actor.personId,
        reviewedAt: now,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "declaration.reviewed",
      entityType: "ConflictDeclaration",
      entityId: declaration.id,
      after: { outcome: input.outcome, note: input.note },
    });
  });
}

export function declarationView(
  d: ConflictDeclaration,
  names: {
    nameOf: (id: number | null) => string;
    divisionName: Map<number, string>;
    personById: Map<number, PersonRow>;
  },
) {
  return {
    id: d.id,
    personId: d.personId,
    personName: names.nameOf(d.personId),
    employeeNumber: names.personById.get(d.personId)?.employeeNumber ?? "",
    division: names.divisionName.get(d.divisionId) ?? "—",
    fiscalYear: d.fiscalYear,
    kind: d.kind as DeclarationKind,
    kindLabel: DECLARATION_KIND_LABELS[d.kind as DeclarationKind] ?? d.kind,
    nothingToDeclare: d.nothingToDeclare,
    outsidePositions: d.outsidePositions,
    businesses: d.businesses,
    shareholdings: d.shareholdings,
    otherInterests: d.otherInterests,
    caseType: d.caseType ? (CASE_TYPE_LABELS[d.caseType as CaseType] ?? d.caseType) : null,
    caseRef: d.caseRef,
    hasConflict: d.hasConflict,
    conflictDetail: d.conflictDetail,
    fromSalaryCommittee: d.committeeRecusalId != null,
    declaredAt: d.declaredAt.toISOString(),
    reviewOutcome: d.reviewOutcome
      ? (REVIEW_OUTCOME_LABELS[d.reviewOutcome as ReviewOutcome] ?? d.reviewOutcome).replace(" (ระบุวิธี)", "")
      : null,
    reviewNote: d.reviewNote,
    reviewedBy: d.reviewedById ? names.nameOf(d.reviewedById) : null,
    reviewedAt: d.reviewedAt?.toISOString() ?? null,
  };
}
export type DeclarationView = ReturnType<typeof declarationView>;

export async function declarationPage(actor: Actor, declarationId: number) {
  const declaration = await db.conflictDeclaration.findUnique({ where: { id: declarationId } });
  if (!declaration) throw refusal(404, NOT_FOUND);
  const person = await db.person.findUniqueOrThrow({ where: { id: declaration.personId }, select: PERSON_FIELDS });
  const viewer = relationTo(await scopeOf(actor), person);
  const facts = {
    personId: declaration.personId,
    personnelType: person.personnelType,
    reviewedAt: declaration.reviewedAt,
  };
  if (!mayView(facts, viewer)) throw refusal(404, NOT_FOUND);
  const names = await peopleAndDivisions([declaration.personId, declaration.reviewedById ?? declaration.personId]);
  return {
    declaration: declarationView(declaration, names),
    mayReview: mayReview(facts, viewer),
    caseNeedsRecusal: declaration.kind === "case" && declaration.hasConflict,
  };
}

/** The person's own declarations and those waiting for their review. */
export async function myDeclarationsPage(actor: Actor, now = new Date()) {
  const fiscalYear = fiscalYearOf(now);
  const scope = await scopeOf(actor);
  const mine = await db.conflictDeclaration.findMany({
    where: { personId: actor.personId },
    orderBy: { declaredAt: "desc" },
  });
  const unreviewed = await db.conflictDeclaration.findMany({
    where: { reviewedAt: null, personId: { not: actor.personId } },
    orderBy: { declaredAt: "asc" },
  });
  const people = await db.person.findMany({
    where: { id: { in: unreviewed.map((d) => d.personId) } },
    select: PERSON_FIELDS,
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  const toReview = unreviewed.filter((d) =>
    mayReview(
      { personId: d.personId, personnelType: byId.get(d.personId)!.personnelType, reviewedAt: null },
      relationTo(scope, byId.get(d.personId)!),
    ),
  );
  const names = await peopleAndDivisions(
    [...mine, ...toReview].flatMap((d) => [d.personId, d.reviewedById ?? d.personId]),
  );
  return {
    fiscalYear,
    yearlyDone: mine.some((d) => d.kind === "yearly" && d.fiscalYear === fiscalYear),
    mine: mine.map((d) => declarationView(d, names)),
    toReview: toReview.map((d) => declarationView(d, names)),
  };
}
