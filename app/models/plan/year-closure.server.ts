import { isHr, type Actor } from "~/domain/actor";
import { refusal } from "~/domain/refusal";
import { closeFiscalYear, computationDate, computeIndicators } from "~/models/plan/indicators.server";
import { db } from "~/utils/db.server";

// Closing a fiscal year freezes its indicator results for good (a big change that cannot be undone), so HR first
// sees what will happen (which year, how many indicators are frozen) and confirms by naming the year.

/** What closing the year would do, for the confirmation step; null when the year cannot be closed now. */
export async function yearClosurePreview(fiscalYear: number, actor: Pick<Actor, "roles">, now = new Date()) {
  if (!isHr(actor) || !computationDate(fiscalYear, now).yearClosed) return null;
  if (await db.fiscalYearClosure.findUnique({ where: { fiscalYear } })) return null;
  const results = await computeIndicators(fiscalYear, { now });
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return {
    year: fiscalYear,
    indicators: results.length,
    met: count("met"),
    notMet: count("not_met"),
    noData: count("no_data") + count("no_instrument"),
  };
}

/**
 * Closes the year only when the confirmation names the same year (a stale or forged form changes nothing).
 * Returns how many indicator results were frozen.
 */
export async function confirmYearClosure(fiscalYear: number, confirmedYear: string, actor: Actor, now = new Date()) {
  if (!isHr(actor)) throw refusal(403, "เฉพาะกองการเจ้าหน้าที่และผู้ดูแลระบบเท่านั้นที่ปิดปีงบประมาณได้");
  if (!Number.isInteger(fiscalYear)) throw refusal(400, "ไม่ได้ระบุปีงบประมาณที่จะปิด");
  if (confirmedYear.trim() !== String(fiscalYear)) {
    throw refusal(400, `ยังไม่ได้ยืนยัน: พิมพ์ปีงบประมาณ ${fiscalYear} ในช่องยืนยันก่อนกดปิดปีงบประมาณ`);
  }
  return closeFiscalYear(fiscalYear, { personId: actor.personId, ip: actor.ip }, now);
}
