import { bangkokCalendarDate } from "~/domain/thai-date";

/** A stored instant as the yyyy-mm-dd (CE) of its Bangkok calendar day, for <input type="date">. */
export function toDateInputValue(value: Date | string | null | undefined): string {
  if (!value) return "";
  const { year, month, day } = bangkokCalendarDate(value);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
