import { describe, expect, it } from "vitest";
import { splitThaiName } from "~/domain/personnel";

describe("splitThaiName", () => {
  it("separates the Thai title from the names", () => {
    expect(splitThaiName("นางสาวพิมพ์ชนก วงศ์ลำปาง")).toEqual({
      title: "นางสาว",
      firstName: "พิมพ์ชนก",
      lastName: "วงศ์ลำปาง",
    });
    expect(splitThaiName("นาย สมชาย  ใจดี")).toEqual({ title: "นาย", firstName: "สมชาย", lastName: "ใจดี" });
    expect(splitThaiName("สมหญิง ศรีสุข")).toEqual({ title: "", firstName: "สมหญิง", lastName: "ศรีสุข" });
  });
});
