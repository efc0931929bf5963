// Dates typed in the Buddhist era (decision 047): people enter day / month / BE year, the server receives ISO
// "YYYY-MM-DD" (CE). Pure, shared by the date field component and its tests.

export const THAI_MONTHS = [
  "มกราคม",
  "กุมภาพันธ์",
  "มีนาคม",
  "เมษายน",
  "พฤษภาคม",
  "มิถุนายน",
  "กรกฎาคม",
  "สิงหาคม",
  "กันยายน",
  "ตุลาคม",
  "พฤศจิกายน",
  "ธันวาคม",
] as const;

const BE_OFFSET = 543;
/** The BE years the field accepts (CE 1957–2157): anything else is a typing mistake. */
export const MIN_BE_YEAR = 2500;
export const MAX_BE_YEAR = 2700;

/** What a person typed, as text (the day and year boxes) and the month chosen (1–12, or "" for none). */
export type BeDateParts = { day: string; month: string; beYear: string };

const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
/** "๒๕๖๙" → "2569"; spaces trimmed. */
export function asciiDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d))).trim();
}

export function daysInMonth(ceYear: number, month: number): number {
  return new Date(Date.UTC(ceYear, month, 0)).getUTCDate();
}

/** Why the parts are not a date, in Thai, or null when they are one (or when nothing was typed at all). */
export function beDateProblem(parts: BeDateParts): string | null {
  const day = asciiDigits(parts.day);
  const month = asciiDigits(parts.month);
  const year = asciiDigits(parts.beYear);
  if (!day && !month && !year) return null;
  if (!day || !month || !year) return "กรุณากรอกวัน เดือน และปี พ.ศ. ให้ครบ";
  if (!/^\d{1,2}$/.test(day) || Number(day) < 1 || Number(day) > 31) return "วันต้องเป็นตัวเลข 1–31";
  if (!/^\d{1,2}$/.test(month) || Number(month) < 1 || Number(month) > 12) return "กรุณาเลือกเดือน";
  if (!/^\d{4}$/.test(year)) return "ปี พ.ศ. ต้องเป็นตัวเลข 4 หลัก เช่น 2569";
  const be = Number(year);
  if (be >= 1900 && be < MIN_BE_YEAR) return `ปีนี้ดูเหมือนเป็น ค.ศ. กรุณากรอกปี พ.ศ. (เช่น ${be + BE_OFFSET})`;
  if (be < MIN_BE_YEAR || be > MAX_BE_YEAR) return `ปี พ.ศ. ต้องอยู่ระหว่าง ${MIN_BE_YEAR} ถึง ${MAX_BE_YEAR}`;
  const m = Number(month);
  const max = daysInMonth(be - BE_OFFSET, m);
  if (Number(day) > max) return `เดือน${THAI_MONTHS[m - 1]} ${be} มี ${max} วัน ไม่มีวันที่ ${Number(day)}`;
  return null;
}

/** The ISO date (CE) of complete, valid parts; null otherwise. 29 กุมภาพันธ์ 2567 → "2024-02-29". */
export function isoFromBeParts(parts: BeDateParts): string | null {
  if (beDateProblem(parts) !== null) return null;
  const day = Number(asciiDigits(parts.day));
  const month = Number(asciiDigits(parts.month));
  const be = asciiDigits(parts.beYear);
  if (!be) return null;
  const ce = Number(be) - BE_OFFSET;
  return `${String(ce).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The parts of an ISO date (CE) for the fields; empty parts when the value is not a valid ISO date. */
export function beParts(iso: string | null | undefined): BeDateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!m) return { day: "", month: "", beYear: "" };
  const [ce, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(ce, month)) return { day: "", month: "", beYear: "" };
  return { day: String(day), month: String(month), beYear: String(ce + BE_OFFSET) };
}

/** "2026-11-28" → "28 พฤศจิกายน 2569" (a calendar date: no time zone involved). */
export function formatIsoDateThai(iso: string): string {
  const p = beParts(iso);
  return p.day ? `${p.day} ${THAI_MONTHS[Number(p.month) - 1]} ${p.beYear}` : "";
}

/** "2026-11-28" → "28/11/2569" */
export function formatBeDateText(iso: string): string {
  const p = beParts(iso);
  return p.day ? `${p.day.padStart(2, "0")}/${p.month.padStart(2, "0")}/${p.beYear}` : "";
}

/** "28/11/2569", "28-11-2569", "28.11.๒๕๖๙" or "28 พฤศจิกายน 2569" → the parts (not yet validated); null if the shape is wrong. */
export function splitBeDateText(text: string): BeDateParts | null {
  const t = asciiDigits(text).replace(/\s+/g, " ");
  const numeric = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (numeric) return { day: numeric[1]!, month: String(Number(numeric[2])), beYear: numeric[3]! };
  const named = /^(\d{1,2}) (\S+) (\d{4})$/.exec(t);
  if (named) {
    const month = THAI_MONTHS.findIndex((name) => name === named[2]);
    if (month >= 0) return { day: named[1]!, month: String(month + 1), beYear: named[3]! };
  }
  return null;
}

/** A typed BE date to ISO; { iso } or { problem } in Thai. */
export function parseBeDateText(text: string): { iso: string; problem: null } | { iso: null; problem: string } {
  if (!text.trim()) return { iso: null, problem: "กรุณากรอกวันที่ (วว/ดด/ปปปป พ.ศ.)" };
  const parts = splitBeDateText(text);
  if (!parts) return { iso: null, problem: "กรุณากรอกวันที่ในรูปแบบ วว/ดด/ปปปป เช่น 28/11/2569" };
  const problem = beDateProblem(parts);
  if (problem) return { iso: null, problem };
  return { iso: isoFromBeParts(parts)!, problem: null };
}
