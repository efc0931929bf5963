import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startAppServer, type HttpClient } from "../support/app-server";
import { TEST_PASSWORD, createTestPerson, sessionCookieFor } from "../support/factories";

// Issue 16, findings 2 and 3, the way they were found: over HTTP against the real server. Behind a proxy the
// server takes the client's address from X-Forwarded-For (TRUST_PROXY), which lets one test speak for many
// addresses.
let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  process.env.TRUST_PROXY = "loopback";
  app = await startAppServer();
});
afterAll(async () => {
  await app.close();
  delete process.env.TRUST_PROXY;
});

const from = (ip: string) => ({ "X-Forwarded-For": ip });
const login = (fields: Record<string, string>, ip: string) => app.client().post("/login", fields, from(ip));

describe("finding 2: only same-site paths come out of redirectTo", () => {
  const attempts = [
    "/.//evil.example/login",
    "/..//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/%2e%2e//evil.example",
    "/%2E%2E//evil.example",
    "/a/%2e%2e//evil.example",
    "/./\\evil.example",
    "/\\evil.example",
    "/%5cevil.example",
    "/.%2f/evil.example",
    "/%2f/evil.example",
    "//evil.example",
    "/\t/evil.example",
    "https://evil.example",
  ];
  it.each(attempts)("redirectTo=%s lands on this site", async (redirectTo) => {
    const person = await createTestPerson();
    const response = await login(
      { username: person.employeeNumber, password: TEST_PASSWORD, redirectTo },
      "198.51.100.2",
    );
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location.startsWith("/")).toBe(true);
    expect(location).not.toMatch(/^\/[/\\]/);
    expect(new URL(location, app.baseUrl).origin).toBe(app.baseUrl);
  });

  it("still follows an ordinary path with its query", async () => {
    const person = await createTestPerson();
    const response = await login(
      { username: person.employeeNumber, password: TEST_PASSWORD, redirectTo: "/orders?view=sign" },
      "198.51.100.2",
    );
    expect(response.headers.get("location")).toBe("/orders?view=sign");
  });
});

describe("finding 3: sign-in throttling", () => {
  it("lets at most 5 of 100 parallel wrong passwords for one account reach the password check", async () => {
    const person = await createTestPerson();
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        login({ username: person.employeeNumber, password: `wrong-${i}` }, "198.51.100.10"),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // Every password check that fails writes one auth.sign_in_failed row; a refusal before the check writes a
    // throttled row instead.
    const checked = await db.auditLog.count({
      where: { action: "auth.sign_in_failed", entityId: person.employeeNumber },
    });
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 401).length).toBe(checked);
    expect(
      await db.auditLog.count({ where: { action: "auth.sign_in_throttled", entityId: person.employeeNumber } }),
    ).toBe(100 - checked);
    // The account stays locked for its window, even with the right password from another address.
    const right = await login({ username: person.employeeNumber, password: TEST_PASSWORD }, "198.51.100.11");
    expect(right.status).toBe(429);
    expect(await right.text()).toContain("กรุณารอ 15 นาที");
  });

  it("after 35 failures from one address, another account's correct password from that address still signs in", async () => {
    const ip = "198.51.100.20";
    for (let round = 0; round < 5; round++) {
      const batch = await Promise.all(
        Array.from({ length: 7 }, (_, i) => login({ username: `nobody-${round}-${i}`, password: "guess" }, ip)),
      );
      expect(batch.every((r) => r.status === 401)).toBe(true);
    }
    expect(await db.auditLog.count({ where: { action: "auth.sign_in_failed", ip } })).toBe(35);

    const colleague = await createTestPerson();
    const admin = await createTestPerson({ roles: ["staff", "admin"] });
    for (const person of [colleague, admin]) {
      const response = await login({ username: person.employeeNumber, password: TEST_PASSWORD }, ip);
      expect(response.status).toBe(302);
      expect(response.headers.get("set-cookie")).toMatch(/sujarit_session=\w/);
    }
    // The address is not let off: a username it has already failed twice gets no further guesses from it.
    const victim = await createTestPerson();
    expect((await login({ username: victim.employeeNumber, password: "guess-1" }, ip)).status).toBe(401);
    expect((await login({ username: victim.employeeNumber, password: "guess-2" }, ip)).status).toBe(401);
    expect((await login({ username: victim.employeeNumber, password: "guess-3" }, ip)).status).toBe(429);
    // …while the same person, from their own desk, still may.
    expect((await login({ username: victim.employeeNumber, password: TEST_PASSWORD }, "198.51.100.21")).status).toBe(
      302,
    );
  });
});

