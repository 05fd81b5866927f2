import { describe, expect, it } from "vitest";
import { attestationRulesV1 } from "../../../../functions/domain/attestation/attestationRules.ts";
import { categorySupportedByTest } from "../../../../functions/domain/attestation/checkEligibility.ts";
import { proposeDecision, type DecisionInput } from "../../../../functions/domain/attestation/proposeDecision.ts";

const now = new Date("2025-06-01T09:00:00Z");
const climb: DecisionInput = { targetCategory: "expert", currentCategory: "moderator", now, portfolioMeets: true };

describe("proposeDecision (п.24)", () => {
  it("meets: grants the target category", () => {
    expect(proposeDecision(climb)).toEqual({ outcome: "meets", grantedCategory: "expert", cappedByTest: false, currentExpired: false });
    expect(proposeDecision({ ...climb, testSupports: "master" }).grantedCategory).toBe("expert");
    expect(proposeDecision({ ...climb, testSupports: "expert" }).grantedCategory).toBe("expert");
    expect(proposeDecision({ ...climb, testSupports: "exempt" }).grantedCategory).toBe("expert");
  });

  it("meets, but the test supports a lower category: no higher than the test allows", () => {
    const input = { ...climb, targetCategory: "master" as const, currentCategory: "researcher" as const, testSupports: "researcher" as const };
    expect(proposeDecision(input)).toEqual({ outcome: "meets", grantedCategory: "researcher", cappedByTest: true, currentExpired: false });
  });

  it("a capped grant never falls below what failing would have left (our reading of п.24)", () => {
    // Confirming expert with a result that supports only moderator: failing would keep expert, so does meeting.
    const confirm = { ...climb, currentCategory: "expert" as const, testSupports: "moderator" as const };
    expect(proposeDecision(confirm)).toMatchObject({ outcome: "meets", grantedCategory: "expert", cappedByTest: true });
    // Once expert has expired, failing would give moderator, and the cap does too.
    expect(proposeDecision({ ...confirm, currentCategoryValidUntil: "2025-05-31T00:00:00Z" })).toMatchObject({
      grantedCategory: "moderator",
      currentExpired: true,
    });
    // A result below every pass score (null from categorySupportedByTest) is a cap, not "no limit".
    const none = categorySupportedByTest(10, attestationRulesV1);
    expect(none).toBeNull();
    expect(proposeDecision({ ...climb, testSupports: none })).toMatchObject({ grantedCategory: "moderator", cappedByTest: true });
  });

  it("does not meet: keeps the current category while valid, one step down once expired", () => {
    const fail = { ...climb, portfolioMeets: false };
    expect(proposeDecision(fail)).toEqual({ outcome: "does_not_meet", grantedCategory: "moderator", cappedByTest: false, currentExpired: false });
    expect(proposeDecision({ ...fail, currentCategoryValidUntil: "2025-06-01T09:00:00Z" }).grantedCategory).toBe("moderator"); // valid until that instant
    expect(proposeDecision({ ...fail, currentCategoryValidUntil: "2025-06-01T08:59:59Z" })).toMatchObject({
      grantedCategory: "teacher",
      currentExpired: true,
    });
    expect(
      proposeDecision({ ...fail, targetCategory: "moderator", currentCategory: "teacher", currentCategoryValidUntil: "2020-01-01" }).grantedCategory,
    ).toBe("teacher");
  });

  it("refuses an unreadable validity date", () => {
    expect(() => proposeDecision({ ...climb, currentCategoryValidUntil: "someday" })).toThrow(RangeError);
  });
});
