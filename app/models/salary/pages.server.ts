import { isHr, isManager, type Actor } from "~/domain/actor";
import { refusal } from "~/domain/refusal";
import { casesForViewer, type CommitteeKind } from "~/domain/salary-review";
import { salarySurvey } from "~/content/salary-survey.server";
import { fiscalYearOf, PLAN_FISCAL_YEARS } from "~/domain/fiscal-year";
import { db } from "~/utils/db.server";
import { listDivisionOptions } from "~/models/people/organization.server";
import { answerAppeal } from "./appeals.server";
import { listRounds, myCommittees, myResults, roundOverview, roundReport } from "./queries.server";
import { requireRound, supervisionOf } from "./rounds.server";
import { openSurveysFor, roundsWithSurvey, roundTrend, surveyResults } from "./survey.server";

// What the salary-step pages read: one call per loader. The rules are in app/domain/salary-*.ts.

/** /salary: the person's own results (with the one status of decision 045), their committees, and rounds for HR/managers. */
export async function salaryHomePage(actor: Actor, now = new Date()) {
  const hr = isHr(actor);
  const manager = isManager(actor);
  const [results, committees, rounds] = await Promise.all([
    myResults(actor.personId, now),
    myCommittees(actor.personId),
    hr || manager ? listRounds() : Promise.resolve([]),
  ]);
  return { isHr: hr, isManager: manager, results, committees, rounds };
}

/** A round as the viewer may see it: HR everything; a manager the cases of the people they supervise (decision 025). */
export async function roundPage(roundId: number, actor: Actor, now = new Date()) {
  const overview = await roundOverview(roundId, now);
  const hr = isHr(actor);
  if (hr) return { ...overview, isHr: hr };
  if (!isManager(actor)) throw refusal(403, "เฉพาะเจ้าหน้าที่งานบุคคลและผู้บังคับบัญชาเข้าดูรอบนี้ได้");
  const { may } = await supervisionOf(actor);
  const people = new Map(
    (
      await db.person.findMany({
        where: { id: { in: overview.cases.map((c) => c.personId) } },
        select: { id: true, divisionId: true, position: true },
      })
    ).map((p) => [p.id, p]),
  );
  const cases = casesForViewer(overview.cases, actor, (personId) => may(people.get(personId)!)).map((c) => ({
    ...c,
    status: null,
  }));
  return { ...overview, isHr: hr, cases };
}

/** HR answers an appeal of this round (404 for an appeal of another round). */
export async function answerAppealInRound(
  roundId: number,
  appealId: number,
  input: Parameters<typeof answerAppeal>[1],
  actor: Actor,
) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะเจ้าหน้าที่งานบุคคลบันทึกคำตอบอุทธรณ์ได้");
  const appeal = await db.salaryAppeal.findUnique({ where: { id: appealId }, include: { appraisal: true } });
  if (!appeal || appeal.appraisal.roundId !== roundId) throw refusal(404, "ไม่พบคำอุทธรณ์นี้ในรอบนี้");
  return answerAppeal(appealId, input, actor);
}

/** The person's own result, or anyone's for HR; others get the same 404 as a missing one. */
export async function resultPage(appraisalId: number, actor: Actor, now = new Date()) {
  const appraisal = await db.salaryAppraisal.findUnique({ where: { id: appraisalId }, include: { person: true } });
  if (!appraisal || (appraisal.personId !== actor.personId && !isHr(actor))) throw refusal(404, "ไม่พบผลการพิจารณานี้");
  const result = (await myResults(appraisal.personId, now)).find((r) => r.appraisalId === appraisalId)!;
  return { own: appraisal.personId === actor.personId, isHr: isHr(actor), person: appraisal.person, result };
}

/** The appointment form of a round's committee: the committee if appointed, and who may sit on it. */
export async function committeeFormPage(roundId: number, kind: CommitteeKind, actor: Actor) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะเจ้าหน้าที่งานบุคคลแต่งตั้งคณะกรรมการได้");
  const round = await requireRound(roundId);
  const committee = await db.salaryCommittee.findUnique({
    where: { roundId_kind: { roundId: round.id, kind } },
    include: { members: { include: { person: true }, orderBy: { id: "asc" } } },
  });
  const people = await db.person.findMany({
    where: { deactivatedAt: null, personnelType: { in: ["executive", "municipal_officer", "teacher"] } },
    orderBy: { employeeNumber: "asc" },
    select: { employeeNumber: true, title: true, firstName: true, lastName: true, position: true },
  });
  return { round, committee, people };
}

/** The new-round form: the fiscal years offered and the divisions to limit the scope to. */
export async function newRoundPage(actor: Actor, now = new Date()) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะเจ้าหน้าที่งานบุคคลสร้างรอบการเลื่อนขั้นเงินเดือนได้");
  return { currentYear: fiscalYearOf(now), divisions: await listDivisionOptions() };
}

/** The satisfaction survey page: the rounds open to this person, and for HR the rounds with results. */
export async function surveyPage(actor: Actor, chosenRoundId: number | null, now = new Date()) {
  const survey = salarySurvey();
  const [open, resultRounds] = await Promise.all([
    openSurveysFor(actor.personId, now),
    isHr(actor) ? roundsWithSurvey() : Promise.resolve(null),
  ]);
  const rounds = open.map((r) => ({
    id: r.id,
    title: r.title,
    surveyClosesAt: r.surveyClosesAt!.toISOString(),
    answered: r.answered,
  }));
  const current = rounds.find((r) => r.id === chosenRoundId) ?? rounds.find((r) => !r.answered) ?? rounds[0] ?? null;
  return {
    survey: {
      title: survey.title,
      introduction: survey.introduction,
      scale: survey.scale,
      statements: survey.statements,
    },
    rounds,
    current,
    resultRounds: resultRounds?.map((r) => ({ id: r.id, title: r.title })) ?? null,
  };
}

/** A round's survey results for HR (404 for a missing round). */
async function surveyResultsFor(roundId: number, actor: Actor) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะเจ้าหน้าที่งานบุคคลดูผลแบบสำรวจได้");
  const results = await surveyResults(roundId);
  if (!results) throw refusal(404, "ไม่พบรอบการเลื่อนขั้นเงินเดือนนี้");
  return results;
}

/** The survey-results page: this round's aggregates and the trend over the plan's fiscal years. */
export async function surveyResultsPage(roundId: number, actor: Actor) {
  const results = await surveyResultsFor(roundId, actor);
  return { results, trend: await roundTrend(PLAN_FISCAL_YEARS) };
}

/** The aggregates for the CSV: only once they may be shown (closed, enough respondents). */
export async function surveyResultsCsv(roundId: number, actor: Actor) {
  const results = await surveyResultsFor(roundId, actor);
  if (!results.details) throw refusal(409, "ยังไม่มีผลที่แสดงได้ (แบบสำรวจยังไม่ปิด หรือมีผู้ตอบน้อยกว่าขนาดกลุ่มขั้นต่ำ)");
  return { ...results, details: results.details };
}

/** The round report for HR: the distribution of results and the appeals. */
export async function roundReportPage(roundId: number, actor: Actor) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะเจ้าหน้าที่งานบุคคลดูรายงานของรอบได้");
  return roundReport(roundId);
}
