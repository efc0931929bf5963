import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeReceiptCode } from "~/domain/receipt-code";
import { receiptHash } from "~/models/complaints/secrets.server";
import { db } from "~/utils/db.server";
import { startAppServer, type HttpClient } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

// The reporter's address arrives as X-Forwarded-For through a trusted local proxy, so each test can speak
// from its own address. The identity key comes from the environment, as in production.
process.env.TRUST_PROXY = "loopback";
process.env.COMPLAINT_KEY = randomBytes(32).toString("hex");

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());
// The limiters live in the server's memory for the whole file, so every test speaks from its own addresses.

const from = (ip: string) => ({ "X-Forwarded-For": ip });
const receiptIn = (html: string) => html.match(/data-testid="receipt-code"[^>]*>([^<]+)</)?.[1] ?? null;
const dbFile = () => process.env.DATABASE_URL!.replace(/^file:/, "");

async function report(client: HttpClient, ip: string, fields: Record<string, string> = {}) {
  const response = await client.post(
    "/report",
    { subject: "เรียกรับเงินค่าใบอนุญาต", details: "เจ้าหน้าที่เรียกเงิน 3,000 บาท", ...fields },
    from(ip),
  );
  const html = await response.text();
  return { status: response.status, html, code: receiptIn(html) };
}

async function caseByCode(code: string) {
  return db.complaint.findUniqueOrThrow({ where: { receiptHash: receiptHash(normalizeReceiptCode(code)!) } });
}

describe("anonymity against whoever holds the database file", () => {
  it("keeps the reporter's address out of the file (and its WAL), stores the code only as a hash, and seals the name", async () => {
    const ip = "198.51.100.173";
    const name = "นางสาวผู้แจ้งเบาะแส ทดสอบนิรนาม";
    const sent = await report(app.client(), ip, {
      reporterName: name,
      reporterContact: "reporter-contact@example.test",
    });
    expect(sent.status).toBe(200);
    expect(sent.code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    const complaint = await caseByCode(sent.code!);
    expect(complaint.receiptHash).toMatch(/^[0-9a-f]{64}$/);

    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "complaint.received", entityId: String(complaint.id) },
    });
    expect(audit.ip).toBeNull();
    expect(audit.actorId).toBeNull();

    const bytes = Buffer.concat(
      ["", "-wal"].filter((s) => fs.existsSync(dbFile() + s)).map((s) => fs.readFileSync(dbFile() + s)),
    );
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(Buffer.from("เรียกรับเงินค่าใบอนุญาต"))).toBe(true); // the scan does see what is stored
    expect(bytes.includes(Buffer.from(ip))).toBe(false);
    expect(bytes.includes(Buffer.from(sent.code!))).toBe(false);
    expect(bytes.includes(Buffer.from(normalizeReceiptCode(sent.code!)!))).toBe(false);
    expect(bytes.includes(Buffer.from(name))).toBe(false);
    expect(bytes.includes(Buffer.from("reporter-contact@example.test"))).toBe(false);
  });

  it("refuses a report without subject or details in Thai and writes nothing; a honeypot hit writes nothing either", async () => {
    const before = await db.complaint.count();
    const missing = await app.client().post("/report", { subject: "", details: "" }, from("198.51.100.20"));
    expect(missing.status).toBe(400);
    const html = await missing.text();
    expect(html).toContain("กรุณาระบุเรื่องที่ร้องเรียน");
    expect(html).toContain("กรุณาเล่ารายละเอียดของเรื่อง");
    const bot = await report(app.client(), "198.51.100.21", { website: "http://spam.example" });
    expect(bot.status).toBe(200);
    expect(await db.complaint.count()).toBe(before);
  });

  it("accepts only images and PDF, judged by their first bytes", async () => {
    const before = await db.complaint.count();
    const form = new FormData();
    form.set("subject", "แนบไฟล์ปลอม");
    form.set("details", "ไฟล์นี้ไม่ใช่ PDF จริง");
    form.set(
      "attachments",
      new File([Buffer.from("MZ this is an executable")], "หลักฐาน.pdf", { type: "application/pdf" }),
    );
    const response = await fetch(`${app.baseUrl}/report`, {
      method: "POST",
      body: form,
      headers: { Origin: app.baseUrl, ...from("198.51.100.22") },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("รับเฉพาะรูปภาพ (JPEG, PNG) หรือ PDF");
    expect(await db.complaint.count()).toBe(before);
  });
});

