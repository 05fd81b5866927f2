import { describe, expect, it } from "vitest";
import {
  caseIneligibilityReason,
  competitionCase,
  ineligibilityReason,
  isEligible,
  remainingCapacity,
  type PanelMember,
} from "../../../../functions/domain/assignment/eligibility.ts";

const member = (overrides: Partial<PanelMember> = {}): PanelMember => ({
  userId: "expert",
  role: "member",
  conflicts: { userIds: [], schoolIds: [] },
  ...overrides,
});
const candidate = { applicationId: "app", candidateId: "teacher", schoolId: "school-a" };
const vacancySchoolId = "school-v";

describe("ineligibilityReason", () => {
  it("lets an unrelated member from another school score", () => {
    expect(ineligibilityReason(member({ schoolId: "school-b" }), candidate, vacancySchoolId)).toBeUndefined();
  });

  it("names every hard constraint", () => {
    const cases: [PanelMember, string][] = [
      [member({ userId: "teacher" }), "is_candidate"],
      [member({ conflicts: { userIds: ["teacher"], schoolIds: [] } }), "declared_conflict_with_candidate"],
      [member({ schoolId: "school-a" }), "same_school_as_candidate"],
      [member({ schoolId: "school-v" }), "works_at_vacancy_school"],
      [member({ conflicts: { userIds: [], schoolIds: ["school-a"] } }), "declared_conflict_with_candidate_school"],
      [member({ conflicts: { userIds: [], schoolIds: ["school-v"] } }), "declared_conflict_with_vacancy_school"],
    ];
    for (const [who, reason] of cases) {
      expect(ineligibilityReason(who, candidate, vacancySchoolId)).toBe(reason);
      expect(isEligible(who, candidate, vacancySchoolId)).toBe(false);
    }
  });

  it("does not treat two unknown schools as the same school", () => {
    expect(isEligible(member(), { applicationId: "x", candidateId: "y" }, vacancySchoolId)).toBe(true);
  });
});

describe("caseIneligibilityReason", () => {
  const panelCase = {
    caseId: "portfolio",
    candidateId: "teacher",
    schoolId: "school-a",
    subject: "math",
    requiresSubjectMatch: true,
    poolId: "district-1",
    excludedUserIds: ["first-panel"],
    excludedSchoolIds: ["school-x"],
  };
  const fit = (overrides: Partial<PanelMember> = {}): PanelMember => member({ schoolId: "school-b", subjects: ["math"], poolIds: ["district-1"], ...overrides });

  it("lets an unrelated member of the pool who teaches the subject score", () => {
    expect(caseIneligibilityReason(fit(), panelCase)).toBeUndefined();
    expect(caseIneligibilityReason(fit({ subjects: ["physics"] }), { ...panelCase, requiresSubjectMatch: false })).toBeUndefined();
    expect(caseIneligibilityReason(member(), { caseId: "c", candidateId: "t" })).toBeUndefined();
  });

  it("names every hard constraint", () => {
    const cases: [PanelMember, string][] = [
      [fit({ userId: "teacher" }), "is_candidate"],
      [fit({ userId: "first-panel" }), "excluded_from_case"],
      [fit({ conflicts: { userIds: ["teacher"], schoolIds: [] } }), "declared_conflict_with_candidate"],
      [fit({ schoolId: "school-a" }), "same_school_as_candidate"],
      [fit({ schoolId: "school-x" }), "works_at_excluded_school"],
      [fit({ conflicts: { userIds: [], schoolIds: ["school-a"] } }), "declared_conflict_with_candidate_school"],
      [fit({ conflicts: { userIds: [], schoolIds: ["school-x"] } }), "declared_conflict_with_excluded_school"],
      [fit({ poolIds: ["district-2"] }), "not_in_pool"],
      [fit({ poolIds: undefined }), "not_in_pool"],
      [fit({ subjects: ["physics"] }), "lacks_subject"],
      [fit({ subjects: undefined }), "lacks_subject"],
    ];
    for (const [who, reason] of cases) expect(caseIneligibilityReason(who, panelCase)).toBe(reason);
  });

  it("is the competition rule for a competition's case (the hiring school excluded)", () => {
    const members = [member(), member({ schoolId: "school-a" }), member({ schoolId: "school-v" }), member({ conflicts: { userIds: [], schoolIds: ["school-v"] } })];
    for (const who of members) {
      expect(caseIneligibilityReason(who, competitionCase(candidate, vacancySchoolId)) === undefined).toBe(isEligible(who, candidate, vacancySchoolId));
    }
    expect(competitionCase(candidate, vacancySchoolId)).toEqual({ caseId: "app", candidateId: "teacher", schoolId: "school-a", excludedSchoolIds: ["school-v"] });
  });
});

describe("remainingCapacity", () => {
  it("is the cap minus the load, never negative, unlimited without a cap", () => {
    expect(remainingCapacity(member({ loadCap: 3, currentLoad: 1 }))).toBe(2);
    expect(remainingCapacity(member({ loadCap: 3, currentLoad: 5 }))).toBe(0);
    expect(remainingCapacity(member({ loadCap: 3 }), 2)).toBe(1);
    expect(remainingCapacity(member())).toBe(Number.POSITIVE_INFINITY);
  });
});
