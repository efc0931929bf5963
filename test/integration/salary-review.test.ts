import { describe, expect, it } from "vitest";
import { answerAppeal, fileAppeal } from "~/models/salary/appeals.server";
import { declareRecusal, setCommittee } from "~/models/salary/committees.server";
import { closeMeeting, decideCase, openMeeting, setAttendance } from "~/models/salary/meetings.server";
import { committeeView, meetingView } from "~/models/salary/committee-views.server";
import { myResults, roundOverview } from "~/models/salary/queries.server";
import { Refusal } from "~/domain/refusal";
import { createRound, previewRound, publishRound, recordAppraisal } from "~/models/salary/rounds.server";
import { db } from "~/utils/db.server";
import { createTestPerson } from "../support/factories";

const hrActor = (personId: number) => ({ personId, ip: null, roles: ["staff", "hr"] as const });
const asMember = (personId: number) => ({ personId, ip: null, roles: ["staff"] as const });

async function expectRefusal(promise: Promise<unknown>, message: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  expect((error as Error).message).toContain(message);
}

/** A round with three permanent employees (steps) and two officers (percent), and five committee candidates. */
async function setUpRound(fiscalYear: number, half: "1" | "2", poolBaht = 20_000) {
  const hr = await createTestPerson({
    roles: ["staff", "hr"],
    divisionCode: "personnel-management",
    personnelType: "executive",
  });
  const chair = await createTestPerson({ personnelType: "executive" });
  const secretary = await createTestPerson({ personnelType: "executive", divisionCode: "personnel-management" });
  const memberA = await createTestPerson({ personnelType: "executive" });
  const memberB = await createTestPerson({ personnelType: "executive" });
  const employees = [
    await createTestPerson({ personnelType: "permanent_employee" }),
    await createTestPerson({ personnelType: "permanent_employee" }),
    await createTestPerson({ personnelType: "municipal_officer" }),
  ];
  const input = {
    fiscalYear,
    half,
    scopeTypes: ["permanent_employee", "municipal_officer"],
    stepTypes: ["permanent_employee"],
    scopeDivisionIds: [],
    stepCapHalfSteps: "3",
    percentCap: 6,
    poolBaht,
    appealDays: 15,
  } as const;
  const preview = await previewRound(
    { ...input, scopeTypes: [...input.scopeTypes], stepTypes: [...input.stepTypes], scopeDivisionIds: [] },
    hrActor(hr.id),
  );
  const round = await createRound(
    { ...input, scopeTypes: [...input.scopeTypes], stepTypes: [...input.stepTypes], scopeDivisionIds: [] },
    hrActor(hr.id),
    { confirmedPeople: preview.people },
  );
  return { hr, chair, secretary, memberA, memberB, employees, round };
}

