import { describe, expect, it } from "vitest";
import { Refusal } from "~/domain/refusal";
import { createRound, previewRound } from "~/models/salary/rounds.server";
import { db } from "~/utils/db.server";
import { createTestPerson } from "../support/factories";

// Issue 12 item 2: creating a round changes many people's records, so it happens only as confirmed with the count.
const hrActor = (personId: number) => ({ personId, ip: null, roles: ["staff", "hr"] as const });

async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

const counts = async () => ({
  rounds: await db.salaryRound.count(),
  appraisals: await db.salaryAppraisal.count(),
  audits: await db.auditLog.count({ where: { action: "salary_round.created" } }),
});

describe("salary round creation is confirmed with the count", () => {
  it("creates nothing without the confirmation step or with a changed count, and creates as confirmed", async () => {
    const hr = await createTestPerson({
      roles: ["staff", "hr"],
      divisionCode: "personnel-management",
      personnelType: "executive",
    });
    await createTestPerson({ personnelType: "permanent_employee" });
    await createTestPerson({ personnelType: "permanent_employee" });
    const input = {
      fiscalYear: 2571,
      half: "1",
      scopeTypes: ["permanent_employee"],
      stepTypes: ["permanent_employee"],
      scopeDivisionIds: [],
      stepCapHalfSteps: "3",
      percentCap: 6,
      poolBaht: 50_000,
      appealDays: 15,
    } as const;
    const fresh = () => ({
      ...input,
      scopeTypes: [...input.scopeTypes],
      stepTypes: [...input.stepTypes],
      scopeDivisionIds: [],
    });
    const before = await counts();

    const preview = await previewRound(fresh(), hrActor(hr.id));
    expect(preview.people).toBeGreaterThanOrEqual(2);
    expect(preview.fiscalYear).toBe(2571);
    expect(await counts()).toEqual(before); // the confirmation step writes nothing

    // Straight to "create" without having seen the count: refused, nothing written.
    const unconfirmed = await refusalOf(createRound(fresh(), hrActor(hr.id), { confirmedPeople: null }));
    expect(unconfirmed.message).toBe("กรุณาตรวจสอบจำนวนบุคลากรและยืนยันก่อนสร้างรอบ");
    expect(await counts()).toEqual(before);

    // Someone joins the scope after HR saw the count: refused with both figures, nothing written.
    await createTestPerson({ personnelType: "permanent_employee" });
    const changed = await refusalOf(createRound(fresh(), hrActor(hr.id), { confirmedPeople: preview.people }));
    expect(changed.message).toContain(`จำนวนบุคลากรในรอบเปลี่ยนจาก ${preview.people} เป็น ${preview.people + 1} คน`);
    expect(await counts()).toEqual(before);

    // Confirmed with the current count: one round, one appraisal per person, one audit record.
    const again = await previewRound(fresh(), hrActor(hr.id));
    const round = await createRound(fresh(), hrActor(hr.id), { confirmedPeople: again.people });
    expect(await counts()).toEqual({
      rounds: before.rounds + 1,
      appraisals: before.appraisals + again.people,
      audits: before.audits + 1,
    });
    expect(await db.salaryAppraisal.count({ where: { roundId: round.id } })).toBe(again.people);
  });
});
