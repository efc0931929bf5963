import { describe, expect, it } from "vitest";
import { loginSchema, changePasswordSchema } from "~/schemas/auth";
import { personSchema } from "~/schemas/person";
import { formDataToObject, validate } from "~/utils/forms";

describe("shared form schemas", () => {
  it("asks for both login fields in Thai", () => {
    const result = validate(loginSchema, { username: " ", password: "" });
    expect(result).toEqual({
      success: false,
      fieldErrors: { username: "กรุณากรอกเลขประจำตัวพนักงาน", password: "กรุณากรอกรหัสผ่าน" },
    });
  });

  it("requires matching new passwords of at least 8 characters", () => {
    const short = validate(changePasswordSchema, {
      currentPassword: "x",
      newPassword: "short",
      confirmPassword: "short",
    });
    expect(short.success).toBe(false);
    const mismatch = validate(changePasswordSchema, {
      currentPassword: "x",
      newPassword: "longenough1",
      confirmPassword: "longenough2",
    });
    expect(mismatch).toEqual({ success: false, fieldErrors: { confirmPassword: "รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน" } });
  });

  it("refuses an end date before the start date", () => {
    const result = validate(personSchema, {
      employeeNumber: "12345",
      title: "นาย",
      firstName: "ก",
      lastName: "ข",
      position: "ค",
      personnelType: "teacher",
      divisionId: "3",
      activeFrom: "2025-01-10",
      activeUntil: "2025-01-09",
    });
    expect(result).toEqual({ success: false, fieldErrors: { activeUntil: "วันสิ้นสุดต้องไม่ก่อนวันเริ่มปฏิบัติงาน" } });
  });

  it("turns repeated form fields into arrays only where asked", () => {
    const form = new FormData();
    form.append("roles", "staff");
    form.append("roles", "hr");
    form.append("name", "ก");
    expect(formDataToObject(form, ["roles", "missing"])).toEqual({ roles: ["staff", "hr"], name: "ก", missing: [] });
  });
});

import { safeRedirect } from "~/utils/auth.server";

describe("safeRedirect", () => {
  it("keeps paths on this site and refuses everything that could leave it", () => {
    expect(safeRedirect("/courses/no-gift?x=1#top")).toBe("/courses/no-gift?x=1#top");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "https://evil.example",
      "evil",
      "",
      null,
    ]) {
      expect(safeRedirect(bad), String(bad)).toBe("/");
    }
  });
});

import { formDataToNested } from "~/utils/forms";

describe("formDataToNested", () => {
  it("builds rows from dotted names and drops holes", () => {
    const form = new FormData();
    form.append("powers.0.kind", "approve");
    form.append("powers.2.kind", "permit");
    form.append("title", "ก");
    expect(formDataToNested(form)).toEqual({ powers: [{ kind: "approve" }, { kind: "permit" }], title: "ก" });
  });

  it("ignores prototype keys and huge indexes sent by a client", () => {
    const form = new FormData();
    form.append("__proto__.polluted", "yes");
    form.append("constructor.prototype.polluted", "yes");
    form.append("delegates.4294967294.employeeNumber", "1");
    form.append("delegates.0.employeeNumber", "2");
    const out = formDataToNested(form);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(out).toEqual({ delegates: [{ employeeNumber: "2" }] });
  });
});
