// Thai dates in the Buddhist era, always in Asia/Bangkok, so the server and the browser render the same text.
export const THAI_TIME_ZONE = "Asia/Bangkok";

const dateLong = new Intl.DateTimeFormat("th-TH-u-ca-buddhist", {
  timeZone: THAI_TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
});
const dateShort = new Intl.DateTimeFormat("th-TH-u-ca-buddhist", {
  timeZone: THAI_TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
});
const time = new Intl.DateTimeFormat("th-TH-u-ca-buddhist", {
  timeZone: THAI_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

type DateInput = Date | string | number;
const toDate = (value: DateInput) => (value instanceof Date ? value : new Date(value));

/** "25 พฤศจิกายน 2569" */
export function formatThaiDate(value: DateInput): string {
  return dateLong.format(toDate(value));
}

/** "25 พ.ย. 2569" */
export function formatThaiDateShort(value: DateInput): string {
  return dateShort.format(toDate(value));
}

/** "25 พ.ย. 2569 14:05 น." */
export function formatThaiDateTime(value: DateInput): string {
  const date = toDate(value);
  return `${dateShort.format(date)} ${time.format(date)} น.`;
}

/** Bangkok has been UTC+7 without daylight saving since 1920, so its calendar date is plain arithmetic. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/**
 * The calendar date in Bangkok, as numbers (CE year). Arithmetic rather than Intl.DateTimeFormat: this runs for
 * every fiscal-year check, and building a formatter per call cost about 0.5 ms of each post-test submission.
 */
export function bangkokCalendarDate(value: DateInput): { year: number; month: number; day: number } {
  const shifted = new Date(toDate(value).getTime() + BANGKOK_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export const BUDDHIST_ERA_OFFSET = 543;
export const toBuddhistYear = (ceYear: number) => ceYear + BUDDHIST_ERA_OFFSET;
export const toCommonEraYear = (beYear: number) => beYear - BUDDHIST_ERA_OFFSET;

/** Midnight in Bangkok of a CE calendar date, as a UTC instant (Bangkok is UTC+7 with no daylight saving). */
export function bangkokMidnightUtc(ceYear: number, month: number, day: number): Date {
  return new Date(Date.UTC(ceYear, month - 1, day, -7, 0, 0, 0));
}
