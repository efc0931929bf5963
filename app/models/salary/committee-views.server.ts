import { isHr, type Actor } from "~/domain/actor";
import { fullName } from "~/domain/personnel";
import { refusal } from "~/domain/refusal";
import { standingDecision, type CommitteeKind, type IncreaseType } from "~/domain/salary-review";
import { db } from "~/utils/db.server";
import { agendaFor } from "./agenda.server";
import { recusedAppraisalIds } from "./committees.server";
import { decisionView, loadCases } from "./queries.server";

// A committee and one of its meetings as a member (or HR) sees them: the viewer's recusals and own case are hidden.

/** A committee as one of its members (or HR) sees it: cases minus the viewer's recusals and own case. */
export async function committeeView(committeeId: number, actor: Pick<Actor, "personId" | "roles">) {
  const committee = await db.salaryCommittee.findUnique({
    where: { id: committeeId },
    include: {
      round: true,
      members: { include: { person: true }, orderBy: { id: "asc" } },
      meetings: { orderBy: { number: "asc" }, include: { _count: { select: { decisions: true, attendees: true } } } },
      recusals: { include: { person: true, appraisal: { include: { person: true } } }, orderBy: { id: "asc" } },
    },
  });
  if (!committee) throw refusal(404, "ไม่พบคณะกรรมการนี้");
  const viewer = { personId: actor.personId, isHr: isHr(actor) };
  const seat = committee.members.find((m) => m.personId === viewer.personId);
  if (!seat && !viewer.isHr) throw refusal(403, "เฉพาะกรรมการในคณะนี้และเจ้าหน้าที่งานบุคคลเข้าดูได้");
  const hidden = seat ? await recusedAppraisalIds(committeeId, viewer.personId) : new Set<number>();
  const agenda = await agendaFor(committeeId);
  const cases = (await loadCases(committee.roundId)).filter((c) => !hidden.has(c.id));
  const onAgenda = new Set(agenda.map((a) => a.appraisal.id));
  return {
    isHr: viewer.isHr,
    committee: {
      id: committee.id,
      kind: committee.kind as CommitteeKind,
      appointingOrderRef: committee.appointingOrderRef,
      round: { id: committee.round.id, title: committee.round.title, publishedAt: committee.round.publishedAt },
    },
    seat: seat ? { role: seat.role } : null,
    members: committee.members.map((m) => ({
      personId: m.personId,
      name: fullName(m.person),
      position: m.person.position,
      role: m.role,
    })),
    meetings: committee.meetings.map((m) => ({
      id: m.id,
      number: m.number,
      heldAt: m.heldAt,
      closedAt: m.closedAt,
      decisions: m._count.decisions,
      present: m._count.attendees,
    })),
    cases: cases.map((c) => ({
      id: c.id,
      name: fullName(c.person),
      division: c.person.division.name,
      increaseType: c.increaseType as IncreaseType,
      score: c.score,
      proposed: {
        halfSteps: c.proposedHalfSteps,
        basisPoints: c.proposedBasisPoints,
        amountBaht: c.proposedAmountBaht ?? 0,
      },
      standing: decisionView(standingDecision(c.decisions, committeeId)),
      onAgenda: onAgenda.has(c.id),
    })),
    hiddenCount: hidden.size,
    // Who recused from what is on record for HR and the committee's officers; a member sees their own.
    recusals: committee.recusals
      .filter((r) => viewer.isHr || seat?.role !== "member" || r.personId === viewer.personId)
      .filter((r) => !hidden.has(r.appraisalId) || r.personId === viewer.personId)
      .map((r) => ({
        id: r.id,
        member: fullName(r.person),
        case: r.personId === viewer.personId || !hidden.has(r.appraisalId) ? fullName(r.appraisal.person) : "—",
        reason: r.reason,
        declaredAt: r.declaredAt,
      })),
  };
}

export async function meetingView(meetingId: number, actor: Pick<Actor, "personId" | "roles">) {
  const meeting = await db.committeeMeeting.findUnique({
    where: { id: meetingId },
    include: {
      attendees: true,
      decisions: { orderBy: { id: "asc" } },
      committee: { include: { round: true, members: { include: { person: true }, orderBy: { id: "asc" } } } },
    },
  });
  if (!meeting) throw refusal(404, "ไม่พบการประชุมนี้");
  const viewer = { personId: actor.personId, isHr: isHr(actor) };
  const { committee } = meeting;
  const seat = committee.members.find((m) => m.personId === viewer.personId);
  if (!seat && !viewer.isHr) throw refusal(403, "เฉพาะกรรมการในคณะนี้และเจ้าหน้าที่งานบุคคลเข้าดูได้");
  const hidden = seat ? await recusedAppraisalIds(committee.id, viewer.personId) : new Set<number>();
  const agenda = meeting.closedAt ? [] : await agendaFor(committee.id);
  const decidedHere = new Map(meeting.decisions.map((d) => [d.appraisalId, d]));
  const caseIds = new Set([...agenda.map((a) => a.appraisal.id), ...decidedHere.keys()]);
  const cases = (await loadCases(committee.roundId)).filter((c) => caseIds.has(c.id));
  const screening =
    committee.kind === "salary"
      ? await db.salaryCommittee.findUnique({
          where: { roundId_kind: { roundId: committee.roundId, kind: "screening" } },
        })
      : null;
  const recusals = await db.committeeRecusal.findMany({ where: { committeeId: committee.id } });
  const memberIds = committee.members.map((m) => m.personId);
  return {
    meeting: {
      id: meeting.id,
      number: meeting.number,
      heldAt: meeting.heldAt,
      agenda: meeting.agenda,
      minutes: meeting.minutes,
      quorumPercent: meeting.quorumPercent,
      closedAt: meeting.closedAt,
    },
    committee: {
      id: committee.id,
      kind: committee.kind as CommitteeKind,
      appointingOrderRef: committee.appointingOrderRef,
      round: { id: committee.round.id, title: committee.round.title, publishedAt: committee.round.publishedAt },
    },
    seat: seat ? { role: seat.role } : null,
    members: committee.members.map((m) => ({
      personId: m.personId,
      name: fullName(m.person),
      role: m.role,
      present: meeting.attendees.some((a) => a.personId === m.personId),
    })),
    cases: cases
      .filter((c) => !hidden.has(c.id))
      .map((c) => {
        const incoming =
          committee.kind === "screening"
            ? {
                halfSteps: c.proposedHalfSteps,
                basisPoints: c.proposedBasisPoints,
                amountBaht: c.proposedAmountBaht ?? 0,
              }
            : decisionView(screening ? standingDecision(c.decisions, screening.id) : null);
        const standing = committee.round.publishedAt ? decisionView(standingDecision(c.decisions, committee.id)) : null;
        return {
          id: c.id,
          name: fullName(c.person),
          position: c.person.position,
          division: c.person.division.name,
          increaseType: c.increaseType as IncreaseType,
          score: c.score,
          comment: c.comment,
          incoming: standing ?? incoming,
          openAppeal: c.appeals.find((a) => !a.answeredAt)?.reason ?? null,
          decision: decisionView(decidedHere.get(c.id) ?? null),
          recusedMembers: [
            ...recusals.filter((r) => r.appraisalId === c.id).map((r) => r.personId),
            ...(memberIds.includes(c.personId) ? [c.personId] : []),
          ].length,
        };
      }),
    hiddenCount: [...caseIds].filter((id) => hidden.has(id)).length,
  };
}
