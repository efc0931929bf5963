import { isHr, type Actor } from "~/domain/actor";
import { fieldRefusal, refusal } from "~/domain/refusal";
import { committeeCompositionProblem, type CommitteeKind, type CommitteeRole } from "~/domain/salary-review";
import { isActiveOn } from "~/domain/personnel";
import type { CommitteeInput } from "~/schemas/salary";
import { writeAudit } from "~/utils/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { requireRound } from "./rounds.server";
import { recordCommitteeRecusalDeclaration } from "../registers/declarations.server";

// The one module that writes committees, their members and recusals. Their agenda: agenda.server.ts; their meetings,
// attendance and decisions: meetings.server.ts.

export async function requireCommittee(committeeId: number) {
  const committee = await db.salaryCommittee.findUnique({
    where: { id: committeeId },
    include: { members: true, round: true },
  });
  if (!committee) throw refusal(404, "ไม่พบคณะกรรมการนี้");
  return committee;
}

export async function seatOf(committeeId: number, personId: number) {
  return db.committeeMember.findUnique({ where: { committeeId_personId: { committeeId, personId } } });
}

/** Appoint (or, before its first meeting closes, re-appoint) a committee with exactly one chair and one secretary. */
export async function setCommittee(
  roundId: number,
  kind: CommitteeKind,
  input: CommitteeInput,
  actor: Actor,
  now = new Date(),
) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะเจ้าหน้าที่งานบุคคลแต่งตั้งคณะกรรมการได้");
  const round = await requireRound(roundId);
  if (round.publishedAt) throw refusal(409, "รอบนี้ประกาศผลแล้ว แก้ไขคณะกรรมการไม่ได้");
  const composition = committeeCompositionProblem(input.members.map((m) => m.role as CommitteeRole));
  if (composition) throw fieldRefusal("members", composition, 400);
  const numbers = input.members.map((m) => m.employeeNumber);
  const duplicate = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (duplicate) throw fieldRefusal("members", `เลขประจำตัว ${duplicate} ซ้ำกัน`, 400);
  const people = await db.person.findMany({ where: { employeeNumber: { in: numbers } } });
  const byNumber = new Map(people.map((p) => [p.employeeNumber, p]));
  for (const [index, member] of input.members.entries()) {
    const person = byNumber.get(member.employeeNumber);
    if (!person)
      throw fieldRefusal(`members.${index}.employeeNumber`, `ไม่พบบุคลากรเลขประจำตัว ${member.employeeNumber}`, 400);
    if (!isActiveOn(person, now))
      throw fieldRefusal(`members.${index}.employeeNumber`, `${member.employeeNumber} ไม่ได้ปฏิบัติงานอยู่แล้ว`, 400);
  }
  const existing = await db.salaryCommittee.findUnique({
    where: { roundId_kind: { roundId, kind } },
    include: { meetings: true, members: true },
  });
  if (existing?.meetings.length) throw refusal(409, "คณะกรรมการนี้เริ่มประชุมแล้ว แก้ไของค์ประกอบไม่ได้");
  return db.$transaction(async (tx) => {
    const committee = existing
      ? await tx.salaryCommittee.update({
          where: { id: existing.id },
          data: { appointingOrderRef: input.appointingOrderRef },
        })
      : await tx.salaryCommittee.create({ data: { roundId, kind, appointingOrderRef: input.appointingOrderRef } });
    await tx.committeeMember.deleteMany({ where: { committeeId: committee.id } });
    await tx.committeeMember.createMany({
      data: input.members.map((m) => ({
        committeeId: committee.id,
        personId: byNumber.get(m.employeeNumber)!.id,
        role: m.role,
      })),
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "salary_committee.appointed",
      entityType: "SalaryCommittee",
      entityId: committee.id,
      before: existing
        ? {
            appointingOrderRef: existing.appointingOrderRef,
            members: existing.members.map((m) => ({ personId: m.personId, role: m.role })),
          }
        : undefined,
      after: { kind, appointingOrderRef: input.appointingOrderRef, members: input.members },
    });
    return committee;
  });
}

/** Cases a member may not see or vote on: declared recusals plus, always, their own case. */
export async function recusedAppraisalIds(
  committeeId: number,
  personId: number,
  client: Tx | typeof db = db,
): Promise<Set<number>> {
  const committee = await client.salaryCommittee.findUniqueOrThrow({ where: { id: committeeId } });
  const [declared, own] = await Promise.all([
    client.committeeRecusal.findMany({ where: { committeeId, personId }, select: { appraisalId: true } }),
    client.salaryAppraisal.findMany({ where: { roundId: committee.roundId, personId }, select: { id: true } }),
  ]);
  return new Set([...declared.map((r) => r.appraisalId), ...own.map((a) => a.id)]);
}

/** A member declares a conflict of interest in a case; from then on they neither see nor vote on it. */
export async function declareRecusal(
  committeeId: number,
  input: { appraisalId: number; reason: string },
  actor: Actor,
  now = new Date(),
) {
  const committee = await requireCommittee(committeeId);
  if (!committee.members.some((m) => m.personId === actor.personId)) throw refusal(403, "ท่านไม่ได้เป็นกรรมการในคณะนี้");
  const appraisal = await db.salaryAppraisal.findUnique({
    where: { id: input.appraisalId },
    include: { decisions: { include: { meeting: true } } },
  });
  if (!appraisal || appraisal.roundId !== committee.roundId) throw refusal(404, "ไม่พบรายการนี้ในรอบของคณะกรรมการ");
  if (
    await db.committeeRecusal.findUnique({
      where: { committeeId_personId_appraisalId: { committeeId, personId: actor.personId, appraisalId: appraisal.id } },
    })
  ) {
    throw refusal(409, "ท่านแจ้งการมีส่วนได้เสียในรายการนี้ไว้แล้ว");
  }
  await db.$transaction(async (tx) => {
    const recusal = await tx.committeeRecusal.create({
      data: { committeeId, personId: actor.personId, appraisalId: appraisal.id, reason: input.reason, declaredAt: now },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "salary_committee.recused",
      entityType: "SalaryCommittee",
      entityId: committeeId,
      after: { recusalId: recusal.id, appraisalId: appraisal.id, reason: input.reason },
    });
    // The recusal is also the member's conflict-of-interest case declaration (issue 13): one record of it.
    await recordCommitteeRecusalDeclaration(
      tx,
      {
        personId: actor.personId,
        recusalId: recusal.id,
        caseRef: `${committee.kind === "screening" ? "คณะกรรมการกลั่นกรอง" : "คณะกรรมการเลื่อนขั้นเงินเดือน"} (${committee.appointingOrderRef}) รายการประเมินเลขที่ ${appraisal.id}`,
        reason: input.reason,
        ip: actor.ip,
      },
      now,
    );
  });
}
