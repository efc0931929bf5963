import { describe, expect, it } from "vitest";
import { submittedText } from "~/components/use-action-result";

describe("submittedText: a failed action's values as a form's defaults", () => {
  it("keeps the text values and leaves out anything else", () => {
    expect(submittedText({ values: { subject: "เรื่อง", details: "", count: 3, files: ["a"], nothing: null } })).toEqual({
      subject: "เรื่อง",
      details: "",
    });
  });

  it("gives no defaults without a failure or without values", () => {
    expect(submittedText(undefined)).toEqual({});
    expect(submittedText({})).toEqual({});
  });
});
