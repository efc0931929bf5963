import { db } from "./db.server";

// Password guessing limits (docs/decisions/023). Every password check first takes a slot in one transaction that
// counts the earlier ones (SQLite has one writer, and decision 008 serializes our connection), so 100 parallel
// guesses cannot all be checked: at most LIMIT of them get a slot. A slot is "pending" until the check ends, then
// "failed" or "ok"; pending and failed slots count.

export const ATTEMPT_WINDOW_MS = 15 * 60 * 1000;
/** Per username (sign-in) or per person (password prompts inside a session). */
export const MAX_FAILURES_PER_SUBJECT = 5;
/** Failures from one address in the window after which the address counts as hostile. */
export const HOSTILE_ADDRESS_FAILURES = 30;
/** From a hostile address, each username gets this many failures, not 5, and waits HOSTILE_DELAY_MS first. */
export const MAX_FAILURES_FROM_HOSTILE_ADDRESS = 2;
export const HOSTILE_DELAY_MS = 1000;

export type AttemptScope = "sign_in" | "prompt";
export type AttemptSlot = { id: number; slowDown: boolean };

const COUNTED = { in: ["pending", "failed"] };

/** A slot for one password check, or null when the limit is reached (nothing is checked then). */
export async function takeAttemptSlot(
  scope: AttemptScope,
  subject: string,
  ip: string | null,
  now = new Date(),
): Promise<AttemptSlot | null> {
  const since = new Date(now.getTime() - ATTEMPT_WINDOW_MS);
  return db.$transaction(async (tx) => {
    await tx.passwordAttempt.deleteMany({ where: { at: { lt: since } } }); // the audit log keeps the history
    const bySubject = await tx.passwordAttempt.count({
      where: { scope, subject, at: { gte: since }, outcome: COUNTED },
    });
    if (bySubject >= MAX_FAILURES_PER_SUBJECT) return null;
    let slowDown = false;
    if (scope === "sign_in" && ip) {
      const byAddress = await tx.passwordAttempt.count({ where: { scope, ip, at: { gte: since }, outcome: COUNTED } });
      if (byAddress >= HOSTILE_ADDRESS_FAILURES) {
        // A hostile address may still sign in to an account it has not been guessing at (a colleague behind the
        // same NAT), slowly; an account it has already failed twice gets no more guesses from it.
        const fromHere = await tx.passwordAttempt.count({
          where: { scope, subject, ip, at: { gte: since }, outcome: COUNTED },
        });
        if (fromHere >= MAX_FAILURES_FROM_HOSTILE_ADDRESS) return null;
        slowDown = true;
      }
    }
    const slot = await tx.passwordAttempt.create({ data: { scope, subject, ip, at: now } });
    return { id: slot.id, slowDown };
  });
}

export async function settleAttemptSlot(slot: AttemptSlot, ok: boolean): Promise<void> {
  await db.passwordAttempt.update({ where: { id: slot.id }, data: { outcome: ok ? "ok" : "failed" } });
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