describe("finding 3: password prompts inside a session are throttled per person and audited", () => {
  it("/account: 5 wrong current passwords, then 429 even for the right one; each failure audited", async () => {
    const person = await createTestPerson();
    const client = app.client(await sessionCookieFor(person.id));
    const change = (currentPassword: string) =>
      client.post(
        "/account",
        { currentPassword, newPassword: "a brand new password", confirmPassword: "a brand new password" },
        from("198.51.100.30"),
      );
    const wrong = await Promise.all(Array.from({ length: 30 }, (_, i) => change(`wrong-${i}`)));
    expect(wrong.filter((r) => r.status === 400).length).toBeLessThanOrEqual(5);
    expect(wrong.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(25);
    const failed = await db.auditLog.findMany({ where: { action: "auth.password_check_failed", actorId: person.id } });
    expect(failed.length).toBe(wrong.filter((r) => r.status === 400).length);
    expect(failed.every((a) => a.ip === "198.51.100.30")).toBe(true);
    expect(await db.auditLog.count({ where: { action: "auth.password_check_throttled", actorId: person.id } })).toBe(
      wrong.filter((r) => r.status === 429).length,
    );
    const right = await change(TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(await right.text()).toContain("กรุณารอ 15 นาที");
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).passwordHash).toBe(person.passwordHash);
  });

  it("signing an order: wrong passwords are audited and stop after 5", async () => {
    const manager = await createTestPerson({ roles: ["staff", "manager"], divisionCode: "finance" });
    const delegate = await createTestPerson({ divisionCode: "finance" });
    const client = app.client(await sessionCookieFor(manager.id));
    const orderId = await submittedOrder(client, manager.employeeNumber, delegate.employeeNumber);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await client.post(`/orders/${orderId}`, { intent: "sign", password: `wrong-${i}` })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
    expect(await db.auditLog.count({ where: { action: "auth.password_check_failed", actorId: manager.id } })).toBe(5);
    const right = await client.post(`/orders/${orderId}`, { intent: "sign", password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect((await db.delegationOrder.findUniqueOrThrow({ where: { id: orderId } })).signedAt).toBeNull();
  });
});

async function submittedOrder(client: HttpClient, delegator: string, delegate: string): Promise<number> {
  const division = await db.division.findUniqueOrThrow({ where: { code: "finance" } });
  const draft = await client.post("/orders/new", {
    title: "มอบอำนาจอนุมัติการจัดซื้อจัดจ้างวงเงินเล็ก",
    issuingDivisionId: String(division.id),
    delegatorEmployeeNumber: delegator,
    effectiveFrom: "2026-11-01",
    effectiveUntil: "2027-09-30",
    body: "เพื่อให้การปฏิบัติราชการเป็นไปด้วยความรวดเร็ว จึงมอบอำนาจดังต่อไปนี้",
    "delegates.0.employeeNumber": delegate,
    "delegates.0.positionTitle": "",
    "powers.0.kind": "approve",
    "powers.0.description": "อนุมัติการจัดซื้อจัดจ้างโดยวิธีเฉพาะเจาะจง",
    "powers.0.legalBasis": "ระเบียบกระทรวงการคลังว่าด้วยการจัดซื้อจัดจ้างฯ พ.ศ. 2560 ข้อ 79",
    "powers.0.limits": "",
    "powers.0.ceilingBaht": "100000",
    recipientEmployeeNumbers: "",
    supersedesId: "",
  });
  expect(draft.status).toBe(302);
  const orderId = Number(draft.headers.get("location")!.split("/").pop());
  expect((await client.post(`/orders/${orderId}`, { intent: "submit" })).status).toBe(200);
  return orderId;
}
