export const ROLES = ["staff", "hr", "manager", "integrity", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  staff: "บุคลากร",
  hr: "กองการเจ้าหน้าที่ (HR)",
  manager: "ผู้บังคับบัญชา",
  integrity: "ผู้รับผิดชอบเรื่องร้องเรียนการทุจริต",
  admin: "ผู้ดูแลระบบ",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(held: readonly string[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => held.includes(role));
}
