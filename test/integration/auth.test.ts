import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { SESSION_TTL_MS, createSession, validateSessionToken } from "~/utils/session.server";
import { startAppServer } from "../support/app-server";
import { TEST_PASSWORD, createTestPerson } from "../support/factories";

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

async function signInThroughForm(username: string, password: string) {
  const client = app.client();
  const response = await client.post("/login", { username, password });
  return { client, response };
}

describe("sign-in", () => {
  it("signs in with the employee number and password and lands on the home page", async () => {
    const person = await createTestPerson();
    const { client, response } = await signInThroughForm(person.employeeNumber, TEST_PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const home = await client.get("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`สวัสดี คุณ${person.firstName}`);
  });

  it("stores only a SHA-256 of the session secret", async () => {
    const person = await createTestPerson();
    const { client } = await signInThroughForm(person.employeeNumber, TEST_PASSWORD);
    const token = client.cookie!.split("=")[1]!;
    const [id, secret] = token.split(".");
    const row = await db.session.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(row.secretHash).equals(createHash("sha256").update(secret!).digest())).toBe(true);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it("gives the same Thai message for a wrong password and an unknown user", async () => {
    const person = await createTestPerson();
    const wrong = await signInThroughForm(person.employeeNumber, "not the password");
    const unknown = await signInThroughForm("999999999", TEST_PASSWORD);
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    const message = "เลขประจำตัวหรือรหัสผ่านไม่ถูกต้อง";
    expect(await wrong.response.text()).toContain(message);
    expect(await unknown.response.text()).toContain(message);
    expect(wrong.client.cookie).toBeUndefined();
  });

  it("writes sign-in and failed sign-in to the audit log", async () => {
    const person = await createTestPerson();
    await signInThroughForm(person.employeeNumber, "wrong");
    await signInThroughForm(person.employeeNumber, TEST_PASSWORD);
    const actions = (
      await db.auditLog.findMany({ where: { entityId: person.employeeNumber }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["auth.sign_in_failed", "auth.sign_in"]);
  });

  it("stops a username after 5 failures in 15 minutes, even with the right password, with a Thai message", async () => {
    const person = await createTestPerson();
    for (let i = 0; i < 5; i++) {
      expect((await signInThroughForm(person.employeeNumber, `wrong-${i}`)).response.status).toBe(401);
    }
    const blocked = await signInThroughForm(person.employeeNumber, TEST_PASSWORD);
    expect(blocked.response.status).toBe(429);
    expect(await blocked.response.text()).toContain("กรุณารอ 15 นาที");
    expect(blocked.client.cookie).toBeUndefined();
  });

  it("refuses a deactivated person", async () => {
    const person = await createTestPerson();
    await db.person.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } });
    expect((await signInThroughForm(person.employeeNumber, TEST_PASSWORD)).response.status).toBe(401);
  });

  it("only redirects to paths on this site after sign-in", async () => {
    const person = await createTestPerson();
    const client = app.client();
    const evil = await client.post("/login", {
      username: person.employeeNumber,
      password: TEST_PASSWORD,
      redirectTo: "//evil.example",
    });
    expect(evil.headers.get("location")).toBe("/");
    const other = app.client();
    const good = await other.post("/login", {
      username: person.employeeNumber,
      password: TEST_PASSWORD,
      redirectTo: "/account",
    });
    expect(good.headers.get("location")).toBe("/account");
  });
});

describe("CSRF", () => {
  it("refuses a POST from another site, with no Origin, or with Sec-Fetch-Site cross-site", async () => {
    const person = await createTestPerson();
    const fields = { username: person.employeeNumber, password: TEST_PASSWORD };
    const client = app.client();
    const foreign = await client.post("/login", fields, { Origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain("CSRF");
    const crossSite = await client.post("/login", fields, { "Sec-Fetch-Site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const noOrigin = await fetch(`${app.baseUrl}/login`, {
      method: "POST",
      body: new URLSearchParams(fields),
      redirect: "manual",
    });
    expect(noOrigin.status).toBe(403);
    const sameOrigin = await client.post("/login", fields, { "Sec-Fetch-Site": "same-origin" });
    expect(sameOrigin.status).toBe(302);
  });
});

describe("sessions", () => {
  it("ends on sign-out: the old cookie no longer opens any page", async () => {
    const person = await createTestPerson();
    const { client } = await signInThroughForm(person.employeeNumber, TEST_PASSWORD);
    const oldCookie = client.cookie!;
    const out = await client.post("/logout", {});
    expect(out.status).toBe(302);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const replay = await app.client(oldCookie).get("/");
    expect(replay.status).toBe(302);
    expect(replay.headers.get("location")).toBe("/login");
    expect(await db.auditLog.count({ where: { action: "auth.sign_out", entityId: person.employeeNumber } })).toBe(1);
  });

  it("refuses a token whose secret is wrong", async () => {
    const person = await createTestPerson();
    const token = await createSession(db, person.id);
    const [id] = token.split(".");
    expect(await validateSessionToken(`${id}.${"a".repeat(32)}`)).toBeNull();
    expect(await validateSessionToken(token)).not.toBeNull();
  });

  it("slides the expiry forward when used in the second half of its life, and expires when unused", async () => {
    const person = await createTestPerson();
    const start = new Date();
    const token = await createSession(db, person.id, start);
    const early = await validateSessionToken(token, new Date(start.getTime() + 60_000));
    expect(early!.expiresAt.getTime()).toBe(start.getTime() + SESSION_TTL_MS);
    const late = new Date(start.getTime() + SESSION_TTL_MS * 0.75);
    const renewed = await validateSessionToken(token, late);
    expect(renewed!.expiresAt.getTime()).toBe(late.getTime() + SESSION_TTL_MS);
    expect(await validateSessionToken(token, new Date(late.getTime() + SESSION_TTL_MS + 1))).toBeNull();
    expect(await db.session.count({ where: { personId: person.id } })).toBe(0);
  });

  it("ends every other session when a person changes their password", async () => {
    const person = await createTestPerson();
    const phone = (await signInThroughForm(person.employeeNumber, TEST_PASSWORD)).client;
    const desk = (await signInThroughForm(person.employeeNumber, TEST_PASSWORD)).client;
    const changed = await desk.post("/account", {
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain("เปลี่ยนรหัสผ่านแล้ว");
    expect((await desk.get("/")).status).toBe(200);
    expect((await phone.get("/")).status).toBe(302);
    expect((await signInThroughForm(person.employeeNumber, TEST_PASSWORD)).response.status).toBe(401);
    expect((await signInThroughForm(person.employeeNumber, "a brand new password")).response.status).toBe(302);
  });

  it("refuses a password change with the wrong current password, and changes nothing", async () => {
    const person = await createTestPerson();
    const { client } = await signInThroughForm(person.employeeNumber, TEST_PASSWORD);
    const before = (await db.person.findUniqueOrThrow({ where: { id: person.id } })).passwordHash;
    const response = await client.post("/account", {
      currentPassword: "wrong",
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("รหัสผ่านปัจจุบันไม่ถูกต้อง");
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).passwordHash).toBe(before);
  });
});

describe("health check", () => {
  it("answers 200 with status ok when the database answers", async () => {
    const response = await app.client().get("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});

describe("passwords and the per-address limit", () => {
  it("stores passwords as Argon2id with 19 MiB, t=2, p=1", async () => {
    const person = await createTestPerson();
    expect(person.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("after 30 failures from an address, still lets a correct password in from it, but no third guess at one account", async () => {
    const ip = "203.0.113.9";
    // Thirty failed checks from one address, as the attempt table records them (decision 023; a fixture).
    await db.passwordAttempt.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        scope: "sign_in",
        subject: `nobody-${i}`,
        ip,
        at: new Date(),
        outcome: "failed",
      })),
    });
    const person = await createTestPerson();
    const { signIn } = await import("~/utils/auth.server");
    expect((await signIn(person.employeeNumber, TEST_PASSWORD, ip)).ok).toBe(true);
    const target = await createTestPerson();
    expect(await signIn(target.employeeNumber, "guess-1", ip)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(target.employeeNumber, "guess-2", ip)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(target.employeeNumber, TEST_PASSWORD, ip)).toEqual({ ok: false, reason: "throttled" });
    expect((await signIn(target.employeeNumber, TEST_PASSWORD, "198.51.100.1")).ok).toBe(true);
  });
});
