import { describe, expect, it } from "vitest";
import { currentRubricId, getRubric, listRubrics } from "../../../../functions/domain/rubrics/registry.ts";

describe("rubric registry", () => {
  it("pins the current versions for new vacancies", () => {
    expect(currentRubricId("teacher")).toBe("competition-teacher-v1");
    expect(currentRubricId("technical")).toBe("competition-technical-v1");
  });

  it("finds every listed rubric by id and nothing else", () => {
    const ids = listRubrics().map((rubric) => rubric.id);
    expect(ids).toEqual(expect.arrayContaining(["competition-teacher-v1", "competition-technical-v1"]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(getRubric(id)?.id).toBe(id);
    expect(getRubric("competition-teacher-v0")).toBeUndefined();
    expect(getRubric("toString")).toBeUndefined();
  });

  it("hands out rubrics that cannot be altered in memory", () => {
    const rubric = getRubric("competition-teacher-v1");
    if (rubric === undefined) throw new Error("missing rubric");
    const option = rubric.criteria[0]?.options?.[0];
    if (option === undefined) throw new Error("missing option");
    expect(() => {
      option.points = 100;
    }).toThrow(TypeError);
    expect(() => {
      rubric.criteria.push({ id: "bribe", title: { kk: "x", ru: "x", en: "x" } });
    }).toThrow(TypeError);
    expect(getRubric("competition-teacher-v1")?.criteria[0]?.options?.[0]?.points).toBe(1);
  });
});
