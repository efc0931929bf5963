import { json } from "@remix-run/node";

// Route parameters and query numbers, parsed in one place. Database ids are SQLite integers that Prisma reads as
// 32-bit Int, so anything that is not a whole number in 1…2³¹−1 (2147483648, 1e400, 1.5, -1, 0x10) is "not found"
// here instead of a Prisma validation error (a 500) further down.

export const MAX_ID = 2_147_483_647;
export const MAX_PAGE = 100_000;

export function parseId(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_ID ? id : null;
}

/** The id in a route parameter, or a Thai 404 page. */
export function idParam(raw: string | undefined, message = "ไม่พบรายการที่ต้องการ"): number {
  const id = parseId(raw);
  if (id === null) throw json({ message }, { status: 404 });
  return id;
}

/** ?page= as a whole number from 1 to MAX_PAGE; anything else (1e308, -5, abc) is page 1. */
export function pageParam(source: Request | URL, name = "page"): number {
  const url = source instanceof URL ? source : new URL(source.url);
  const raw = url.searchParams.get(name) ?? "";
  if (!/^[0-9]{1,6}$/.test(raw)) return 1;
  return Math.min(MAX_PAGE, Math.max(1, Number(raw)));
}

/** A calendar day written yyyy-mm-dd (CE, 1900–2200) that exists (no 30 February), or null. */
export function isoDayParam(raw: string | null | undefined): { year: number; month: number; day: number } | null {
  const match = raw?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day ? { year, month, day } : null;
}
