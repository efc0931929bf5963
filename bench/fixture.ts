// Benchmark fixtures (issue 17): the demo database, and a large one made from a copy of it with people, attempts,
// attempt items, lesson progress and the registers (gifts, declarations, complaints, risks, acknowledgements)
// scaled up in proportion. Written straight into scratch SQLite files under bench/.tmp; not used by the app.
// BENCH_REUSE=1 keeps fixtures already built (then only `prisma migrate deploy` runs on them).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const root = path.resolve(import.meta.dirname, "..");
export const tmp = path.join(root, "bench", ".tmp");
export const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const ts = (d: Date) => d.toISOString().replace("Z", "+00:00");
const YEARS = [2566, 2567, 2568, 2569, 2570];

function migrate(file: string) {
  const env = { ...process.env, DATABASE_URL: `file:${file}` };
  execFileSync(bin("prisma"), ["migrate", "deploy"], { cwd: root, env, stdio: "ignore" });
}

function removeDatabase(file: string) {
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(file + s, { force: true });
}

export function demoFixture(reuse = process.env.BENCH_REUSE === "1") {
  fs.mkdirSync(tmp, { recursive: true });
  const file = path.join(tmp, "demo.db");
  if (reuse && fs.existsSync(file)) {
    migrate(file);
    return file;
  }
  removeDatabase(file);
  migrate(file);
  execFileSync(bin("tsx"), ["scripts/prepare-data.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${file}`, SEED: "demo" },
    stdio: "ignore",
  });
  return file;
}

/** Copies every row of `table` `times` times, changing what must stay unique; returns old id → new ids. */
function copyRows(
  db: Database.Database,
  table: string,
  times: number,
  change: (row: Record<string, unknown>, copy: number) => Record<string, unknown> | null,
) {
  const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[])
    .filter((c) => !(c.pk && c.name === "id"))
    .map((c) => c.name);
  const insert = db.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
  );
  const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
  const ids = new Map<number, number[]>();
  for (let copy = 1; copy <= times; copy++) {
    for (const row of rows) {
      const changed = change({ ...row }, copy);
      if (!changed) continue;
      const info = insert.run(...columns.map((c) => changed[c] as never));
      if (row.id != null)
        ids.set(row.id as number, [...(ids.get(row.id as number) ?? []), Number(info.lastInsertRowid)]);
    }
  }
  return ids;
}

