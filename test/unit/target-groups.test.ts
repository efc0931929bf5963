import { describe, expect, it } from "vitest";
import type { GroupRules } from "~/domain/indicators";
import { isGroupMember, NO_NAMED_MEMBERS, type NamedMembers } from "~/domain/target-groups";

const at = new Date("2026-11-25T00:00:00Z");
const person = (
  id: number,
  over: Partial<{
    personnelType: string;
    divisionId: number;
    position: string;
    activeUntil: Date | null;
    deactivatedAt: Date | null;
    activeFrom: Date;
  }> = {},
) => ({
  id,
  personnelType: "municipal_officer",
  divisionId: 10,
  position: "นักวิชาการพัสดุ",
  activeFrom: new Date("2020-01-01T00:00:00Z"),
  activeUntil: null,
  deactivatedAt: null,
  ...over,
});
const officersInProcurement: GroupRules = {
  personnelTypes: ["municipal_officer"],
  divisionIds: [10, 11],
  positionIncludes: "พัสดุ",
};
const named = (included: number[], excluded: number[]): NamedMembers => ({
  included: new Set(included),
  excluded: new Set(excluded),
});

describe("target group membership", () => {
  it("follows the rules when nobody is named", () => {
    expect(isGroupMember(person(1), officersInProcurement, NO_NAMED_MEMBERS, at)).toBe(true);
    expect(isGroupMember(person(2, { personnelType: "teacher" }), officersInProcurement, NO_NAMED_MEMBERS, at)).toBe(
      false,
    );
    expect(isGroupMember(person(3, { divisionId: 99 }), officersInProcurement, NO_NAMED_MEMBERS, at)).toBe(false);
    expect(isGroupMember(person(4, { position: "นิติกร" }), officersInProcurement, NO_NAMED_MEMBERS, at)).toBe(false);
  });

  it("leaves out a person named out, though the rules match", () => {
    expect(isGroupMember(person(1), officersInProcurement, named([], [1]), at)).toBe(false);
    expect(isGroupMember(person(5), officersInProcurement, named([], [1]), at)).toBe(true);
  });

  it("takes in a person named in, though the rules do not match", () => {
    expect(
      isGroupMember(person(2, { personnelType: "teacher", divisionId: 99 }), officersInProcurement, named([2], []), at),
    ).toBe(true);
  });

  it("counts nobody who is not active on the date, named in or not", () => {
    const left = person(6, { activeUntil: new Date("2026-10-01T00:00:00Z") });
    const deactivated = person(7, { deactivatedAt: new Date("2026-11-01T00:00:00Z") });
    const notYet = person(8, { activeFrom: new Date("2026-12-01T00:00:00Z") });
    for (const p of [left, deactivated, notYet]) {
      expect(isGroupMember(p, officersInProcurement, NO_NAMED_MEMBERS, at)).toBe(false);
      expect(isGroupMember(p, officersInProcurement, named([p.id], []), at)).toBe(false);
    }
    // The same person counts on a date they were active.
    expect(isGroupMember(left, officersInProcurement, NO_NAMED_MEMBERS, new Date("2026-09-01T00:00:00Z"))).toBe(true);
  });

  it("treats empty rules as everyone active", () => {
    const anyone: GroupRules = { personnelTypes: [], divisionIds: null, positionIncludes: null };
    expect(isGroupMember(person(9, { personnelType: "teacher", position: "ครู" }), anyone, NO_NAMED_MEMBERS, at)).toBe(
      true,
    );
  });
});