describe("salary-step review round (plan item 19)", () => {
  it("caps, pool, committees, recusal, quorum, decisions, immutability, publication and an appeal", async () => {
    const { hr, chair, secretary, memberA, memberB, employees, round } = await setUpRound(2569, "1");
    const appraisals = await db.salaryAppraisal.findMany({
      where: { roundId: round.id, personId: { in: employees.map((e) => e.id) } },
      orderBy: { personId: "asc" },
    });
    expect(appraisals.map((a) => a.increaseType)).toEqual(["steps", "steps", "percent"]);
    const [stepA, stepB, officer] = appraisals;

    // The per-person cap and the pool are refused with the figures; nothing is written.
    await expectRefusal(
      recordAppraisal(officer!.id, { score: 92, baseSalaryBaht: 30_000, percent: 6.5, comment: "" }, hrActor(hr.id)),
      "เกินเพดานต่อคนร้อยละ 6.00",
    );
    await recordAppraisal(
      stepA!.id,
      { score: 95, baseSalaryBaht: 20_000, stepValueBaht: 6_000, halfSteps: "3", comment: "ผลงานดีเด่น" },
      hrActor(hr.id),
    );
    await recordAppraisal(
      stepB!.id,
      { score: 80, baseSalaryBaht: 18_000, stepValueBaht: 5_000, halfSteps: "2", comment: "" },
      hrActor(hr.id),
    );
    // 1.5 steps of 6,000 = 9,000 and 1 step of 5,000; 3.5% of 30,000 = 1,050. Raising the second to 12,000 breaks the pool.
    await recordAppraisal(
      officer!.id,
      { score: 88, baseSalaryBaht: 30_000, percent: 3.5, comment: "" },
      hrActor(hr.id),
    );
    await expectRefusal(
      recordAppraisal(
        stepB!.id,
        { score: 80, baseSalaryBaht: 18_000, stepValueBaht: 12_000, halfSteps: "2", comment: "" },
        hrActor(hr.id),
      ),
      "รวมทั้งรอบเป็น 22,050 บาท เกินวงเงินของรอบ 20,000 บาท (เกิน 2,050 บาท)",
    );
    expect((await db.salaryAppraisal.findUniqueOrThrow({ where: { id: stepB!.id } })).proposedAmountBaht).toBe(5_000);

    // Exactly one chair and one secretary.
    const members = (chairNo: string, secretaryNo: string) => [
      { employeeNumber: chairNo, role: "chair" as const },
      { employeeNumber: memberA.employeeNumber, role: "member" as const },
      { employeeNumber: memberB.employeeNumber, role: "member" as const },
      { employeeNumber: secretaryNo, role: "secretary" as const },
    ];
    await expectRefusal(
      setCommittee(
        round.id,
        "screening",
        {
          appointingOrderRef: "คำสั่งที่ 10/2569",
          members: [
            ...members(chair.employeeNumber, secretary.employeeNumber),
            { employeeNumber: hr.employeeNumber, role: "chair" },
          ],
        },
        hrActor(hr.id),
      ),
      "ต้องมีประธานกรรมการ 1 คน (ขณะนี้ 2 คน)",
    );
    const screening = await setCommittee(
      round.id,
      "screening",
      { appointingOrderRef: "คำสั่งที่ 10/2569", members: members(chair.employeeNumber, secretary.employeeNumber) },
      hrActor(hr.id),
    );

    // Member A declares a conflict in stepA's case: hidden from A, still visible to B.
    await declareRecusal(screening.id, { appraisalId: stepA!.id, reason: "เป็นญาติของผู้ถูกประเมิน" }, asMember(memberA.id));
    // The recusal is the member's conflict-of-interest case declaration too (issue 13).
    const recusalRecord = await db.committeeRecusal.findFirstOrThrow({
      where: { committeeId: screening.id, personId: memberA.id },
    });
    const declared = await db.conflictDeclaration.findUniqueOrThrow({
      where: { committeeRecusalId: recusalRecord.id },
    });
    expect([
      declared.personId,
      declared.kind,
      declared.caseType,
      declared.hasConflict,
      declared.conflictDetail,
    ]).toEqual([memberA.id, "case", "salary_committee", true, "เป็นญาติของผู้ถูกประเมิน"]);
    const aView = await committeeView(screening.id, { personId: memberA.id, roles: [] });
    expect(aView.cases.map((c) => c.id)).not.toContain(stepA!.id);
    expect(aView.hiddenCount).toBe(1);
    expect((await committeeView(screening.id, { personId: memberB.id, roles: [] })).cases.map((c) => c.id)).toContain(
      stepA!.id,
    );
    await expectRefusal(committeeView(screening.id, { personId: employees[0]!.id, roles: [] }), "เฉพาะกรรมการ");

    // A member cannot run the meeting record; the secretary can.
    await expectRefusal(
      openMeeting(
        screening.id,
        { heldAt: "2569-03-10".replace("2569", "2026"), quorumPercent: 50, agendaNote: "" },
        asMember(memberB.id),
      ),
      "เฉพาะประธานกรรมการหรือเลขานุการ",
    );
    const meeting = await openMeeting(
      screening.id,
      { heldAt: "2026-03-10", quorumPercent: 50, agendaNote: "" },
      asMember(secretary.id),
    );
    // 2 of 4 present is not more than half.
    await setAttendance(meeting.id, [chair.id, secretary.id], asMember(secretary.id));
    await expectRefusal(
      decideCase(meeting.id, { appraisalId: stepB!.id, outcome: "confirm", reason: "" }, asMember(secretary.id)),
      "ไม่ครบองค์ประชุม",
    );
    // 3 of 4 present: quorum for the meeting, but for stepA's case A is recused: 2 of 3 seats present still count.
    await setAttendance(meeting.id, [chair.id, secretary.id, memberA.id], asMember(secretary.id));
    await decideCase(meeting.id, { appraisalId: stepB!.id, outcome: "confirm", reason: "" }, asMember(secretary.id));
    await decideCase(
      meeting.id,
      { appraisalId: stepA!.id, outcome: "change", halfSteps: "2", reason: "ผลงานดีแต่ไม่ถึงระดับดีเด่นตามเกณฑ์" },
      asMember(secretary.id),
    );
    await expectRefusal(
      decideCase(
        meeting.id,
        { appraisalId: officer!.id, outcome: "change", halfSteps: "", percent: 3.5, reason: "x" },
        asMember(secretary.id),
      ),
      "เท่ากับข้อเสนอเดิม",
    );
    await expectRefusal(
      decideCase(
        meeting.id,
        { appraisalId: officer!.id, outcome: "change", percent: 2, reason: "" },
        asMember(secretary.id),
      ),
      "ต้องระบุเหตุผล",
    );
    await decideCase(meeting.id, { appraisalId: officer!.id, outcome: "confirm", reason: "" }, asMember(secretary.id));
    await expectRefusal(closeMeeting(meeting.id, "สั้นไป", asMember(memberA.id)), "เฉพาะประธานกรรมการหรือเลขานุการ");
    await closeMeeting(meeting.id, "ที่ประชุมพิจารณาผลการประเมินของผู้บังคับบัญชาครบทุกราย มีมติตามที่บันทึก", asMember(secretary.id));

    // A closed meeting is immutable, in the model and in the database itself.
    await expectRefusal(
      decideCase(
        meeting.id,
        { appraisalId: stepB!.id, outcome: "change", halfSteps: "1", reason: "แก้ไข" },
        asMember(secretary.id),
      ),
      "การประชุมนี้ปิดแล้ว",
    );
    await expect(
      db.caseDecision.updateMany({ where: { meetingId: meeting.id }, data: { amountBaht: 1 } }),
    ).rejects.toThrow();
    await expect(
      db.committeeMeeting.update({ where: { id: meeting.id }, data: { minutes: "เขียนใหม่" } }),
    ).rejects.toThrow();
    await expect(db.meetingAttendee.deleteMany({ where: { meetingId: meeting.id } })).rejects.toThrow();
    await expectRefusal(
      recordAppraisal(
        stepA!.id,
        { score: 99, baseSalaryBaht: 20_000, stepValueBaht: 6_000, halfSteps: "3", comment: "" },
        hrActor(hr.id),
      ),
      "คณะกรรมการพิจารณารายการนี้แล้ว",
    );

    // The salary-step committee's agenda is the screening results.
    const salary = await setCommittee(
      round.id,
      "salary",
      { appointingOrderRef: "คำสั่งที่ 11/2569", members: members(hr.employeeNumber, secretary.employeeNumber) },
      hrActor(hr.id),
    );
    await expectRefusal(publishRound(round.id, hrActor(hr.id), { confirmedCases: 3 }), "ยังมี 3 ราย");
    const decisionMeeting = await openMeeting(
      salary.id,
      { heldAt: "2026-03-20", quorumPercent: 50, agendaNote: "" },
      asMember(secretary.id),
    );
    const agendaView = await meetingView(decisionMeeting.id, { personId: secretary.id, roles: [] });
    expect(agendaView.cases.find((c) => c.id === stepA!.id)!.incoming).toMatchObject({
      halfSteps: 2,
      amountBaht: 6_000,
    });
    await setAttendance(decisionMeeting.id, [hr.id, secretary.id, memberA.id], asMember(secretary.id));
    for (const a of appraisals)
      await decideCase(
        decisionMeeting.id,
        { appraisalId: a.id, outcome: "confirm", reason: "" },
        asMember(secretary.id),
      );
    await closeMeeting(decisionMeeting.id, "ที่ประชุมมีมติเห็นชอบผลการกลั่นกรองทุกราย", asMember(secretary.id));

    // Staff see nothing of the result before publication.
    expect((await myResults(stepA!.personId))[0]!.result).toBeNull();
    await publishRound(round.id, hrActor(hr.id), { confirmedCases: 3 }, new Date("2026-03-25T03:00:00Z"));
    await expect(db.salaryRound.update({ where: { id: round.id }, data: { poolBaht: 1 } })).rejects.toThrow();
    await expect(db.salaryAppraisal.update({ where: { id: stepA!.id }, data: { score: 1 } })).rejects.toThrow();
    const mine = (await myResults(stepA!.personId, new Date("2026-03-26T03:00:00Z")))[0]!;
    expect(mine.result).toMatchObject({ halfSteps: 2, amountBaht: 6_000 });
    expect(mine.reasons.map((r) => r.reason)).toEqual(["ผลงานดีแต่ไม่ถึงระดับดีเด่นตามเกณฑ์"]);
    expect(mine.canAppeal).toBe(true);

    // Appeal: only one's own, within the period; a "changed" answer needs the committee's correction.
    await expectRefusal(
      fileAppeal(stepA!.id, "ขอให้ทบทวนผลการพิจารณา", asMember(employees[1]!.id), new Date("2026-03-26T03:00:00Z")),
      "เฉพาะผลการพิจารณาของตนเอง",
    );
    await expectRefusal(
      fileAppeal(stepA!.id, "ขอให้ทบทวนผลการพิจารณา", asMember(stepA!.personId), new Date("2026-05-01T03:00:00Z")),
      "พ้นกำหนดเวลาอุทธรณ์",
    );
    const appeal = await fileAppeal(
      stepA!.id,
      "ขอให้ทบทวนผลการพิจารณา เนื่องจากมีผลงานดีเด่นตามหลักฐาน",
      asMember(stepA!.personId),
      new Date("2026-03-26T03:00:00Z"),
    );
    await expectRefusal(
      answerAppeal(appeal.id, { outcome: "changed", answer: "แก้ไขเป็น 1.5 ขั้นตามมติ" }, hrActor(hr.id)),
      "ยังไม่มีมติแก้ไข",
    );
    const correction = await openMeeting(
      salary.id,
      { heldAt: "2026-04-05", quorumPercent: 50, agendaNote: "พิจารณาคำอุทธรณ์" },
      asMember(secretary.id),
    );
    await setAttendance(correction.id, [hr.id, secretary.id, memberA.id], asMember(secretary.id));
    await decideCase(
      correction.id,
      { appraisalId: stepA!.id, outcome: "change", halfSteps: "3", reason: "หลักฐานผลงานดีเด่นครบตามเกณฑ์" },
      asMember(secretary.id),
      new Date("2026-04-05T03:00:00Z"),
    );
    await closeMeeting(correction.id, "ที่ประชุมพิจารณาคำอุทธรณ์และมีมติแก้ไขผลการพิจารณา", asMember(secretary.id));
    await answerAppeal(
      appeal.id,
      { outcome: "changed", answer: "คณะกรรมการมีมติแก้ไขเป็น 1.5 ขั้น" },
      hrActor(hr.id),
      new Date("2026-04-06T03:00:00Z"),
    );
    await expect(db.salaryAppeal.update({ where: { id: appeal.id }, data: { answer: "x" } })).rejects.toThrow();

    const after = (await myResults(stepA!.personId, new Date("2026-04-07T03:00:00Z")))[0]!;
    expect(after.result).toMatchObject({ halfSteps: 3, amountBaht: 9_000, corrected: true });
    const decisions = await db.caseDecision.findMany({ where: { appraisalId: stepA!.id }, orderBy: { id: "asc" } });
    expect(decisions.at(-1)!.correctsId).toBe(decisions.at(-2)!.id); // the correction points at the old decision
    const overview = await roundOverview(round.id);
    expect(overview.stage).toBe("published");
    expect(overview.totals.decided).toBe(9_000 + 5_000 + 1_050);

    const actions = (
      await db.auditLog.findMany({
        where: {
          entityType: {
            in: [
              "SalaryRound",
              "SalaryAppraisal",
              "SalaryCommittee",
              "CommitteeMeeting",
              "CaseDecision",
              "SalaryAppeal",
            ],
          },
        },
      })
    ).map((a) => a.action);
    for (const action of [
      "salary_round.created",
      "salary_appraisal.recorded",
      "salary_committee.appointed",
      "salary_committee.recused",
      "salary_meeting.opened",
      "salary_meeting.closed",
      "salary_decision.recorded",
      "salary_decision.corrected",
      "salary_round.published",
      "salary_appeal.filed",
      "salary_appeal.answered",
    ]) {
      expect(actions).toContain(action);
    }
  });

  it("a member's own case is hidden from them and the secretary cannot record a case they are recused from", async () => {
    const { hr, chair, secretary, memberA, round } = await setUpRound(2569, "2");
    const officer = await createTestPerson({ personnelType: "municipal_officer" });
    // The officer joined after the round was created: not in scope, so use a member who is in scope instead.
    expect(await db.salaryAppraisal.findFirst({ where: { roundId: round.id, personId: officer.id } })).toBeNull();
    const inScope = await db.salaryAppraisal.findMany({ where: { roundId: round.id }, include: { person: true } });
    const memberInScope = inScope.find((a) => a.person.personnelType === "municipal_officer")!;
    for (const a of inScope) {
      await recordAppraisal(
        a.id,
        a.increaseType === "steps"
          ? { score: 70, baseSalaryBaht: 15_000, stepValueBaht: 0, halfSteps: "0", comment: "" }
          : { score: 70, baseSalaryBaht: 15_000, percent: 1, comment: "" },
        hrActor(hr.id),
      );
    }
    const screening = await setCommittee(
      round.id,
      "screening",
      {
        appointingOrderRef: "คำสั่งที่ 20/2569",
        members: [
          { employeeNumber: chair.employeeNumber, role: "chair" },
          { employeeNumber: memberA.employeeNumber, role: "member" },
          { employeeNumber: memberInScope.person.employeeNumber, role: "member" },
          { employeeNumber: secretary.employeeNumber, role: "secretary" },
        ],
      },
      hrActor(hr.id),
    );
    const view = await committeeView(screening.id, { personId: memberInScope.personId, roles: [] });
    expect(view.cases.map((c) => c.id)).not.toContain(memberInScope.id);
    const hrView = await committeeView(screening.id, { personId: hr.id, roles: ["hr"] });
    expect(hrView.cases.map((c) => c.id)).toContain(memberInScope.id);

    await declareRecusal(
      screening.id,
      { appraisalId: inScope[0]!.id, reason: "เป็นผู้ใต้บังคับบัญชาโดยตรง" },
      asMember(secretary.id),
    );
    await expectRefusal(
      declareRecusal(screening.id, { appraisalId: inScope[0]!.id, reason: "ซ้ำอีกครั้ง" }, asMember(secretary.id)),
      "แจ้งการมีส่วนได้เสียในรายการนี้ไว้แล้ว",
    );
    await expect(db.committeeRecusal.deleteMany({ where: { committeeId: screening.id } })).rejects.toThrow();
    const meeting = await openMeeting(
      screening.id,
      { heldAt: "2026-09-10", quorumPercent: 50, agendaNote: "" },
      asMember(secretary.id),
    );
    await setAttendance(
      meeting.id,
      [chair.id, secretary.id, memberA.id, memberInScope.personId],
      asMember(secretary.id),
    );
    await expectRefusal(
      decideCase(meeting.id, { appraisalId: inScope[0]!.id, outcome: "confirm", reason: "" }, asMember(secretary.id)),
      "ท่านมีส่วนได้เสียในรายการนี้",
    );
    await decideCase(meeting.id, { appraisalId: inScope[0]!.id, outcome: "confirm", reason: "" }, asMember(chair.id));
    await expectRefusal(
      openMeeting(screening.id, { heldAt: "2026-09-11", quorumPercent: 50, agendaNote: "" }, asMember(secretary.id)),
      "มีการประชุมที่ยังไม่ปิดอยู่",
    );
  });
});
