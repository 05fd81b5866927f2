import { describe, expect, it } from "vitest";
import { aggregatePanelScores, DEFAULT_SPREAD_SHARE, type PanelSheet } from "../../../../functions/domain/attestation/aggregatePanelScores.ts";
import { DomainError } from "../../../../functions/domain/domainError.ts";
import { attestationTeacherV1 } from "../../../../functions/domain/rubrics/attestationTeacher2025.ts";
import { competitionTeacherV1 } from "../../../../functions/domain/rubrics/competitionTeacher2021.ts";
import type { Answers } from "../../../../functions/domain/rubrics/rubric.ts";

const rubric = attestationTeacherV1;

/** Exactly the moderator column: every level met, nothing more; total 68 = the threshold. */
const atModeratorLevels: Answers = {
  knowledgeQuality: "unstable",
  teachingQuality: 61,
  studentContests: 1,
  teacherContests: 1,
  methodicalMaterials: 1,
  talks: 1,
  researchPublication: "none",
  workingGroups: 1,
  sharingPractice: "none",
  courses: 1,
  prizeBonus: 0,
  classTeacher: "none",
};

const sheet = (memberRef: string, overrides: Answers = {}): PanelSheet => ({ memberRef, answers: { ...atModeratorLevels, ...overrides } });
const moderator = (sheets: PanelSheet[], spreadShare?: number) =>
  aggregatePanelScores({ rubric, targetCategory: "moderator", sheets, ...(spreadShare === undefined ? {} : { spreadShare }) });

