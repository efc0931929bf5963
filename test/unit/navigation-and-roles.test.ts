import { describe, expect, it } from "vitest";
import { isCurrentNavItem, navigationFor } from "~/domain/navigation";
import { isActiveOn, fullName, personnelTypeLabel } from "~/domain/personnel";
import { hasAnyRole, isRole } from "~/domain/roles";

const paths = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles).map((i) => i.to);

describe("navigation by role", () => {
  it("opens the fraud-risk register to HR, admins and heads of units, not to staff", () => {
    expect(paths(["staff"])).not.toContain("/risks");
    expect(paths(["staff", "manager"])).toContain("/risks");
    expect(paths(["staff", "admin"])).toContain("/risks");
    expect(navigationFor(["hr"]).find((i) => i.to === "/risks")?.label).toBe("ความเสี่ยงการทุจริต");
  });
  it("gives staff the home page and their courses", () => {
    expect(paths(["staff"])).toEqual([
      "/",
      "/courses",
      "/orders",
      "/policies",
      "/plan",
      "/salary",
      "/gifts",
      "/declarations",
    ]);
  });
  it("gives managers their unit", () => {
    expect(paths(["staff", "manager"])).toEqual([
      "/",
      "/courses",
      "/orders",
      "/policies",
      "/plan",
      "/salary",
      "/gifts",
      "/declarations",
      "/unit",
      "/risks",
    ]);
  });
  it("gives HR training results and the people pages but not the audit log", () => {
    expect(paths(["staff", "hr"])).toEqual([
      "/",
      "/courses",
      "/orders",
      "/policies",
      "/plan",
      "/salary",
      "/gifts",
      "/declarations",
      "/risks",
      "/hr/courses",
      "/hr/groups",
      "/admin/people",
    ]);
  });
  it("gives admins people and the audit log, without duplicates when they are HR too", () => {
    expect(paths(["staff", "hr", "admin"])).toEqual([
      "/",
      "/courses",
      "/orders",
      "/policies",
      "/plan",
      "/salary",
      "/gifts",
      "/declarations",
      "/risks",
      "/hr/courses",
      "/hr/groups",
      "/admin/people",
      "/admin/audit",
    ]);
  });
});

describe("roles", () => {
  it("recognises only the four roles", () => {
    expect(["staff", "hr", "manager", "admin", "root", ""].filter(isRole)).toEqual(["staff", "hr", "manager", "admin"]);
  });
  it("matches any of the wanted roles", () => {
    expect(hasAnyRole(["staff"], ["hr", "admin"])).toBe(false);
    expect(hasAnyRole(["staff", "hr"], ["hr", "admin"])).toBe(true);
  });
});

describe("people", () => {
  const base = { activeFrom: new Date("2020-01-01"), activeUntil: null, deactivatedAt: null };
  it("is active between activeFrom and activeUntil, and not after deactivation", () => {
    expect(isActiveOn(base, new Date("2026-01-01"))).toBe(true);
    expect(isActiveOn(base, new Date("2019-12-31"))).toBe(false);
    expect(isActiveOn({ ...base, activeUntil: new Date("2025-06-01") }, new Date("2025-06-01"))).toBe(false);
    expect(isActiveOn({ ...base, activeUntil: new Date("2025-06-01") }, new Date("2025-05-31"))).toBe(true);
    expect(isActiveOn({ ...base, deactivatedAt: new Date("2024-01-01") }, new Date("2026-01-01"))).toBe(false);
  });
  it("writes Thai names with the title attached", () => {
    expect(fullName({ title: "นางสาว", firstName: "พิมพ์ชนก", lastName: "วงศ์ลำปาง" })).toBe("นางสาวพิมพ์ชนก วงศ์ลำปาง");
    expect(personnelTypeLabel("contract_employee")).toBe("พนักงานจ้าง");
  });
});

describe("the menu item of the page shown", () => {
  it("is home only on / and any other item on its path and below it, never on a longer name", () => {
    expect(isCurrentNavItem("/", "/")).toBe(true);
    expect(isCurrentNavItem("/", "/courses")).toBe(false);
    expect(isCurrentNavItem("/plan", "/plan")).toBe(true);
    expect(isCurrentNavItem("/plan", "/plan/items/3")).toBe(true);
    expect(isCurrentNavItem("/plan", "/planner")).toBe(false);
    expect(isCurrentNavItem("/hr/courses", "/hr/courses/anti-corruption")).toBe(true);
    expect(isCurrentNavItem("/hr/courses", "/hr/groups")).toBe(false);
  });
});
