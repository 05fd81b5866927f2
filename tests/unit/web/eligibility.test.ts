import { describe, expect, it } from "vitest";
import { verdictsByCategory } from "../../../web/src/pages/teacher/eligibility.ts";

const now = new Date("2026-11-25T12:00:00Z");
const byCategory = (facts: Parameters<typeof verdictsByCategory>[0]) =>
  Object.fromEntries(verdictsByCategory(facts, now).map((v) => [v.category, { codes: v.refusals.map((r) => r.code), cappedAt: v.cappedAt }]));

describe("which category a teacher may aim for (the API's rules, run in the browser)", () => {
  it("lets a teacher aim for the next category only, and explains the others by the sequence rule", () => {
    const verdicts = byCategory({ currentCategory: "teacher", experienceYears: 3, test: { score: 40, takenAt: "2026-05-01" } });
    expect(verdicts.moderator).toEqual({ codes: [], cappedAt: undefined });
    for (const category of ["expert", "researcher", "master"]) expect(verdicts[category]?.codes).toContain("category_sequence");
  });

  it("says when the test result caps what the commission may award", () => {
    const verdicts = byCategory({ currentCategory: "teacher", experienceYears: 3, test: { score: 27, takenAt: "2026-05-01" } });
    expect(verdicts.moderator).toEqual({ codes: [], cappedAt: "teacher" });
  });

  it("asks for the test when none is given and no exemption is claimed", () => {
    expect(byCategory({ currentCategory: "teacher", experienceYears: 3 }).moderator?.codes).toContain("test_required");
  });

  it("carries the rules' own words in the three languages", () => {
    const [moderator] = verdictsByCategory({ currentCategory: "teacher", experienceYears: 1, test: { score: 40, takenAt: "2026-05-01" } }, now);
    const refusal = moderator?.refusals.find((r) => r.code === "experience_too_short");
    expect(refusal?.message.kk).toMatch(/өтіл/);
    expect(refusal?.message.ru).toMatch(/стаж/);
  });
});
