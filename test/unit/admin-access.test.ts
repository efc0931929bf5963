import { describe, expect, it } from "vitest";
import { accountChangeProblem, type AccountSnapshot } from "~/domain/admin-access";

const admin: AccountSnapshot = {
  roles: ["staff", "admin"],
  active: true,
  employeeNumber: "A1",
  name: "นายผู้ดูแล ระบบ",
  activeFrom: "2020-01-01",
  activeUntil: null,
};
const staff: AccountSnapshot = { ...admin, roles: ["staff"], employeeNumber: "S1" };

describe("admin access rule (decision 026)", () => {
  it("refuses HR any change to an admin's account, and any change of admin access", () => {
    expect(
      accountChangeProblem({
        actorRoles: ["hr"],
        before: admin,
        after: { ...admin, employeeNumber: "X" },
        activeAdmins: 3,
      })?.status,
    ).toBe(403);
    expect(
      accountChangeProblem({ actorRoles: ["hr"], before: admin, after: admin, passwordChanged: true, activeAdmins: 3 })
        ?.status,
    ).toBe(403);
    expect(
      accountChangeProblem({
        actorRoles: ["hr"],
        before: staff,
        after: { ...staff, roles: ["staff", "admin"] },
        activeAdmins: 3,
      })?.status,
    ).toBe(403);
    expect(accountChangeProblem({ actorRoles: ["hr"], before: admin, after: admin, activeAdmins: 3 })).toBeNull();
    expect(
      accountChangeProblem({
        actorRoles: ["hr"],
        before: staff,
        after: { ...staff, active: false, employeeNumber: "S2" },
        activeAdmins: 1,
      }),
    ).toBeNull();
  });
  it("lets admins change admins, never ending the last active admin's access", () => {
    expect(
      accountChangeProblem({
        actorRoles: ["admin"],
        before: admin,
        after: { ...admin, active: false },
        activeAdmins: 2,
      }),
    ).toBeNull();
    expect(
      accountChangeProblem({
        actorRoles: ["admin"],
        before: admin,
        after: { ...admin, active: false },
        activeAdmins: 1,
      })?.status,
    ).toBe(409);
    expect(
      accountChangeProblem({
        actorRoles: ["admin"],
        before: admin,
        after: { ...admin, roles: ["staff"] },
        activeAdmins: 1,
      })?.status,
    ).toBe(409);
  });
});
