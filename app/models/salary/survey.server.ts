import type { Actor } from "~/domain/actor";
import { refusal } from "~/domain/refusal";
import { salarySurvey } from "~/content/salary-survey.server";
import {
  answerDistributions,
  divisionBreakdown,
  isSatisfied,
  satisfactionShare,
  SATISFACTION_TARGET_PERCENT,
  type DivisionGroup,
} from "~/domain/salary-survey";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { topLevelDivisionId } from "~/models/people/organization.server";
import { holdResponse, releaseHeldBatch, settleClosedSurveys } from "./survey-batches.server";

// The one module that writes SurveyParticipation and SurveyResponse (plan item 19's satisfaction survey).
// Anonymity: the participation row records THAT a person answered; the response row (random id, no author, no
// time, WITHOUT ROWID) holds WHAT was answered. Nothing here, in the audit log or in the server log joins the two.
// Answers are shown only after the survey closes, so results cannot be diffed around one person's answer
// (decision 016), and reach the response table only in shuffled batches, never in the commit that records the
// participation, so the database files do not join them either (decision 021, salary-survey-batches.server.ts).

const ROUND_FIELDS = {
  id: true,
  title: true,
  fiscalYear: true,
  effectiveDate: true,
  publishedAt: true,
  surveyClosesAt: true,
} as const;

export function surveyIsOpen(round: { publishedAt: Date | null; surveyClosesAt: Date | null }, now = new Date()) {
  return round.publishedAt != null && round.surveyClosesAt != null && now.getTime() < round.surveyClosesAt.getTime();
}

function surveyHasClosed(round: { publishedAt: Date | null; surveyClosesAt: Date | null }, now: Date) {
  return round.publishedAt != null && round.surveyClosesAt != null && now.getTime() >= round.surveyClosesAt.getTime();
}

/** The rounds whose survey this person may answer now (in scope, published, open), and whether they already did. */
export async function openSurveysFor(personId: number, now = new Date()) {
  const appraisals = await db.salaryAppraisal.findMany({
    where: { personId, round: { publishedAt: { not: null }, surveyClosesAt: { gt: now } } },
    select: { round: { select: ROUND_FIELDS } },
    orderBy: { round: { effectiveDate: "desc" } },
  });
  const answered = new Set(
    (
      await db.surveyParticipation.findMany({ where: { personId, roundId: { in: appraisals.map((a) => a.round.id) } } })
    ).map((p) => p.roundId),
  );
  return appraisals.map(({ round }) => ({ ...round, answered: answered.has(round.id) }));
}

/** Record one person's answers to a round's survey: once, only while open, only for people in the round's scope. */
export async function respondToSurvey(roundId: number, answers: readonly number[], actor: Actor, now = new Date()) {
  const survey = salarySurvey();
  if (answers.length !== survey.statements.length || answers.some((a) => !Number.isInteger(a) || a < 1 || a > 5)) {
    throw refusal(400, "กรุณาตอบทุกข้อ ข้อละหนึ่งระดับ (1–5)");
  }
  const round = Number.isInteger(roundId)
    ? await db.salaryRound.findUnique({ where: { id: roundId }, select: ROUND_FIELDS })
    : null;
  if (!round || !round.publishedAt) throw refusal(404, "ไม่พบแบบสำรวจของรอบนี้");
  if (!surveyIsOpen(round, now)) throw refusal(409, "แบบสำรวจของรอบนี้ปิดรับคำตอบแล้ว");
  const appraisal = await db.salaryAppraisal.findUnique({
    where: { roundId_personId: { roundId, personId: actor.personId } },
    select: { id: true },
  });
  if (!appraisal) throw refusal(403, "ท่านไม่ได้อยู่ในรอบการเลื่อนขั้นเงินเดือนนี้ จึงไม่มีแบบสำรวจให้ตอบ");
  const person = await db.person.findUniqueOrThrow({ where: { id: actor.personId }, select: { divisionId: true } });
  const divisionId = await topLevelDivisionId(person.divisionId);
  const alreadyAnswered = () => refusal(409, "ท่านตอบแบบสำรวจของรอบนี้แล้ว ตอบได้คนละหนึ่งครั้ง");
  try {
    await db.$transaction(async (tx) => {
      if (
        await tx.surveyParticipation.findUnique({ where: { roundId_personId: { roundId, personId: actor.personId } } })
      )
        throw alreadyAnswered();
      await tx.surveyParticipation.create({ data: { roundId, personId: actor.personId } });
      // Held, encrypted, until it can be written with others (decision 021).
      await holdResponse(tx, roundId, divisionId, answers);
      // Who answered, never what or which response: no response id, no answers (decision 016).
      await writeAudit(tx, {
        actorId: actor.personId,
        ip: actor.ip,
        action: "survey.answered",
        entityType: "SalaryRound",
        entityId: roundId,
      });
    });
  } catch (error) {
    // Two submissions racing past the check above meet the primary key.
    if ((error as { code?: string }).code === "P2002") throw alreadyAnswered();
    throw error;
  }
  // A separate transaction: a batch is never committed together with anyone's participation.
  await releaseHeldBatch(roundId);
}

async function responsesOf(roundIds: number[]) {
  if (roundIds.length === 0) return [];
  const rows = await db.surveyResponse.findMany({
    where: { roundId: { in: roundIds } },
    select: { roundId: true, divisionId: true, answers: true },
  });
  return rows.map((r) => ({
    roundId: r.roundId,
    divisionId: r.divisionId,
    answers: JSON.parse(r.answers) as number[],
  }));
}