describe("only integrity officers see cases", () => {
  it("answers 403 to staff, HR, managers and admins, and 200 to an integrity officer", async () => {
    const { code } = await report(app.client(), "198.51.100.30");
    const complaint = await caseByCode(code!);
    for (const roles of [
      ["staff"],
      ["hr", "staff"],
      ["manager", "staff"],
      ["admin", "hr", "manager", "staff"],
    ] as const) {
      const client = app.client(await sessionCookieFor((await createTestPerson({ roles: [...roles] })).id));
      expect((await client.get("/complaints")).status, roles.join()).toBe(403);
      expect((await client.get(`/complaints/${complaint.id}`)).status, roles.join()).toBe(403);
      const act = await client.post(`/complaints/${complaint.id}`, { intent: "acknowledge" });
      expect(act.status, roles.join()).toBe(403);
    }
    expect((await db.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).status).toBe("received");
    const officer = app.client(await sessionCookieFor((await createTestPerson({ roles: ["staff", "integrity"] })).id));
    const list = await officer.get("/complaints");
    expect(list.status).toBe(200);
    expect(await list.text()).toContain("เรียกรับเงินค่าใบอนุญาต");
    expect((await officer.get(`/complaints/${complaint.id}`)).status).toBe(200);
  });

  it("audits every view of a reporter's identity, and shows it only to integrity officers", async () => {
    const { code } = await report(app.client(), "198.51.100.31", {
      reporterName: "นายผู้แจ้ง ลับเฉพาะ",
      reporterContact: "089-999-9999",
    });
    const complaint = await caseByCode(code!);
    const views = () =>
      db.auditLog.count({ where: { action: "complaint.identity_viewed", entityId: String(complaint.id) } });

    const hr = app.client(await sessionCookieFor((await createTestPerson({ roles: ["hr", "staff"] })).id));
    const refused = await hr.post(`/complaints/${complaint.id}`, { intent: "identity" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain("ลับเฉพาะ");
    expect(await views()).toBe(0);

    const officerPerson = await createTestPerson({ roles: ["staff", "integrity"] });
    const officer = app.client(await sessionCookieFor(officerPerson.id));
    const page = await (await officer.get(`/complaints/${complaint.id}`)).text();
    expect(page).not.toContain("ลับเฉพาะ"); // the case page alone does not open the identity
    for (let i = 1; i <= 2; i++) {
      const shown = await officer.post(`/complaints/${complaint.id}`, { intent: "identity" });
      expect(shown.status).toBe(200);
      const html = await shown.text();
      expect(html).toContain("นายผู้แจ้ง ลับเฉพาะ");
      expect(html).toContain("089-999-9999");
      expect(await views()).toBe(i);
    }
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "complaint.identity_viewed", entityId: String(complaint.id) },
    });
    expect(audit.actorId).toBe(officerPerson.id);
  });

  it("refuses an investigator who belongs to the unit concerned", async () => {
    const { code } = await report(app.client(), "198.51.100.32");
    const complaint = await caseByCode(code!);
    const finance = await db.division.findUniqueOrThrow({ where: { code: "finance" } });
    const officer = app.client(
      await sessionCookieFor(
        (await createTestPerson({ roles: ["integrity"], divisionCode: "personnel-management" })).id,
      ),
    );
    const insider = await createTestPerson({ roles: ["integrity"], divisionCode: "finance-procurement" });
    expect((await officer.post(`/complaints/${complaint.id}`, { intent: "acknowledge" })).status).toBe(200);
    expect(
      (
        await officer.post(`/complaints/${complaint.id}`, {
          intent: "classify",
          category: "corruption",
          divisionId: String(finance.id),
        })
      ).status,
    ).toBe(200);
    const refused = await officer.post(`/complaints/${complaint.id}`, {
      intent: "assign",
      investigator: insider.employeeNumber,
    });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("ผู้ตรวจสอบสังกัดหน่วยงานที่ถูกร้องเรียน");
    expect((await db.complaint.findUniqueOrThrow({ where: { id: complaint.id } })).investigatorId).toBeNull();
  });
});

describe("throttling per address", () => {
  it("throttles wrong codes from one address (even a right code then waits), while another address still gets in", async () => {
    const { code } = await report(app.client(), "203.0.113.9");
    const attacker = app.client();
    const wrong = await attacker.post(
      "/report/status",
      { intent: "lookup", code: "ABCD-EFGH-JKLM-NPQR" },
      from("203.0.113.5"),
    );
    const malformed = await attacker.post("/report/status", { intent: "lookup", code: "hello" }, from("203.0.113.5"));
    // The same answer for an unknown code and for nonsense: nothing tells which codes exist.
    expect(wrong.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(await wrong.text()).toContain("ไม่พบเรื่องตามรหัสนี้");
    expect(await malformed.text()).toContain("ไม่พบเรื่องตามรหัสนี้");
    for (let i = 0; i < 8; i++)
      expect(
        (
          await attacker.post(
            "/report/status",
            { intent: "lookup", code: `WXYZ-WXYZ-WXYZ-WX${i + 2}Z` },
            from("203.0.113.5"),
          )
        ).status,
      ).toBe(404);
    const blocked = await attacker.post("/report/status", { intent: "lookup", code: code! }, from("203.0.113.5"));
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("ลองรหัสหลายครั้งเกินไป");

    const reporter = await app
      .client()
      .post(
        "/report/status",
        { intent: "lookup", code: code!.toLowerCase().replaceAll("-", " ") },
        from("203.0.113.6"),
      );
    expect(reporter.status).toBe(200);
    expect(await reporter.text()).toContain("เรียกรับเงินค่าใบอนุญาต");
  });

  it("stops a flood of reports from one address without stopping anyone else", async () => {
    const before = await db.complaint.count();
    for (let i = 0; i < 5; i++) expect((await report(app.client(), "203.0.113.50")).status).toBe(200);
    const flooded = await report(app.client(), "203.0.113.50");
    expect(flooded.status).toBe(429);
    expect(flooded.code).toBeNull();
    expect(await db.complaint.count()).toBe(before + 5);
    const other = await report(app.client(), "203.0.113.51");
    expect(other.status).toBe(200);
    expect(other.code).not.toBeNull();
  });
});
