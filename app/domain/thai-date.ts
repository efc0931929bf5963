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

/** The calendar date in Bangkok, as numbers (CE year). */
export function bangkokCalendarDate(value: DateInput): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: THAI_TIME_ZONE,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(toDate(value));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day") };
}

export const BUDDHIST_ERA_OFFSET = 543;
export const toBuddhistYear = (ceYear: number) => ceYear + BUDDHIST_ERA_OFFSET;
export const toCommonEraYear = (beYear: number) => beYear - BUDDHIST_ERA_OFFSET;

/** Midnight in Bangkok of a CE calendar date, as a UTC instant (Bangkok is UTC+7 with no daylight saving). */
export function bangkokMidnightUtc(ceYear: number, month: number, day: number): Date {
  return new Date(Date.UTC(ceYear, month - 1, day, -7, 0, 0, 0));
}
