import { describe, expect, it } from "vitest";
import {
  appraisalWaiting,
  courseDueDate,
  homeScope,
  measureOverdue,
  trainingProgressText,
  waitingItems,
  type WaitingCounts,
} from "~/domain/home";
import { formatThaiDate } from "~/domain/thai-date";

const none: WaitingCounts = {
  appraisals: [],
  ordersToSign: 0,
  ordersToAcknowledge: 0,
  giftsToDecide: 0,
  giftsOverdue: 0,
  declarationsToReview: 0,
  complaintsOverdue: null,
  riskMeasuresOverdue: 0,
  noGiftDeclarationYear: null,
  documentsToRead: [],
};

describe("what waits on the home page (decision 047)", () => {
  it("lists only what has something waiting, overdue first, with separators", () => {
    expect(waitingItems(none)).toEqual([]);
    const items = waitingItems({
      ...none,
      appraisals: [{ roundId: 4, roundTitle: "รอบ 1 เมษายน 2570", waiting: 1087 }],
      giftsToDecide: 3,
      giftsOverdue: 1,
      complaintsOverdue: 2,
    });
    expect(items.map((i) => i.text)).toEqual([
      "เรื่องร้องเรียนเกินกำหนด 2 เรื่อง",
      "รายงานของขวัญเกินกำหนดวินิจฉัย 1 รายการ",
      "รอประเมิน 1,087 คน · รอบ 1 เมษายน 2570",
      "รายงานของขวัญรอท่านวินิจฉัย 2 รายการ",
    ]);
    expect(items[2]!.to).toBe("/salary/rounds/4");
    expect(items.filter((i) => i.urgent).map((i) => i.key)).toEqual(["complaints", "gifts-overdue"]);
  });

  it("HR sees the registers across the municipality, overdue gift reports marked urgent", () => {
    const items = waitingItems({
      ...none,
      oversight: { giftsAwaiting: 1204, giftsOverdue: 3, declarationsUnreviewed: 0 },
    });
    expect(items).toEqual([
      {
        key: "hr-gifts",
        count: 1204,
        text: "ทั้งเทศบาล: รายงานของขวัญรอผู้บังคับบัญชาวินิจฉัย 1,204 รายการ (เกินกำหนด 3 รายการ)",
        to: "/hr/gifts",
        urgent: true,
      },
    ]);
  });

  it("an appraisal waits only in a round not yet published and not yet recorded", () => {
    expect(appraisalWaiting({ appraisedAt: null, roundPublishedAt: null })).toBe(true);
    expect(appraisalWaiting({ appraisedAt: new Date(), roundPublishedAt: null })).toBe(false);
    expect(appraisalWaiting({ appraisedAt: null, roundPublishedAt: new Date() })).toBe(false);
  });

  it("a measure is overdue from the day after its due date in Bangkok, until done", () => {
    const due = new Date("2026-11-27T17:00:00Z"); // 28 Nov 2026, 00:00 in Bangkok
    expect(measureOverdue({ dueDate: due, followUpStatuses: [] }, new Date("2026-11-28T16:59:00Z"))).toBe(false);
    expect(measureOverdue({ dueDate: due, followUpStatuses: [] }, new Date("2026-11-28T17:00:00Z"))).toBe(true);
    expect(
      measureOverdue({ dueDate: due, followUpStatuses: ["in_progress", "done"] }, new Date("2026-12-30T00:00:00Z")),
    ).toBe(false);
    expect(measureOverdue({ dueDate: null, followUpStatuses: [] }, new Date())).toBe(false);
  });

  it("scopes, due dates and the empty group", () => {
    expect(homeScope(["staff", "manager"])).toBe("unit");
    expect(homeScope(["staff", "manager", "hr"])).toBe("municipality");
    expect(homeScope(["staff", "integrity"])).toBe("self");
    expect(formatThaiDate(courseDueDate(2570))).toBe("30 กันยายน 2570");
    expect(trainingProgressText(0, 0)).toBe("ยังไม่มีผู้อยู่ในกลุ่ม");
    expect(trainingProgressText(2, 12)).toBe("ผ่านแล้ว 2/12 คน (16.7%)");
  });
});
