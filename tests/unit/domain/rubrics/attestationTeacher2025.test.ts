import { describe, expect, it } from "vitest";
import { attestationSupportV1, attestationTeacherV1 } from "../../../../functions/domain/rubrics/attestationTeacher2025.ts";
import { findRubricProblems } from "../../../../functions/domain/rubrics/checkRubric.ts";
import type { Criterion, Rubric } from "../../../../functions/domain/rubrics/rubric.ts";

const categories = ["moderator", "expert", "researcher", "master"] as const;

const criterion = (rubric: Rubric, id: string): Criterion => {
  const found = rubric.criteria.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`criterion ${id} missing`);
  return found;
};

/** Σ over the criteria of the category's level ("–" counts nothing). */
const sumOfLevels = (rubric: Rubric, category: string): number =>
  rubric.criteria.reduce((sum, c) => sum + (c.levels?.[category] ?? 0), 0);

/** Σ as above, but a parenthesised value replaces the level where the sheet shows one. */
const sumWithParenthesised = (rubric: Rubric, category: string): number =>
  rubric.criteria.reduce((sum, c) => sum + (c.parenthesisedLevels?.[category] ?? c.levels?.[category] ?? 0), 0);

const levelsOf = (rubric: Rubric, category: string): Record<string, number> =>
  Object.fromEntries(rubric.criteria.flatMap((c) => (c.levels?.[category] === undefined ? [] : [[c.id, c.levels[category]]])));

describe("attestation-teacher-v1 (Annex 12, teachers)", () => {
  it("is pinned as unverified version 1 of Order No. 83 as amended by Order No. 32", () => {
    expect(attestationTeacherV1).toMatchObject({ id: "attestation-teacher-v1", version: "1", kind: "attestation", verified: false });
    expect(attestationTeacherV1.source.reference).toBe("V1600013317");
    expect(attestationTeacherV1.source.title).toContain("No. 83");
    expect(attestationTeacherV1.source.title).toContain("No. 32 of 25.02.2025");
    expect(attestationTeacherV1.source.note).toContain("checked against the official annex");
    expect(attestationTeacherV1.roles).toEqual(["teacher"]);
  });

  it("has the annex's criteria in order, then the extras", () => {
    expect(attestationTeacherV1.criteria.map((c) => c.id)).toEqual([
      "knowledgeQuality", // 1.1
      "teachingQuality", // 1.2
      "studentContests", // 2.1
      "teacherContests", // 2.2
      "methodicalMaterials", // 3.1
      "talks", // 3.2
      "researchPublication", // 3.3
      "workingGroups", // 3.4
      "sharingPractice", // 3.5
      "courses", // 4.1
      "prizeBonus", // +1 per level
      "classTeacher", // 5.1
    ]);
  });

  it("passes the rubric sanity gate", () => {
    expect(findRubricProblems(attestationTeacherV1)).toEqual([]);
    expect(findRubricProblems(attestationSupportV1)).toEqual([]);
  });

  it("carries the table's level per category", () => {
    expect(levelsOf(attestationTeacherV1, "moderator")).toEqual({
      knowledgeQuality: 1, teachingQuality: 61, studentContests: 1, teacherContests: 1,
      methodicalMaterials: 1, talks: 1, workingGroups: 1, courses: 1,
    });
    expect(levelsOf(attestationTeacherV1, "expert")).toEqual({
      knowledgeQuality: 2, teachingQuality: 71, studentContests: 2, teacherContests: 2,
      methodicalMaterials: 2, talks: 2, workingGroups: 2, courses: 1,
    });
    expect(levelsOf(attestationTeacherV1, "researcher")).toEqual({
      knowledgeQuality: 3, teachingQuality: 81, studentContests: 3, teacherContests: 3, methodicalMaterials: 3,
      talks: 3, researchPublication: 5, workingGroups: 3, sharingPractice: 6, courses: 3,
    });
    expect(levelsOf(attestationTeacherV1, "master")).toEqual({
      knowledgeQuality: 4, teachingQuality: 91, studentContests: 4, teacherContests: 4, methodicalMaterials: 4,
      talks: 4, researchPublication: 5, workingGroups: 4, sharingPractice: 9, courses: 4,
    });
  });

  it("has thresholds that add up from the levels exactly as the annex's table does", () => {
    // moderator:  1.1 1 + 1.2 61 + 2.1 1 + 2.2 1 + 3.1 1 + 3.2 1 + 3.4 1 + 4.1 1           = 68  (3.3, 3.5: "–")
    // expert:     1.1 2 + 1.2 71 + 2.1 2 + 2.2 2 + 3.1 2 + 3.2 2 + 3.4 2 + 4.1 1           = 84  (3.3, 3.5: "–")
    // researcher: 3 + 81 + 3 + 3 + 3 + 3 + 3.3 5 + 3 + 3.5 6 + 4.1 3                       = 113
    // master:     4 + 91 + 4 + 4 + 4 + 4 + 3.3 5 + 4 + 3.5 9 + 4.1 4                       = 133
    expect(1 + 61 + 1 + 1 + 1 + 1 + 1 + 1).toBe(68);
    expect(2 + 71 + 2 + 2 + 2 + 2 + 2 + 1).toBe(84);
    expect(3 + 81 + 3 + 3 + 3 + 3 + 5 + 3 + 6 + 3).toBe(113);
    expect(4 + 91 + 4 + 4 + 4 + 4 + 5 + 4 + 9 + 4).toBe(133);
    expect(attestationTeacherV1.thresholds).toEqual({ moderator: 68, expert: 84, researcher: 113, master: 133 });
    for (const category of categories) {
      expect(sumOfLevels(attestationTeacherV1, category)).toBe(attestationTeacherV1.thresholds?.[category]);
    }
  });

  it("reads the master threshold's (137) as 133 with the four '4 (5)' rows counted at 5", () => {
    // 2.1, 2.2, 3.2 and 3.4 show "4 (5)": 133 + 4 × (5 − 4) = 137. 1.2's "91 (102)" is a band top, not counted:
    // counting it too would give 133 + 4 + 11 = 148.
    const parenthesised = attestationTeacherV1.criteria.filter((c) => c.parenthesisedLevels !== undefined).map((c) => c.id);
    expect(parenthesised).toEqual(["studentContests", "teacherContests", "talks", "workingGroups"]);
    expect(133 + 4 * (5 - 4)).toBe(137);
    expect(sumWithParenthesised(attestationTeacherV1, "master")).toBe(137);
    expect(attestationTeacherV1.alternativeThresholds).toEqual({ master: 137 });
    for (const id of parenthesised) expect(criterion(attestationTeacherV1, id).max).toBe(5);
    expect(criterion(attestationTeacherV1, "methodicalMaterials").max).toBe(4);
  });

  it("scores each criterion on the annex's scale", () => {
    const options = (id: string) => Object.fromEntries((criterion(attestationTeacherV1, id).options ?? []).map((o) => [o.id, o.points]));
    expect(options("knowledgeQuality")).toEqual({ none: 0, unstable: 1, same_level: 2, growth_1_2: 3, growth_3_plus: 4 });
    expect(options("researchPublication")).toEqual({ none: 0, published: 5, listed_or_indexed: 7 });
    expect(options("sharingPractice")).toEqual({ none: 0, region: 6, republic: 9 });
    expect(options("classTeacher")).toEqual({ none: 0, years_1_2: 1, years_3_4: 2, years_5_plus: 3 });
    const range = (id: string) => {
      const c = criterion(attestationTeacherV1, id);
      return [c.min, c.max, c.step];
    };
    expect(range("teachingQuality")).toEqual([0, 102, undefined]);
    expect(range("courses")).toEqual([0, 4, 1]);
    expect(range("prizeBonus")).toEqual([0, 4, 1]);
    // The extras have no level: they only add to the total.
    expect(criterion(attestationTeacherV1, "prizeBonus").levels).toBeUndefined();
    expect(criterion(attestationTeacherV1, "classTeacher").levels).toBeUndefined();
  });

  it("has a title and labels in kk, ru and en everywhere", () => {
    for (const rubric of [attestationTeacherV1, attestationSupportV1]) {
      for (const text of [rubric.title, ...rubric.criteria.flatMap((c) => [c.title, ...(c.options ?? []).map((o) => o.label)])]) {
        expect(text.kk.trim()).not.toBe("");
        expect(text.ru.trim()).not.toBe("");
        expect(text.en.trim()).not.toBe("");
      }
    }
  });
});

