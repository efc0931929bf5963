import { json, redirect } from "@remix-run/node";
import { hasAnyRole, isRole, type Role } from "~/domain/roles";
import { writeAudit } from "./audit.server";
import { db } from "./db.server";
import { refusal } from "~/domain/refusal";
import {
  ATTEMPT_WINDOW_MS,
  HOSTILE_DELAY_MS,
  MAX_FAILURES_PER_SUBJECT,
  pause,
  settleAttemptSlot,
  takeAttemptSlot,
} from "./password-attempts.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import {
  createSession,
  invalidateSession,
  readSessionToken,
  validateSessionToken,
  type SessionPerson,
} from "./session.server";

export type CurrentUser = Omit<SessionPerson, "activeUntil" | "deactivatedAt" | "roles"> & {
  sessionId: string;
  roles: Role[];
};

/** Where a person whose password an admin reset may go before choosing their own (decision 024). */
const PASSWORD_CHANGE_PATHS = new Set(["/account", "/logout"]);

/**
 * The signed-in, active person behind the request's session cookie, or null. A person who must replace a password
 * an admin set is sent to /account from every other page (this runs in the root loader, so no page escapes).
 */
export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const user = await sessionUser(request);
  if (user?.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(new URL(request.url).pathname)) throw redirect("/account");
  return user;
}

async function sessionUser(request: Request): Promise<CurrentUser | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  const session = await validateSessionToken(token);
  if (!session) return null;
  const person = session.person;
  if (person.deactivatedAt) return null;
  if (person.activeUntil && person.activeUntil.getTime() <= Date.now()) return null;
  return {
    id: person.id,
    sessionId: session.id,
    employeeNumber: person.employeeNumber,
    title: person.title,
    firstName: person.firstName,
    lastName: person.lastName,
    position: person.position,
    divisionId: person.divisionId,
    divisionName: person.divisionName,
    mustChangePassword: person.mustChangePassword,
    roles: person.roles.filter(isRole),
  };
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(back && back !== "/" ? `/login?redirectTo=${encodeURIComponent(back)}` : "/login");
}

export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) loginRedirect(request);
  return user;
}

export function forbidden(message = "ท่านไม่มีสิทธิ์เข้าถึงหน้านี้"): Response {
  return json({ message }, { status: 403 });
}

/** The user, if they hold at least one of `roles`; otherwise a Thai 403 page (or the login page when signed out). */
export async function requireRole(request: Request, ...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!hasAnyRole(user.roles, roles)) throw forbidden();
  return user;
}

export async function requireAnonymous(request: Request): Promise<void> {
  if (await getCurrentUser(request)) throw redirect("/");
}

// Sign-in limits (docs/decisions/023, replacing 005): a slot is taken before the password is checked.
export const SIGN_IN_WINDOW_MS = ATTEMPT_WINDOW_MS;
export const MAX_FAILURES_PER_USERNAME = MAX_FAILURES_PER_SUBJECT;

export type SignInResult =
  | { ok: true; token: string; personId: number; mustChangePassword: boolean }
  | { ok: false; reason: "invalid" | "throttled" };

export async function signIn(username: string, password: string, ip: string | null): Promise<SignInResult> {
  const slot = await takeAttemptSlot("sign_in", username, ip);
  if (!slot) {
    await writeAudit(db, {
      actorId: null,
      action: "auth.sign_in_throttled",
      entityType: "Person",
      entityId: username,
      ip,
    });
    return { ok: false, reason: "throttled" };
  }
  if (slot.slowDown) await pause(HOSTILE_DELAY_MS);

  const person = await db.person.findUnique({ where: { employeeNumber: username } });
  const usable =
    person && person.passwordHash && !person.deactivatedAt && (!person.activeUntil || person.activeUntil > new Date());
  const passwordOk = await verifyPassword(usable ? person.passwordHash! : await dummyPasswordHash(), password);
  await settleAttemptSlot(slot, Boolean(usable && passwordOk));

  if (!usable || !passwordOk) {
    await writeAudit(db, {
      actorId: person?.id ?? null,
      action: "auth.sign_in_failed",
      entityType: "Person",
      entityId: username,
      ip,
    });
    return { ok: false, reason: "invalid" };
  }

  const token = await db.$transaction(async (tx) => {
    const token = await createSession(tx, person.id);
    await writeAudit(tx, { actorId: person.id, action: "auth.sign_in", entityType: "Person", entityId: username, ip });
    return token;
  });
  return { ok: true, token, personId: person.id, mustChangePassword: person.mustChangePassword };
}

/** Ends the request's session (if any), audited in the same transaction; the caller clears the cookie. */
export async function signOut(request: Request, ip: string | null): Promise<void> {
  const user = await sessionUser(request);
  if (!user) return;
  await db.$transaction(async (tx) => {
    await invalidateSession(tx, user.sessionId);
    await writeAudit(tx, {
      actorId: user.id,
      action: "auth.sign_out",
      entityType: "Person",
      entityId: user.employeeNumber,
      ip,
    });
  });
}

export const PASSWORD_PROMPT_THROTTLED = "ใส่รหัสผ่านผิดหลายครั้ง กรุณารอ 15 นาทีแล้วลองใหม่";

/**
 * A password asked again inside a session (signing an order, changing the password): at most 5 wrong answers per
 * person in 15 minutes, each failure and each refusal audited. Throws a Thai 429 refusal when throttled; returns
 * whether the password was right.
 */
export async function checkOwnPassword(
  personId: number,
  password: string,
  ip: string | null,
  purpose: "sign_order" | "change_password",
): Promise<boolean> {
  const slot = await takeAttemptSlot("prompt", String(personId), ip);
  const audit = { actorId: personId, ip, entityType: "Person", entityId: personId, after: { purpose } };
  if (!slot) {
    await writeAudit(db, { ...audit, action: "auth.password_check_throttled" });
    throw refusal(429, PASSWORD_PROMPT_THROTTLED);
  }
  const person = await db.person.findUnique({ where: { id: personId }, select: { passwordHash: true } });
  const ok = Boolean(person?.passwordHash) && (await verifyPassword(person!.passwordHash!, password));
  await settleAttemptSlot(slot, ok);
  if (!ok) await writeAudit(db, { ...audit, action: "auth.password_check_failed" });
  return ok;
}

/** Only paths on this site, so /login?redirectTo= cannot send people elsewhere (tabs, backslashes, //host…). */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string" || !to.startsWith("/")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const base = "http://sujarit.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // The normalized path can itself start with // or /\ ("/.//evil", "/%2e//evil", "/a/..//evil"): a browser
  // reads that as another host. Only a single leading slash comes out.
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!/^\/(?![/\\])/.test(path)) return fallback;
  if (new URL(path, base).origin !== base) return fallback;
  return path;
}
