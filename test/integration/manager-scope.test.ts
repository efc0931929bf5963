import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";
import { createRoundConfirmed } from "../support/salary";

// Issue 16, finding 5 (decision 025): a manager appraises the people they supervise (their unit and the units
// below it), never themselves or their superiors, and cannot overwrite another supervisor's proposal.

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

async function person(
  divisionCode: string,
  firstName: string,
  position: string,
  roles: ("staff" | "manager" | "hr")[] = ["staff"],
) {
  const p = await createTestPerson({ divisionCode, roles, personnelType: "municipal_officer" });
  return db.person.update({ where: { id: p.id }, data: { firstName, position } });
}

describe("manager scope in a salary-step round", () => {
  it("shows a manager in งานพัสดุ only that unit's cases and refuses their director and another supervisor's proposal", async () => {
    const hr = await createTestPerson({
      roles: ["staff", "hr"],
      divisionCode: "personnel-management",
      personnelType: "executive",
    });
    const director = await person("finance", "สุดารัตน์ผอ", "ผู้อำนวยการกองคลัง", ["staff", "manager"]);
    const head = await person("finance-procurement", "หัวหน้าพัสดุ", "หัวหน้างานพัสดุ", ["staff", "manager"]);
    const clerkManager = await person("finance-procurement", "รักษาการพัสดุ", "นักวิชาการพัสดุ", ["staff", "manager"]);
    const officer = await person("finance-procurement", "เจ้าหน้าที่พัสดุ", "นักวิชาการพัสดุ");
    const officer2 = await person("finance-procurement", "พนักงานพัสดุ", "ผู้ช่วยเจ้าพนักงานพัสดุ");
    const revenue = await person("finance-revenue", "นักรายได้", "นักวิชาการจัดเก็บรายได้");
    const hrClient = app.client(await sessionCookieFor(hr.id));
    const headClient = app.client(await sessionCookieFor(head.id));
    const clerkClient = app.client(await sessionCookieFor(clerkManager.id));
    const directorClient = app.client(await sessionCookieFor(director.id));

    const { created } = await createRoundConfirmed(hrClient, {
      fiscalYear: "2570",
      half: "1",
      scopeTypes: ["municipal_officer"],
      stepTypes: [],
      stepCapHalfSteps: "3",
      percentCap: "6",
      poolBaht: "1000000",
      appealDays: "15",
    });
    expect(created.status).toBe(302);
    const roundId = Number(created.headers.get("location")!.split("/").pop());
    const caseOf = async (p: { id: number }) =>
      db.salaryAppraisal.findFirstOrThrow({ where: { roundId, personId: p.id } });
    // A case is listed when the page links to its appraisal form (the signed-in name also appears in the header).
    const lists = async (html: string, p: { id: number }) =>
      html.includes(`/salary/rounds/${roundId}/appraisals/${(await caseOf(p)).id}"`);

    // The head of งานพัสดุ sees the unit's people, not กองคลัง's other sections, not the director, not themselves.
    const page = await headClient.get(`/salary/rounds/${roundId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const p of [officer, officer2, clerkManager]) expect(await lists(html, p)).toBe(true);
    for (const p of [revenue, director, head]) expect(await lists(html, p)).toBe(false);
    expect(html).not.toContain(revenue.firstName);
    expect(html).not.toContain(director.firstName);
    // The director supervises the whole กองคลัง below her.
    const directorHtml = await (await directorClient.get(`/salary/rounds/${roundId}`)).text();
    for (const p of [officer, revenue, head]) expect(await lists(directorHtml, p)).toBe(true);
    expect(await lists(directorHtml, director)).toBe(false);

    const appraisal = { score: "85", baseSalaryBaht: "25000", percent: "3", comment: "" };
    const refusedWithoutChange = async (client: typeof headClient, target: { id: number }, message: string) => {
      const before = await caseOf(target);
      expect((await client.get(`/salary/rounds/${roundId}/appraisals/${before.id}`)).status).toBe(403);
      const response = await client.post(`/salary/rounds/${roundId}/appraisals/${before.id}`, appraisal);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain(message);
      expect(await caseOf(target)).toEqual(before);
    };
    // Never the director (a unit above), never another section of กองคลัง, never their own unit's head.
    await refusedWithoutChange(headClient, director, "ท่านไม่ใช่ผู้บังคับบัญชาของบุคลากรผู้นี้");
    await refusedWithoutChange(headClient, revenue, "ท่านไม่ใช่ผู้บังคับบัญชาของบุคลากรผู้นี้");
    await refusedWithoutChange(clerkClient, head, "ท่านไม่ใช่ผู้บังคับบัญชาของบุคลากรผู้นี้");
    await refusedWithoutChange(headClient, head, "ประเมินและเสนอเลื่อนขั้นของตนเองไม่ได้");
    const clerkHtml = await (await clerkClient.get(`/salary/rounds/${roundId}`)).text();
    expect(await lists(clerkHtml, officer)).toBe(true);
    expect(await lists(clerkHtml, head)).toBe(false);

    // The head records a proposal; the director (also a supervisor) cannot overwrite it; the head and HR can revise.
    const officerCase = await caseOf(officer);
    expect((await headClient.post(`/salary/rounds/${roundId}/appraisals/${officerCase.id}`, appraisal)).status).toBe(
      302,
    );
    const recorded = await caseOf(officer);
    expect(recorded.appraisedById).toBe(head.id);
    const overwrite = await directorClient.post(`/salary/rounds/${roundId}/appraisals/${officerCase.id}`, {
      ...appraisal,
      percent: "6",
      score: "99",
    });
    expect(overwrite.status).toBe(403);
    expect(await overwrite.text()).toContain("ผู้บังคับบัญชาท่านอื่นบันทึกข้อเสนอของบุคลากรผู้นี้แล้ว");
    expect(await caseOf(officer)).toEqual(recorded);
    const lockedPage = await (
      await directorClient.get(`/salary/rounds/${roundId}/appraisals/${officerCase.id}`)
    ).text();
    expect(lockedPage).toContain("แก้ไขได้เฉพาะผู้บันทึกหรือเจ้าหน้าที่งานบุคคล");
    expect(
      (await headClient.post(`/salary/rounds/${roundId}/appraisals/${officerCase.id}`, { ...appraisal, percent: "4" }))
        .status,
    ).toBe(302);
    expect(
      (await hrClient.post(`/salary/rounds/${roundId}/appraisals/${officerCase.id}`, { ...appraisal, percent: "5" }))
        .status,
    ).toBe(302);
    expect((await caseOf(officer)).proposedBasisPoints).toBe(500);
  });

  it("scopes /unit to the manager's own unit and below", async () => {
    const head = await person("finance-procurement", "หัวหน้าหน่วย", "หัวหน้างานพัสดุ", ["staff", "manager"]);
    const mine = await person("finance-procurement", "คนในหน่วย", "นักวิชาการพัสดุ");
    const sibling = await person("finance-revenue", "คนฝ่ายอื่น", "นักวิชาการจัดเก็บรายได้");
    const page = await (await app.client(await sessionCookieFor(head.id)).get("/unit")).text();
    expect(page).toContain("บุคลากรในงานพัสดุ");
    expect(page).toContain(mine.employeeNumber);
    expect(page).not.toContain(sibling.employeeNumber);
  });
});
