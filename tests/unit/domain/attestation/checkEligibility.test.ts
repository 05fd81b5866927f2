import { describe, expect, it } from "vitest";
import { attestationRulesV1 } from "../../../../functions/domain/attestation/attestationRules.ts";
import {
  categorySupportedByTest,
  checkEligibility,
  ELIGIBILITY_REFUSAL_CODES,
  type EligibilityRefusal,
  type EligibilityRequest,
} from "../../../../functions/domain/attestation/checkEligibility.ts";

const rules = attestationRulesV1;
const now = new Date("2025-06-01T09:00:00Z");

const base: EligibilityRequest = {
  targetCategory: "moderator",
  currentCategory: "teacher",
  experienceYears: 3,
  test: { score: 30, takenAt: "2025-01-10T06:00:00Z" },
};

const seen: EligibilityRefusal[] = [];

function refusals(request: EligibilityRequest, at: Date = now): EligibilityRefusal[] {
  const result = checkEligibility(request, rules, at);
  if (result.ok) return [];
  seen.push(...result.refusals);
  return result.refusals;
}
const codes = (request: EligibilityRequest, at: Date = now) => refusals(request, at).map((r) => r.code);
const problems = (request: EligibilityRequest) => refusals(request).map((r) => r.details?.problem);

describe("ОЗП rules as data (attestation-rules-v1)", () => {
  it("holds the п.39 pass scores out of 50 tasks, one year's validity and the language certificates", () => {
    expect(rules).toMatchObject({ id: "attestation-rules-v1", version: "1", verified: false });
    expect(rules.knowledgeTest).toEqual({
      tasks: 50,
      passScores: { teacher: 25, moderator: 30, expert: 35, researcher: 40, master: 45 },
      validityYears: 1,
    });
    // 50 / 60 / 70 / 80 / 90 % of the tasks.
    expect(Object.values(rules.knowledgeTest.passScores).map((score) => (score / rules.knowledgeTest.tasks) * 100)).toEqual([50, 60, 70, 80, 90]);
    expect(rules.exemptions.languageCertificates.IELTS.minimum).toEqual({ moderator: 6.5, expert: 6.5, researcher: 7, master: 7.5 });
    expect(rules.exemptions.languageCertificates.TOEFL.minimum).toEqual({ moderator: 79, expert: 85, researcher: 94, master: 102 });
    expect(rules.exemptions.languageCertificates.DELF.minimum).toEqual({ moderator: "B2", expert: "B2", researcher: "C1", master: "C1" });
    expect(rules.exemptions.languageCertificates.Goethe.minimum).toEqual(rules.exemptions.languageCertificates.DELF.minimum);
  });
});

describe("categorySupportedByTest (п.24 cap)", () => {
  it("gives the highest category whose pass score the result reaches", () => {
    const scores = [0, 24, 25, 29, 30, 34, 35, 39, 40, 44, 45, 50];
    expect(scores.map((score) => categorySupportedByTest(score, rules))).toEqual([
      null, null, "teacher", "teacher", "moderator", "moderator", "expert", "expert", "researcher", "researcher", "master", "master",
    ]);
  });
});

