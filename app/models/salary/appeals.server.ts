import type { Actor } from "~/domain/actor";
import { fieldRefusal, refusal } from "~/domain/refusal";
import { standingDecision } from "~/domain/salary-review";
import { appealOpen } from "~/domain/salary-review";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

// The one module that writes appeals. A person appeals their published result within the round's period;
// HR may record an appeal handed in on paper, and records the answer.

export async function fileAppeal(appraisalId: number, reason: string, actor: Actor, now = new Date()) {
  const appraisal = await db.salaryAppraisal.findUnique({
    where: { id: appraisalId },
    include: { round: true, appeals: true },
  });
  if (!appraisal) throw refusal(404, "ไม่พบผลการพิจารณานี้");
  const isHr = actor.roles?.some((r) => r === "hr" || r === "admin");
  if (appraisal.personId !== actor.personId && !isHr) throw refusal(403, "อุทธรณ์ได้เฉพาะผลการพิจารณาของตนเอง");
  if (!appraisal.round.publishedAt) throw refusal(409, "ยังไม่ได้ประกาศผลของรอบนี้");
  if (!appealOpen(appraisal.round, now)) throw refusal(409, "พ้นกำหนดเวลาอุทธรณ์ของรอบนี้แล้ว");
  if (appraisal.appeals.some((a) => !a.answeredAt)) throw refusal(409, "มีคำอุทธรณ์ที่รอการพิจารณาอยู่แล้ว");
  return db.$transaction(async (tx) => {
    const appeal = await tx.salaryAppeal.create({
      data: { appraisalId, personId: appraisal.personId, reason, filedAt: now, recordedById: actor.personId },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "salary_appeal.filed",
      entityType: "SalaryAppeal",
      entityId: appeal.id,
      after: { appraisalId, reason },
    });
    return appeal;
  });
}

/**
 * HR records the answer. "changed" needs the salary-step committee's correction of the case, decided in a closed
 * meeting after the appeal was filed; "rejected" keeps the result as it stands.
 */
export async function answerAppeal(
  appealId: number,
  input: { outcome: "rejected" | "changed"; answer: string },
  actor: Actor,
  now = new Date(),
) {
  const appeal = await db.salaryAppeal.findUnique({
    where: { id: appealId },
    include: {
      appraisal: { include: { round: { include: { committees: true } }, decisions: { include: { meeting: true } } } },
    },
  });
  if (!appeal) throw refusal(404, "ไม่พบคำอุทธรณ์นี้");
  if (appeal.answeredAt) throw refusal(409, "คำอุทธรณ์นี้ตอบแล้ว");
  const salary = appeal.appraisal.round.committees.find((c) => c.kind === "salary");
  const standing = salary ? standingDecision(appeal.appraisal.decisions, salary.id) : null;
  if (
    input.outcome === "changed" &&
    !(standing?.correctsId && standing.decidedAt.getTime() >= appeal.filedAt.getTime())
  ) {
    throw fieldRefusal(
      "outcome",
      "ยังไม่มีมติแก้ไขของคณะกรรมการพิจารณาเลื่อนขั้นเงินเดือนหลังวันที่ยื่นอุทธรณ์ กรุณาให้คณะกรรมการประชุมพิจารณาก่อน",
      409,
    );
  }
  await db.$transaction(async (tx) => {
    await tx.salaryAppeal.update({
      where: { id: appealId },
      data: { outcome: input.outcome, answer: input.answer, answeredAt: now, answeredById: actor.personId },
    });
    await writeAudit(tx, {
      actorId: actor.personId,
      ip: actor.ip,
      action: "salary_appeal.answered",
      entityType: "SalaryAppeal",
      entityId: appealId,
      after: { outcome: input.outcome, answer: input.answer, decisionId: standing?.id ?? null },
    });
  });
}
