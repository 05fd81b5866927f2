import { describe, expect, it } from "vitest";
import { DomainError } from "../../../../functions/domain/domainError.ts";
import { competitionTeacherV1 } from "../../../../functions/domain/rubrics/competitionTeacher2021.ts";
import { pointsByCriterion, pointsFor, pointsInHundredthsFor } from "../../../../functions/domain/rubrics/pointsFor.ts";
import type { Criterion } from "../../../../functions/domain/rubrics/rubric.ts";

const criterion = (id: string): Criterion => {
  const found = competitionTeacherV1.criteria.find((c) => c.id === id);
  if (found === undefined) throw new Error(`criterion ${id} missing`);
  return found;
};

describe("pointsFor", () => {
  it("gives an option's points and a number's own value", () => {
    expect(pointsFor(criterion("category"), "researcher")).toBe(7);
    expect(pointsFor(criterion("recommendation"), "negative")).toBe(-3);
    expect(pointsFor(criterion("experience"), "years_3_5")).toBe(1.5);
    expect(pointsFor(criterion("courses"), 2.5)).toBe(2.5);
    expect(pointsInHundredthsFor(criterion("education"), "higher_distance")).toBe(-200);
  });

  it("throws a DomainError for an answer the criterion refuses", () => {
    expect(() => pointsFor(criterion("category"), "grandmaster")).toThrow(DomainError);
    expect(() => pointsFor(criterion("courses"), 4)).toThrow(DomainError);
    try {
      pointsFor(criterion("courses"), "3");
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: "invalid_answer", details: { criterionId: "courses", code: "wrong_kind" } });
    }
  });
});

describe("pointsByCriterion", () => {
  it("scores claims with 0 for every criterion left out", () => {
    const points = pointsByCriterion(competitionTeacherV1, { education: "higher_honours", courses: 1 });
    expect(Object.keys(points)).toEqual(competitionTeacherV1.criteria.map((c) => c.id));
    expect(points).toMatchObject({ education: 3, courses: 1, category: 0, degree: 0, recommendation: 0 });
  });

  it("refuses claims that do not fit the rubric", () => {
    expect(() => pointsByCriterion(competitionTeacherV1, { bribe: 100 })).toThrow(DomainError);
  });
});