describe("checkEligibility", () => {
  it("accepts a sound application and reports what the test supports", () => {
    expect(checkEligibility(base, rules, now)).toEqual({ ok: true, testRequired: true, testSupports: "moderator", pensionExempt: false });
    expect(checkEligibility({ ...base, test: { score: 47, takenAt: "2025-01-10" } }, rules, now)).toMatchObject({ ok: true, testSupports: "master" });
  });

  it("exports every refusal code the API may answer with", () => {
    expect(ELIGIBILITY_REFUSAL_CODES).toEqual([
      "invalid_request",
      "target_not_attestable",
      "category_sequence",
      "experience_too_short",
      "test_required",
      "test_below_threshold",
      "test_expired",
      "too_early",
      "early_not_available",
      "early_requirements_not_met",
      "last_attestation_missing",
      "exemption_invalid",
    ]);
  });

  it("category_sequence: one step up, or confirm the current category (п.5)", () => {
    expect(codes({ ...base, targetCategory: "expert", test: { score: 35, takenAt: "2025-01-10" } })).toEqual(["category_sequence"]);
    expect(codes({ ...base, targetCategory: "moderator", currentCategory: "expert", test: { score: 40, takenAt: "2025-01-10" } })).toEqual([
      "category_sequence",
    ]);
    expect(codes({ ...base, targetCategory: "expert", currentCategory: "expert", test: { score: 35, takenAt: "2025-01-10" } })).toEqual([]);
    expect(codes({ ...base, targetCategory: "expert", currentCategory: "moderator", test: { score: 35, takenAt: "2025-01-10" } })).toEqual([]);
    expect(codes({ ...base, targetCategory: "master", currentCategory: "expert", test: { score: 45, takenAt: "2025-01-10" } })).toEqual([
      "category_sequence",
    ]);
  });

  it("target_not_attestable: the category teacher is not awarded by attestation", () => {
    expect(codes({ ...base, targetCategory: "teacher" })).toEqual(["target_not_attestable"]);
  });

  it("experience_too_short: a moderator needs at least 2 years (п.5)", () => {
    const [refusal] = refusals({ ...base, experienceYears: 1.5 });
    expect(refusal?.code).toBe("experience_too_short");
    expect(refusal?.details).toEqual({ experienceYears: 1.5, minimum: 2 });
    expect(refusal?.message.ru).toContain("не менее 2 лет (п.5)");
    expect(codes({ ...base, experienceYears: 2 })).toEqual([]);
  });

  it("test_required: without an exemption a test result is needed", () => {
    const { test: _test, ...withoutTest } = base;
    expect(codes(withoutTest)).toEqual(["test_required"]);
  });

  it("test_below_threshold: the result must at least support the category held (п.39); below the target it only caps (п.24)", () => {
    const expert = { ...base, targetCategory: "expert" as const, currentCategory: "moderator" as const };
    const [refusal] = refusals({ ...expert, test: { score: 29, takenAt: "2025-01-10" } });
    expect(refusal?.code).toBe("test_below_threshold");
    expect(refusal?.details).toEqual({ score: 29, threshold: 30, targetThreshold: 35, supports: "teacher" });
    expect(refusal?.message.ru).toContain("29 из 50");
    expect(checkEligibility({ ...expert, test: { score: 34, takenAt: "2025-01-10" } }, rules, now)).toMatchObject({ ok: true, testSupports: "moderator" });
    expect(codes({ ...expert, test: { score: 35, takenAt: "2025-01-10" } })).toEqual([]);
  });

  it("test_expired: a result is valid one year (п.39)", () => {
    const takenAt = "2024-06-01T09:00:00Z";
    expect(codes({ ...base, test: { score: 30, takenAt } })).toEqual([]); // exactly one year: still valid
    expect(codes({ ...base, test: { score: 30, takenAt } }, new Date("2025-06-01T09:00:00.001Z"))).toEqual(["test_expired"]);
    // 29 February has no anniversary in 2025: the year ends on 28 February, not 1 March.
    const leap = { ...base, test: { score: 30, takenAt: "2024-02-29T10:00:00Z" } };
    expect(codes(leap, new Date("2025-02-28T10:00:00Z"))).toEqual([]);
    expect(codes(leap, new Date("2025-02-28T10:00:01Z"))).toEqual(["test_expired"]);
    // An expired result is not also judged against the threshold.
    expect(codes({ ...base, test: { score: 10, takenAt: "2023-01-01" } })).toEqual(["test_expired"]);
  });

  it("refuses a test dated in the future or a score outside 0..50 as an invalid request", () => {
    expect(refusals({ ...base, test: { score: 30, takenAt: "2025-06-02" } })).toMatchObject([
      { code: "invalid_request", details: { field: "test.takenAt", problem: "in_the_future" } },
    ]);
    expect(codes({ ...base, test: { score: 51, takenAt: "2025-01-10" } })).toEqual(["invalid_request"]);
    expect(codes({ ...base, test: { score: 30.5, takenAt: "2025-01-10" } })).toEqual(["invalid_request"]);
    expect(codes({ ...base, test: { score: 30, takenAt: "not a date" } })).toEqual(["invalid_request"]);
    expect(codes({ ...base, experienceYears: -1 })).toEqual(["invalid_request"]);
    expect(codes({ ...base, targetCategory: "guru" as never })).toEqual(["invalid_request"]);
  });

  describe("early attestation (п.63-64)", () => {
    const early: EligibilityRequest = {
      ...base,
      targetCategory: "expert",
      currentCategory: "moderator",
      test: { score: 35, takenAt: "2025-01-10" },
      early: true,
      lastAttestationAt: "2023-06-01T09:00:00Z",
    };

    it("too_early: sooner than 2 years after the last attestation", () => {
      expect(codes(early)).toEqual([]); // exactly two years
      const [refusal] = refusals({ ...early, lastAttestationAt: "2023-06-01T09:00:01Z" });
      expect(refusal?.code).toBe("too_early");
      expect(refusal?.message.ru).toContain("через 2 года");
      expect(refusal?.message.ru).toContain("2025-06-01");
    });

    it("last_attestation_missing, early_not_available, early_requirements_not_met", () => {
      const { lastAttestationAt: _last, ...noLast } = early;
      expect(codes(noLast)).toEqual(["last_attestation_missing"]);
      expect(codes({ ...base, early: true, lastAttestationAt: "2020-01-01" })).toEqual(["early_not_available"]);
      expect(codes({ ...early, earlyRequirementsMet: 3 })).toEqual(["early_requirements_not_met"]);
      expect(codes({ ...early, earlyRequirementsMet: 4 })).toEqual([]);
      const researcher = { ...early, targetCategory: "researcher" as const, currentCategory: "expert" as const, test: { score: 40, takenAt: "2025-01-10" } };
      expect(codes({ ...researcher, earlyRequirementsMet: 4 })).toEqual(["early_requirements_not_met"]);
      expect(codes({ ...researcher, earlyRequirementsMet: 5 })).toEqual([]);
    });
  });

  describe("exemptions from the test (п.55-57)", () => {
    const confirmingExpert: EligibilityRequest = { targetCategory: "expert", currentCategory: "expert", experienceYears: 31 };

    it("30 years' experience exempts only when confirming the current category", () => {
      const claim = { reason: "experience_30_years" as const };
      expect(checkEligibility({ ...confirmingExpert, exemption: claim }, rules, now)).toEqual({
        ok: true,
        testRequired: false,
        exemption: claim,
        pensionExempt: false,
      });
      expect(problems({ ...confirmingExpert, experienceYears: 29, exemption: claim })).toEqual(["experience_too_short"]);
      expect(problems({ ...confirmingExpert, targetCategory: "researcher", exemption: claim })).toEqual(["not_confirming"]);
    });

    it("researcher and master may be confirmed without the test at most twice in a row", () => {
      const claim = (confirmationsInARow?: number) => ({ reason: "confirming_top_category" as const, confirmationsInARow });
      const master: EligibilityRequest = { targetCategory: "master", currentCategory: "master", experienceYears: 12 };
      expect(codes({ ...master, exemption: claim() })).toEqual([]);
      expect(codes({ ...master, exemption: claim(1) })).toEqual([]);
      expect(problems({ ...master, exemption: claim(2) })).toEqual(["too_many_confirmations_in_a_row"]);
      expect(problems({ ...confirmingExpert, exemption: claim(0) })).toEqual(["not_confirming_top_category"]);
      expect(problems({ ...master, currentCategory: "researcher", exemption: claim(0) })).toEqual(["not_confirming_top_category"]);
    });

    it("a language certificate must reach the category's level and be current", () => {
      const withCertificate = (kind: "IELTS" | "TOEFL" | "DELF" | "Goethe", level: string | number, validUntil?: string): EligibilityRequest => ({
        targetCategory: "researcher",
        currentCategory: "expert",
        experienceYears: 8,
        exemption: { reason: "language_certificate", certificate: validUntil === undefined ? { kind, level } : { kind, level, validUntil } },
      });
      expect(codes(withCertificate("IELTS", 7))).toEqual([]);
      expect(codes(withCertificate("IELTS", "7.0"))).toEqual([]);
      expect(problems(withCertificate("IELTS", 6.5))).toEqual(["certificate_level_too_low"]);
      expect(codes(withCertificate("TOEFL", 94))).toEqual([]);
      expect(problems(withCertificate("TOEFL", 93))).toEqual(["certificate_level_too_low"]);
      expect(problems(withCertificate("DELF", "B2"))).toEqual(["certificate_level_too_low"]);
      expect(codes(withCertificate("DELF", "c1"))).toEqual([]);
      expect(codes(withCertificate("Goethe", "Goethe-Zertifikat C2"))).toEqual([]);
      expect(problems(withCertificate("Goethe", "excellent"))).toEqual(["certificate_level_unreadable"]);
      expect(problems(withCertificate("IELTS", 8, "2025-05-31"))).toEqual(["certificate_expired"]);
      expect(codes(withCertificate("IELTS", 8, "2026-05-31"))).toEqual([]);
      const moderator = { ...withCertificate("IELTS", 6.5), targetCategory: "moderator" as const, currentCategory: "teacher" as const };
      expect(codes(moderator)).toEqual([]);
      expect(problems({ ...moderator, exemption: { reason: "language_certificate" } })).toEqual(["certificate_missing"]);
    });

    it("with an exemption claimed, the test is not judged", () => {
      const request: EligibilityRequest = {
        ...confirmingExpert,
        exemption: { reason: "experience_30_years" },
        test: { score: 3, takenAt: "2010-01-01" },
      };
      expect(checkEligibility(request, rules, now)).toMatchObject({ ok: true, testRequired: false });
    });
  });

  it("reports every broken rule at once", () => {
    expect(codes({ ...base, targetCategory: "expert", experienceYears: 1, test: { score: 20, takenAt: "2025-01-10" }, early: true })).toEqual([
      "category_sequence",
      "test_below_threshold",
      "last_attestation_missing",
    ]);
    expect(codes({ ...base, experienceYears: 1, test: { score: 20, takenAt: "2025-01-10" } })).toEqual(["experience_too_short", "test_below_threshold"]);
  });

  it("notes that a teacher within 4 years of pension age need not attest (п.30), without refusing", () => {
    expect(checkEligibility({ ...base, yearsToPension: 4 }, rules, now)).toMatchObject({ ok: true, pensionExempt: true });
    expect(checkEligibility({ ...base, yearsToPension: 5 }, rules, now)).toMatchObject({ ok: true, pensionExempt: false });
  });

  it("words every refusal in kk, ru and en", () => {
    expect(new Set(seen.map((r) => r.code))).toEqual(new Set(ELIGIBILITY_REFUSAL_CODES));
    for (const refusal of seen) {
      expect(refusal.message.kk.trim()).not.toBe("");
      expect(refusal.message.ru.trim()).not.toBe("");
      expect(refusal.message.en.trim()).not.toBe("");
      // Rule refusals cite their paragraph; only malformed input has none to cite.
      if (refusal.code !== "invalid_request" && refusal.details?.problem !== "certificate_level_unreadable") {
        expect(refusal.message.ru).toMatch(/пп?\.\d/);
        expect(refusal.message.kk).toMatch(/\d+(-\d+)?-тт?\./);
        expect(refusal.message.en).toMatch(/п\.\d/);
      }
    }
  });

  it("refuses to work with a broken clock", () => {
    expect(() => checkEligibility(base, rules, new Date(Number.NaN))).toThrow(RangeError);
  });
});
