import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { computeIndicators } from "~/models/plan/indicators.server";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const announcement = {
  title: "ประกาศ เรื่อง นโยบายไม่รับของขวัญ (No Gift Policy)",
  body: "บุคลากรทุกคนจะไม่รับของขวัญหรือประโยชน์อื่นใดจากการปฏิบัติหน้าที่",
  targetGroupCode: "all-personnel",
  planItemNumber: "16",
};

describe("policy documents and the No Gift attestation (item 16)", () => {
  it("HR publishes, readers acknowledge once, outsiders cannot, and the indicator counts it", async () => {
    const hrPerson = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
    const hr = app.client(await sessionCookieFor(hrPerson.id));
    const staff = await createTestPerson();
    const teacher = await createTestPerson({ personnelType: "teacher", divisionCode: "school-1" });
    const staffClient = app.client(await sessionCookieFor(staff.id));

    expect((await staffClient.post("/policies/new", announcement)).status).toBe(403);
    const bad = await hr.post("/policies/new", { ...announcement, title: "" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("กรุณากรอกชื่อเอกสาร");
    const published = await hr.post("/policies/new", announcement);
    expect(published.status).toBe(302);
    const id = Number(published.headers.get("location")!.split("/").pop());

    // Since issue 13 the acknowledgement is item 16's second measure, beside the yearly declaration (decision 029).
    const before = (await computeIndicators(fiscalYearOf(new Date()), { itemNumber: 16 })).find(
      (r) => r.kind === "attestation",
    )!.secondary!;
    expect([before.numerator, before.denominator, before.status]).toEqual([0, 2, "in_progress"]);
    const home = await (await staffClient.get("/")).text();
    expect(home).toContain("อ่านและรับทราบ: ประกาศ เรื่อง นโยบายไม่รับของขวัญ");
    expect((await staffClient.post(`/policies/${id}`, {})).status).toBe(200);
    const again = await staffClient.post(`/policies/${id}`, {});
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("ท่านรับทราบเอกสารนี้แล้ว");
    // Teachers are outside this document's group.
    const teacherClient = app.client(await sessionCookieFor(teacher.id));
    expect((await teacherClient.get(`/policies/${id}`)).status).toBe(404);
    expect((await teacherClient.post(`/policies/${id}`, {})).status).toBe(403);
    expect(await db.policyAcknowledgement.count({ where: { documentId: id } })).toBe(1);

    const hrPage = await (await hr.get(`/policies/${id}`)).text();
    expect(hrPage).toContain("การรับทราบ: 1/2 คน");
    expect(hrPage).toContain(hrPerson.employeeNumber); // HR has not acknowledged yet

    const results = await computeIndicators(fiscalYearOf(new Date()), { itemNumber: 16 });
    const attestation = results.find((r) => r.kind === "attestation")!.secondary!;
    expect([attestation.numerator, attestation.denominator, attestation.status]).toEqual([1, 2, "in_progress"]);
    expect(results.find((r) => r.instrument === "announcement")!.status).toBe("met");

    await hr.post(`/policies/${id}`, {});
    const after = (await computeIndicators(fiscalYearOf(new Date()), { itemNumber: 16 })).find(
      (r) => r.kind === "attestation",
    )!.secondary!;
    expect([after.numerator, after.denominator, after.value, after.status]).toEqual([2, 2, 100, "met"]);

    await expect(db.policyDocument.update({ where: { id }, data: { body: "แก้ไขหลังประกาศ" } })).rejects.toThrow();
    const actions = (await db.auditLog.findMany({ where: { entityType: "PolicyDocument", entityId: String(id) } })).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual(["policy.acknowledged", "policy.acknowledged", "policy.published"]);
  });
});
