import type { CaseDecision, CommitteeMeeting } from "@prisma/client";
import type { Actor } from "~/domain/actor";
import { fieldRefusal, refusal } from "~/domain/refusal";
import {
  capViolation,
  caseHasQuorum,
  committeeCompositionProblem,
  hasQuorum,
  increaseAmountBaht,
  poolViolation,
  standingDecision,
  type CommitteeKind,
  type CommitteeRole,
  type IncreaseType,
} from "~/domain/salary-review";
import { percentToBasisPoints, type DecisionInput } from "~/schemas/salary";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { agendaFor, incomingProposal, roundCases, type Proposal } from "./agenda.server";
import { recusedAppraisalIds, requireCommittee, seatOf } from "./committees.server";

// The one module that writes committee meetings, their attendance, decisions and minutes.

/** Only the chair or the secretary runs a meeting's record (attendance, decisions, minutes, closing). */
async function requireRecorder(committeeId: number, actor: Actor) {
  const seat = await seatOf(committeeId, actor.personId);
  if (!seat || seat.role === "member") throw refusal(403, "เฉพาะประธานกรรมการหรือเลขานุการบันทึกการประชุมได้");
  return seat;
}

export async function openMeeting(
  committeeId: number,
  input: { heldAt: string; quorumPercent: number; agendaNote: string },
  actor: Actor,
) {
  const committee = await requireCommittee(committeeId);
  await requireRecorder(committeeId, actor);
  const composition = committeeCompositionProblem(committee.members.map((m) => m.role as CommitteeRole));
  if (composition) throw refusal(409, composition);
  const meetings = await db.committeeMeeting.findMany({ where: { committeeId } });
  if (meetings.some((m) => !m.closedAt)) throw refusal(409, "มีการประชุมที่ยังไม่ปิดอยู่ กรุณาปิดการประชุมนั้นก่อน");
  const agenda = await agendaFor(committeeId);
  if (!agenda.length) throw refusal(409, "ยังไม่มีรายการที่ต้องพิจารณา");
  const heldAt = new Date(`${input.heldAt}T09:00:00+07:00`);
  const agendaText = [
    `ระเบียบวาระ: พิจารณา${committee.kind === "screening" ? "กลั่นกรองผลการประเมินของผู้บังคับบัญชา" : committee.round.publishedAt ? "คำอุทธรณ์และแก้ไขผลการพิจารณา" : "เลื่อนขั้นเงินเดือนตามผลการกลั่นกรอง"} จำนวน ${agenda.length} ราย`,
    input.agendaNote,
  ]
    .filter(Boolean)
    .join("\n");
  return db.$transaction(async (tx) => {
    const meeting = await tx.committeeMeeting.create({
      data: {
        committeeId,
        number: meetings.length + 1,
        heldAt,
        agenda: agendaText,
        quorumPercent: input.quorumPercent,
      },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "salary_meeting.opened",
      entityType: "CommitteeMeeting",
      entityId: meeting.id,
      after: { committeeId, number: meeting.number, cases: agenda.length },
    });
    return meeting;
  });
}

async function requireOpenMeeting(meetingId: number) {
  const meeting = await db.committeeMeeting.findUnique({
    where: { id: meetingId },
    include: { committee: { include: { members: true, round: true } }, attendees: true },
  });
  if (!meeting) throw refusal(404, "ไม่พบการประชุมนี้");
  if (meeting.closedAt) throw refusal(409, "การประชุมนี้ปิดแล้ว แก้ไขไม่ได้ หากต้องแก้ไขให้บันทึกเป็นมติแก้ไขในการประชุมครั้งใหม่");
  return meeting;
}

export async function setAttendance(meetingId: number, personIds: number[], actor: Actor) {
  const meeting = await requireOpenMeeting(meetingId);
  await requireRecorder(meeting.committeeId, actor);
  const memberIds = new Set(meeting.committee.members.map((m) => m.personId));
  if (personIds.some((id) => !memberIds.has(id))) throw refusal(400, "ผู้เข้าประชุมต้องเป็นกรรมการในคณะนี้");
  await db.$transaction(async (tx) => {
    await tx.meetingAttendee.deleteMany({ where: { meetingId } });
    await tx.meetingAttendee.createMany({ data: [...new Set(personIds)].map((personId) => ({ meetingId, personId })) });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "salary_meeting.attendance",
      entityType: "CommitteeMeeting",
      entityId: meetingId,
      before: { present: meeting.attendees.map((a) => a.personId) },
      after: { present: personIds },
    });
  });
}

/**
 * Record the committee's decision on one case: confirm what came before it, or change it with a reason. The
 * recorder must not be recused, the case must have quorum without its recused members, and the result must stay
 * within the per-person cap and the round's pool. After publication a decision is a correction of the standing one.
 */
