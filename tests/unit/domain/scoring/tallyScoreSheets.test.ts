import { describe, expect, it } from "vitest";
import { DomainError } from "../../../../functions/domain/domainError.ts";
import { competitionTeacherV1 } from "../../../../functions/domain/rubrics/competitionTeacher2021.ts";
import type { Answers, Rubric } from "../../../../functions/domain/rubrics/rubric.ts";
import { tallyScoreSheets } from "../../../../functions/domain/scoring/tallyScoreSheets.ts";

const text = { kk: "k", ru: "r", en: "e" };
const small: Rubric = {
  id: "small-v1",
  version: "1",
  kind: "competition",
  title: text,
  verified: false,
  source: { title: "t", reference: "r" },
  criteria: [
    { id: "a", title: text, min: 0, max: 10, step: 1 },
    { id: "b", title: text, min: 0, max: 10, step: 1 },
    { id: "c", title: text, min: 0, max: 10, step: 1 },
  ],
};

const sheet = (overrides: Partial<Answers>): Answers => ({
  education: "higher_full_time",
  degree: "none",
  test: "pct_70_79",
  category: "first",
  experience: "years_1_3",
  administrative: "none",
  recommendation: "none",
  studentAchievements: 0,
  ownAchievements: 0,
  methodical: 0,
  courses: 0,
  ...overrides,
});

describe("tallyScoreSheets", () => {
  it("takes the mean of three sheets per criterion: 2, 3, 5 gives 3.33", () => {
    const tally = tallyScoreSheets(small, [
      { a: 2, b: 1, c: 0 },
      { a: 3, b: 1, c: 0 },
      { a: 5, b: 2, c: 1 },
    ]);
    expect(tally.perCriterion).toEqual({ a: 3.33, b: 1.33, c: 0.33 });
    expect(tally.sheetTotals).toEqual([3, 4, 8]);
    // total is the mean of the sheet totals (15/3 = 5), rounded once — not 3.33 + 1.33 + 0.33 = 4.99.
    expect(tally.total).toBe(5);
  });

  it("rounds halves away from zero, in both directions", () => {
    const half: Rubric = { ...small, criteria: [{ id: "a", title: text, min: -10, max: 10, step: 0.01 }] };
    expect(tallyScoreSheets(half, [{ a: 0.01 }, { a: 0 }]).total).toBe(0.01);
    expect(tallyScoreSheets(half, [{ a: -0.01 }, { a: 0 }]).total).toBe(-0.01);
    expect(tallyScoreSheets(half, [{ a: 2 }, { a: 3 }, { a: 3 }]).total).toBe(2.67);
    expect(tallyScoreSheets(half, [{ a: -2 }, { a: -3 }, { a: -3 }]).total).toBe(-2.67);
  });

  it("has no floating-point drift on sums of tenths and halves", () => {
    const tenths: Rubric = { ...small, criteria: [{ id: "a", title: text, min: 0, max: 1, step: 0.1 }] };
    const sheets = Array.from({ length: 10 }, () => ({ a: 0.1 }));
    expect(tallyScoreSheets(tenths, sheets)).toEqual({ perCriterion: { a: 0.1 }, total: 0.1, sheetTotals: sheets.map(() => 0.1) });
    const sum = tallyScoreSheets(tenths, [{ a: 0.1 }, { a: 0.2 }]);
    expect(sum.total).toBe(0.15);
  });

  it("scores the teacher sheet with option points, negatives included", () => {
    const tally = tallyScoreSheets(competitionTeacherV1, [
      sheet({ education: "higher_distance", recommendation: "negative", category: "master", courses: 1.5 }),
      sheet({ education: "higher_full_time", recommendation: "none", category: "master", courses: 1 }),
      sheet({ education: "higher_full_time", recommendation: "none", category: "researcher", courses: 1 }),
    ]);
    expect(tally.perCriterion).toMatchObject({ education: 0.67, recommendation: -1, category: 9, courses: 1.17, test: 5 });
    // sheets: -2+0+5+10+1+0-3+1.5 = 12.5; 2+0+5+10+1+0+0+1 = 19; 2+0+5+7+1+0+0+1 = 16
    expect(tally.sheetTotals).toEqual([12.5, 19, 16]);
    expect(tally.total).toBe(15.83);
    expect(Object.keys(tally.perCriterion)).toEqual(competitionTeacherV1.criteria.map((c) => c.id));
  });

  it("throws a typed error when there is no sheet", () => {
    expect(() => tallyScoreSheets(small, [])).toThrow(DomainError);
    expect(() => tallyScoreSheets(small, [])).toThrow(expect.objectContaining({ code: "no_score_sheets" }));
  });

  it("refuses a sheet that leaves a criterion out or breaks the rubric", () => {
    expect(() => tallyScoreSheets(small, [{ a: 1, b: 1, c: 1 }, { a: 1, b: 1 }])).toThrow(
      expect.objectContaining({ code: "invalid_score_sheet", details: expect.objectContaining({ sheetIndex: 1 }) }),
    );
    expect(() => tallyScoreSheets(small, [{ a: 1, b: 1, c: 11 }])).toThrow(expect.objectContaining({ code: "invalid_score_sheet" }));
  });

  it("tallies a rubric without criteria to zero", () => {
    expect(tallyScoreSheets({ ...small, criteria: [] }, [{}])).toEqual({ perCriterion: {}, total: 0, sheetTotals: [0] });
  });
});
