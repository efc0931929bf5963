import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { salarySurvey } from "~/content/salary-survey.server";
import { databaseFilePath } from "~/utils/database-url";
import { db } from "~/utils/db.server";
import { startAppServer } from "../support/app-server";
import { createTestPerson, sessionCookieFor } from "../support/factories";
import { createPublishedRound } from "../support/salary";

// Finding 1 of issue 16, tested the way it was broken: read the database file and its -wal byte by byte (no
// SQLite) while people answer through HTTP, and fail if a commit or the order of rows ties an answer to a person.

let app: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const file = databaseFilePath();
const statementCount = salarySurvey().statements.length;

type CommitGroup = { key: string; pages: Buffer[] };

/** The committed transactions in the -wal file now: frames whose salt matches the header, cut at commit frames. */
function walCommitGroups(): CommitGroup[] {
  const wal = fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0);
  if (wal.length < 32) return [];
  const pageSize = wal.readUInt32BE(8);
  const [salt1, salt2] = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  const groups: CommitGroup[] = [];
  let pages: Buffer[] = [];
  for (let offset = 32, frame = 0; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize, frame++) {
    if (wal.readUInt32BE(offset + 8) !== salt1 || wal.readUInt32BE(offset + 12) !== salt2) break;
    pages.push(wal.subarray(offset + 24, offset + 24 + pageSize));
    if (wal.readUInt32BE(offset + 4) !== 0) {
      groups.push({ key: `${salt1}:${salt2}:${frame}`, pages });
      pages = [];
    }
  }
  return groups;
}

const contains = (group: CommitGroup, needle: string) => group.pages.some((p) => p.includes(needle));
const offsetsIn = (bytes: Buffer, needle: string) => {
  const found: number[] = [];
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) found.push(at);
  return found;
};

describe("survey answers in the database files", () => {
  it(
    "no commit in the WAL and no order in the main file links an answer to the person who gave it",
    { timeout: 90_000 },
    async () => {
      const people = [];
      for (let i = 0; i < 11; i++) people.push(await createTestPerson());
      const hr = app.client(await sessionCookieFor((await createTestPerson({ roles: ["staff", "hr"] })).id));
      // A published round cannot be edited (a trigger), so this one closes by itself shortly after the answers.
      const closesAt = new Date(Date.now() + 25_000);
      const round = await createPublishedRound({ people, surveyClosesAt: closesAt });
      // Person i's answers are unique to i, so their bytes can be found in any page: base-5 digits of i + 100.
      const answersOf = (i: number) =>
        Array.from({ length: statementCount }, (_, s) => 1 + (Math.floor((i + 100) / 5 ** s) % 5));
      const needles = people.map((_, i) => JSON.stringify(answersOf(i)));
      expect(new Set(needles).size).toBe(people.length);

      // Every committed transaction seen in the WAL, in order, with the request (person) during which it appeared.
      const seen = new Map<string, { group: CommitGroup; during: number }>();
      const collect = (during: number) => {
        for (const group of walCommitGroups()) if (!seen.has(group.key)) seen.set(group.key, { group, during });
      };
      collect(-1);
      for (const [i, person] of people.entries()) {
        const client = app.client(await sessionCookieFor(person.id));
        collect(-1);
        const form = {
          roundId: String(round.id),
          ...Object.fromEntries(answersOf(i).map((a, s) => [`s${s + 1}`, String(a)])),
        };
        const response = await client.post("/salary/survey", form);
        expect(response.status).toBe(302);
        collect(i);
      }
      expect(await db.surveyParticipation.count({ where: { roundId: round.id } })).toBe(11);

      // Each commit either writes no new answer in the clear, or at least 5 at once, and never with a person's
      // participation or audit row (whose commit would name them).
      const written = new Set<string>();
      let batches = 0;
      for (const { group, during } of seen.values()) {
        const fresh = needles.filter((n) => !written.has(n) && contains(group, n));
        if (fresh.length === 0) continue;
        batches += 1;
        expect(
          fresh.length,
          `a commit during person ${during}'s answer wrote ${fresh.length} new answers`,
        ).toBeGreaterThanOrEqual(5);
        expect(contains(group, "survey.answered"), "answers committed together with an audit row").toBe(false);
        for (const n of fresh) written.add(n);
      }
      expect(batches).toBeGreaterThanOrEqual(1);
      // Fewer than 10 answers would all still be held back; at most all but the last 5 are written while open.
      expect(written.size).toBeLessThanOrEqual(people.length - 5);

      // The survey closes; the first look at the results settles it: the rest written shuffled, the file rebuilt.
      expect(Date.now(), "the answers took too long for this test's round").toBeLessThan(closesAt.getTime());
      await new Promise((resolve) => setTimeout(resolve, closesAt.getTime() - Date.now() + 50));
      const page = await (await hr.get(`/salary/rounds/${round.id}/survey-results`)).text();
      expect(page).toContain("11/11 คน");
      expect(page).toContain("ความคิดเห็นรายข้อ");

      // No older page images survive: the WAL is empty and the main file holds each answer once, with no order
      // that follows the order people answered in (nor its reverse).
      expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);
      const main = fs.readFileSync(file);
      const positions = needles.map((n) => offsetsIn(main, n));
      for (const [i, p] of positions.entries()) expect(p, `answer of person ${i} in the main file`).toHaveLength(1);
      const byPosition = positions
        .map((p, i) => ({ at: p[0]!, i }))
        .sort((a, b) => a.at - b.at)
        .map((x) => x.i);
      const answeredOrder = people.map((_, i) => i);
      expect(byPosition).not.toEqual(answeredOrder);
      expect(byPosition).not.toEqual([...answeredOrder].reverse());
      expect(await db.surveyResponse.count({ where: { roundId: round.id } })).toBe(11);
    },
  );
});
