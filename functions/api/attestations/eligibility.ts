import type { EligibilityRefusal, EligibilityRefusalCode, EligibilityRequest } from "../../domain/attestation/checkEligibility.ts";
import type { Attestation } from "../../domain/attestation/records.ts";
import { AppError } from "../../platform/errors/appError.ts";
import type { Language } from "../../platform/errors/errorCatalog.ts";

/** What checkEligibility judges of a stored attestation. */
export function eligibilityRequest(attestation: Attestation): EligibilityRequest {
  const { targetCategory, currentCategory, currentCategoryValidUntil, experienceYears, test, exemption, early, lastAttestationAt } = attestation;
  return {
    targetCategory,
    currentCategory,
    experienceYears,
    ...(currentCategoryValidUntil !== undefined ? { currentCategoryValidUntil } : {}),
    ...(test !== undefined ? { test } : {}),
    ...(exemption !== undefined ? { exemption } : {}),
    ...(early !== undefined ? { early } : {}),
    ...(lastAttestationAt !== undefined ? { lastAttestationAt } : {}),
  };
}

// The field of the attestation each refusal is about (an invalid_request names its own).
const refusalField: Readonly<Record<EligibilityRefusalCode, string>> = {
  invalid_request: "",
  target_not_attestable: "targetCategory",
  category_sequence: "targetCategory",
  experience_too_short: "experienceYears",
  test_required: "test",
  test_below_threshold: "test.score",
  test_expired: "test.takenAt",
  too_early: "lastAttestationAt",
  early_not_available: "early",
  early_requirements_not_met: "early",
  last_attestation_missing: "lastAttestationAt",
  exemption_invalid: "exemption",
};

/**
 * The refusal as the API answers it: 422 with the first broken rule's stable code, and every broken rule
 * in `errors`, each with its message in the caller's language.
 */
export function refusalError(refusals: readonly [EligibilityRefusal, ...EligibilityRefusal[]], language: Language): AppError {
  const [first] = refusals;
  return new AppError(
    first.code,
    first.message[language],
    refusals.map((refusal) => ({
      path: `attestation.${refusal.code === "invalid_request" ? String(refusal.details?.field) : refusalField[refusal.code]}`,
      code: refusal.code,
      message: refusal.message[language],
    })),
  );
}
