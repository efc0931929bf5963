import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { db, sqlite, type Db, type Tx } from "./db.server";

// Sessions per Lucia's guide (docs/decisions/002): token "<id>.<secret>"; the database keeps SHA-256(secret),
// so a leaked table cannot be replayed. Expiry slides: activity in the second half of the idle window renews it,
// but never past the absolute lifetime counted from sign-in (docs/decisions/024).

export const SESSION_COOKIE = "sujarit_session";
/** Idle expiry: a session unused this long ends. */
export const SESSION_TTL_MS = 2 * 60 * 60 * 1000;
/** Absolute lifetime: however busy, a session ends this long after sign-in (one working day). */
export const SESSION_MAX_LIFETIME_MS = 12 * 60 * 60 * 1000;
const RENEW_WHEN_LEFT_MS = SESSION_TTL_MS / 2;
const COOKIE_MAX_AGE_S = SESSION_MAX_LIFETIME_MS / 1000; // the server-side expiry is the one that counts

function randomPart(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

const hashSecret = (secret: string) => sha256(new TextEncoder().encode(secret));

export async function createSession(tx: Tx | Db, personId: number, now = new Date()): Promise<string> {
  const id = randomPart();
  const secret = randomPart();
  await tx.session.create({
    data: {
      id,
      secretHash: Buffer.from(hashSecret(secret)),
      personId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + Math.min(SESSION_TTL_MS, SESSION_MAX_LIFETIME_MS)),
    },
  });
  return `${id}.${secret}`;
}

export type SessionPerson = {
  id: number;
  employeeNumber: string;
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  divisionId: number;
  divisionName: string;
  activeUntil: Date | null;
  deactivatedAt: Date | null;
  mustChangePassword: boolean;
  roles: string[];
};
export type ValidSession = { id: string; personId: number; expiresAt: Date; person: SessionPerson };

// As stored: times are ISO text, flags 0/1 (the direct path returns the stored values).
type SessionRow = {
  id: string;
  secretHash: Uint8Array;
  createdAt: string;
  expiresAt: string;
  mustChangePassword: number | boolean;
  personId: number;
  employeeNumber: string;
  title: string;
  firstName: string;
  lastName: string;
  position: string;
  divisionId: number;
  divisionName: string;
  activeUntil: string | null;
  deactivatedAt: string | null;
  roles: string | null;
};

// Every signed-in request runs this, so it is one SQL statement rather than three Prisma queries (decision 007),
// on the direct path (decision 054: 0.23 ms through Prisma's raw query, a few µs directly).
const SESSION_WITH_PERSON = `
  SELECT s."id", s."secretHash", s."createdAt", s."expiresAt", s."personId", p."mustChangePassword",
         p."employeeNumber", p."title", p."firstName", p."lastName", p."position", p."divisionId",
         p."activeUntil", p."deactivatedAt", d."name" AS "divisionName",
         (SELECT group_concat(r."role") FROM "PersonRole" r WHERE r."personId" = p."id") AS "roles"
  FROM "Session" s JOIN "Person" p ON p."id" = s."personId" JOIN "Division" d ON d."id" = p."divisionId"
  WHERE s."id" = ?`;

export async function validateSessionToken(token: string, now = new Date()): Promise<ValidSession | null> {
  const [id, secret, extra] = token.split(".");
  if (!id || !secret || extra !== undefined) return null;
  const [row] = await sqlite.read((sql) => sql.all<SessionRow>(SESSION_WITH_PERSON, id));
  if (!row) return null;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
  const absoluteEnd = new Date(row.createdAt).getTime() + SESSION_MAX_LIFETIME_MS;
  const storedExpiry = new Date(row.expiresAt);
  if (storedExpiry.getTime() <= now.getTime() || absoluteEnd <= now.getTime()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  let expiresAt = storedExpiry;
  if (expiresAt.getTime() - now.getTime() < RENEW_WHEN_LEFT_MS && expiresAt.getTime() < absoluteEnd) {
    expiresAt = new Date(Math.min(now.getTime() + SESSION_TTL_MS, absoluteEnd));
    await db.session.update({ where: { id }, data: { expiresAt } });
  }
  return {
    id,
    personId: row.personId,
    expiresAt,
    person: {
      id: row.personId,
      employeeNumber: row.employeeNumber,
      title: row.title,
      firstName: row.firstName,
      lastName: row.lastName,
      position: row.position,
      divisionId: row.divisionId,
      divisionName: row.divisionName,
      activeUntil: row.activeUntil == null ? null : new Date(row.activeUntil),
      deactivatedAt: row.deactivatedAt == null ? null : new Date(row.deactivatedAt),
      mustChangePassword: Boolean(row.mustChangePassword),
      roles: row.roles ? row.roles.split(",") : [],
    },
  };
}

export const sessionIdOf = (token: string) => token.split(".")[0] ?? "";

export async function invalidateSession(tx: Tx | Db, sessionId: string): Promise<void> {
  await tx.session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateAllSessions(tx: Tx | Db, personId: number, exceptSessionId?: string) {
  await tx.session.deleteMany({
    where: { personId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
}

function secureCookies(): boolean {
  if (process.env.SESSION_COOKIE_SECURE) return process.env.SESSION_COOKIE_SECURE === "true";
  return process.env.NODE_ENV === "production";
}

export function sessionCookie(token: string): string {
  const parts = [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${COOKIE_MAX_AGE_S}`];
  if (secureCookies()) parts.push("Secure");
  return parts.join("; ");
}

export function clearedSessionCookie(): string {
  const parts = [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0"];
  if (secureCookies()) parts.push("Secure");
  return parts.join("; ");
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const pair of header.split(";")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = pair.slice(eq + 1).trim();
      return value || null;
    }
  }
  return null;
}
