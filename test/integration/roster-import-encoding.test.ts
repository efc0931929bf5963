import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const HEADER = "เลขประจำตัว,คำนำหน้า,ชื่อ,นามสกุล,ตำแหน่ง,ประเภทบุคลากร,หน่วยงาน,เริ่มปฏิบัติงาน,สิ้นสุดการปฏิบัติงาน";

/** What Thai Excel on Windows writes for "CSV": TIS-620 / Windows-874 bytes (Thai U+0E01..U+0E5B → 0xA1..0xFB). */
function windows874(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x0e01 && code <= 0x0e5b) return code - 0x0e00 + 0xa0;
      throw new Error(`not in Windows-874: ${ch}`);
    }),
  );
}

async function post(cookie: string, fields: Record<string, string>, file?: File) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", file);
  return fetch(`${app.baseUrl}/admin/people/import`, {
    method: "POST",
    body: form,
    headers: { Cookie: cookie, Origin: app.baseUrl },
  });
}

describe("roster import: files as people have them", () => {
  it("reads a Windows-874 CSV from Thai Excel, names an unknown personnel type with its row, says when no file was chosen", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
    const cookie = await sessionCookieFor(hr.id);
    const csv = [HEADER, "771001,นาย,ทดสอบไทย,ภาษาเก่า,นักวิชาการคลัง,พนักงานจ้าง,finance-accounting,2569-10-01,"].join(
      "\r\n",
    );
    const bytes = windows874(csv);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const preview = await post(cookie, { intent: "preview" }, new File([bytes], "roster.csv", { type: "text/csv" }));
    const html = await preview.text();
    expect(preview.status).toBe(200);
    expect(html).not.toContain("ไม่พบคอลัมน์");
    expect(html).toContain("เพิ่มใหม่ 1 · แก้ไข 0 · ไม่เปลี่ยนแปลง 0 · ผิดพลาด 0");
    expect(html).toContain("นายทดสอบไทย ภาษาเก่า");
    const applied = await post(cookie, {
      intent: "apply",
      csv: html
        .match(/name="csv" value="([^"]*)"/)![1]!
        .replace(/&#x27;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&"),
    });
    expect(applied.status).toBe(200);
    const created = await db.person.findUniqueOrThrow({ where: { employeeNumber: "771001" } });
    expect([created.firstName, created.lastName, created.personnelType]).toEqual([
      "ทดสอบไทย",
      "ภาษาเก่า",
      "contract_employee",
    ]);

    const unknown = [
      HEADER,
      "771002,นาง,สมศรี,ดีงาม,เจ้าพนักงานธุรการ,พนักงานเทศบาล,finance-accounting,2569-10-01,",
      "771003,นาย,สมชาย,ดีงาม,คนงาน,ข้าราชการ,finance-accounting,2569-10-01,",
    ].join("\r\n");
    const refused = await (await post(cookie, { intent: "preview" }, new File([windows874(unknown)], "r.csv"))).text();
    expect(refused).toContain("แถว 3: ไม่รู้จักประเภทบุคลากร &quot;ข้าราชการ&quot;");
    expect(refused).toContain("ผิดพลาด 1");

    const none = await post(cookie, { intent: "preview" }, new File([], "", { type: "application/octet-stream" }));
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("ยังไม่ได้เลือกไฟล์");
    expect(await db.person.count({ where: { employeeNumber: { in: ["771002", "771003"] } } })).toBe(0);
  });

  it("offers a UTF-8 template with BOM whose header and example row the importer accepts as is", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
    const cookie = await sessionCookieFor(hr.id);
    const response = await fetch(`${app.baseUrl}/admin/people/import/template.csv`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe(HEADER);
    const preview = await (await post(cookie, { intent: "preview" }, new File([bytes], "roster-template.csv"))).text();
    expect(preview).toContain("ผิดพลาด 0");
    const staff = await createTestPerson();
    expect(
      (
        await fetch(`${app.baseUrl}/admin/people/import/template.csv`, {
          headers: { Cookie: await sessionCookieFor(staff.id) },
        })
      ).status,
    ).toBe(403);
  });
});
