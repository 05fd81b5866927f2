import { describe, expect, it } from "vitest";
import { competitionTeacherV1 } from "../../../../functions/domain/rubrics/competitionTeacher2021.ts";
import type { Rubric } from "../../../../functions/domain/rubrics/rubric.ts";
import { validateAnswers } from "../../../../functions/domain/rubrics/validateAnswers.ts";

const rubric = competitionTeacherV1;
const fullSheet = {
  education: "higher_full_time",
  degree: "none",
  test: "pct_70_79",
  category: "expert",
  experience: "years_5_10",
  administrative: "none",
  recommendation: "positive",
  studentAchievements: 1.5,
  ownAchievements: 0,
  methodical: 2,
  courses: 3,
};

const codes = (result: ReturnType<typeof validateAnswers>) => (result.ok ? [] : result.issues);

describe("validateAnswers", () => {
  it("accepts a complete, well-formed sheet and returns exactly its answers", () => {
    const result = validateAnswers(rubric, fullSheet, { requireAll: true });
    expect(result).toEqual({ ok: true, answers: fullSheet });
  });

  it("lets candidate claims leave criteria out, but not an expert's sheet", () => {
    const claims = { education: "master_or_specialist", courses: 1 };
    expect(validateAnswers(rubric, claims)).toEqual({ ok: true, answers: claims });
    const sheet = validateAnswers(rubric, claims, { requireAll: true });
    expect(sheet.ok).toBe(false);
    const missing = codes(sheet).filter((issue) => issue.code === "missing").map((issue) => issue.criterionId);
    expect(missing).toEqual(rubric.criteria.map((c) => c.id).filter((id) => id !== "education" && id !== "courses"));
    expect(codes(sheet)).toContainEqual({ path: ["degree"], code: "missing", criterionId: "degree" });
  });

  it("reports an unknown criterion, including prototype names", () => {
    for (const key of ["bribe", "constructor", "toString"]) {
      expect(codes(validateAnswers(rubric, { [key]: 1 }))).toEqual([
        { path: [key], code: "unknown_criterion", criterionId: key },
      ]);
    }
    const proto = JSON.parse('{"__proto__": {"education": "vocational"}}') as Record<string, unknown>;
    expect(codes(validateAnswers(rubric, proto))).toEqual([
      { path: ["__proto__"], code: "unknown_criterion", criterionId: "__proto__" },
    ]);
  });

  it("reports an option that the criterion does not have", () => {
    expect(codes(validateAnswers(rubric, { category: "grandmaster" }))).toEqual([
      { path: ["category"], code: "unknown_option", criterionId: "category" },
    ]);
    expect(codes(validateAnswers(rubric, { category: "hasOwnProperty" }))[0]?.code).toBe("unknown_option");
  });

  it("reports a value of the wrong kind", () => {
    const wrong = [
      { category: 3 },
      { category: null },
      { courses: "3" },
      { courses: Number.NaN },
      { courses: Number.POSITIVE_INFINITY },
      { courses: true },
    ];
    for (const answers of wrong) {
      const [issue] = codes(validateAnswers(rubric, answers));
      expect(issue?.code).toBe("wrong_kind");
    }
  });

  it("reports numbers outside [min, max], inclusive bounds accepted", () => {
    expect(codes(validateAnswers(rubric, { courses: 3.5 }))).toEqual([
      { path: ["courses"], code: "out_of_range", criterionId: "courses" },
    ]);
    expect(codes(validateAnswers(rubric, { courses: -0.5 }))[0]?.code).toBe("out_of_range");
    expect(validateAnswers(rubric, { courses: 0, ownAchievements: 5 }).ok).toBe(true);
  });

  it("reports numbers off the step grid, counted from min", () => {
    expect(codes(validateAnswers(rubric, { courses: 1.25 }))).toEqual([
      { path: ["courses"], code: "not_a_step", criterionId: "courses" },
    ]);
    expect(validateAnswers(rubric, { courses: 2.5 }).ok).toBe(true);
    const offset: Rubric = { ...rubric, criteria: [{ id: "n", title: rubric.title, min: 0.25, max: 2.25, step: 1 }] };
    expect(validateAnswers(offset, { n: 1.25 }).ok).toBe(true);
    expect(codes(validateAnswers(offset, { n: 1 }))[0]?.code).toBe("not_a_step");
  });

  it("refuses numbers finer than a hundredth even when a criterion has no step", () => {
    const free: Rubric = { ...rubric, criteria: [{ id: "n", title: rubric.title, min: 0, max: 10 }] };
    expect(validateAnswers(free, { n: 3.33 }).ok).toBe(true);
    expect(codes(validateAnswers(free, { n: 3.333 }))[0]?.code).toBe("not_a_step");
  });

  it("reports every problem at once, one per criterion", () => {
    const result = validateAnswers(rubric, { bribe: 1, category: "grandmaster", courses: 9, degree: 1 }, { requireAll: true });
    const byCriterion = Object.fromEntries(codes(result).map((issue) => [issue.criterionId, issue.code]));
    expect(byCriterion).toMatchObject({
      bribe: "unknown_criterion",
      category: "unknown_option",
      courses: "out_of_range",
      degree: "wrong_kind",
      education: "missing",
    });
    expect(codes(result)).toHaveLength(1 + 3 + (rubric.criteria.length - 3));
  });
});
