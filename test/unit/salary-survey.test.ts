import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSurveyFile, salarySurvey } from "~/content/salary-survey.server";
import { ContentError } from "~/content/yaml-file.server";
import {
  answerDistributions,
  divisionBreakdown,
  isSatisfied,
  lastAnswerMoment,
  satisfactionShare,
} from "~/domain/salary-survey";
import { surveyAnswersSchema } from "~/schemas/salary";
import { bangkokMidnightUtc, formatThaiDate } from "~/domain/thai-date";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sujarit-survey-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the survey content file", () => {
  it("loads the real file: 5 to 6 statements, a 5-point scale, minimum group 5, satisfied at mean 4", () => {
    const survey = salarySurvey();
    expect(survey.statements.length).toBeGreaterThanOrEqual(5);
    expect(survey.statements.length).toBeLessThanOrEqual(6);
    expect(survey.statements.at(-1)).toContain("โดยรวม");
    expect(survey.scale).toEqual(["ไม่เห็นด้วยอย่างยิ่ง", "ไม่เห็นด้วย", "ไม่แน่ใจ", "เห็นด้วย", "เห็นด้วยอย่างยิ่ง"]);
    expect([survey.minimumGroupSize, survey.satisfiedMeanAtLeast]).toEqual([5, 4]);
  });

  it("names the file, line and field of a bad value", () => {
    const file = path.join(dir, "bad.yaml");
    fs.writeFileSync(
      file,
      [
        "title: t",
        "introduction: i",
        "scale: [a, b, c, d]",
        "statements: [x, y]",
        "minimumGroupSize: 5",
        "satisfiedMeanAtLeast: four",
        "",
      ].join("\n"),
    );
    let problems: string[] = [];
    try {
      loadSurveyFile(file);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      problems = error.problems;
    }
    expect(problems.join("\n")).toMatch(/bad\.yaml:3: scale: ต้องมีระดับความคิดเห็น 5 ระดับพอดี/);
    expect(problems.join("\n")).toMatch(/bad\.yaml:6: satisfiedMeanAtLeast: /);
  });
});

describe("who is satisfied", () => {
  it("decides the mean in integers: exactly 4 is satisfied, just under is not", () => {
    expect(isSatisfied([4, 4, 4, 4, 4, 4], 4)).toBe(true);
    expect(isSatisfied([5, 3, 5, 3, 4, 4], 4)).toBe(true);
    expect(isSatisfied([4, 4, 4, 4, 4, 3], 4)).toBe(false); // mean 3.83
    expect(isSatisfied([], 4)).toBe(false);
  });

  it("reports the share against the 80% target with shareMeets", () => {
    const yes = [5, 5, 5, 5, 5, 5];
    const no = [2, 2, 2, 2, 2, 2];
    expect(satisfactionShare([yes, yes, yes, yes, no], 4)).toEqual({
      satisfied: 4,
      respondents: 5,
      percent: 80,
      meetsTarget: true,
    });
    expect(satisfactionShare([yes, yes, yes, no, no], 4)).toMatchObject({
      satisfied: 3,
      percent: 60,
      meetsTarget: false,
    });
    expect(satisfactionShare([], 4)).toMatchObject({ respondents: 0, percent: null, meetsTarget: false });
  });

  it("shows a survey closing at midnight of 1 Feb as open until 31 Jan", () => {
    expect(formatThaiDate(lastAnswerMoment(bangkokMidnightUtc(2027, 2, 1)))).toBe("31 มกราคม 2570");
  });

  it("counts each level per statement", () => {
    expect(
      answerDistributions(
        [
          [1, 5],
          [1, 4],
          [3, 5],
        ],
        2,
      ),
    ).toEqual([
      [2, 0, 1, 0, 0],
      [0, 0, 0, 1, 2],
    ]);
  });

  it("requires every statement answered 1–5, in Thai", () => {
    const schema = surveyAnswersSchema(3);
    expect(schema.parse({ s1: "1", s2: "5", s3: "3" })).toEqual({ s1: 1, s2: 5, s3: 3 });
    const result = schema.safeParse({ s1: "1", s2: "6" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["s2", "กรุณาเลือกระดับความคิดเห็นของข้อนี้"],
      ["s3", "กรุณาเลือกระดับความคิดเห็นของข้อนี้"],
    ]);
  });
});

describe("the division breakdown never shows a small group", () => {
  const group = (divisionId: number, respondents: number, satisfied = respondents) => ({
    divisionId,
    respondents,
    satisfied,
  });

  it("shows every group at or above the minimum", () => {
    expect(divisionBreakdown([group(1, 5), group(2, 9)], 5)).toEqual({
      shown: [group(1, 5), group(2, 9)],
      folded: null,
      withheld: false,
    });
  });

  it("folds small groups into one row when together they reach the minimum", () => {
    expect(divisionBreakdown([group(1, 20), group(2, 3, 1), group(3, 2, 2)], 5)).toEqual({
      shown: [group(1, 20)],
      folded: { divisionCount: 2, respondents: 5, satisfied: 3 },
      withheld: false,
    });
  });

  it("adds the next-smallest group when one small group alone would be derivable by subtraction", () => {
    // Hiding only division 2 (1 respondent) would leave it as total − shown.
    const result = divisionBreakdown([group(1, 30), group(2, 1, 0), group(3, 6, 4), group(4, 8)], 5);
    expect(result.shown).toEqual([group(1, 30), group(4, 8)]);
    expect(result.folded).toEqual({ divisionCount: 2, respondents: 7, satisfied: 4 });
    // Every row, and the total minus the rows shown, is at least the minimum.
    const total = 45;
    expect(total - result.shown.reduce((s, g) => s + g.respondents, 0)).toBeGreaterThanOrEqual(5);
  });

  it("withholds the whole breakdown when even all groups together are too few", () => {
    expect(divisionBreakdown([group(1, 2), group(2, 2)], 5)).toEqual({ shown: [], folded: null, withheld: true });
  });

  it("folds a shown group too when the small ones need it, and ignores empty groups", () => {
    const result = divisionBreakdown([group(1, 4), group(2, 0), group(3, 5), group(4, 7)], 5);
    expect(result.shown).toEqual([group(4, 7)]);
    expect(result.folded).toEqual({ divisionCount: 2, respondents: 9, satisfied: 9 });
  });
});