export async function decideCase(meetingId: number, input: DecisionInput, actor: Actor, now = new Date()) {
  const meeting = await requireOpenMeeting(meetingId);
  const { committee } = meeting;
  await requireRecorder(committee.id, actor);
  return db.$transaction(async (tx) => {
    const agenda = await agendaFor(committee.id, tx);
    const existingHere = await tx.caseDecision.findUnique({
      where: { meetingId_appraisalId: { meetingId, appraisalId: input.appraisalId } },
    });
    const item = agenda.find((c) => c.appraisal.id === input.appraisalId);
    if (!item && !existingHere) throw refusal(400, "รายการนี้ไม่อยู่ในระเบียบวาระของการประชุม");
    const cases = item ? item : (await agendaOrDecided(committee.id, input.appraisalId, tx))!;
    const recusedForActor = await recusedAppraisalIds(committee.id, actor.personId, tx);
    if (recusedForActor.has(input.appraisalId))
      throw refusal(403, "ท่านมีส่วนได้เสียในรายการนี้ จึงบันทึกมติไม่ได้ ให้กรรมการอื่นที่ทำหน้าที่บันทึก");
    const recusedIds = await casesRecusedMembers(
      committee.id,
      input.appraisalId,
      committee.members.map((m) => m.personId),
      tx,
    );
    if (
      !caseHasQuorum({
        presentIds: meeting.attendees.map((a) => a.personId),
        memberIds: committee.members.map((m) => m.personId),
        recusedIds,
        quorumPercent: meeting.quorumPercent,
      })
    ) {
      throw refusal(409, "ไม่ครบองค์ประชุมสำหรับรายการนี้ (ไม่นับกรรมการที่มีส่วนได้เสีย)");
    }
    const incoming =
      cases.incoming ??
      (cases.standing
        ? {
            increaseType: cases.appraisal.increaseType as IncreaseType,
            halfSteps: cases.standing.halfSteps,
            basisPoints: cases.standing.basisPoints,
            amountBaht: cases.standing.amountBaht,
          }
        : null);
    if (!incoming) throw refusal(409, "รายการนี้ยังไม่มีข้อเสนอให้พิจารณา");
    const increaseType = incoming.increaseType;
    let decided: Proposal = incoming;
    if (input.outcome === "change") {
      if (!input.reason) throw fieldRefusal("reason", "การเปลี่ยนแปลงต้องระบุเหตุผล", 400);
      const halfSteps =
        increaseType === "steps"
          ? input.halfSteps === "" || input.halfSteps == null
            ? null
            : Number(input.halfSteps)
          : null;
      const basisPoints =
        increaseType === "percent"
          ? input.percent === "" || input.percent == null
            ? null
            : percentToBasisPoints(input.percent)
          : null;
      if (increaseType === "steps" ? halfSteps == null : basisPoints == null)
        throw fieldRefusal(increaseType === "steps" ? "halfSteps" : "percent", "กรุณาระบุผลที่เปลี่ยนแปลง");
      const capProblem = capViolation({ increaseType, halfSteps, basisPoints }, committee.round);
      if (capProblem) throw fieldRefusal(increaseType === "steps" ? "halfSteps" : "percent", capProblem);
      if (halfSteps === incoming.halfSteps && basisPoints === incoming.basisPoints)
        throw fieldRefusal("outcome", 'ผลที่เปลี่ยนแปลงเท่ากับข้อเสนอเดิม ให้เลือก "เห็นชอบตามที่เสนอ"', 400);
      decided = {
        increaseType,
        halfSteps,
        basisPoints,
        amountBaht: increaseAmountBaht({
          increaseType,
          baseSalaryBaht: cases.appraisal.baseSalaryBaht,
          stepValueBaht: cases.appraisal.stepValueBaht,
          halfSteps,
          basisPoints,
        }),
      };
    }
    if (committee.round.publishedAt && input.outcome !== "change")
      throw fieldRefusal(
        "outcome",
        'การแก้ไขผลหลังประกาศต้องเลือก "เปลี่ยนแปลง" พร้อมเหตุผล หากยืนตามผลเดิมให้ตอบคำอุทธรณ์ว่ายืนตามผลเดิม',
        400,
      );
    const poolProblem = poolViolation(
      (await committeeTotalExcept(committee.id, input.appraisalId, tx)) + decided.amountBaht,
      committee.round.poolBaht,
    );
    if (poolProblem) throw fieldRefusal(increaseType === "steps" ? "halfSteps" : "percent", poolProblem);
    const data = {
      outcome: input.outcome,
      halfSteps: decided.halfSteps,
      basisPoints: decided.basisPoints,
      amountBaht: decided.amountBaht,
      reason: input.reason || null,
      decidedAt: now,
      correctsId: committee.round.publishedAt ? (cases.standing?.id ?? null) : null,
    };
    const decision = existingHere
      ? await tx.caseDecision.update({ where: { id: existingHere.id }, data })
      : await tx.caseDecision.create({ data: { meetingId, appraisalId: input.appraisalId, ...data } });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: data.correctsId ? "salary_decision.corrected" : "salary_decision.recorded",
      entityType: "CaseDecision",
      entityId: decision.id,
      before: existingHere
        ? {
            outcome: existingHere.outcome,
            halfSteps: existingHere.halfSteps,
            basisPoints: existingHere.basisPoints,
            amountBaht: existingHere.amountBaht,
          }
        : undefined,
      after: { meetingId, appraisalId: input.appraisalId, ...data, decidedAt: now.toISOString() },
    });
    return decision;
  });
}

