// What waits for a person on the home page (decision 047). Pure rules: what counts as waiting, whose scope a
// viewer sees, and the Thai lines the page shows. The model (app/models/home/home-page.server.ts) reads the tables
// and applies these; the other pages keep deciding what may be done.

import { bangkokDayNumber } from "./complaints";
import { fiscalYearRange } from "./fiscal-year";
import { formatCount, formatShare } from "./numbers";
import { isHr } from "./actor";

export const NOTHING_WAITING = "ไม่มีงานค้าง";
export const NOBODY_IN_SCOPE = "ยังไม่มีผู้อยู่ในกลุ่ม";

/** Whose work the viewer sees beyond their own: HR (and admins) the whole municipality, a manager their units. */
export type HomeScope = "municipality" | "unit" | "self";

export function homeScope(roles: readonly string[]): HomeScope {
  if (isHr({ roles })) return "municipality";
  if (roles.includes("manager")) return "unit";
  return "self";
}

/** An appraisal waits while its round is not published and no supervisor has recorded it. */
export function appraisalWaiting(a: {
  appraisedAt: Date | string | null;
  roundPublishedAt: Date | string | null;
}): boolean {
  return a.roundPublishedAt == null && a.appraisedAt == null;
}

/** A risk measure is overdue from the day after its due date (Bangkok calendar) until a follow-up says it is done. */
export function measureOverdue(m: { dueDate: Date | null; followUpStatuses: readonly string[] }, now: Date): boolean {
  if (!m.dueDate || m.followUpStatuses.includes("done")) return false;
  return bangkokDayNumber(m.dueDate) < bangkokDayNumber(now);
}

/** A course assigned for a fiscal year is due by the last day of that year (30 September). */
export function courseDueDate(fiscalYear: number): Date {
  return new Date(fiscalYearRange(fiscalYear).end.getTime() - 86_400_000);
}

/** Days left until the course's due date (0 on the day itself; negative once past). */
export function daysUntil(due: Date, now: Date): number {
  return bangkokDayNumber(due) - bangkokDayNumber(now);
}

export type WaitingCounts = {
  appraisals: { roundId: number; roundTitle: string; waiting: number }[];
  ordersToSign: number;
  ordersToAcknowledge: number;
  giftsToDecide: number;
  giftsOverdue: number;
  declarationsToReview: number;
  /** null when the viewer is not an integrity officer. */
  complaintsOverdue: number | null;
  riskMeasuresOverdue: number;
  noGiftDeclarationYear: number | null;
  documentsToRead: { id: number; title: string }[];
  /** HR's view of the registers across the municipality; null for everyone else. */
  oversight?: { giftsAwaiting: number; giftsOverdue: number; declarationsUnreviewed: number } | null;
};

export type WaitingItem = { key: string; text: string; to: string; count: number; urgent: boolean };

/** The lines of "what waits for you", most pressing first; only what has something waiting. */
export function waitingItems(c: WaitingCounts): WaitingItem[] {
  const items: WaitingItem[] = [];
  const add = (key: string, count: number, text: string, to: string, urgent = false) => {
    if (count > 0) items.push({ key, count, text, to, urgent });
  };
  add(
    "complaints",
    c.complaintsOverdue ?? 0,
    `เรื่องร้องเรียนเกินกำหนด ${formatCount(c.complaintsOverdue ?? 0)} เรื่อง`,
    "/complaints",
    true,
  );
  add(
    "gifts-overdue",
    c.giftsOverdue,
    `รายงานของขวัญเกินกำหนดวินิจฉัย ${formatCount(c.giftsOverdue)} รายการ`,
    "/gifts",
    true,
  );
  add(
    "risks",
    c.riskMeasuresOverdue,
    `มาตรการจัดการความเสี่ยงเลยกำหนดเสร็จ ${formatCount(c.riskMeasuresOverdue)} มาตรการ`,
    "/risks",
    true,
  );
  add("orders-sign", c.ordersToSign, `คำสั่งรอท่านลงนาม ${formatCount(c.ordersToSign)} ฉบับ`, "/orders?view=sign");
  for (const r of c.appraisals)
    add(
      `appraisals-${r.roundId}`,
      r.waiting,
      `รอประเมิน ${formatCount(r.waiting)} คน · ${r.roundTitle}`,
      `/salary/rounds/${r.roundId}`,
    );
  const onTime = c.giftsToDecide - c.giftsOverdue;
  add("gifts", onTime, `รายงานของขวัญรอท่านวินิจฉัย ${formatCount(onTime)} รายการ`, "/gifts");
  add(
    "declarations",
    c.declarationsToReview,
    `แบบแสดงส่วนได้เสียรอท่านพิจารณา ${formatCount(c.declarationsToReview)} ฉบับ`,
    "/declarations",
  );
  add(
    "orders-acknowledge",
    c.ordersToAcknowledge,
    `คำสั่งรอท่านรับทราบ ${formatCount(c.ordersToAcknowledge)} ฉบับ`,
    "/orders?view=inbox",
  );
  const o = c.oversight;
  if (o) {
    const overdue = o.giftsOverdue > 0 ? ` (เกินกำหนด ${formatCount(o.giftsOverdue)} รายการ)` : "";
    add(
      "hr-gifts",
      o.giftsAwaiting,
      `ทั้งเทศบาล: รายงานของขวัญรอผู้บังคับบัญชาวินิจฉัย ${formatCount(o.giftsAwaiting)} รายการ${overdue}`,
      "/hr/gifts",
      o.giftsOverdue > 0,
    );
    add(
      "hr-declarations",
      o.declarationsUnreviewed,
      `ทั้งเทศบาล: แบบแสดงส่วนได้เสียที่ยังไม่ได้พิจารณา ${formatCount(o.declarationsUnreviewed)} ฉบับ`,
      "/hr/declarations",
    );
  }
  if (c.noGiftDeclarationYear != null)
    add("no-gift", 1, `ยื่นคำยืนยัน No Gift ประจำปีงบประมาณ ${c.noGiftDeclarationYear}`, "/gifts/declaration");
  for (const d of c.documentsToRead) add(`document-${d.id}`, 1, `อ่านและรับทราบ: ${d.title}`, `/policies/${d.id}`);
  return items;
}

/** "ผ่านแล้ว 1,234/2,000 รายการ (61.7%)", or that there is nobody to count. */
export function trainingProgressText(passed: number, required: number): string {
  if (!(required > 0)) return NOBODY_IN_SCOPE;
  return `ผ่านแล้ว ${formatShare(passed, required, "คน", NOBODY_IN_SCOPE)}`;
}