describe("attestation-support-v1 (psychologists, social pedagogues, camp leaders, teaching assistants)", () => {
  it("is unverified, for the four roles, and says its criteria are inferred", () => {
    expect(attestationSupportV1).toMatchObject({ id: "attestation-support-v1", kind: "attestation", verified: false });
    expect(attestationSupportV1.roles).toEqual(["psychologist", "social_pedagogue", "camp_leader", "teaching_assistant"]);
    expect(attestationSupportV1.source.note).toContain("inferred");
    expect(attestationSupportV1.thresholds).toEqual({ moderator: 66, expert: 80, researcher: 107, master: 125 });
    expect(attestationSupportV1.alternativeThresholds).toEqual({ master: 129 });
  });

  it("adds up when 1.1 and 3.1 do not count, the only rows that make the table's numbers work", () => {
    // Teachers' threshold minus the levels of 1.1 knowledge quality and 3.1 methodical materials:
    // 68 − (1 + 1) = 66, 84 − (2 + 2) = 80, 113 − (3 + 3) = 107, 133 − (4 + 4) = 125, and (137) − 8 = (129).
    expect([68 - (1 + 1), 84 - (2 + 2), 113 - (3 + 3), 133 - (4 + 4), 137 - (4 + 4)]).toEqual([66, 80, 107, 125, 129]);
    const teacherIds = attestationTeacherV1.criteria.map((c) => c.id);
    const supportIds = attestationSupportV1.criteria.map((c) => c.id);
    expect(teacherIds.filter((id) => !supportIds.includes(id))).toEqual(["knowledgeQuality", "methodicalMaterials"]);
    for (const category of categories) {
      expect(sumOfLevels(attestationSupportV1, category)).toBe(attestationSupportV1.thresholds?.[category]);
    }
    expect(sumWithParenthesised(attestationSupportV1, "master")).toBe(129);
  });
});
