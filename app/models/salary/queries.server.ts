import { refusal } from "~/domain/refusal";
import { standingDecision } from "~/domain/salary-review";
import { salaryStatus, supervisorStatusLabel } from "~/domain/salary-status";
import { resultKey, roundStage, type CommitteeKind, type IncreaseType } from "~/domain/salary-review";
import { fullName } from "~/domain/personnel";
import { db, sqlite } from "~/utils/db.server";
import { modelRows } from "~/utils/model-rows.server";
import { topLevelMap } from "~/models/people/organization.server";

// Read models for the salary-step pages. Who may see what is decided here, next to the queries. A committee and
// a meeting as their members see them: committee-views.server.ts.

type DecisionLike = {
  id: number;
  outcome: string;
  halfSteps: number | null;
  basisPoints: number | null;
  amountBaht: number;
  reason: string | null;
  correctsId: number | null;
};
export const decisionView = (d: DecisionLike | null) =>
  d
    ? {
        id: d.id,
        outcome: d.outcome,
        halfSteps: d.halfSteps,
        basisPoints: d.basisPoints,
        amountBaht: d.amountBaht,
        reason: d.reason,
        corrected: d.correctsId != null,
      }
    : null;

export async function loadCases(roundId: number) {
  return db.salaryAppraisal.findMany({
    where: { roundId },
    include: {
      person: { include: { division: true } },
      decisions: { include: { meeting: true }, orderBy: { id: "asc" } },
      appeals: { orderBy: { id: "asc" } },
    },
    orderBy: [{ person: { divisionId: "asc" } }, { person: { employeeNumber: "asc" } }],
  });
}

export async function listRounds() {
  const rounds = await db.salaryRound.findMany({
    orderBy: { effectiveDate: "desc" },
    include: { committees: true, _count: { select: { appraisals: true } } },
  });
  return rounds.map((r) => ({
    id: r.id,
    title: r.title,
    fiscalYear: r.fiscalYear,
    effectiveDate: r.effectiveDate,
    publishedAt: r.publishedAt,
    people: r._count.appraisals,
  }));
}

export async function roundOverview(roundId: number, now = new Date()) {
  const round = await db.salaryRound.findUnique({
    where: { id: roundId },
    include: {
      committees: {
        include: {
          members: { include: { person: true }, orderBy: { id: "asc" } },
          meetings: {
            orderBy: { number: "asc" },
            include: { _count: { select: { decisions: true, attendees: true } } },
          },
        },
      },
    },
  });
  if (!round) throw refusal(404, "ไม่พบรอบการเลื่อนขั้นเงินเดือนนี้");
  const cases = await loadCases(roundId);
  const screening = round.committees.find((c) => c.kind === "screening");
  const salary = round.committees.find((c) => c.kind === "salary");
  const rows = cases.map((c) => {
    const screened = screening ? standingDecision(c.decisions, screening.id) : null;
    const decided = salary ? standingDecision(c.decisions, salary.id) : null;
    return {
      id: c.id,
      personId: c.personId,
      employeeNumber: c.person.employeeNumber,
      name: fullName(c.person),
      position: c.person.position,
      division: c.person.division.name,
      increaseType: c.increaseType as IncreaseType,
      score: c.score,
      appraised: c.appraisedAt != null,
      proposed: {
        halfSteps: c.proposedHalfSteps,
        basisPoints: c.proposedBasisPoints,
        amountBaht: c.proposedAmountBaht ?? 0,
      },
      screened: decisionView(screened),
      decided: decisionView(decided),
      appeals: c.appeals.map((a) => ({
        id: a.id,
        reason: a.reason,
        filedAt: a.filedAt,
        outcome: a.outcome,
        answer: a.answer,
        answeredAt: a.answeredAt,
      })),
      status: salaryStatus(
        {
          round,
          increaseType: c.increaseType,
          score: c.score,
          comment: c.comment,
          proposed: { halfSteps: c.proposedHalfSteps, basisPoints: c.proposedBasisPoints },
          screened: decisionView(screened),
          decided: decisionView(decided),
          appeals: c.appeals,
        },
        now,
      ),
      supervisorStatus: supervisorStatusLabel({ round }, c.appraisedAt != null),
    };
  });
  const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return {
    round: { ...round, stepPersonnelTypes: JSON.parse(round.stepPersonnelTypes) as string[] },
    committees: round.committees.map((c) => ({
      id: c.id,
      kind: c.kind as CommitteeKind,
      appointingOrderRef: c.appointingOrderRef,
      members: c.members.map((m) => ({
        personId: m.personId,
        employeeNumber: m.person.employeeNumber,
        name: fullName(m.person),
        position: m.person.position,
        role: m.role,
      })),
      meetings: c.meetings.map((m) => ({
        id: m.id,
        number: m.number,
        heldAt: m.heldAt,
        closedAt: m.closedAt,
        decisions: m._count.decisions,
        present: m._count.attendees,
      })),
    })),
    cases: rows,
    totals: {
      proposed: sum((r) => r.proposed.amountBaht),
      screened: sum((r) => r.screened?.amountBaht ?? 0),
      decided: sum((r) => r.decided?.amountBaht ?? 0),
    },
    stage: roundStage({
      published: round.publishedAt != null,
      cases: rows.length,
      appraised: rows.filter((r) => r.appraised).length,
      screened: rows.filter((r) => r.screened).length,
      decided: rows.filter((r) => r.decided).length,
    }),
  };
}

