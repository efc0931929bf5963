import { json, redirect } from "@remix-run/node";
import { hasAnyRole, isRole, type Role } from "~/domain/roles";
import { writeAudit } from "./audit.server";
import { db } from "./db.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { createSession, readSessionToken, validateSessionToken, type SessionPerson } from "./session.server";

export type CurrentUser = Omit<SessionPerson, "activeUntil" | "deactivatedAt" | "roles"> & { sessionId: string; roles: Role[] };

/** The signed-in, active person behind the request's session cookie, or null. */
export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
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

// Failed sign-ins are counted from the audit log, so the limit survives restarts and needs no table of its own.
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 30;

export type SignInResult =
  | { ok: true; token: string; personId: number }
  | { ok: false; reason: "invalid" | "throttled" };

export async function signIn(username: string, password: string, ip: string | null): Promise<SignInResult> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const [byUsername, byIp] = await Promise.all([
    db.auditLog.count({ where: { action: "auth.sign_in_failed", entityId: username, at: { gte: since } } }),
    ip ? db.auditLog.count({ where: { action: "auth.sign_in_failed", ip, at: { gte: since } } }) : 0,
  ]);
  if (byUsername >= MAX_FAILURES_PER_USERNAME || byIp >= MAX_FAILURES_PER_IP) {
    await writeAudit(db, { actorId: null, action: "auth.sign_in_throttled", entityType: "Person", entityId: username, ip });
    return { ok: false, reason: "throttled" };
  }

  const person = await db.person.findUnique({ where: { employeeNumber: username } });
  const usable =
    person && person.passwordHash && !person.deactivatedAt && (!person.activeUntil || person.activeUntil > new Date());
  const passwordOk = await verifyPassword(usable ? person.passwordHash! : await dummyPasswordHash(), password);

  if (!usable || !passwordOk) {
    await writeAudit(db, { actorId: person?.id ?? null, action: "auth.sign_in_failed", entityType: "Person", entityId: username, ip });
    return { ok: false, reason: "invalid" };
  }

  const token = await db.$transaction(async (tx) => {
    const token = await createSession(tx, person.id);
    await writeAudit(tx, { actorId: person.id, action: "auth.sign_in", entityType: "Person", entityId: username, ip });
    return token;
  });
  return { ok: true, token, personId: person.id };
}

/** Only paths on this site, so /login?redirectTo= cannot send people elsewhere (tabs, backslashes, //host…). */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string" || !to.startsWith("/")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  const base = "http://sujarit.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
