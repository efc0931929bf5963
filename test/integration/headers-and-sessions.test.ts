import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createSession } from "~/utils/session.server";
import { startAppServer } from "../support/app-server";
import { TEST_PASSWORD, createTestPerson, sessionCookieFor } from "../support/factories";

// Issue 16, finding 11: headers and sessions, over HTTP against the real server (behind a "proxy", so
// X-Forwarded-Proto says whether the browser spoke HTTPS).
let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  process.env.TRUST_PROXY = "loopback";
  app = await startAppServer();
});
afterAll(async () => {
  await app.close();
  delete process.env.TRUST_PROXY;
});

const HOUR = 60 * 60 * 1000;

describe("Content-Security-Policy", () => {
  it("sends a policy with a fresh nonce per response, and every script on the page carries it", async () => {
    const person = await createTestPerson();
    const client = app.client(await sessionCookieFor(person.id));
    const nonces: string[] = [];
    for (const path of ["/login", "/"]) {
      const response = await (path === "/login" ? app.client() : client).get(path);
      expect(response.status).toBe(200);
      const csp = response.headers.get("content-security-policy")!;
      expect(csp).toBeTruthy();
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toContain("form-action 'self'");
      const nonce = csp.match(/script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      nonces.push(nonce!);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

describe("HSTS", () => {
  it("is sent when the browser came over HTTPS, and not over plain HTTP", async () => {
    const secure = await app.client().get("/login", { "X-Forwarded-Proto": "https" });
    expect(secure.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    const plain = await app.client().get("/login");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("Cache-Control", () => {
  it("is no-store on signed-in pages and on ?_data= JSON", async () => {
    const person = await createTestPerson();
    const client = app.client(await sessionCookieFor(person.id));
    for (const path of ["/", "/account", "/?_data=root", "/courses?_data=routes%2Fcourses._index"]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
  });
});

describe("public files", () => {
  it("serves the site's own files with their cache lifetimes, and every other path as a page", async () => {
    const icon = await app.client().get("/favicon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/image\/svg\+xml/);
    expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(await icon.text()).toContain("<svg");

    const page = await (await app.client().get("/login")).text();
    const asset = page.match(/\/build\/[^"]+\.js/)?.[0];
    expect(asset).toBeTruthy();
    const script = await app.client().get(asset!);
    expect(script.status).toBe(200);
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");

    // A missing file under a public folder, and a path no file is named after, are the app's own "not found" page.
    for (const path of ["/build/no-such-file.js", "/favicon.svg/no-such-file", "/no-such-page"]) {
      const missing = await app.client().get(path);
      expect(missing.status, path).toBe(404);
      expect(await missing.text(), path).toContain("<html");
    }
  });
});

describe("absolute session lifetime", () => {
  it("ends a session 12 hours after sign-in even when it was used all along", async () => {
    const person = await createTestPerson();
    const signedIn = new Date(Date.now() - 12 * HOUR - 60_000);
    const token = await createSession(db, person.id, signedIn);
    // Kept alive by use: the sliding expiry was pushed forward a moment ago.
    await db.session.update({ where: { id: token.split(".")[0] }, data: { expiresAt: new Date(Date.now() + HOUR) } });
    const response = await app.client(`sujarit_session=${token}`).get("/");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login");
  });

  it("never slides past the absolute end, and the cookie does not outlive it", async () => {
    const person = await createTestPerson();
    const response = await app.client().post("/login", { username: person.employeeNumber, password: TEST_PASSWORD });
    const maxAge = Number(response.headers.get("set-cookie")!.match(/Max-Age=(\d+)/)![1]);
    expect(maxAge).toBeLessThanOrEqual(12 * 60 * 60);
    const signedIn = new Date(Date.now() - 11.5 * HOUR);
    const token = await createSession(db, person.id, signedIn);
    await db.session.update({
      where: { id: token.split(".")[0] },
      data: { expiresAt: new Date(Date.now() + 10 * 60_000) },
    });
    expect((await app.client(`sujarit_session=${token}`).get("/")).status).toBe(200);
    const row = await db.session.findUniqueOrThrow({ where: { id: token.split(".")[0] } });
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(signedIn.getTime() + 12 * HOUR);
  });
});

describe("a password reset by an admin must be replaced at the next sign-in", () => {
  it("sends the person to /account, refuses every other page until the password is changed", async () => {
    const admin = await createTestPerson({ roles: ["staff", "admin"] });
    const target = await createTestPerson();
    const reset = await app.client(await sessionCookieFor(admin.id)).post(`/admin/people/${target.id}`, {
      intent: "reset-password",
      newPassword: "reset-by-admin-1",
      confirmPassword: "reset-by-admin-1",
    });
    expect(reset.status).toBe(200);

    const client = app.client();
    const signIn = await client.post("/login", {
      username: target.employeeNumber,
      password: "reset-by-admin-1",
      redirectTo: "/orders",
    });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("location")).toBe("/account");
    for (const path of ["/", "/orders", "/courses", "/admin/people/1"]) {
      const page = await client.get(path);
      expect(page.status, path).toBe(302);
      expect(page.headers.get("location"), path).toBe("/account");
    }
    // A client-side navigation asks for loader data: Remix answers the redirect in its own header.
    const data = await client.get("/orders?_data=root");
    expect(data.headers.get("x-remix-redirect")).toBe("/account");
    const account = await client.get("/account");
    expect(account.status).toBe(200);
    expect(await account.text()).toContain("กรุณาตั้งรหัสผ่านใหม่");

    const changed = await client.post("/account", {
      currentPassword: "reset-by-admin-1",
      newPassword: "my own new password",
      confirmPassword: "my own new password",
    });
    expect(changed.status).toBe(200);
    expect((await client.get("/orders")).status).toBe(200);
    expect((await db.person.findUniqueOrThrow({ where: { id: target.id } })).mustChangePassword).toBe(false);
  });
});

describe("the cross-origin check compares the whole origin", () => {
  it("refuses a POST whose Origin has the right host but another scheme or port", async () => {
    const person = await createTestPerson();
    const fields = { username: person.employeeNumber, password: TEST_PASSWORD };
    const host = new URL(app.baseUrl).host;
    const otherScheme = await app.client().post("/login", fields, { Origin: `https://${host}` });
    expect(otherScheme.status).toBe(403);
    expect(await otherScheme.text()).toContain("CSRF");
    const otherPort = await app
      .client()
      .post("/login", fields, { Origin: `http://${new URL(app.baseUrl).hostname}:1` });
    expect(otherPort.status).toBe(403);
    // Behind the proxy, an HTTPS page posts with an https Origin, and that is the same origin.
    const viaProxy = await app
      .client()
      .post("/login", fields, { Origin: `https://${host}`, "X-Forwarded-Proto": "https" });
    expect(viaProxy.status).toBe(302);
    const same = await app.client().post("/login", fields);
    expect(same.status).toBe(302);
  });
});
