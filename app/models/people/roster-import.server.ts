import { normalizeDate, parseCsv } from "~/domain/csv-parse";
import { PERSONNEL_TYPES, PERSONNEL_TYPE_LABELS } from "~/domain/personnel";
import { refusal } from "~/domain/refusal";
import { ROSTER_COLUMNS } from "~/domain/roster-columns";
import { personSchema, type PersonInput } from "~/schemas/person";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { auditable, guardAccountChange, toRow, type PeopleActor } from "./people.server";

// Roster import (CSV with Thai headers): a dry run that says what each row would do, then an all-or-nothing apply.

export type RosterRowPlan = {
  line: number;
  employeeNumber: string;
  name: string;
  action: "create" | "update" | "unchanged" | "error";
  errors: string[];
  changes: string[];
  input?: PersonInput;
};

function unknownPersonnelType(value: string, line: number): string {
  const allowed = Object.values(PERSONNEL_TYPE_LABELS).join(", ");
  return value
    ? `แถว ${line}: ไม่รู้จักประเภทบุคลากร "${value}" (ใช้ได้: ${allowed})`
    : `แถว ${line}: ยังไม่ได้ระบุประเภทบุคลากร (ใช้ได้: ${allowed})`;
}

export async function planRosterImport(text: string): Promise<{ rows: RosterRowPlan[]; headerErrors: string[] }> {
  const table = parseCsv(text);
  const [header, ...body] = table;
  if (!header) return { rows: [], headerErrors: ["ไฟล์ว่าง"] };
  const index = Object.fromEntries(
    Object.entries(ROSTER_COLUMNS).map(([key, label]) => [key, header.findIndex((h) => h.trim() === label)]),
  );
  const missing = Object.entries(ROSTER_COLUMNS)
    .filter(([key]) => key !== "activeUntil" && index[key] === -1)
    .map(([, label]) => label);
  if (missing.length) return { rows: [], headerErrors: [`ไม่พบคอลัมน์: ${missing.join(", ")}`] };
  if (body.length > 5000) return { rows: [], headerErrors: ["นำเข้าได้ครั้งละไม่เกิน 5,000 แถว"] };

  const divisions = await db.division.findMany();
  const existing = new Map((await db.person.findMany()).map((p) => [p.employeeNumber, p]));
  const typeByLabel = new Map(Object.entries(PERSONNEL_TYPE_LABELS).map(([code, label]) => [label, code]));
  const seen = new Set<string>();
  const rows = body.map((cells, i): RosterRowPlan => {
    const cell = (key: keyof typeof ROSTER_COLUMNS) => (index[key]! >= 0 ? (cells[index[key]!] ?? "").trim() : "");
    const errors: string[] = [];
    const typeText = cell("personnelType");
    const personnelType = (PERSONNEL_TYPES as readonly string[]).includes(typeText)
      ? typeText
      : (typeByLabel.get(typeText) ?? "");
    if (!personnelType) errors.push(unknownPersonnelType(typeText, i + 2));
    const divisionText = cell("division");
    const division = divisions.find((d) => d.code === divisionText || d.name === divisionText);
    if (!division) errors.push(`ไม่พบหน่วยงาน "${divisionText}"`);
    const activeFrom = normalizeDate(cell("activeFrom"));
    const untilText = cell("activeUntil");
    const activeUntil = untilText ? normalizeDate(untilText) : "";
    if (!activeFrom) errors.push("วันเริ่มปฏิบัติงานต้องเป็น ปปปป-ดด-วว");
    if (untilText && !activeUntil) errors.push("วันสิ้นสุดต้องเป็น ปปปป-ดด-วว");
    const candidate = {
      employeeNumber: cell("employeeNumber"),
      title: cell("title"),
      firstName: cell("firstName"),
      lastName: cell("lastName"),
      position: cell("position"),
      personnelType,
      divisionId: division?.id ?? 0,
      activeFrom: activeFrom ?? "",
      activeUntil: activeUntil ?? "",
    };
    const parsed = personSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (field === "divisionId" && !division) continue;
        if (field === "personnelType") continue; // said above, with the value and the row
        if ((field === "activeFrom" || field === "activeUntil") && errors.some((e) => e.startsWith("วัน"))) continue;
        errors.push(`${ROSTER_COLUMNS[field as keyof typeof ROSTER_COLUMNS] ?? field}: ${issue.message}`);
      }
    }
    if (candidate.employeeNumber && seen.has(candidate.employeeNumber)) errors.push("เลขประจำตัวซ้ำกับแถวก่อนหน้าในไฟล์");
    seen.add(candidate.employeeNumber);
    const base = {
      line: i + 2,
      employeeNumber: candidate.employeeNumber,
      name: `${candidate.title}${candidate.firstName} ${candidate.lastName}`,
    };
    if (errors.length || !parsed.success) return { ...base, action: "error", errors, changes: [] };
    const before = existing.get(candidate.employeeNumber);
    if (!before) return { ...base, action: "create", errors: [], changes: [], input: parsed.data };
    const next = toRow(parsed.data);
    const changes = (Object.keys(next) as (keyof typeof next)[]).filter((k) => {
      const a = before[k];
      const b = next[k];
      return a instanceof Date || b instanceof Date
        ? (a as Date | null)?.getTime() !== (b as Date | null)?.getTime()
        : a !== b;
    });
    const label = (k: string) =>
      k === "divisionId" ? ROSTER_COLUMNS.division : (ROSTER_COLUMNS[k as keyof typeof ROSTER_COLUMNS] ?? k);
    return {
      ...base,
      action: changes.length ? "update" : "unchanged",
      errors: [],
      changes: changes.map(label),
      input: parsed.data,
    };
  });
  return { rows, headerErrors: [] };
}