export type SurveyResults = Awaited<ReturnType<typeof surveyResults>>;

/** Aggregates of one round's survey. Answers only once the survey has closed and enough people answered. */
export async function surveyResults(roundId: number, now = new Date()) {
  const round = Number.isInteger(roundId)
    ? await db.salaryRound.findUnique({ where: { id: roundId }, select: ROUND_FIELDS })
    : null;
  if (!round) return null;
  const survey = salarySurvey();
  const [inScope, respondents] = await Promise.all([
    db.salaryAppraisal.count({ where: { roundId } }),
    db.surveyParticipation.count({ where: { roundId } }),
  ]);
  const state =
    !round.publishedAt || !round.surveyClosesAt ? "not_open" : surveyHasClosed(round, now) ? "closed" : "open";
  const base = {
    round,
    state,
    inScope,
    respondents,
    minimumGroupSize: survey.minimumGroupSize,
    statements: survey.statements,
    scale: survey.scale,
  };
  if (state !== "closed") return { ...base, details: null };
  await settleClosedSurveys([roundId], now);
  const responses = await responsesOf([roundId]);
  if (responses.length < survey.minimumGroupSize) return { ...base, details: null };
  const answers = responses.map((r) => r.answers);
  const byDivision = new Map<number, DivisionGroup>();
  for (const r of responses) {
    const group = byDivision.get(r.divisionId) ?? { divisionId: r.divisionId, respondents: 0, satisfied: 0 };
    group.respondents += 1;
    if (isSatisfied(r.answers, survey.satisfiedMeanAtLeast)) group.satisfied += 1;
    byDivision.set(r.divisionId, group);
  }
  const breakdown = divisionBreakdown([...byDivision.values()], survey.minimumGroupSize);
  const names = new Map(
    (
      await db.division.findMany({
        where: { id: { in: breakdown.shown.map((g) => g.divisionId) } },
        select: { id: true, name: true },
      })
    ).map((d) => [d.id, d.name]),
  );
  return {
    ...base,
    details: {
      ...satisfactionShare(answers, survey.satisfiedMeanAtLeast, SATISFACTION_TARGET_PERCENT),
      distributions: answerDistributions(answers, survey.statements.length),
      breakdown: {
        ...breakdown,
        shown: breakdown.shown.map((g) => ({ ...g, name: names.get(g.divisionId) ?? String(g.divisionId) })),
      },
    },
  };
}

/** Satisfaction over the fiscal year's published rounds whose survey has closed by `at` (plan item 19). */
export async function satisfactionForFiscalYear(fiscalYear: number, at = new Date()) {
  const rounds = await db.salaryRound.findMany({
    where: { fiscalYear, publishedAt: { not: null }, surveyClosesAt: { lte: at } },
    select: { id: true, title: true },
    orderBy: { effectiveDate: "asc" },
  });
  const { satisfiedMeanAtLeast } = salarySurvey();
  await settleClosedSurveys(
    rounds.map((r) => r.id),
    at,
  );
  const responses = await responsesOf(rounds.map((r) => r.id));
  const satisfied = responses.filter((r) => isSatisfied(r.answers, satisfiedMeanAtLeast)).length;
  return { rounds, respondents: responses.length, satisfied, satisfiedMeanAtLeast };
}

/** Appeals filed against each published round of these fiscal years, oldest round first. */
export async function appealCountsByRound(fiscalYears: readonly number[]) {
  const rounds = await db.salaryRound.findMany({
    where: { fiscalYear: { in: [...fiscalYears] }, publishedAt: { not: null } },
    select: { id: true, title: true, fiscalYear: true, effectiveDate: true },
    orderBy: { effectiveDate: "asc" },
  });
  const appeals = await db.salaryAppeal.findMany({
    where: { appraisal: { roundId: { in: rounds.map((r) => r.id) } } },
    select: { appraisal: { select: { roundId: true } } },
  });
  const perRound = new Map<number, number>();
  for (const a of appeals) perRound.set(a.appraisal.roundId, (perRound.get(a.appraisal.roundId) ?? 0) + 1);
  return rounds.map((r) => ({ ...r, appeals: perRound.get(r.id) ?? 0 }));
}

/** Per round: appeals, and the share satisfied once its survey has closed with enough respondents. */
export async function roundTrend(fiscalYears: readonly number[], now = new Date()) {
  const rounds = await appealCountsByRound(fiscalYears);
  const details = await db.salaryRound.findMany({
    where: { id: { in: rounds.map((r) => r.id) } },
    select: { id: true, publishedAt: true, surveyClosesAt: true },
  });
  const closed = new Set(details.filter((r) => surveyHasClosed(r, now)).map((r) => r.id));
  await settleClosedSurveys([...closed], now);
  const responses = await responsesOf([...closed]);
  const { satisfiedMeanAtLeast, minimumGroupSize } = salarySurvey();
  return rounds.map((r) => {
    const answers = responses.filter((x) => x.roundId === r.id).map((x) => x.answers);
    const share =
      closed.has(r.id) && answers.length >= minimumGroupSize ? satisfactionShare(answers, satisfiedMeanAtLeast) : null;
    return {
      ...r,
      surveyClosed: closed.has(r.id),
      respondents: share?.respondents ?? null,
      satisfiedPercent: share?.percent ?? null,
    };
  });
}

/** Published rounds that have a survey, newest first (for HR's list of results). */
export async function roundsWithSurvey() {
  return db.salaryRound.findMany({
    where: { publishedAt: { not: null }, surveyClosesAt: { not: null } },
    select: ROUND_FIELDS,
    orderBy: { effectiveDate: "desc" },
  });
}
