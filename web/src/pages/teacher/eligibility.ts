import { eligibilityRequest } from "../../../../functions/api/attestations/eligibility.ts";
import { attestationRulesV1 } from "../../../../functions/domain/attestation/attestationRules.ts";
import { ATTESTED_CATEGORIES, compareCategories, type AttestationCategory, type AttestedCategory } from "../../../../functions/domain/attestation/categories.ts";
import { checkEligibility, type EligibilityRefusal } from "../../../../functions/domain/attestation/checkEligibility.ts";
import type { Attestation } from "../../../../functions/domain/attestation/records.ts";

export type AttestationFacts = Pick<
  Attestation,
  "targetCategory" | "currentCategory" | "currentCategoryValidUntil" | "experienceYears" | "test" | "exemption" | "early" | "lastAttestationAt"
>;

/** `testSupports`: the highest category the test result reaches, when it is below the one aimed for (п.24 caps the decision by it). */
export type CategoryVerdict = { category: AttestedCategory; refusals: EligibilityRefusal[]; cappedAt?: AttestationCategory };

/**
 * The API's own eligibility rules (Order No. 83) run on what the teacher has entered so far, for every
 * category one can be attested to: which may be aimed for, and for the others the rules that stand in the
 * way, in the rules' own words. The API judges again on submission; this only explains before it does.
 */
export function verdictsByCategory(facts: Omit<AttestationFacts, "targetCategory">, now: Date = new Date()): CategoryVerdict[] {
  return ATTESTED_CATEGORIES.map((category) => {
    const verdict = judge({ ...facts, targetCategory: category }, now);
    if (!verdict.ok) return { category, refusals: verdict.refusals };
    const supports = verdict.testSupports;
    return supports !== undefined && compareCategories(supports, category) < 0 ? { category, refusals: [], cappedAt: supports } : { category, refusals: [] };
  });
}

function judge(facts: AttestationFacts, now: Date) {
  return checkEligibility(eligibilityRequest(facts as Attestation), attestationRulesV1, now);
}

export function refusalsFor(facts: AttestationFacts, now: Date = new Date()): EligibilityRefusal[] {
  const verdict = judge(facts, now);
  return verdict.ok ? [] : verdict.refusals;
}

export const KNOWLEDGE_TEST_TASKS = attestationRulesV1.knowledgeTest.tasks;
export const PASS_SCORES = attestationRulesV1.knowledgeTest.passScores;