describe("aggregatePanelScores", () => {
  it("meets the category when every level is met and the mean reaches the threshold", () => {
    const result = moderator([sheet("m1"), sheet("m2"), sheet("m3")]);
    expect(result).toMatchObject({ threshold: 68, meanTotal: 68, spread: 0, disagreement: false, unmetCriteria: [], meetsCategory: true });
    expect(result.members.map((m) => m.total)).toEqual([68, 68, 68]);
    expect(result.perCriterion.teachingQuality).toEqual({ level: 61, meanScored: 61, met: true });
    // 3.3 has no level for moderator ("–"): nothing to meet.
    expect(result.perCriterion.researchPublication).toEqual({ meanScored: 0, met: true });
  });

  it("scores a criterion below the target category's level as 0 for that member", () => {
    const result = moderator([sheet("m1", { teachingQuality: 60.99 })]);
    const [member] = result.members;
    expect(member?.scored.teachingQuality).toBe(60.99);
    expect(member?.points.teachingQuality).toBe(0);
    expect(member?.belowLevel).toEqual(["teachingQuality"]);
    expect(member?.total).toBe(68 - 61); // 7: the other criteria's levels
    expect(result).toMatchObject({ unmetCriteria: ["teachingQuality"], meetsCategory: false });
    // Only that criterion is zeroed: every other one counts as scored.
    const changed = Object.keys(member?.scored ?? {}).filter((id) => member?.scored[id] !== member?.points[id]);
    expect(changed).toEqual(["teachingQuality"]);
  });

  it("judges 'all criteria met' on the members' mean per criterion, and still zeroes per member", () => {
    // One member of three finds 1.2 below the level; the panel's mean (61.33) meets it.
    const split = moderator([sheet("m1", { teachingQuality: 60 }), sheet("m2", { teachingQuality: 62 }), sheet("m3", { teachingQuality: 62 })]);
    expect(split.perCriterion.teachingQuality).toEqual({ level: 61, meanScored: 61.33, met: true });
    expect(split.members.map((m) => m.total)).toEqual([7, 69, 69]);
    expect(split.meanTotal).toBe(48.33);
    expect(split.meetsCategory).toBe(false); // met criteria, but the zeroed member pulled the mean below 68
    // Two of three below: the mean (60.67) misses the level.
    const unmet = moderator([sheet("m1", { teachingQuality: 60 }), sheet("m2", { teachingQuality: 60 }), sheet("m3", { teachingQuality: 62 })]);
    expect(unmet.unmetCriteria).toEqual(["teachingQuality"]);
  });

  it("adds the extras (prize-winner bonus, class teacher) to the total without levels", () => {
    const result = moderator([sheet("m1", { prizeBonus: 4, classTeacher: "years_5_plus", researchPublication: "listed_or_indexed" })]);
    expect(result.members[0]?.total).toBe(68 + 4 + 3 + 7);
    expect(result.meetsCategory).toBe(true);
  });

  it("compares the mean total to the threshold as shown, rounded to hundredths", () => {
    // Totals 14 + 95 + 94.99 = 203.99; 203.99 / 3 = 67.9967, shown as 68.00: meets. 94.98 instead: 67.99, does not.
    const extras = { prizeBonus: 4, classTeacher: "years_5_plus" };
    const panel = (third: number) =>
      moderator([sheet("m1", { ...extras, teachingQuality: 60 }), sheet("m2", { ...extras, teachingQuality: 81 }), sheet("m3", { ...extras, teachingQuality: third })]);
    const shownAs68 = panel(80.99);
    expect(shownAs68.members.map((m) => m.total)).toEqual([14, 95, 94.99]);
    expect(shownAs68).toMatchObject({ meanTotal: 68, unmetCriteria: [], meetsCategory: true });
    expect(panel(80.98)).toMatchObject({ meanTotal: 67.99, meetsCategory: false });
  });

  it("flags disagreement only when the spread exceeds the share of the threshold, boundary excluded", () => {
    expect(DEFAULT_SPREAD_SHARE).toBe(0.15);
    // 15 % of 68 = 10.2 points.
    expect(moderator([sheet("m1"), sheet("m2", { teachingQuality: 71.2 })])).toMatchObject({ spread: 10.2, disagreement: false });
    expect(moderator([sheet("m1"), sheet("m2", { teachingQuality: 71.21 })])).toMatchObject({ spread: 10.21, disagreement: true });
    // A share passed in: 10 % of 68 = 6.8.
    expect(moderator([sheet("m1"), sheet("m2", { teachingQuality: 67.8 })], 0.1)).toMatchObject({ spread: 6.8, disagreement: false });
    expect(moderator([sheet("m1"), sheet("m2", { teachingQuality: 67.81 })], 0.1)).toMatchObject({ disagreement: true });
    // One member cannot disagree with themselves.
    expect(moderator([sheet("m1")]).disagreement).toBe(false);
  });

  it("applies the target category's own levels: 3.3 and 3.5 count from researcher up", () => {
    const researcherSheet: Answers = {
      knowledgeQuality: "growth_1_2",
      teachingQuality: 81,
      studentContests: 3,
      teacherContests: 3,
      methodicalMaterials: 3,
      talks: 3,
      researchPublication: "none",
      workingGroups: 3,
      sharingPractice: "region",
      courses: 3,
      prizeBonus: 0,
      classTeacher: "none",
    };
    const without = aggregatePanelScores({ rubric, targetCategory: "researcher", sheets: [{ memberRef: "m1", answers: researcherSheet }] });
    expect(without).toMatchObject({ threshold: 113, meanTotal: 108, unmetCriteria: ["researchPublication"], meetsCategory: false });
    const withPublication = aggregatePanelScores({
      rubric,
      targetCategory: "researcher",
      sheets: [{ memberRef: "m1", answers: { ...researcherSheet, researchPublication: "published" } }],
    });
    expect(withPublication).toMatchObject({ meanTotal: 113, unmetCriteria: [], meetsCategory: true });
  });

  it("refuses what cannot be aggregated", () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof DomainError ? error.code : "other";
      }
      return "none";
    };
    expect(codeOf(() => moderator([]))).toBe("no_score_sheets");
    expect(codeOf(() => moderator([{ memberRef: "m1", answers: { knowledgeQuality: "unstable" } }]))).toBe("invalid_score_sheet");
    expect(codeOf(() => moderator([sheet("m1", { teachingQuality: 103 })]))).toBe("invalid_score_sheet");
    expect(codeOf(() => aggregatePanelScores({ rubric: competitionTeacherV1, targetCategory: "moderator", sheets: [sheet("m1")] }))).toBe("no_threshold");
    expect(codeOf(() => moderator([sheet("m1")], 1.5))).toBe("invalid_spread_share");
    expect(codeOf(() => moderator([sheet("m1")], 0.123456))).toBe("invalid_spread_share");
  });
});
