import { standingDecision, type CommitteeKind, type IncreaseType } from "~/domain/salary-review";
import { db, type Tx } from "~/utils/db.server";

// What a committee has before it: the cases of its round with what came to it and what it decided (read only).

export type Proposal = {
  increaseType: IncreaseType;
  halfSteps: number | null;
  basisPoints: number | null;
  amountBaht: number;
};

type AppraisalWithDecisions = Awaited<ReturnType<typeof roundCases>>[number];

export async function roundCases(roundId: number, client: Tx | typeof db = db) {
  return client.salaryAppraisal.findMany({
    where: { roundId },
    include: {
      person: { include: { division: true } },
      decisions: { include: { meeting: true }, orderBy: { id: "asc" } },
      appeals: true,
    },
    orderBy: { id: "asc" },
  });
}

/** What a committee has before it for a case: the supervisor's proposal (screening) or the screening result (salary). */
export function incomingProposal(
  appraisal: AppraisalWithDecisions,
  kind: CommitteeKind,
  screeningId: number | null,
): Proposal | null {
  const increaseType = appraisal.increaseType as IncreaseType;
  if (kind === "screening") {
    if (!appraisal.appraisedAt) return null;
    return {
      increaseType,
      halfSteps: appraisal.proposedHalfSteps,
      basisPoints: appraisal.proposedBasisPoints,
      amountBaht: appraisal.proposedAmountBaht ?? 0,
    };
  }
  const screened = screeningId == null ? null : standingDecision(appraisal.decisions, screeningId);
  return screened
    ? {
        increaseType,
        halfSteps: screened.halfSteps,
        basisPoints: screened.basisPoints,
        amountBaht: screened.amountBaht,
      }
    : null;
}

/**
 * The cases on a committee's agenda: those it has before it and has not decided; after publication, the salary
 * committee's agenda is the cases with an unanswered appeal (a decision then is a correction).
 */
export async function agendaFor(committeeId: number, client: Tx | typeof db = db) {
  const committee = await client.salaryCommittee.findUniqueOrThrow({
    where: { id: committeeId },
    include: { round: true },
  });
  const screening = await client.salaryCommittee.findUnique({
    where: { roundId_kind: { roundId: committee.roundId, kind: "screening" } },
  });
  const cases = await roundCases(committee.roundId, client);
  const kind = committee.kind as CommitteeKind;
  return cases
    .map((appraisal) => {
      const incoming = incomingProposal(appraisal, kind, screening?.id ?? null);
      const standing = standingDecision(appraisal.decisions, committeeId);
      const openAppeal = appraisal.appeals.some((a) => !a.answeredAt);
      const onAgenda = committee.round.publishedAt
        ? kind === "salary" && openAppeal && standing != null
        : incoming != null && standing == null;
      return { appraisal, incoming, standing, onAgenda };
    })
    .filter((c) => c.onAgenda);
}