export async function applyRosterImport(text: string, actor: PeopleActor) {
  const plan = await planRosterImport(text);
  if (plan.headerErrors.length || plan.rows.some((r) => r.action === "error")) {
    throw refusal(400, "ไฟล์ยังมีแถวที่ไม่ถูกต้อง แก้ไขแล้วตรวจสอบอีกครั้งก่อนนำเข้า");
  }
  const toWrite = plan.rows.filter((r) => r.action === "create" || r.action === "update");
  await db.$transaction(
    async (tx) => {
      for (const row of toWrite) {
        const data = toRow(row.input!);
        if (row.action === "create") {
          const person = await tx.person.create({ data: { ...data, roles: { create: [{ role: "staff" }] } } });
          await writeAudit(tx, {
            ...actor,
            action: "person.created",
            entityType: "Person",
            entityId: person.employeeNumber,
            after: { ...auditable(person), roles: ["staff"], source: "roster import" },
          });
        } else {
          const before = await tx.person.findUniqueOrThrow({ where: { employeeNumber: row.employeeNumber } });
          await guardAccountChange(tx, before, actor, { row: data });
          const after = await tx.person.update({ where: { id: before.id }, data });
          await writeAudit(tx, {
            ...actor,
            action: "person.updated",
            entityType: "Person",
            entityId: after.employeeNumber,
            before: auditable(before),
            after: { ...auditable(after), source: "roster import" },
          });
        }
      }
      await writeAudit(tx, {
        ...actor,
        action: "roster.imported",
        entityType: "Roster",
        after: {
          created: toWrite.filter((r) => r.action === "create").length,
          updated: toWrite.filter((r) => r.action === "update").length,
          unchanged: plan.rows.length - toWrite.length,
        },
      });
    },
    { timeout: 120_000 },
  );
  return {
    created: toWrite.filter((r) => r.action === "create").length,
    updated: toWrite.filter((r) => r.action === "update").length,
    unchanged: plan.rows.length - toWrite.length,
  };
}
