import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COURSE_STATUS_LABELS } from "~/domain/course-status";
import { fiscalYearOf } from "~/domain/fiscal-year";
import { formatPercent } from "~/domain/numbers";
import { isoDate } from "~/domain/training-report";
import { courseReport } from "~/models/training/report.server";
import { db } from "~/utils/db.server";
import { startAppServer, type HttpClient } from "../support/app-server";
import { assignCourse } from "../support/assignments";
import { answersFor, readAllLessons, startTest } from "../support/courses";
import { createTestPerson, sessionCookieFor } from "../support/factories";

// Issue 12, item 8: HR's course roster filters (name, division, status) that live in the URL and survive
// pagination, the pass-rate column, the CSV of people who have not passed, and ISO dates beside Thai ones.

let app: Awaited<ReturnType<typeof startAppServer>>;
const year = fiscalYearOf(new Date());
beforeAll(async () => {
  app = await startAppServer();
  await assignCourse("ethics", { fiscalYears: [year] });
});
afterAll(() => app.close());

async function learner(divisionCode: string) {
  const person = await createTestPerson({ divisionCode });
  return { person, client: app.client(await sessionCookieFor(person.id)) };
}

async function submit(client: HttpClient, attemptId: number, right: number) {
  const response = await client.post(`/courses/ethics/attempts/${attemptId}`, {
    intent: "submit",
    ...(await answersFor(attemptId, right)),
  });
  expect(response.status).toBe(302);
}

const nameOf = (p: { title: string; firstName: string; lastName: string }) => `${p.title}${p.firstName} ${p.lastName}`;

describe("HR course report", () => {
  it("filters the roster by name, number, division and status, and the filters survive paging and go into the CSV", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
    const client = app.client(await sessionCookieFor(hr.id));
    const audit = await db.division.findUniqueOrThrow({ where: { code: "internal-audit" } });

    // In internal audit: one passes, one only took the pre-test, one has not started.
    const passer = await learner("internal-audit");
    const pre = await startTest(passer.client, "ethics", "pre");
    await submit(passer.client, pre, 3);
    await readAllLessons(passer.client, "ethics");
    await submit(passer.client, await startTest(passer.client, "ethics", "post"), 100);
    const halfway = await learner("internal-audit");
    await submit(halfway.client, await startTest(halfway.client, "ethics", "pre"), 2);
    const idle = await learner("internal-audit");
    const elsewhere = await learner("engineering-design");

    const byDivision = await (await client.get(`/hr/courses/ethics?year=${year}&division=${audit.id}`)).text();
    for (const p of [passer, halfway, idle]) expect(byDivision).toContain(p.person.employeeNumber);
    expect(byDivision).not.toContain(elsewhere.person.employeeNumber);

    // A name (spaces as typed) and an employee number each find one person.
    const byName = await (
      await client.get(
        `/hr/courses/ethics?year=${year}&q=${encodeURIComponent(`${halfway.person.firstName} ${halfway.person.lastName}`)}`,
      )
    ).text();
    expect(byName).toContain(halfway.person.employeeNumber);
    expect(byName).not.toContain(passer.person.employeeNumber);
    expect(byName).toContain(`value="${halfway.person.firstName} ${halfway.person.lastName}"`); // the search box keeps it
    const byNumber = await (await client.get(`/hr/courses/ethics?year=${year}&q=${idle.person.employeeNumber}`)).text();
    expect(byNumber).toContain(nameOf(idle.person));
    expect(byNumber).not.toContain(halfway.person.employeeNumber);

    const notStarted = await (
      await client.get(`/hr/courses/ethics?year=${year}&division=${audit.id}&status=not_started`)
    ).text();
    expect(notStarted).toContain(idle.person.employeeNumber);
    expect(notStarted).not.toContain(halfway.person.employeeNumber);

    // The not-passed CSV takes the same filters: the two who have not passed, not the one who has.
    const csvResponse = await client.get(`/hr/courses/ethics/not-passed.csv?year=${year}&division=${audit.id}`);
    expect(csvResponse.status).toBe(200);
    expect(csvResponse.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csvResponse.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for Thai
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toContain("ทำแบบทดสอบล่าสุด (ISO)");
    expect(
      lines
        .slice(1)
        .map((l) => l.split(",")[1])
        .sort(),
    ).toEqual([halfway.person.employeeNumber, idle.person.employeeNumber].sort());
    const halfwayLine = lines.find((l) => l.includes(halfway.person.employeeNumber))!;
    expect(halfwayLine).toContain(COURSE_STATUS_LABELS.pre_test_done);
    expect(halfwayLine).toContain(isoDate(new Date()));
    expect(halfwayLine).toMatch(/,\d{4}-\d{2}-\d{2},/);

    // The attempts CSV has an ISO date beside each Thai one.
    const attempts = await (await client.get(`/hr/courses/ethics/attempts.csv?year=${year}`)).text();
    const [header, ...rows] = attempts
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(header!.split(",")).toEqual(expect.arrayContaining(["เริ่มทำ", "เริ่มทำ (ISO)", "ส่งเมื่อ", "ส่งเมื่อ (ISO)"]));
    const isoColumn = header!.split(",").indexOf("ส่งเมื่อ (ISO)");
    expect(rows.find((r) => r.includes(passer.person.employeeNumber))!.split(",")[isoColumn]).toBe(isoDate(new Date()));

    // Staff may not have either CSV.
    expect((await passer.client.get(`/hr/courses/ethics/not-passed.csv?year=${year}`)).status).toBe(403);
  });

  it("keeps the filters in the pagination links", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
    const client = app.client(await sessionCookieFor(hr.id));
    const fuel = await db.division.findUniqueOrThrow({ where: { code: "engineering-design" } });
    for (let i = 0; i < 52; i += 1) await createTestPerson({ divisionCode: "engineering-design" });
    const page = await (
      await client.get(`/hr/courses/ethics?year=${year}&status=not_started&division=${fuel.id}`)
    ).text();
    const next = [...page.matchAll(/href="([^"]*page=2[^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    expect(next.length).toBeGreaterThan(0);
    const params = new URL(next[0]!, "http://x").searchParams;
    expect(params.get("status")).toBe("not_started");
    expect(params.get("division")).toBe(String(fuel.id));
    expect(params.get("year")).toBe(String(year));
    const second = await (await client.get(next[0]!)).text();
    expect(second).toContain("หน้า <!-- -->2<!-- --> จาก");
  });

  it("shows each course's pass rate, rounded by the one percent formatter", async () => {
    const hr = await createTestPerson({ roles: ["staff", "hr"], divisionCode: "personnel-management" });
    const page = await (await app.client(await sessionCookieFor(hr.id)).get(`/hr/courses?year=${year}`)).text();
    expect(page).toContain("อัตราผ่าน");
    const report = (await courseReport("ethics", year))!;
    expect(report.summary.population).toBeGreaterThan(0);
    const cell = page.match(/data-testid="pass-rate-ethics"[^>]*>([^<]*)</)![1];
    expect(cell).toBe(formatPercent(report.summary.passed, report.summary.population));
    expect(cell).toMatch(/%$/);
  });
});
