import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isOverdue as complaintOverdue } from "~/domain/complaints";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { fullName } from "~/domain/personnel";
import { appraisalWaiting, measureOverdue } from "~/domain/home";
import { complaintRules } from "~/content/complaint-rules.server";
import { allDivisions } from "~/models/people/organization.server";
import {
  myDraftCount,
  myDrafts,
  ordersToAcknowledge,
  ordersToSign,
  ordersWaitingCounts,
} from "~/models/orders/order-queries.server";
import { toOrderRow } from "~/models/orders/order-rows.server";
import { countActiveByPersonnelType } from "~/models/people/people-queries.server";
import {
  appraisalsWaiting,
  complaintsOverdue,
  registerOversight,
  riskMeasuresOverdue,
} from "~/models/home/scope-work.server";
import { db } from "~/utils/db.server";
import { createTestPerson } from "../support/factories";
import { createPublishedRound } from "../support/salary";

// Decision 062 moved the home page's counts from Prisma filters to SQL on the direct path. Each count here is checked
// against the numbers the data was built to give and against the Prisma filter it replaced (the oracle), on rows made
// to sit on each side of every condition.

const now = new Date();
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const fiscalYear = fiscalYearOf(now);

describe("the home page's counts read on the direct path (decision 062)", () => {
  it("counts orders to sign, to acknowledge and drafts as the lists show them", async () => {
    const me = await createTestPerson();
    const other = await createTestPerson();
    const division = (await db.division.findFirstOrThrow()).id;
    const order = (over: Record<string, unknown>) =>
      db.delegationOrder.create({
        data: {
          status: "draft",
          title: `คำสั่งทดสอบ ${randomBytes(3).toString("hex")}`,
          body: "มอบอำนาจ",
          issuingDivisionId: division,
          delegatorId: other.id,
          authorId: other.id,
          effectiveFrom: days(-30),
          ...over,
        },
      });
    const circulated = { status: "circulated", circulatedAt: days(-5), signedAt: days(-6) };
    const ack = async (o: { id: number }, acknowledgedAt: Date | null) =>
      db.delegationAcknowledgement.create({ data: { orderId: o.id, personId: me.id, acknowledgedAt } });

    const first = await order({ status: "submitted", delegatorId: me.id, submittedAt: days(-2) }); // to sign
    await db.delegationDelegate.create({ data: { orderId: first.id, position: 1, personId: other.id } });
    await db.delegationDelegate.create({ data: { orderId: first.id, position: 2, positionTitle: "ผู้อำนวยการกองคลัง" } });
    await order({ status: "submitted", delegatorId: me.id, submittedAt: days(-1) }); // to sign
    await order({ status: "draft", delegatorId: me.id }); // not yet sent: not to sign
    await ack(await order({ ...circulated }), null); // to acknowledge
    await ack(await order({ ...circulated, effectiveUntil: days(10) }), null); // to acknowledge: still in force
    await ack(await order({ ...circulated, effectiveUntil: days(-1) }), null); // ended
    await ack(await order({ ...circulated }), days(-1)); // acknowledged
    await ack(await order({ ...circulated, authorId: me.id }), null); // their own
    await ack(await order({ status: "revoked", circulatedAt: days(-5), signedAt: days(-6) }), null); // revoked
    await order({ ...circulated }); // not addressed to them
    await order({ status: "draft", authorId: me.id }); // a draft
    await order({ status: "submitted", authorId: me.id, submittedAt: days(-1) }); // a draft sent to be signed
    await order({ status: "signed", authorId: me.id, signedAt: days(-1) }); // no longer a draft

    expect(await ordersWaitingCounts(me.id, now)).toEqual({ toSign: 2, toAcknowledge: 2 });
    expect(await myDraftCount(me.id)).toBe(2);
    const toSign = await ordersToSign(me.id);
    expect(toSign.map((o) => o.submittedAt!.getTime())).toEqual([days(-2).getTime(), days(-1).getTime()]);
    // The list's row names the unit, the delegator and the delegates (a person, or the holder of a position).
    const divisionName = (await db.division.findUniqueOrThrow({ where: { id: division } })).name;
    expect(toOrderRow(toSign[0]!, now)).toMatchObject({
      divisionName,
      delegatorName: fullName(me),
      delegates: `${fullName(other)}, ผู้ดำรงตำแหน่งผู้อำนวยการกองคลัง`,
      status: "submitted",
    });
    expect(toOrderRow(toSign[1]!, now).delegates).toBe("");
    expect((await ordersToAcknowledge(me.id, now)).map((o) => o.effectiveUntil?.getTime() ?? null)).toEqual(
      expect.arrayContaining([null, days(10).getTime()]),
    );
    expect((await myDrafts(me.id)).map((o) => o.status).sort()).toEqual(["draft", "submitted"]);

    // The Prisma filters these replaced give the same numbers.
    const oracleToAcknowledge = await db.delegationOrder.count({
      where: {
        recipients: { some: { personId: me.id, acknowledgedAt: null } },
        status: "circulated",
        circulatedAt: { not: null },
        delegatorId: { not: me.id },
        authorId: { not: me.id },
        OR: [{ effectiveUntil: null }, { effectiveUntil: { gt: now } }],
      },
    });
    expect(oracleToAcknowledge).toBe(2);
    // Someone with nothing waiting reads zeros and empty lists.
    const nobody = await createTestPerson();
    expect(await ordersWaitingCounts(nobody.id, now)).toEqual({ toSign: 0, toAcknowledge: 0 });
    expect(await ordersToSign(nobody.id)).toEqual([]);
  });

  it("counts overdue risk measures, overdue complaints, waiting appraisals and head counts as the filters they replaced", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"] });
    const units = await allDivisions();
    const unit = units.find((u) => u.parentId == null)!;
    const risk = (over: Record<string, unknown> = {}) =>
      db.risk.create({
        data: {
          fiscalYear,
          unitName: "หน่วยทดสอบ",
          processStep: "จัดซื้อ",
          event: "เหตุทดสอบ",
          type: "procurement",
          existingControls: "-",
          createdAt: now,
          ...over,
        },
      });
    const measure = (riskId: number, dueDate: Date | null, followUps: string[] = []) =>
      db.riskMeasure.create({
        data: {
          riskId,
          description: "มาตรการ",
          owner: "หัวหน้าหน่วย",
          createdAt: now,
          dueDate,
          followUps: {
            create: followUps.map((status, i) => ({
              period: i ? "annual" : "h1",
              status,
              recordedAt: now,
              recordedById: hr.id,
            })),
          },
        },
      });
    const before = await riskMeasuresOverdue("municipality", null, fiscalYear, now);
    const unitBefore = await riskMeasuresOverdue("unit", unit.id, fiscalYear, now);
    const mine = await risk({ divisionId: unit.id });
    await measure(mine.id, days(-3)); // overdue
    await measure(mine.id, days(-3), ["in_progress", "not_started"]); // overdue: nothing done
    await measure(mine.id, days(-3), ["in_progress", "done"]); // done
    await measure(mine.id, days(3)); // not due
    await measure(mine.id, null); // no due date
    await measure((await risk({ gap: true })).id, days(-3)); // a gap row
    await measure((await risk({ fiscalYear: fiscalYear - 1 })).id, days(-3)); // another year
    await measure((await risk()).id, days(-3)); // the whole municipality's: overdue, not the unit's
    expect(await riskMeasuresOverdue("municipality", null, fiscalYear, now)).toBe(before + 3);
    expect(await riskMeasuresOverdue("unit", unit.id, fiscalYear, now)).toBe(unitBefore + 2);
    expect(await riskMeasuresOverdue("self", null, fiscalYear, now)).toBe(0);
    const oracleMeasures = await db.riskMeasure.findMany({
      where: { dueDate: { lt: now }, risk: { fiscalYear, gap: false } },
      select: { dueDate: true, followUps: { select: { status: true } } },
    });
    expect(
      oracleMeasures.filter((m) =>
        measureOverdue({ dueDate: m.dueDate, followUpStatuses: m.followUps.map((f) => f.status) }, now),
      ).length,
    ).toBe(before + 3);

    const officer = { personId: hr.id, roles: ["staff", "integrity"] as const, ip: null };
    const complaint = (receivedAt: Date, over: Record<string, unknown> = {}) =>
      db.complaint.create({
        data: {
          receiptHash: randomBytes(16).toString("hex"),
          receivedAt,
          fiscalYear,
          subject: "เรื่องทดสอบ",
          details: "รายละเอียด",
          ...over,
        },
      });
    await complaint(days(-60)); // not acknowledged for sixty days
    await complaint(days(-60), { status: "closed", closedAt: days(-1) });
    await complaint(now); // just received
    const open = await db.complaint.findMany({ where: { status: { not: "closed" } } });
    const oracleComplaints = open.filter((c) => complaintOverdue(c, complaintRules(), now)).length;
    expect(oracleComplaints).toBeGreaterThan(0);
    expect(await complaintsOverdue({ ...officer, roles: [...officer.roles] }, now)).toBe(oracleComplaints);
    expect(await complaintsOverdue({ personId: hr.id, roles: ["staff"], ip: null }, now)).toBeNull();

    const hrMe = { personId: hr.id, divisionId: hr.divisionId, position: hr.position, roles: ["staff", "hr"] };
    const waitingBefore = await appraisalsWaiting("municipality", hrMe, units);
    const appraised = await createTestPerson();
    const people = [await createTestPerson(), await createTestPerson(), appraised];
    const round = await createPublishedRound({ people, surveyClosesAt: null, publishedAt: null });
    await createPublishedRound({ people, surveyClosesAt: null }); // published: nothing waits
    await db.salaryAppraisal.updateMany({
      where: { roundId: round.id, personId: appraised.id },
      data: { appraisedAt: now },
    });
    const waiting = await appraisalsWaiting("municipality", hrMe, units);
    expect(waiting.find((r) => r.roundId === round.id)).toEqual({
      roundId: round.id,
      roundTitle: round.title,
      waiting: 2,
    });
    expect(waiting.filter((r) => r.roundId !== round.id)).toEqual(waitingBefore);
    const oracleWaiting = (
      await db.salaryAppraisal.findMany({ where: { roundId: round.id }, include: { round: true } })
    ).filter((a) => appraisalWaiting({ appraisedAt: a.appraisedAt, roundPublishedAt: a.round.publishedAt })).length;
    expect(oracleWaiting).toBe(2);

    const declarationsBefore = (await registerOversight("municipality", now))!.declarationsUnreviewed;
    expect(declarationsBefore).toBe(await db.conflictDeclaration.count({ where: { reviewedAt: null } }));
    expect(await registerOversight("unit", now)).toBeNull();

    const counted = async (divisionIds?: number[]) =>
      Object.fromEntries((await countActiveByPersonnelType(divisionIds, now)).map((r) => [r.personnelType, r.count]));
    const division = (await db.division.findUniqueOrThrow({ where: { code: "social-welfare" } })).id;
    const headsBefore = await counted([division]);
    await createTestPerson({ divisionCode: "social-welfare", personnelType: "contract_employee" });
    const left = await createTestPerson({ divisionCode: "social-welfare", personnelType: "contract_employee" });
    await db.person.update({ where: { id: left.id }, data: { activeUntil: days(-1) } });
    const deactivated = await createTestPerson({ divisionCode: "social-welfare" });
    await db.person.update({ where: { id: deactivated.id }, data: { deactivatedAt: now } });
    const heads = await counted([division]);
    expect(heads.contract_employee).toBe((headsBefore.contract_employee ?? 0) + 1);
    expect(heads.municipal_officer ?? 0).toBe(headsBefore.municipal_officer ?? 0);
    expect(await counted([])).toEqual({});
    const everyone = await counted();
    const oracle = await db.person.groupBy({
      by: ["personnelType"],
      where: {
        deactivatedAt: null,
        activeFrom: { lte: now },
        OR: [{ activeUntil: null }, { activeUntil: { gt: now } }],
      },
      _count: { _all: true },
    });
    expect(everyone).toEqual(Object.fromEntries(oracle.map((r) => [r.personnelType, r._count._all])));
  });
});
