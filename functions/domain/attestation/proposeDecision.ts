import { assertValidNow, parseInstant, type Instant } from "./calendar.ts";
import {
  compareCategories,
  higherCategory,
  lowerCategory,
  previousCategory,
  type AttestationCategory,
} from "./categories.ts";

export type DecisionInput = {
  targetCategory: AttestationCategory;
  currentCategory: AttestationCategory;
  /** End of the current category's validity; absent for a category that does not expire ("teacher"). */
  currentCategoryValidUntil?: Instant;
  now: Date;
  /** The panel's result: every criterion met and the mean total reaches the threshold (aggregatePanelScores). */
  portfolioMeets: boolean;
  /**
   * The highest category the knowledge test result supports (categorySupportedByTest), null when it
   * supports none, or "exempt" when the teacher was exempt from the test. Absent means no test limit applies.
   */
  testSupports?: AttestationCategory | "exempt" | null;
};

export type DecisionProposal = {
  outcome: "meets" | "does_not_meet";
  grantedCategory: AttestationCategory;
  /** The portfolio met the target but the test result held the category lower (п.24). */
  cappedByTest: boolean;
  /** The current category had expired by `now`. */
  currentExpired: boolean;
};

/**
 * The decision proposal the commission votes on (п.24).
 *
 * - «соответствует» (meets): the target category, unless the test result supports only a lower one; then
 *   the category the test supports, as п.24 says: "not above the one the ОЗП result supports".
 * - «не соответствует» (does not meet): the current category is kept while it is valid; once it has
 *   expired the teacher drops one step (teacher is the floor).
 *
 * Our reading of how the two combine: the test cap limits how far UP a met portfolio may take the teacher;
 * it never takes the teacher below what a failed portfolio would leave them with. Otherwise meeting the
 * portfolio could end worse than failing it (e.g. confirming expert with a test that supports moderator
 * would give moderator on success but keep expert on failure). So a capped grant is raised to the
 * does-not-meet floor when it would fall below it. checkEligibility already refuses a test below the
 * target's pass score, so the cap only bites when the result changed after submission.
 */
export function proposeDecision(input: DecisionInput): DecisionProposal {
  assertValidNow(input.now);
  const { targetCategory, currentCategory, portfolioMeets, testSupports } = input;
  let currentExpired = false;
  if (input.currentCategoryValidUntil !== undefined) {
    const validUntil = parseInstant(input.currentCategoryValidUntil);
    if (validUntil === undefined) throw new RangeError("currentCategoryValidUntil must be a valid date");
    // Valid up to and including the instant it is valid until.
    currentExpired = input.now.getTime() > validUntil.getTime();
  }
  const floor: AttestationCategory = currentExpired ? (previousCategory(currentCategory) ?? currentCategory) : currentCategory;

  if (!portfolioMeets) return { outcome: "does_not_meet", grantedCategory: floor, cappedByTest: false, currentExpired };

  const uncapped = testSupports === undefined || testSupports === "exempt";
  if (uncapped || (testSupports !== null && compareCategories(testSupports, targetCategory) >= 0)) {
    return { outcome: "meets", grantedCategory: targetCategory, cappedByTest: false, currentExpired };
  }
  // A result that supports no category at all caps the grant below everything; the floor then decides.
  const capped = testSupports === null ? "teacher" : lowerCategory(targetCategory, testSupports);
  return { outcome: "meets", grantedCategory: higherCategory(capped, floor), cappedByTest: true, currentExpired };
}
