import type { Role } from "./roles";

export type NavItem = { to: `/${string}`; label: string };

const ITEMS: { item: NavItem; roles: readonly Role[] | "everyone" }[] = [
  { item: { to: "/", label: "หน้าหลัก" }, roles: "everyone" },
  { item: { to: "/courses", label: "หลักสูตรของฉัน" }, roles: "everyone" },
  { item: { to: "/orders", label: "คำสั่งมอบอำนาจ" }, roles: "everyone" },
  { item: { to: "/policies", label: "ประกาศ/นโยบาย" }, roles: "everyone" },
  { item: { to: "/plan", label: "แผนและตัวชี้วัด" }, roles: "everyone" },
  { item: { to: "/salary", label: "เลื่อนขั้นเงินเดือน" }, roles: "everyone" },
  { item: { to: "/gifts", label: "ของขวัญ/ประโยชน์" }, roles: "everyone" },
  { item: { to: "/declarations", label: "แสดงส่วนได้เสีย" }, roles: "everyone" },
  { item: { to: "/unit", label: "บุคลากรในหน่วยงาน" }, roles: ["manager"] },
  { item: { to: "/risks", label: "ความเสี่ยงการทุจริต" }, roles: ["hr", "admin", "manager"] },
  { item: { to: "/hr/courses", label: "ผลการอบรม" }, roles: ["hr", "admin"] },
  { item: { to: "/hr/groups", label: "กลุ่มเป้าหมาย" }, roles: ["hr", "admin"] },
  { item: { to: "/admin/people", label: "จัดการบุคลากร" }, roles: ["hr", "admin"] },
  { item: { to: "/complaints", label: "เรื่องร้องเรียนการทุจริต" }, roles: ["integrity"] },
  { item: { to: "/admin/audit", label: "บันทึกการตรวจสอบ" }, roles: ["admin"] },
];

/** The navigation a person sees: the union of what their roles open, in a fixed order. */
export function navigationFor(roles: readonly Role[]): NavItem[] {
  return ITEMS.filter(({ roles: allowed }) => allowed === "everyone" || allowed.some((r) => roles.includes(r))).map(
    ({ item }) => item,
  );
}

/** Pages for the public (the corruption complaint channel): no sign-in, their own layout, no staff menu. */
export function isPublicPath(pathname: string): boolean {
  return pathname === "/report" || pathname.startsWith("/report/");
}

/** Whether a menu item is the page shown: home only on "/" itself, any other item on its path and the paths below. */
export function isCurrentNavItem(to: NavItem["to"], pathname: string): boolean {
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}
