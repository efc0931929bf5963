import { describe, expect, it } from "vitest";
import {
  bangkokDaysBetween,
  caseActions,
  closedWithinDeadline,
  deadlinesOf,
  dueBy,
  foldSmallGroups,
  investigatorConflict,
  isFoundedCorruption,
  lastDay,
  median,
} from "~/domain/complaints";
import {
  RECEIPT_ALPHABET,
  RECEIPT_ENTROPY_BITS,
  formatReceiptCode,
  normalizeReceiptCode,
  receiptCodeFromBytes,
} from "~/domain/receipt-code";
import { formatThaiDate } from "~/domain/thai-date";

describe("receipt codes", () => {
  it("use 32 distinct symbols with no 0/O or 1/I look-alikes, and carry at least 80 bits", () => {
    expect(new Set(RECEIPT_ALPHABET).size).toBe(32);
    for (const lookAlike of ["0", "O", "1", "I"]) expect(RECEIPT_ALPHABET).not.toContain(lookAlike);
    expect(RECEIPT_ENTROPY_BITS).toBeGreaterThanOrEqual(80);
  });

  it("map every byte value onto the alphabet without bias (256 bytes hit each symbol 8 times)", () => {
    const counts = new Map<string, number>();
    for (let start = 0; start < 256; start += 16) {
      const code = receiptCodeFromBytes(Uint8Array.from({ length: 16 }, (_, i) => start + i));
      for (const ch of code) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    expect([...counts.values()].every((n) => n === 8)).toBe(true);
  });

  it("are shown in four groups of four", () => {
    expect(formatReceiptCode("ABCDEFGHJKLMNPQR")).toBe("ABCD-EFGH-JKLM-NPQR");
  });

  it("are read back however they are typed: lower case, spaces, dashes, I or 1 for L", () => {
    const canonical = "ABCDEFGHJKLMNPQR";
    for (const typed of [
      "ABCD-EFGH-JKLM-NPQR",
      "abcd efgh jklm npqr",
      " abcdefghjklmnpqr ",
      "ABCD–EFGH—JKLM.NPQR",
      "abcd-efgh-jk1m-npqr",
      "ABCD EFGH JKIM NPQR",
    ]) {
      expect(normalizeReceiptCode(typed), typed).toBe(canonical);
    }
  });

  it("refuse input that cannot be a code (wrong length, symbols never issued)", () => {
    expect(normalizeReceiptCode("ABCD-EFGH-JKLM-NPQ")).toBeNull();
    expect(normalizeReceiptCode("ABCD-EFGH-JKLM-NPQRS")).toBeNull();
    expect(normalizeReceiptCode("ABCD-EFGH-JKLM-NPQ0")).toBeNull();
    expect(normalizeReceiptCode("ABCD-EFGH-JKLM-NPQO")).toBeNull();
    expect(normalizeReceiptCode("กขคง-EFGH-JKLM-NPQR")).toBeNull();
    expect(normalizeReceiptCode("")).toBeNull();
  });
});

const rules = { acknowledgeDays: 15, progressReportDays: 30, closeDays: 60 };

describe("deadlines in Bangkok calendar days", () => {
  // 23:59:59 on 4 Nov 2026 in Bangkok is 16:59:59 UTC; one second later it is already 5 Nov in Bangkok.
  const lateOnThe4th = new Date("2026-11-04T16:59:59Z");
  const startOfThe5th = new Date("2026-11-04T17:00:00Z");

  it("count from the Bangkok day the report arrived, not the UTC day", () => {
    expect(formatThaiDate(lastDay(lateOnThe4th, 15))).toBe("19 พฤศจิกายน 2569");
    expect(formatThaiDate(lastDay(startOfThe5th, 15))).toBe("20 พฤศจิกายน 2569");
    expect(bangkokDaysBetween(lateOnThe4th, startOfThe5th)).toBe(1);
  });

  it("end at midnight Bangkok time: the last second of day 15 is on time, the next is overdue", () => {
    const due = dueBy(lateOnThe4th, 15);
    expect(due.toISOString()).toBe("2026-11-19T17:00:00.000Z");
    const facts = { receivedAt: lateOnThe4th, acknowledgedAt: null, closedAt: null, lastReportedAt: null };
    const ack = (now: Date) => deadlinesOf(facts, rules, now).find((d) => d.key === "acknowledge")!;
    expect(ack(new Date(due.getTime() - 1000)).overdue).toBe(false);
    expect(ack(due).overdue).toBe(true);
    // Acknowledged on the last day: on time, and no longer overdue later.
    const done = deadlinesOf(
      { ...facts, acknowledgedAt: new Date(due.getTime() - 1000) },
      rules,
      new Date("2027-01-01T00:00:00Z"),
    ).find((d) => d.key === "acknowledge")!;
    expect(done.overdue).toBe(false);
  });

  it("ask for a progress report every 30 days from the last message to the reporter, while the case is open", () => {
    const facts = {
      receivedAt: new Date("2026-10-01T03:00:00Z"),
      acknowledgedAt: new Date("2026-10-02T03:00:00Z"),
      closedAt: null,
      lastReportedAt: new Date("2026-10-20T03:00:00Z"),
    };
    const progress = (now: Date) => deadlinesOf(facts, rules, now).find((d) => d.key === "progress")!;
    expect(formatThaiDate(progress(new Date("2026-11-01T00:00:00Z")).lastDay)).toBe("19 พฤศจิกายน 2569");
    expect(progress(new Date("2026-11-19T16:59:59Z")).overdue).toBe(false);
    expect(progress(new Date("2026-11-19T17:00:00Z")).overdue).toBe(true);
    expect(
      deadlinesOf({ ...facts, closedAt: new Date("2026-11-01T00:00:00Z") }, rules, new Date()).some(
        (d) => d.key === "progress",
      ),
    ).toBe(false);
  });

  it("judge 'closed within the deadline' on day 60 vs day 61", () => {
    const receivedAt = new Date("2026-01-01T03:00:00Z"); // 1 Jan 2026, Bangkok
    expect(closedWithinDeadline({ receivedAt, closedAt: new Date("2026-03-02T16:59:59Z") }, rules)).toBe(true); // 2 Mar 23:59:59
    expect(closedWithinDeadline({ receivedAt, closedAt: new Date("2026-03-02T17:00:00Z") }, rules)).toBe(false); // 3 Mar 00:00
    expect(closedWithinDeadline({ receivedAt, closedAt: null }, rules)).toBe(false);
  });
});

describe("public statistics", () => {
  it("fold categories with fewer than 5 cases into อื่น ๆ", () => {
    expect(
      foldSmallGroups([
        { label: "การทุจริต", count: 5 },
        { label: "การประพฤติมิชอบ", count: 4 },
        { label: "ไม่อยู่ในขอบเขต", count: 1 },
        { label: "ยังไม่จัดประเภท", count: 0 },
      ]),
    ).toEqual([
      { label: "การทุจริต", count: 5 },
      { label: "อื่น ๆ", count: 5 },
    ]);
    expect(foldSmallGroups([{ label: "การทุจริต", count: 0 }])).toEqual([]);
  });

  it("take the median of an even and an odd number of cases", () => {
    expect(median([])).toBeNull();
    expect(median([40, 10, 30])).toBe(30);
    expect(median([10, 40, 20, 30])).toBe(25);
  });
});

describe("who may do what with a case", () => {
  const officer = { personId: 7, roles: ["staff", "integrity"] };
  const base = {
    status: "investigating",
    category: "corruption",
    divisionId: 3,
    investigatorId: 7,
    investigatorDeclaredAt: null,
    findings: null,
  };

  it("gives HR, managers and admins nothing unless they are integrity officers", () => {
    for (const roles of [["hr"], ["manager"], ["admin", "hr", "manager", "staff"]])
      expect(caseActions(base, { personId: 1, roles }).size).toBe(0);
  });

  it("lets only the assigned investigator declare, and allows findings only after the declaration", () => {
    expect(caseActions(base, officer).has("declare")).toBe(true);
    expect(caseActions(base, officer).has("findings")).toBe(false);
    expect(caseActions(base, { personId: 8, roles: ["integrity"] }).has("declare")).toBe(false);
    const declared = { ...base, investigatorDeclaredAt: new Date() };
    expect(caseActions(declared, officer).has("findings")).toBe(true);
    expect(caseActions(declared, officer).has("close")).toBe(false);
    expect(caseActions({ ...declared, findings: "พบมูล" }, officer).has("close")).toBe(true);
  });

  it("refuses an investigator from the unit concerned or a unit under it", () => {
    expect(investigatorConflict(3, [5, 3])).toBe(true); // their section is under division 3
    expect(investigatorConflict(3, [9, 4])).toBe(false);
    expect(investigatorConflict(null, [3])).toBe(false);
  });

  it("counts founded corruption only: closed, classified corruption, not unfounded", () => {
    expect(isFoundedCorruption({ status: "closed", category: "corruption", outcome: "disciplinary" })).toBe(true);
    expect(isFoundedCorruption({ status: "closed", category: "corruption", outcome: "referred_nacc" })).toBe(true);
    expect(isFoundedCorruption({ status: "closed", category: "corruption", outcome: "unfounded" })).toBe(false);
    expect(isFoundedCorruption({ status: "closed", category: "misconduct", outcome: "disciplinary" })).toBe(false);
    expect(isFoundedCorruption({ status: "investigating", category: "corruption", outcome: null })).toBe(false);
  });
});

describe("the deadlines file", () => {
  it("loads content/rules/complaints.yaml with a source for each period, and names file and line when a number is wrong", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const { complaintRules } = await import("~/content/complaint-rules.server");
    const rules = complaintRules();
    expect(rules.acknowledgeDays).toBe(15);
    expect(rules.acknowledgeSource).toContain("มาตรา ๓๘");
    expect(rules.closeSource.length).toBeGreaterThan(0);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "complaint-rules-"));
    fs.mkdirSync(path.join(root, "rules"));
    fs.writeFileSync(
      path.join(root, "rules", "complaints.yaml"),
      fs.readFileSync("content/rules/complaints.yaml", "utf8").replace("acknowledgeDays: 15", "acknowledgeDays: 0"),
    );
    expect(() => complaintRules(root)).toThrow(/complaints\.yaml:5: acknowledgeDays/);
  });
});
