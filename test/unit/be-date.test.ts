import { describe, expect, it } from "vitest";
import {
  beDateProblem,
  beParts,
  formatBeDateText,
  formatIsoDateThai,
  isoFromBeParts,
  parseBeDateText,
} from "~/domain/be-date";

// Dates are typed in the Buddhist era and posted as ISO (decision 047).
describe("Buddhist-era date input", () => {
  it("turns day / month / BE year into the ISO date and back", () => {
    expect(isoFromBeParts({ day: "28", month: "11", beYear: "2569" })).toBe("2026-11-28");
    expect(isoFromBeParts({ day: "๕", month: "12", beYear: "๒๕๖๙" })).toBe("2026-12-05");
    expect(beParts("2026-11-28")).toEqual({ day: "28", month: "11", beYear: "2569" });
    expect(formatIsoDateThai("2026-11-28")).toBe("28 พฤศจิกายน 2569");
    expect(formatBeDateText("2026-12-05")).toBe("05/12/2569");
  });

  it("has 29 February in BE 2567 (CE 2024) but not in BE 2568 or 2569", () => {
    expect(isoFromBeParts({ day: "29", month: "2", beYear: "2567" })).toBe("2024-02-29");
    expect(parseBeDateText("29/02/2567")).toEqual({ iso: "2024-02-29", problem: null });
    expect(isoFromBeParts({ day: "29", month: "2", beYear: "2568" })).toBeNull();
    expect(beDateProblem({ day: "29", month: "2", beYear: "2569" })).toBe("เดือนกุมภาพันธ์ 2569 มี 28 วัน ไม่มีวันที่ 29");
    expect(beParts("2025-02-29")).toEqual({ day: "", month: "", beYear: "" });
  });

  it("refuses days that do not exist and says why in Thai", () => {
    expect(beDateProblem({ day: "31", month: "4", beYear: "2569" })).toBe("เดือนเมษายน 2569 มี 30 วัน ไม่มีวันที่ 31");
    expect(beDateProblem({ day: "30", month: "4", beYear: "2569" })).toBeNull();
    expect(beDateProblem({ day: "0", month: "1", beYear: "2569" })).toBe("วันต้องเป็นตัวเลข 1–31");
    expect(beDateProblem({ day: "32", month: "1", beYear: "2569" })).toBe("วันต้องเป็นตัวเลข 1–31");
    expect(beDateProblem({ day: "1", month: "", beYear: "2569" })).toBe("กรุณากรอกวัน เดือน และปี พ.ศ. ให้ครบ");
    expect(beDateProblem({ day: "", month: "", beYear: "" })).toBeNull();
    expect(parseBeDateText("31/06/2569").problem).toBe("เดือนมิถุนายน 2569 มี 30 วัน ไม่มีวันที่ 31");
    expect(parseBeDateText("2569-11-28").problem).toBe("กรุณากรอกวันที่ในรูปแบบ วว/ดด/ปปปป เช่น 28/11/2569");
  });

  it("catches a CE year typed by habit", () => {
    expect(beDateProblem({ day: "28", month: "11", beYear: "2026" })).toBe(
      "ปีนี้ดูเหมือนเป็น ค.ศ. กรุณากรอกปี พ.ศ. (เช่น 2569)",
    );
    expect(isoFromBeParts({ day: "28", month: "11", beYear: "2026" })).toBeNull();
    expect(beDateProblem({ day: "28", month: "11", beYear: "256" })).toBe("ปี พ.ศ. ต้องเป็นตัวเลข 4 หลัก เช่น 2569");
  });

  it("reads typed text in the common shapes", () => {
    expect(parseBeDateText("28/11/2569").iso).toBe("2026-11-28");
    expect(parseBeDateText("1-1-2570").iso).toBe("2027-01-01");
    expect(parseBeDateText("5 ธันวาคม 2569").iso).toBe("2026-12-05");
    expect(parseBeDateText("").problem).toBe("กรุณากรอกวันที่ (วว/ดด/ปปปป พ.ศ.)");
  });
});
