import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, demoRoster } from "../../prisma/demo-roster";
import { loadDivisions } from "~/content/organization.server";

describe("demo roster", () => {
  const roster = demoRoster();
  const count = (type: string) => roster.filter((p) => p.personnelType === type).length;

  it("is deterministic", () => {
    expect(demoRoster()).toEqual(roster);
  });

  it("is sized like the plan's target groups", () => {
    expect(roster.length).toBeGreaterThanOrEqual(520);
    expect(roster.length).toBeLessThanOrEqual(560);
    const employees = count("municipal_officer") + count("permanent_employee") + count("contract_employee");
    expect(employees).toBeGreaterThanOrEqual(460);
    expect(employees).toBeLessThanOrEqual(520);
    expect(count("council_member")).toBe(24);
    expect(count("executive")).toBeGreaterThanOrEqual(4);
    expect(count("teacher")).toBeGreaterThan(20);
    const engineering = roster.filter((p) => p.divisionCode.startsWith("engineering")).length;
    expect(engineering).toBeGreaterThanOrEqual(45);
    expect(engineering).toBeLessThanOrEqual(55);
  });

  it("has unique employee numbers and names, and only known divisions", () => {
    expect(new Set(roster.map((p) => p.employeeNumber)).size).toBe(roster.length);
    expect(new Set(roster.map((p) => `${p.firstName} ${p.lastName}`)).size).toBe(roster.length);
    const codes = new Set(loadDivisions().map((d) => d.code));
    expect(roster.filter((p) => !codes.has(p.divisionCode))).toEqual([]);
  });

  it("has one demo account per role", () => {
    for (const role of ["staff", "hr", "manager", "admin"]) {
      expect(DEMO_ACCOUNTS.some((a) => a.roles.includes(role))).toBe(true);
    }
  });
});
