import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";
import { createRoundConfirmed } from "../support/salary";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

describe("salary-step pages: who may see and do what", () => {
  it("keeps every boundary on the server: HR, managers, committee members, recusals and staff", async () => {
    const hr = await createTestPerson({
      roles: ["staff", "hr"],
      divisionCode: "personnel-management",
      personnelType: "executive",
    });
    const manager = await createTestPerson({
      roles: ["staff", "manager"],
      divisionCode: "finance-procurement",
      personnelType: "executive",
    });
    const mine = await createTestPerson({ divisionCode: "finance-procurement" });
    const elsewhere = await createTestPerson({ divisionCode: "personnel-management" });
    const chair = await createTestPerson({ personnelType: "executive" });
    const secretary = await createTestPerson({ personnelType: "executive", divisionCode: "personnel-management" });
    const member = await createTestPerson({ personnelType: "executive" });
    const hrClient = app.client(await sessionCookieFor(hr.id));
    const staffClient = app.client(await sessionCookieFor(mine.id));
    const managerClient = app.client(await sessionCookieFor(manager.id));
    const memberClient = app.client(await sessionCookieFor(member.id));
    const outsiderClient = app.client(await sessionCookieFor(elsewhere.id));

    // Creating a round: HR only; bad input answers in Thai and creates nothing.
    const roundForm = {
      fiscalYear: "2570",
      half: "1",
      scopeTypes: ["municipal_officer"],
      stepTypes: [],
      stepCapHalfSteps: "3",
      percentCap: "6",
      poolBaht: "100000",
      appealDays: "15",
    };
    expect((await staffClient.get("/salary/rounds/new")).status).toBe(403);
    expect((await staffClient.post("/salary/rounds/new", roundForm)).status).toBe(403);
    const bad = await hrClient.post("/salary/rounds/new", { ...roundForm, scopeTypes: [], poolBaht: "abc" });
    expect(bad.status).toBe(400);
    const badText = await bad.text();
    expect(badText).toContain("กรุณาเลือกประเภทบุคลากรที่อยู่ในรอบนี้อย่างน้อย 1 ประเภท");
    expect(badText).toContain("กรุณากรอกวงเงินเป็นจำนวนเต็มบาท");
    expect(await db.salaryRound.count()).toBe(0);
    const { created } = await createRoundConfirmed(hrClient, roundForm);
    expect(created.status).toBe(302);
    const roundId = Number(created.headers.get("location")!.split("/").pop());
    const duplicate = await hrClient.post("/salary/rounds/new", {
      ...roundForm,
      intent: "create",
      confirmedPeople: "1",
    });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain("มีรอบการเลื่อนขั้นเงินเดือน ครั้งที่ 1 ของปีงบประมาณ 2570 อยู่แล้ว");

    const myCase = await db.salaryAppraisal.findFirstOrThrow({ where: { roundId, personId: mine.id } });
    const otherCase = await db.salaryAppraisal.findFirstOrThrow({ where: { roundId, personId: elsewhere.id } });

    // Staff cannot open the round; a manager sees only their own unit's cases and appraises only those.
    expect((await staffClient.get(`/salary/rounds/${roundId}`)).status).toBe(403);
    const managerView = await (await managerClient.get(`/salary/rounds/${roundId}`)).text();
    expect(managerView).toContain(mine.firstName);
    expect(managerView).not.toContain(elsewhere.firstName);
    const appraisal = { score: "85", baseSalaryBaht: "25000", percent: "3", comment: "" };
    expect((await managerClient.post(`/salary/rounds/${roundId}/appraisals/${otherCase.id}`, appraisal)).status).toBe(
      403,
    );
    expect((await managerClient.post(`/salary/rounds/${roundId}/appraisals/${myCase.id}`, appraisal)).status).toBe(302);
    const overCap = await managerClient.post(`/salary/rounds/${roundId}/appraisals/${myCase.id}`, {
      ...appraisal,
      percent: "7",
    });
    expect(overCap.status).toBe(400);
    expect(await overCap.text()).toContain("เสนอร้อยละ 7.00 เกินเพดานต่อคนร้อยละ 6.00");
    expect((await db.salaryAppraisal.findUniqueOrThrow({ where: { id: myCase.id } })).proposedBasisPoints).toBe(300);
    expect((await staffClient.post(`/salary/rounds/${roundId}/appraisals/${myCase.id}`, appraisal)).status).toBe(403);

    // Committees: HR appoints; only members (and HR) see the committee; a recusal hides the case from that member.
    const committeeForm = {
      appointingOrderRef: "คำสั่งที่ 50/2570",
      "members.0.employeeNumber": chair.employeeNumber,
      "members.0.role": "chair",
      "members.1.employeeNumber": member.employeeNumber,
      "members.1.role": "member",
      "members.2.employeeNumber": secretary.employeeNumber,
      "members.2.role": "secretary",
    };
    expect((await staffClient.post(`/salary/rounds/${roundId}/committees/screening`, committeeForm)).status).toBe(403);
    const noSecretary = await hrClient.post(`/salary/rounds/${roundId}/committees/screening`, {
      ...committeeForm,
      "members.2.role": "member",
    });
    expect(noSecretary.status).toBe(400);
    expect(await noSecretary.text()).toContain("ต้องมีกรรมการและเลขานุการ 1 คน (ขณะนี้ 0 คน)");
    const appointed = await hrClient.post(`/salary/rounds/${roundId}/committees/screening`, committeeForm);
    expect(appointed.status).toBe(302);
    const committeePath = appointed.headers.get("location")!;
    expect((await outsiderClient.get(committeePath)).status).toBe(403);
    expect(await (await memberClient.get(committeePath)).text()).toContain(mine.firstName);
    const recused = await memberClient.post(committeePath, {
      intent: "recuse",
      appraisalId: String(myCase.id),
      reason: "เป็นญาติใกล้ชิด",
    });
    expect(recused.status).toBe(200);
    const afterRecusal = await (await memberClient.get(committeePath)).text();
    const casesSection = afterRecusal.slice(
      afterRecusal.indexOf('id="cases"'),
      afterRecusal.indexOf("</section>", afterRecusal.indexOf('id="cases"')),
    );
    expect(casesSection).toContain(elsewhere.firstName);
    expect(casesSection).not.toContain(`${mine.firstName} `);
    expect(afterRecusal).toContain("ไม่แสดง 1 รายการที่ท่านมีส่วนได้เสีย");
    // A plain member cannot open a meeting.
    const memberOpens = await memberClient.post(committeePath, {
      intent: "open-meeting",
      heldAt: "2027-03-01",
      quorumPercent: "50",
      agendaNote: "",
    });
    expect(memberOpens.status).toBe(403);
    expect(await db.committeeMeeting.count()).toBe(0);

    // A person sees only their own result page; before publication it says so.
    expect((await outsiderClient.get(`/salary/results/${myCase.id}`)).status).toBe(404);
    expect(await (await staffClient.get(`/salary/results/${myCase.id}`)).text()).toContain("ยังไม่ประกาศผลของรอบนี้");
    expect((await staffClient.post(`/salary/results/${myCase.id}`, { reason: "ขออุทธรณ์ผลการพิจารณา" })).status).toBe(409);

    // Reports: HR only.
    expect((await staffClient.get(`/salary/rounds/${roundId}/report.csv`)).status).toBe(403);
    const csv = await hrClient.get(`/salary/rounds/${roundId}/report.csv`);
    expect(csv.status).toBe(200);
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));

    const audit = await db.auditLog.findMany({ where: { action: { startsWith: "salary_" } } });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "salary_appraisal.recorded",
      "salary_committee.appointed",
      "salary_committee.recused",
      "salary_round.created",
    ]);
  });
});