/** The committees a person sits on, newest round first. */
export async function myCommittees(personId: number) {
  // On /salary for everyone: one direct read (decision 062) instead of the seats, committees and rounds in turn.
  const seats = await sqlite.read((sql) =>
    sql.all<{ committeeId: number; kind: string; role: string; roundTitle: string; publishedAt: string | null }>(
      `SELECT m."committeeId", c."kind", m."role", r."title" AS "roundTitle", r."publishedAt"
       FROM "CommitteeMember" m JOIN "SalaryCommittee" c ON c."id" = m."committeeId"
       JOIN "SalaryRound" r ON r."id" = c."roundId"
       WHERE m."personId" = ? ORDER BY m."id" DESC`,
      personId,
    ),
  );
  return seats.map((s) => ({
    committeeId: s.committeeId,
    kind: s.kind as CommitteeKind,
    role: s.role,
    roundTitle: s.roundTitle,
    published: s.publishedAt != null,
  }));
}

/**
 * A person's appraisals, newest round first, each with its round and the round's committees, its decisions (with
 * their meetings) and its appeals in the order they were made. On /salary for everyone: one direct read (decision
 * 063) instead of six reads through the client.
 */
async function myAppraisals(personId: number) {
  const read = await sqlite.read((sql) => {
    const appraisals = modelRows(
      sql,
      "SalaryAppraisal",
      `JOIN "SalaryRound" r ON r."id" = t."roundId" WHERE t."personId" = ? ORDER BY r."effectiveDate" DESC, t."id"`,
      personId,
    );
    const ids = JSON.stringify(appraisals.map((a) => a.id));
    const roundIds = JSON.stringify(appraisals.map((a) => a.roundId));
    const decisions = modelRows(
      sql,
      "CaseDecision",
      `WHERE t."appraisalId" IN (SELECT value FROM json_each(?)) ORDER BY t."id"`,
      ids,
    );
    return {
      appraisals,
      decisions,
      rounds: modelRows(sql, "SalaryRound", `WHERE t."id" IN (SELECT value FROM json_each(?))`, roundIds),
      committees: modelRows(
        sql,
        "SalaryCommittee",
        `WHERE t."roundId" IN (SELECT value FROM json_each(?)) ORDER BY t."id"`,
        roundIds,
      ),
      meetings: modelRows(
        sql,
        "CommitteeMeeting",
        `WHERE t."id" IN (SELECT value FROM json_each(?))`,
        JSON.stringify(decisions.map((d) => d.meetingId)),
      ),
      appeals: modelRows(
        sql,
        "SalaryAppeal",
        `WHERE t."appraisalId" IN (SELECT value FROM json_each(?)) ORDER BY t."id"`,
        ids,
      ),
    };
  });
  const meeting = new Map(read.meetings.map((m) => [m.id, m]));
  const round = new Map(
    read.rounds.map((r) => [r.id, { ...r, committees: read.committees.filter((c) => c.roundId === r.id) }]),
  );
  return read.appraisals.map((a) => ({
    ...a,
    round: round.get(a.roundId)!,
    decisions: read.decisions
      .filter((d) => d.appraisalId === a.id)
      .map((d) => ({ ...d, meeting: meeting.get(d.meetingId)! })),
    appeals: read.appeals.filter((ap) => ap.appraisalId === a.id),
  }));
}

