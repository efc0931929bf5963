import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCertificateCode } from "~/models/training/attempt-store.server";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

// Issue 12 item 12: a certificate's code typed with spaces, dashes or in lower case still finds it, on the public
// verify form, in the verify address itself, and on the signed-in certificate page.

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

async function issueCertificate() {
  const person = await createTestPerson();
  const course = await db.course.findFirstOrThrow({ where: { slug: "no-gift" } });
  const attempt = await db.attempt.create({
    data: {
      personId: person.id,
      courseId: course.id,
      kind: "post",
      fiscalYear: 2570,
      number: 1,
      totalCount: 10,
      correctCount: 9,
      passed: true,
      submittedAt: new Date(),
    },
  });
  const code = newCertificateCode();
  await db.certificate.create({
    data: {
      code,
      personId: person.id,
      courseId: course.id,
      attemptId: attempt.id,
      fiscalYear: 2570,
      personName: "นายทดสอบ ตรวจรหัส",
      courseTitle: course.title,
      correctCount: 9,
      totalCount: 10,
    },
  });
  return { person, code };
}

describe("verification codes typed the way people type them", () => {
  it("the verify form sends a code with spaces and lower case to the certificate", async () => {
    const { code } = await issueCertificate();
    const typed = ` ${code.replace(/-/g, " ").toLowerCase()} `;
    const response = await app.client().get(`/verify?code=${encodeURIComponent(typed)}`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/verify/${code}`);
    const page = await app.client().get(response.headers.get("location")!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`เกียรติบัตรรหัส ${code} ออกโดยเทศบาลนครลำปางจริง`);
  });

  it("the verify address accepts the code without dashes, with spaces, or with other dashes", async () => {
    const { code } = await issueCertificate();
    for (const typed of [code.replace(/-/g, "").toLowerCase(), code.replace(/-/g, " "), code.replace(/-/g, "–")]) {
      const page = await app.client().get(`/verify/${encodeURIComponent(typed)}`);
      expect(page.status, typed).toBe(200);
      expect(await page.text()).toContain(`เกียรติบัตรรหัส ${code} ออกโดยเทศบาลนครลำปางจริง`);
    }
    const wrong = await app.client().get(`/verify/${encodeURIComponent(code.replace(/-/g, " ").slice(0, -1))}`);
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain("ไม่พบเกียรติบัตรรหัส");
  });

  it("the owner's certificate page opens from a lower-case code with spaces", async () => {
    const { person, code } = await issueCertificate();
    const client = app.client(await sessionCookieFor(person.id));
    const page = await client.get(`/certificates/${encodeURIComponent(code.replace(/-/g, " ").toLowerCase())}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("นายทดสอบ ตรวจรหัส");
  });
});
