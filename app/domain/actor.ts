import type { Role } from "./roles";

// Who is acting, as every model and rule sees them: the person, their roles, and where the request came from
// (the address goes into the audit record).
export type Actor = { personId: number; roles: readonly Role[]; ip: string | null };

export function isHr(actor: { roles: readonly string[] }): boolean {
  return actor.roles.includes("hr") || actor.roles.includes("admin");
}

export function isAdmin(actor: { roles: readonly string[] }): boolean {
  return actor.roles.includes("admin");
}

export function isIntegrityOfficer(actor: { roles: readonly string[] }): boolean {
  return actor.roles.includes("integrity");
}

export function isManager(actor: { roles: readonly string[] }): boolean {
  return actor.roles.includes("manager");
}