/** A case already decided in this (open) meeting is no longer "on the agenda" but may be re-decided until closing. */
async function agendaOrDecided(committeeId: number, appraisalId: number, tx: Tx) {
  const committee = await tx.salaryCommittee.findUniqueOrThrow({ where: { id: committeeId } });
  const screening = await tx.salaryCommittee.findUnique({
    where: { roundId_kind: { roundId: committee.roundId, kind: "screening" } },
  });
  const appraisal = (await roundCases(committee.roundId, tx)).find((a) => a.id === appraisalId);
  if (!appraisal) return null;
  return {
    appraisal,
    incoming: incomingProposal(appraisal, committee.kind as CommitteeKind, screening?.id ?? null),
    standing: standingDecision(appraisal.decisions, committeeId),
    onAgenda: true,
  };
}

async function casesRecusedMembers(committeeId: number, appraisalId: number, memberIds: number[], tx: Tx) {
  const [declared, appraisal] = await Promise.all([
    tx.committeeRecusal.findMany({ where: { committeeId, appraisalId }, select: { personId: true } }),
    tx.salaryAppraisal.findUniqueOrThrow({ where: { id: appraisalId } }),
  ]);
  return [...declared.map((r) => r.personId), ...(memberIds.includes(appraisal.personId) ? [appraisal.personId] : [])];
}

/** The round's total if this committee's results stood, leaving one case out: its decisions, else what came before it. */
async function committeeTotalExcept(committeeId: number, appraisalId: number, tx: Tx) {
  const committee = await tx.salaryCommittee.findUniqueOrThrow({ where: { id: committeeId } });
  const screening = await tx.salaryCommittee.findUnique({
    where: { roundId_kind: { roundId: committee.roundId, kind: "screening" } },
  });
  const cases = await roundCases(committee.roundId, tx);
  let total = 0;
  for (const c of cases) {
    if (c.id === appraisalId) continue;
    const pendingHere = c.decisions.find((d) => d.meeting.committeeId === committeeId && !d.meeting.closedAt);
    const standingHere = standingDecision(c.decisions, committeeId);
    const incoming = incomingProposal(c, committee.kind as CommitteeKind, screening?.id ?? null);
    total += (pendingHere ?? standingHere ?? incoming)?.amountBaht ?? c.proposedAmountBaht ?? 0;
  }
  return total;
}

/** Close a meeting with its minutes. It must have had quorum; afterwards nothing in it can change (triggers). */
export async function closeMeeting(meetingId: number, minutes: string, actor: Actor, now = new Date()) {
  const meeting = await requireOpenMeeting(meetingId);
  await requireRecorder(meeting.committeeId, actor);
  if (!hasQuorum(meeting.attendees.length, meeting.committee.members.length, meeting.quorumPercent)) {
    throw refusal(
      409,
      `ไม่ครบองค์ประชุม: มาประชุม ${meeting.attendees.length} จาก ${meeting.committee.members.length} คน (ต้องมากกว่าร้อยละ ${meeting.quorumPercent})`,
    );
  }
  const decisions = await db.caseDecision.count({ where: { meetingId } });
  if (!decisions) throw refusal(409, "ยังไม่ได้บันทึกมติในรายการใด");
  await db.$transaction(async (tx) => {
    await tx.committeeMeeting.update({ where: { id: meetingId }, data: { minutes, closedAt: now } });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "salary_meeting.closed",
      entityType: "CommitteeMeeting",
      entityId: meetingId,
      after: { decisions, present: meeting.attendees.length, members: meeting.committee.members.length },
    });
  });
}

export type MeetingWithDecisions = CommitteeMeeting & { decisions: CaseDecision[] };