/** A person's own cases: the appraisal always, the result and the reasons once the round is published. */
export async function myResults(personId: number, now = new Date()) {
  return (await myAppraisals(personId)).map((a) => {
    const published = a.round.publishedAt != null;
    const screening = a.round.committees.find((c) => c.kind === "screening");
    const salary = a.round.committees.find((c) => c.kind === "salary");
    const screened = published && screening ? standingDecision(a.decisions, screening.id) : null;
    const decided = published && salary ? standingDecision(a.decisions, salary.id) : null;
    const reasons = published
      ? a.decisions
          .filter((d) => d.meeting.closedAt && d.reason)
          .map((d) => ({
            by: d.meeting.committeeId === screening?.id ? ("screening" as const) : ("salary" as const),
            reason: d.reason!,
            correction: d.correctsId != null,
          }))
      : [];
    const status = salaryStatus(
      {
        round: a.round,
        increaseType: a.increaseType,
        score: a.score,
        comment: a.comment,
        proposed: { halfSteps: a.proposedHalfSteps, basisPoints: a.proposedBasisPoints },
        screened: decisionView(screened),
        decided: decisionView(decided),
        appeals: a.appeals,
      },
      now,
    );
    return {
      appraisalId: a.id,
      round: {
        id: a.round.id,
        title: a.round.title,
        publishedAt: a.round.publishedAt,
        appealDeadline: a.round.appealDeadline,
      },
      increaseType: a.increaseType as IncreaseType,
      score: published ? a.score : null,
      comment: published ? a.comment : null,
      proposed: published ? { halfSteps: a.proposedHalfSteps, basisPoints: a.proposedBasisPoints } : null,
      screened: decisionView(screened),
      result: decisionView(decided),
      reasons,
      appeals: a.appeals.map((ap) => ({
        id: ap.id,
        reason: ap.reason,
        filedAt: ap.filedAt,
        outcome: ap.outcome,
        answer: ap.answer,
        answeredAt: ap.answeredAt,
      })),
      status,
      canAppeal: status.appeal.mayFile,
    };
  });
}

/** Per round: the distribution of results by top-level division, and appeals with their outcomes. */
export async function roundReport(roundId: number) {
  const { round, cases, committees } = await roundOverview(roundId);
  const divisions = await db.division.findMany();
  const topOf = topLevelMap(divisions);
  const names = new Map(divisions.map((d) => [d.id, d.name]));
  const people = new Map(
    (
      await db.person.findMany({
        where: { id: { in: cases.map((c) => c.personId) } },
        select: { id: true, divisionId: true },
      })
    ).map((p) => [p.id, p.divisionId]),
  );
  const rows = new Map<
    string,
    { division: string; people: number; byResult: Record<string, number>; amountBaht: number }
  >();
  for (const c of cases) {
    const top = topOf.get(people.get(c.personId)!) ?? people.get(c.personId)!;
    const division = names.get(top) ?? "—";
    const row = rows.get(division) ?? { division, people: 0, byResult: {}, amountBaht: 0 };
    row.people += 1;
    const key = resultKey(c);
    row.byResult[key] = (row.byResult[key] ?? 0) + 1;
    row.amountBaht += c.decided?.amountBaht ?? 0;
    rows.set(division, row);
  }
  const resultKeys = [...new Set(cases.map(resultKey))].sort();
  const appeals = cases.flatMap((c) => c.appeals.map((a) => ({ ...a, name: c.name, division: c.division })));
  return {
    round,
    committees,
    resultKeys,
    divisions: [...rows.values()].sort((a, b) => a.division.localeCompare(b.division, "th")),
    appeals,
    appealCounts: {
      filed: appeals.length,
      pending: appeals.filter((a) => !a.answeredAt).length,
      rejected: appeals.filter((a) => a.outcome === "rejected").length,
      changed: appeals.filter((a) => a.outcome === "changed").length,
    },
  };
}
