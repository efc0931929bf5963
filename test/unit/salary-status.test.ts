import { describe, expect, it } from "vitest";
import { appealDeadlineAfter } from "~/domain/salary-review";
import { salaryStatus, supervisorStatusLabel, type SalaryStatusInput } from "~/domain/salary-status";

// Decision 045: one status per person and round. Published 16 Nov 2569 10:00 Bangkok, 30 days to appeal:
// the last day is 16 Dec 2569 (Bangkok), the deadline the midnight after it, 2026-12-16T17:00Z.
const publishedAt = new Date("2026-11-16T03:00:00Z");
const appealDeadline = appealDeadlineAfter(publishedAt, 30);
const during = new Date("2026-11-20T03:00:00Z");

function input(over: Partial<SalaryStatusInput> = {}): SalaryStatusInput {
  return {
    round: { publishedAt, appealDeadline },
    increaseType: "steps",
    score: 88,
    comment: null,
    proposed: { halfSteps: 2, basisPoints: null },
    screened: { halfSteps: 2, basisPoints: null, amountBaht: 1_640, reason: null },
    decided: { halfSteps: 2, basisPoints: null, amountBaht: 1_640, reason: null },
    appeals: [],
    ...over,
  };
}

describe("salaryStatus (decision 045)", () => {
  it("says not announced before publication, with no result and no appeal", () => {
    const s = salaryStatus(input({ round: { publishedAt: null, appealDeadline: null } }), during);
    expect(s).toMatchObject({ stage: "not_announced", label: "ยังไม่ประกาศผล", reason: null, amountBaht: null });
    expect(s.appeal).toMatchObject({ stage: "not_yet", mayFile: false });
  });

  it("gives a promotion with its amount and the committees' reason", () => {
    const s = salaryStatus(input(), during);
    expect(s.stage).toBe("promoted");
    expect(s.label).toBe("1 ขั้น (1,640 บาท)");
    expect(s.amountBaht).toBe(1_640);
    expect(s.reason).toBe("คณะกรรมการเห็นชอบตามที่ผู้บังคับบัญชาเสนอ (คะแนนประเมิน 88)");
    const screened = salaryStatus(
      input({
        screened: { halfSteps: 1, basisPoints: null, amountBaht: 820, reason: "ผลงานยังไม่ถึงระดับที่เสนอ" },
        decided: { halfSteps: 1, basisPoints: null, amountBaht: 820, reason: null },
      }),
      during,
    );
    expect(screened.reason).toBe("คณะกรรมการกลั่นกรอง: ผลงานยังไม่ถึงระดับที่เสนอ");
  });

  it("says why a person was not promoted", () => {
    const s = salaryStatus(
      input({
        score: 58,
        comment: "มีวันลาเกินเกณฑ์",
        proposed: { halfSteps: 0, basisPoints: null },
        screened: null,
        decided: { halfSteps: 0, basisPoints: null, amountBaht: 0, reason: null },
      }),
      during,
    );
    expect(s).toMatchObject({ stage: "not_promoted", label: "ไม่เลื่อนขั้น", amountBaht: 0 });
    expect(s.reason).toBe("ผู้บังคับบัญชาไม่เสนอเลื่อนขั้น (คะแนนประเมิน 58): มีวันลาเกินเกณฑ์ และคณะกรรมการเห็นชอบ");
    const percent = salaryStatus(
      input({
        increaseType: "percent",
        decided: { halfSteps: null, basisPoints: 0, amountBaht: 0, reason: "ไม่ผ่านการประเมิน" },
      }),
      during,
    );
    expect(percent.stage).toBe("not_promoted");
    expect(percent.reason).toBe("คณะกรรมการพิจารณาเลื่อนขั้นเงินเดือน: ไม่ผ่านการประเมิน");
  });

  it("never shows a bare dash when a published round has no decision", () => {
    const s = salaryStatus(input({ decided: null, screened: null }), during);
    expect(s.stage).toBe("no_decision");
    expect(s.label).not.toBe("—");
    expect(s.reason).toContain("ประกาศผลเมื่อ 16 พฤศจิกายน 2569");
  });

  it("keeps the appeal open through the last day in Asia/Bangkok and closes it at the midnight after", () => {
    expect(appealDeadline.toISOString()).toBe("2026-12-16T17:00:00.000Z");
    const lastMoment = salaryStatus(input(), new Date("2026-12-16T16:59:59.999Z")); // 23:59:59.999 on 16 Dec, Bangkok
    expect(lastMoment.appeal).toMatchObject({ stage: "open", label: "อุทธรณ์ได้ถึง 16 ธันวาคม 2569", mayFile: true });
    const midnight = salaryStatus(input(), new Date("2026-12-16T17:00:00.000Z")); // 00:00 on 17 Dec, Bangkok
    expect(midnight.appeal).toMatchObject({ stage: "closed", label: "พ้นกำหนดอุทธรณ์ (16 ธันวาคม 2569)", mayFile: false });
  });

  it("shows a pending appeal, then its answer", () => {
    const pending = salaryStatus(input({ appeals: [{ answeredAt: null, outcome: null }] }), during);
    expect(pending.appeal).toMatchObject({ stage: "pending", label: "อุทธรณ์อยู่ระหว่างพิจารณา", mayFile: false });
    const answered = salaryStatus(
      input({ appeals: [{ answeredAt: new Date("2026-11-30T03:00:00Z"), outcome: "rejected" }] }),
      during,
    );
    expect(answered.appeal).toMatchObject({ stage: "answered", label: "อุทธรณ์แล้ว: ยืนตามผลเดิม" });
    const corrected = salaryStatus(
      input({
        decided: { halfSteps: 3, basisPoints: null, amountBaht: 2_460, reason: "ทบทวนตามอุทธรณ์", corrected: true },
      }),
      during,
    );
    expect(corrected.label).toBe("1.5 ขั้น (2,460 บาท) แก้ไขตามผลอุทธรณ์");
  });

  it("tells a supervisor only whether the round is announced", () => {
    expect(supervisorStatusLabel({ round: { publishedAt, appealDeadline } }, true)).toContain(
      "ประกาศผลแล้ว (16 พฤศจิกายน 2569)",
    );
    expect(supervisorStatusLabel({ round: { publishedAt: null, appealDeadline: null } }, true)).toBe(
      "ประเมินแล้ว รอคณะกรรมการ",
    );
    expect(supervisorStatusLabel({ round: { publishedAt: null, appealDeadline: null } }, false)).toBe("ยังไม่ประเมิน");
  });
});
