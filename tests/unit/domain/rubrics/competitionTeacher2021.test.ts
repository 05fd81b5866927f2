import { describe, expect, it } from "vitest";
import { findRubricProblems } from "../../../../functions/domain/rubrics/checkRubric.ts";
import { competitionTeacherV1, competitionTechnicalV1 } from "../../../../functions/domain/rubrics/competitionTeacher2021.ts";
import type { Criterion } from "../../../../functions/domain/rubrics/rubric.ts";

const criterion = (id: string): Criterion => {
  const found = competitionTeacherV1.criteria.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`criterion ${id} missing`);
  return found;
};
const optionPoints = (criterionId: string): Record<string, number> =>
  Object.fromEntries((criterion(criterionId).options ?? []).map((option) => [option.id, option.points]));

describe("competition-teacher-v1 (default candidate evaluation sheet)", () => {
  it("is pinned as unverified version 1 of Order No. 57", () => {
    expect(competitionTeacherV1).toMatchObject({ id: "competition-teacher-v1", version: "1", kind: "competition", verified: false });
    expect(competitionTeacherV1.source.reference).toBe("V1200007495");
    expect(competitionTeacherV1.source.title).toContain("No. 57");
    expect(competitionTeacherV1.source.note).toBe("defaults, to be verified against the official annex");
  });

  it("has exactly the agreed criteria, in order", () => {
    expect(competitionTeacherV1.criteria.map((c) => c.id)).toEqual([
      "education",
      "degree",
      "test",
      "category",
      "experience",
      "administrative",
      "recommendation",
      "studentAchievements",
      "ownAchievements",
      "methodical",
      "courses",
    ]);
  });

  it("passes the rubric sanity gate", () => {
    expect(findRubricProblems(competitionTeacherV1)).toEqual([]);
    expect(findRubricProblems(competitionTechnicalV1)).toEqual([]);
  });

  it("has unique option ids per criterion, a title and labels in kk, ru and en", () => {
    for (const c of competitionTeacherV1.criteria) {
      for (const text of [c.title, ...(c.options ?? []).map((o) => o.label)]) {
        expect(text.kk.trim()).not.toBe("");
        expect(text.ru.trim()).not.toBe("");
        expect(text.en.trim()).not.toBe("");
      }
      const ids = (c.options ?? []).map((o) => o.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("gives numeric criteria a sensible range and step", () => {
    const numeric = competitionTeacherV1.criteria.filter((c) => c.options === undefined);
    expect(numeric.map((c) => [c.id, c.min, c.max, c.step])).toEqual([
      ["studentAchievements", 0, 3, 0.5],
      ["ownAchievements", 0, 5, 0.5],
      ["methodical", 0, 5, 0.5],
      ["courses", 0, 3, 0.5],
    ]);
    for (const c of numeric) expect(c.min as number).toBeLessThan(c.max as number);
  });

  it("carries the sheet's points, including negative ones", () => {
    expect(optionPoints("education")).toEqual({
      vocational: 1,
      higher_full_time: 2,
      higher_honours: 3,
      master_or_specialist: 5,
      higher_distance: -2,
    });
    expect(optionPoints("degree")).toEqual({ none: 0, doctorate: 10 });
    expect(optionPoints("test")).toEqual({ none: 0, below_50: 0, pct_50_59: 2, pct_60_69: 3, pct_70_79: 5, pct_80_plus: 7 });
    expect(optionPoints("category")).toEqual({
      none: 0,
      second: 1,
      first: 2,
      highest: 3,
      moderator: 3,
      expert: 5,
      researcher: 7,
      master: 10,
    });
    expect(optionPoints("experience")).toEqual({ under_1: 0, years_1_3: 1, years_3_5: 1.5, years_5_10: 2, years_10_plus: 3 });
    expect(optionPoints("administrative")).toEqual({ none: 0, methodist: 1, deputy_head: 3, head: 5 });
    expect(optionPoints("recommendation")).toEqual({ none: 0, positive: 3, negative: -3 });
  });

  it("offers a zero-point way to say 'nothing to claim' on every criterion where absence is possible", () => {
    for (const c of competitionTeacherV1.criteria) {
      if (c.id === "education") continue; // a diploma is a required document
      if (c.options === undefined) expect(c.min).toBe(0);
      else expect(c.options.some((o) => o.points === 0)).toBe(true);
    }
  });

  it("breaks ties by category, then experience, then submission time", () => {
    expect(competitionTeacherV1.tieBreaks).toEqual([
      { criterionId: "category" },
      { criterionId: "experience" },
      { by: "submittedAt" },
    ]);
  });
});

describe("competition-technical-v1", () => {
  it("has no scored criteria: technical vacancies skip the commission", () => {
    expect(competitionTechnicalV1).toMatchObject({ id: "competition-technical-v1", version: "1", kind: "competition" });
    expect(competitionTechnicalV1.criteria).toEqual([]);
  });
});
