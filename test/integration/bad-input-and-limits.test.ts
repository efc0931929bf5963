import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";

// Issue 16, findings 4 and 9, as they were found: raw HTTP against the real server.
let app: Awaited<ReturnType<typeof startAppServer>>;
let admin: string;
let hr: string;
beforeAll(async () => {
  app = await startAppServer();
  admin = await sessionCookieFor((await createTestPerson({ roles: ["staff", "admin"] })).id);
  hr = await sessionCookieFor(
    (await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" })).id,
  );
});
afterAll(() => app.close());

const MB = 1024 * 1024;
const THAI = /[\u0E00-\u0E7F]/;

type RawAnswer = { status: number; body: string; bytesSent: number };

/**
 * Streams `total` bytes of a form body to `path` (with a Content-Length, or chunked when `chunked`), respecting
 * back-pressure so the sender holds no more than one chunk, and stops as soon as the server answers.
 */
function streamBody(
  path: string,
  total: number,
  { chunked = false, contentType = "application/x-www-form-urlencoded" } = {},
) {
  return new Promise<RawAnswer>((resolve, reject) => {
    const url = new URL(path, app.baseUrl);
    let bytesSent = 0;
    let answered = false;
    const request = http.request(url, {
      method: "POST",
      headers: {
        Origin: app.baseUrl,
        "Content-Type": contentType,
        ...(chunked ? {} : { "Content-Length": String(total) }),
      },
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (d) => (body += d));
      response.on("end", () => resolve({ status: response.statusCode!, body, bytesSent }));
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && bytesSent < total) {
        bytesSent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

/** Sends the headers (announcing `announced` bytes) and only `sent` bytes of the body, then waits for an answer. */
function announceBody(path: string, announced: number, sent: number, timeoutMs = 5000) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(new URL(path, app.baseUrl), {
      method: "POST",
      headers: {
        Origin: app.baseUrl,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(announced),
      },
    });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms: the server is waiting to read the whole body`));
    }, timeoutMs);
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (d) => (body += d));
      response.on("end", () => {
        clearTimeout(timer);
        request.destroy();
        resolve({ status: response.statusCode!, body });
      });
    });
    request.on("error", () => undefined);
    request.write(Buffer.alloc(sent, "a"));
  });
}

describe("finding 4: request bodies have a limit per route, enforced before reading", () => {
  it("answers a 20 MB /login body with 413 before the body is sent", async () => {
    const answer = await announceBody("/login", 20 * MB, 16 * 1024);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(THAI);
  });

  it("answers a streamed (chunked) 20 MB /login body with 413 after at most a little over the limit, memory bounded", async () => {
    const before = process.memoryUsage().rss;
    const answer = await streamBody("/login", 20 * MB, { chunked: true });
    const grown = process.memoryUsage().rss - before;
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(THAI);
    expect(answer.bytesSent).toBeLessThan(4 * MB); // the server stopped reading long before 20 MB
    expect(grown).toBeLessThan(40 * MB);
  });

  it("lets an upload route take its own larger limit, and no more", async () => {
    const indicator = await db.planIndicator.findFirstOrThrow({ where: { itemNumber: 7 } });
    const path = `/plan/items/7?indicator=${indicator.id}`;
    const tooBig = await announceBody(path, 20 * MB, 1024);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toContain("ไม่เกิน");
    // 100 KB is over the ordinary-form limit but well inside the evidence limit: it reaches the route (which
    // answers, signed out, with the way to sign in), not the 413.
    const inside = await streamBody(path, 100 * 1024, { contentType: "multipart/form-data; boundary=x" });
    expect(inside.status).toBe(302);
  });
});

async function get(path: string, cookie = admin) {
  const response = await app.client(cookie).get(path);
  return { status: response.status, body: await response.text() };
}

function expectThai4xx(answer: { status: number; body: string }) {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(answer.body).toMatch(THAI);
}

describe("finding 9: bad input answers 4xx in Thai, never 500", () => {
  const HUGE_IDS = ["2147483648", "9223372036854775808", "99999999999999999999999", "1e400", "1.5", "-1", "0x10"];
  const ID_ROUTES = [
    "/admin/people/:id",
    "/orders/:id",
    "/orders/:id/print",
    "/orders/:id/edit",
    "/evidence/:id",
    "/policies/:id",
    "/plan/items/:id",
    "/courses/ethics/attempts/:id",
    "/salary/rounds/:id",
    "/salary/rounds/:id/report",
    "/salary/rounds/:id/report.csv",
    "/salary/rounds/:id/survey-results",
    "/salary/rounds/:id/survey-results.csv",
    "/salary/rounds/1/appraisals/:id",
    "/salary/committees/:id",
    "/salary/meetings/:id",
    "/salary/results/:id",
  ];
  it("IDs outside 1…2³¹−1 in route parameters: 404 in Thai", async () => {
    const failures: string[] = [];
    for (const route of ID_ROUTES) {
      for (const id of HUGE_IDS) {
        const path = route.replace(":id", id);
        const answer = await get(path);
        if (answer.status >= 500 || !THAI.test(answer.body)) failures.push(`${path} → ${answer.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("IDs outside the range in POSTed actions: 4xx in Thai", async () => {
    const failures: string[] = [];
    for (const path of [
      "/admin/people/9223372036854775808",
      "/policies/9223372036854775808",
      "/orders/9223372036854775808",
      "/salary/meetings/1e400",
    ]) {
      const response = await app.client(admin).post(path, { intent: "acknowledge" });
      const body = await response.text();
      if (response.status >= 500 || !THAI.test(body)) failures.push(`${path} → ${response.status}`);
    }
    expect(failures).toEqual([]);
  });

  it("page=1e308 and other odd pages: a page of the list, not a 500", async () => {
    for (const path of [
      "/admin/people?page=1e308",
      "/admin/audit?page=1e308",
      "/admin/audit?page=-5",
      "/hr/courses/ethics?page=1e308",
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
    }
  });

  it("impossible dates in the audit filter: 400 in Thai", async () => {
    for (const query of ["to=9999-99-99", "from=2026-02-30", "from=2026-13-01", "to=0000-00-00", "from=275760-09-14"]) {
      const answer = await get(`/admin/audit?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body).toContain("วันที่");
    }
    expect((await get("/admin/audit?from=2026-11-01&to=2026-11-30")).status).toBe(200);
  });

  it("/login with a JSON body or a broken multipart body: 400 in Thai", async () => {
    for (const [contentType, body] of [
      ["application/json", '{"username":"1","password":"x"}'],
      ["multipart/form-data; boundary=xyz", "garbage"],
      ["multipart/form-data", "garbage"],
      ["text/plain", "username=1&password=x"],
    ]) {
      const response = await fetch(`${app.baseUrl}/login`, {
        method: "POST",
        redirect: "manual",
        body,
        headers: { Origin: app.baseUrl, "Content-Type": contentType! },
      });
      expectThai4xx({ status: response.status, body: await response.text() });
    }
  });

  it("closing a year: year=abc or a year outside the plan is refused in Thai, and nothing is closed", async () => {
    for (const year of ["abc", "1999", "2565", "2571", ""]) {
      const response = await app.client(hr).post("/indicators", { year });
      expectThai4xx({ status: response.status, body: await response.text() });
    }
    expect(await db.fiscalYearClosure.count()).toBe(0);
  });

  it("a roster file over 2 MB: 413 in Thai; a file name containing '=' is read like any other", async () => {
    const big = new FormData();
    big.append("intent", "preview");
    big.append("file", new File(["a".repeat(2_100_000)], "roster.csv", { type: "text/csv" }));
    const tooBig = await fetch(`${app.baseUrl}/admin/people/import`, {
      method: "POST",
      body: big,
      headers: { Origin: app.baseUrl, Cookie: admin },
    });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.text()).toContain("2 MB");

    const named = new FormData();
    named.append("intent", "preview");
    named.append("file", new File(["employeeNumber\n"], "roster=2569.csv", { type: "text/csv" }));
    const answer = await fetch(`${app.baseUrl}/admin/people/import`, {
      method: "POST",
      body: named,
      headers: { Origin: app.baseUrl, Cookie: admin },
    });
    expect(answer.status).toBeLessThan(500);
    expect(await answer.text()).toMatch(THAI);
  });

  it("an evidence file whose name contains '=' is stored under that name", async () => {
    const indicator = await db.planIndicator.findFirstOrThrow({
      where: { itemNumber: 7, instrument: "participant-count" },
    });
    const form = new FormData();
    form.append("indicatorId", String(indicator.id));
    form.append("fiscalYear", "2569");
    form.append("value", "1000");
    form.append("evidenceUrl", "");
    form.append(
      "evidenceFile",
      new File([new TextEncoder().encode("%PDF-1.4\n%test\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")], "a=b.pdf", {
        type: "application/pdf",
      }),
    );
    const response = await fetch(`${app.baseUrl}/plan/items/7?indicator=${indicator.id}`, {
      method: "POST",
      body: form,
      headers: { Origin: app.baseUrl, Cookie: hr },
    });
    expect(response.status).toBe(200);
    expect(await db.evidenceFile.count({ where: { fileName: "a=b.pdf" } })).toBe(1);
  });
});