export function largeFixture(demo: string, people: number, attempts: number, reuse = process.env.BENCH_REUSE === "1") {
  const file = path.join(tmp, `large-${people}-${attempts}.db`);
  if (reuse && fs.existsSync(file)) {
    migrate(file);
    return { file, made: null };
  }
  removeDatabase(file);
  const source = new Database(demo);
  source.pragma("wal_checkpoint(TRUNCATE)");
  source.close();
  fs.copyFileSync(demo, file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const demoPeople = (db.prepare(`SELECT count(*) AS n FROM Person`).get() as { n: number }).n;
  const scale = Math.max(1, Math.round(people / demoPeople));
  const divisions = db.prepare(`SELECT id FROM Division`).all() as { id: number }[];
  const courses = db.prepare(`SELECT id FROM Course ORDER BY id`).all() as { id: number }[];
  const types = [
    "municipal_officer",
    "permanent_employee",
    "contract_employee",
    "contract_employee",
    "executive",
    "council_member",
  ];
  const positions = ["เจ้าหน้าที่", "นักวิชาการ", "วิศวกรโยธา", "นายช่าง", "เจ้าพนักงานพัสดุ"];
  const now = ts(new Date());
  const insertPerson = db.prepare(
    `INSERT INTO Person (employeeNumber, title, firstName, lastName, position, personnelType, divisionId, activeFrom, createdAt, updatedAt)
     VALUES (?, 'นาย', ?, 'ทดสอบ', ?, ?, ?, ?, ?, ?)`,
  );
  const newIds: number[] = [];
  db.transaction(() => {
    for (let i = demoPeople; i < people; i++) {
      const info = insertPerson.run(
        `B${i}`,
        `คน${i}`,
        positions[i % positions.length],
        types[i % types.length],
        divisions[i % divisions.length]!.id,
        ts(new Date("2015-01-01T00:00:00Z")),
        now,
        now,
      );
      newIds.push(Number(info.lastInsertRowid));
    }
  })();

  // Attempts: a pre-test and a post-test per chosen (person, course, year); a third of the failed posts get a retry.
  const questions = new Map<number, number[]>();
  for (const c of courses) {
    questions.set(
      c.id,
      (
        db
          .prepare(
            `SELECT qv.id FROM QuestionVersion qv JOIN Question q ON q.id = qv.questionId WHERE q.courseId = ? AND q.retired = 0`,
          )
          .all(c.id) as { id: number }[]
      ).map((r) => r.id),
    );
  }
  const insertAttempt = db.prepare(
    `INSERT INTO Attempt (personId, courseId, kind, fiscalYear, number, startedAt, submittedAt, correctCount, totalCount, passed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 15, ?)`,
  );
  const submit = db.prepare(`UPDATE Attempt SET submittedAt = ? WHERE id = ?`);
  const insertItem = db.prepare(
    `INSERT INTO AttemptItem (attemptId, position, questionVersionId, choiceOrder, selectedIndex, correct) VALUES (?, ?, ?, '[0,1,2,3]', ?, ?)`,
  );
  const lessons = new Map<number, number[]>();
  for (const c of courses)
    lessons.set(
      c.id,
      (db.prepare(`SELECT id FROM Lesson WHERE courseId = ?`).all(c.id) as { id: number }[]).map((r) => r.id),
    );
  const insertLesson = db.prepare(
    `INSERT OR IGNORE INTO LessonProgress (personId, lessonId, fiscalYear, completedAt) VALUES (?, ?, ?, ?)`,
  );
  const slots = newIds.length * YEARS.length * courses.length;
  const share = Math.min(1, attempts / 2.3 / slots);
  let made = 0;
  db.transaction(() => {
    for (const personId of newIds) {
      for (const year of YEARS) {
        for (const course of courses) {
          if (made >= attempts) return;
          if (((personId * 2654435761 + course.id * 97 + year * 31) % 1000) / 1000 >= share) continue;
          const at = ts(new Date(Date.UTC(year - 543 - 1, 11, 1 + ((personId + course.id) % 27))));
          const pre = (personId * 7 + course.id * 3 + year) % 12;
          const post = Math.min(15, pre + ((personId + year) % 7));
          const tries = post * 100 >= 80 * 15 || (personId + course.id) % 3 ? [post] : [post, Math.min(15, post + 3)];
          const rows: [string, number, number][] = [
            ["pre", 1, pre],
            ...tries.map((c, i) => ["post", i + 1, c] as [string, number, number]),
          ];
          for (const [kind, number, correct] of rows) {
            // Attempt items (15 each) for the benchmark year, where HR's course page reads them; a submitted
            // attempt takes no more items (a trigger), so it is submitted after them.
            const withItems = year === 2569;
            const info = insertAttempt.run(
              personId,
              course.id,
              kind,
              year,
              number,
              at,
              withItems ? null : at,
              correct,
              kind === "post" ? (correct * 100 >= 80 * 15 ? 1 : 0) : null,
            );
            made++;
            if (withItems) {
              const qs = questions.get(course.id)!;
              for (let p = 0; p < 15; p++)
                insertItem.run(info.lastInsertRowid, p, qs[p % qs.length], p % 4, p < correct ? 1 : 0);
              submit.run(at, info.lastInsertRowid);
            }
          }
          if (year === 2569)
            for (const lessonId of lessons.get(course.id)!) insertLesson.run(personId, lessonId, year, at);
        }
      }
    }
  })();

  // The registers, in proportion: every demo row copied `scale` times onto new people.
  const person = (copy: number, row: Record<string, unknown>) =>
    newIds[((copy - 1) * 7919 + Number(row.id ?? 0) * 104729 + Number(row.personId ?? 0)) % newIds.length]!;
  db.transaction(() => {
    copyRows(db, "GiftReport", scale, (r, copy) => ({ ...r, personId: person(copy, r), supersedesId: null }));
    let k = 0;
    copyRows(db, "NoGiftDeclaration", scale, (r) => ({ ...r, personId: newIds[k++ % newIds.length] }));
    copyRows(db, "ConflictDeclaration", scale, (r, copy) => ({
      ...r,
      personId: person(copy, r),
      committeeRecusalId: null,
    }));
    const complaints = copyRows(db, "Complaint", scale, (r, copy) => ({
      ...r,
      receiptHash: `${r.receiptHash as string}-${copy}`,
    }));
    // copyRows makes copies in order, so an old row's copy number n is its new ids' entry n - 1.
    copyRows(db, "ComplaintMessage", scale, (r, copy) => ({
      ...r,
      complaintId: complaints.get(r.complaintId as number)![copy - 1],
    }));
    const risks = copyRows(db, "Risk", scale, (r) => ({ ...r, source: "app", sequence: null }));
    const measures = copyRows(db, "RiskMeasure", scale, (r, copy) => ({
      ...r,
      riskId: risks.get(r.riskId as number)![copy - 1],
    }));
    copyRows(db, "RiskFollowUp", scale, (r, copy) => ({
      ...r,
      measureId: measures.get(r.measureId as number)![copy - 1],
    }));
    // Acknowledgements: about half of the new people acknowledge each document.
    const documents = db.prepare(`SELECT id, publishedAt FROM PolicyDocument`).all() as {
      id: number;
      publishedAt: string;
    }[];
    const ack = db.prepare(
      `INSERT OR IGNORE INTO PolicyAcknowledgement (documentId, personId, acknowledgedAt) VALUES (?, ?, ?)`,
    );
    for (const d of documents) for (const id of newIds) if (id % 2) ack.run(d.id, id, d.publishedAt);
  })();
  db.close();
  migrate(file);
  return { file, made };
}

export function counts(file: string) {
  const db = new Database(file, { readonly: true });
  const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n;
  const out = Object.fromEntries(
    [
      "Person",
      "Attempt",
      "AttemptItem",
      "LessonProgress",
      "GiftReport",
      "NoGiftDeclaration",
      "ConflictDeclaration",
      "Complaint",
      "Risk",
      "RiskMeasure",
      "PolicyAcknowledgement",
    ].map((t) => [t, n(t)]),
  );
  db.close();
  return out;
}
