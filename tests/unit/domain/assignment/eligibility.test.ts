import { describe, expect, it } from "vitest";
import {
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

describe("remainingCapacity", () => {
  it("is the cap minus the load, never negative, unlimited without a cap", () => {
    expect(remainingCapacity(member({ loadCap: 3, currentLoad: 1 }))).toBe(2);
    expect(remainingCapacity(member({ loadCap: 3, currentLoad: 5 }))).toBe(0);
    expect(remainingCapacity(member({ loadCap: 3 }), 2)).toBe(1);
    expect(remainingCapacity(member())).toBe(Number.POSITIVE_INFINITY);
  });
});
