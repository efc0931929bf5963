// Who may change an account in a way that touches administrator access (decision 026). Pure.
//
// - An administrator's account (name, employee number = the sign-in name, active state and dates, password) is
//   changed by administrators only.
// - Any change that takes admin access away (or gives it) is for administrators only.
// - The last active administrator can never lose admin access, whoever asks.

export type AccountSnapshot = {
  roles: readonly string[];
  /** Active today: not deactivated and within activeFrom/activeUntil. */
  active: boolean;
  employeeNumber: string;
  name: string;
  activeFrom: string;
  activeUntil: string | null;
};

export type AccountChange = {
  actorRoles: readonly string[];
  before: AccountSnapshot;
  after: AccountSnapshot;
  passwordChanged?: boolean;
  /** Active administrators before the change, the target included if they are one. */
  activeAdmins: number;
};

export type AccessProblem = { status: 403 | 409; message: string } | null;

export const ADMIN_ONLY_MESSAGE = "เฉพาะผู้ดูแลระบบเท่านั้นที่แก้ไขบัญชีของผู้ดูแลระบบ หรือเปลี่ยนสิทธิ์ผู้ดูแลระบบได้";
export const LAST_ADMIN_MESSAGE = "ต้องมีผู้ดูแลระบบที่ใช้งานได้อย่างน้อย 1 คน จึงระงับหรือถอดสิทธิ์ผู้ดูแลระบบคนสุดท้ายไม่ได้";

export const hasAdminAccess = (a: Pick<AccountSnapshot, "roles" | "active">) => a.active && a.roles.includes("admin");

function accountFieldsChanged(c: AccountChange): boolean {
  const { before: b, after: a } = c;
  return (
    Boolean(c.passwordChanged) ||
    b.active !== a.active ||
    b.employeeNumber !== a.employeeNumber ||
    b.name !== a.name ||
    b.activeFrom !== a.activeFrom ||
    b.activeUntil !== a.activeUntil
  );
}

/** Null when the change is allowed; otherwise the status and the Thai reason. */
export function accountChangeProblem(c: AccountChange): AccessProblem {
  const losesAccess = hasAdminAccess(c.before) && !hasAdminAccess(c.after);
  if (losesAccess && c.activeAdmins <= 1) return { status: 409, message: LAST_ADMIN_MESSAGE };
  if (c.actorRoles.includes("admin")) return null;
  const gainsAccess = !hasAdminAccess(c.before) && hasAdminAccess(c.after);
  const adminAccount = c.before.roles.includes("admin") || c.after.roles.includes("admin");
  if (losesAccess || gainsAccess || (adminAccount && accountFieldsChanged(c)))
    return { status: 403, message: ADMIN_ONLY_MESSAGE };
  return null;
}
