import { describe, expect, it } from "vitest";
import {
  appealDeadlineAfter,
  appealOpen,
  capViolation,
  caseHasQuorum,
  committeeCompositionProblem,
  hasQuorum,
  increaseAmountBaht,
  poolViolation,
  roundEffectiveDate,
  roundStage,
} from "~/domain/salary-review";

const limits = { stepCapHalfSteps: 3, percentCapBasisPoints: 600, poolBaht: 10_000 };

describe("salary-step rules", () => {
  it("rounds a percentage increase up to the next 10 baht and prices steps from the salary table", () => {
    expect(
      increaseAmountBaht({
        increaseType: "percent",
        baseSalaryBaht: 30_000,
        stepValueBaht: null,
        halfSteps: null,
        basisPoints: 350,
      }),
    ).toBe(1_050);
    expect(
      increaseAmountBaht({
        increaseType: "percent",
        baseSalaryBaht: 15_123,
        stepValueBaht: null,
        halfSteps: null,
        basisPoints: 300,
      }),
    ).toBe(460); // 453.69 → 460
    expect(
      increaseAmountBaht({
        increaseType: "percent",
        baseSalaryBaht: 10_000,
        stepValueBaht: null,
        halfSteps: null,
        basisPoints: 0,
      }),
    ).toBe(0);
    expect(
      increaseAmountBaht({
        increaseType: "steps",
        baseSalaryBaht: 20_000,
        stepValueBaht: 601,
        halfSteps: 1,
        basisPoints: null,
      }),
    ).toBe(301);
    expect(
      increaseAmountBaht({
        increaseType: "steps",
        baseSalaryBaht: 20_000,
        stepValueBaht: 600,
        halfSteps: 3,
        basisPoints: null,
      }),
    ).toBe(900);
  });

  it("refuses a proposal over the per-person cap with the figures, and accepts the cap itself", () => {
    expect(capViolation({ increaseType: "steps", halfSteps: 3, basisPoints: null }, limits)).toBeNull();
    expect(capViolation({ increaseType: "steps", halfSteps: 4, basisPoints: null }, limits)).toBe(
      "เสนอ 2 ขั้น เกินเพดานต่อคน 1.5 ขั้น",
    );
    expect(capViolation({ increaseType: "percent", halfSteps: null, basisPoints: 600 }, limits)).toBeNull();
    expect(capViolation({ increaseType: "percent", halfSteps: null, basisPoints: 601 }, limits)).toBe(
      "เสนอร้อยละ 6.01 เกินเพดานต่อคนร้อยละ 6.00",
    );
    expect(capViolation({ increaseType: "percent", halfSteps: null, basisPoints: -1 }, limits)).toContain("ติดลบ");
  });

  it("keeps the round within its pool: equal is fine, one baht over is not", () => {
    expect(poolViolation(10_000, 10_000)).toBeNull();
    expect(poolViolation(10_001, 10_000)).toBe("รวมทั้งรอบเป็น 10,001 บาท เกินวงเงินของรอบ 10,000 บาท (เกิน 1 บาท)");
  });

  it("needs more than half the members for quorum, configurable", () => {
    expect(hasQuorum(2, 4, 50)).toBe(false);
    expect(hasQuorum(3, 4, 50)).toBe(true);
    expect(hasQuorum(3, 5, 50)).toBe(true);
    expect(hasQuorum(3, 5, 60)).toBe(false); // 60% exactly is not "more than"
    expect(hasQuorum(0, 0, 50)).toBe(false);
  });

  it("leaves recused members out of a case's quorum, both as seats and as present", () => {
    const members = [1, 2, 3, 4, 5];
    expect(caseHasQuorum({ presentIds: [1, 2, 3], memberIds: members, recusedIds: [], quorumPercent: 50 })).toBe(true);
    expect(caseHasQuorum({ presentIds: [1, 2, 3], memberIds: members, recusedIds: [3], quorumPercent: 50 })).toBe(
      false,
    ); // 2 of 4
    expect(caseHasQuorum({ presentIds: [1, 2, 3], memberIds: members, recusedIds: [4, 5], quorumPercent: 50 })).toBe(
      true,
    ); // 3 of 3
    expect(caseHasQuorum({ presentIds: [1, 2, 9], memberIds: members, recusedIds: [], quorumPercent: 50 })).toBe(false); // 9 is no member
  });

  it("wants exactly one chair and one secretary", () => {
    expect(committeeCompositionProblem(["chair", "member", "secretary"])).toBeNull();
    expect(committeeCompositionProblem(["member", "member", "secretary"])).toContain("ประธานกรรมการ 1 คน (ขณะนี้ 0 คน)");
    expect(committeeCompositionProblem(["chair", "secretary", "secretary"])).toContain("เลขานุการ 1 คน (ขณะนี้ 2 คน)");
  });

  it("dates rounds on 1 April and 1 October and closes appeals after the last day, Bangkok time", () => {
    expect(roundEffectiveDate(2569, 1).toISOString()).toBe("2026-03-31T17:00:00.000Z");
    expect(roundEffectiveDate(2569, 2).toISOString()).toBe("2026-09-30T17:00:00.000Z");
    const published = new Date("2026-03-25T10:00:00+07:00");
    const deadline = appealDeadlineAfter(published, 15);
    expect(deadline.toISOString()).toBe("2026-04-09T17:00:00.000Z"); // end of 9 April Bangkok time
    expect(
      appealOpen({ publishedAt: published, appealDeadline: deadline }, new Date("2026-04-09T23:59:00+07:00")),
    ).toBe(true);
    expect(
      appealOpen({ publishedAt: published, appealDeadline: deadline }, new Date("2026-04-10T00:00:00+07:00")),
    ).toBe(false);
    expect(appealOpen({ publishedAt: null, appealDeadline: null }, published)).toBe(false);
  });

  it("tells where a round stands", () => {
    expect(roundStage({ published: false, cases: 3, appraised: 2, screened: 0, decided: 0 })).toBe("appraisal");
    expect(roundStage({ published: false, cases: 3, appraised: 3, screened: 1, decided: 0 })).toBe("screening");
    expect(roundStage({ published: false, cases: 3, appraised: 3, screened: 3, decided: 2 })).toBe("deciding");
    expect(roundStage({ published: false, cases: 3, appraised: 3, screened: 3, decided: 3 })).toBe("ready");
    expect(roundStage({ published: true, cases: 3, appraised: 3, screened: 3, decided: 3 })).toBe("published");
  });
});
