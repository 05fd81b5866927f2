import * as z from "zod/mini";
import { updateAttestationWhere } from "../adapters/dynamo/attestationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { when } from "../adapters/dynamo/updates.ts";
import { isAttestationCategory, type AttestationCategory } from "../domain/attestation/categories.ts";
import { categorySupportedByTest } from "../domain/attestation/checkEligibility.ts";
import { proposeDecision } from "../domain/attestation/proposeDecision.ts";
import type { Attestation, ScoringRound } from "../domain/attestation/records.ts";
import { logger } from "../platform/logger.ts";
import {
  ATTESTATION_ACTOR,
  requireAttestation,
  requireRound,
  ROUND_KINDS,
  roundAttributeAbsent,
  rulesOf,
  SCORING_STATUSES,
  type RoundKind,
} from "./shared/attestationCase.ts";
import { failedOn, InvalidCaseState, parseTaskInput, TaskId } from "./shared/taskSupport.ts";

const Input = z.object({ attestationId: TaskId, round: z.enum(ROUND_KINDS) });

type Proposal = NonNullable<ScoringRound["proposal"]>;
type Output = { outcome: Proposal["outcome"]; grantedCategory: Proposal["grantedCategory"]; cappedByTest: boolean };

const output = (proposal: Proposal): Output => ({
  outcome: proposal.outcome,
  grantedCategory: proposal.grantedCategory,
  cappedByTest: proposal.cappedByTest ?? false,
});

/** The status once the proposal exists: the commission votes on a first or recheck proposal; an appeal's is final without a vote. */
const PROPOSED_AS: Readonly<Record<RoundKind, Attestation["status"]>> = {
  first: "awaiting_commission",
  recheck: "awaiting_commission",
  appeal: "appealed",
};

/** How far the knowledge test lets a met portfolio take the teacher (п.24): exempt, the category it supports, or no limit without a result. */
function testSupportOf(attestation: Attestation): AttestationCategory | "exempt" | null | undefined {
  if (attestation.exemption !== undefined) return "exempt";
  if (attestation.test === undefined) return undefined;
  return categorySupportedByTest(attestation.test.score, rulesOf(attestation));
}

/**
 * The decision proposal of the round (п.24, the domain's proposeDecision): meets → the target category,
 * or the lower one the test result supports; does not meet → the current category, or the one below when
 * it has expired. A first or recheck proposal then awaits the commission's vote.
 */
export const handler = async (input: unknown): Promise<Output> => {
  const { attestationId, round: kind } = parseTaskInput("proposeAttestationDecision", Input, input);
  const attestation = await requireAttestation(attestationId);
  const { round, index } = requireRound(attestation, kind);
  if (round.proposal) return output(round.proposal);
  if (!round.aggregate) throw new InvalidCaseState(`the ${kind} round of attestation ${attestationId} has no result to propose from`);
  if (!SCORING_STATUSES.includes(attestation.status)) throw new InvalidCaseState(`attestation ${attestationId} is ${attestation.status}; nothing can be proposed`);
  const target = attestation.targetCategory;
  const current = attestation.currentCategory;
  if (!isAttestationCategory(target) || !isAttestationCategory(current)) throw new InvalidCaseState(`attestation ${attestationId} names an unknown category`);

  const proposedAt = new Date();
  const decided = proposeDecision({
    targetCategory: target,
    currentCategory: current,
    ...(attestation.currentCategoryValidUntil !== undefined ? { currentCategoryValidUntil: attestation.currentCategoryValidUntil } : {}),
    now: proposedAt,
    portfolioMeets: round.aggregate.meetsCategory,
    testSupports: testSupportOf(attestation),
  });
  const proposal: Proposal = {
    outcome: decided.outcome,
    grantedCategory: decided.grantedCategory,
    cappedByTest: decided.cappedByTest,
    currentExpired: decided.currentExpired,
    proposedAt: proposedAt.toISOString(),
  };
  try {
    await commitWithAudit(
      attestationId,
      {
        actor: ATTESTATION_ACTOR,
        action: "decision.proposed",
        data: {
          round: kind,
          outcome: proposal.outcome,
          grantedCategory: proposal.grantedCategory,
          cappedByTest: decided.cappedByTest,
          currentExpired: decided.currentExpired,
          meanScore: round.aggregate.meanScore,
          threshold: round.aggregate.threshold,
        },
      },
      [
        updateAttestationWhere(attestationId, {
          set: { [`rounds[${index}].proposal`]: proposal, status: PROPOSED_AS[kind], updatedAt: proposal.proposedAt },
          condition: when.allOf(when.statusIn(SCORING_STATUSES), roundAttributeAbsent(index, "proposal")),
        }),
      ],
    );
  } catch (error) {
    if (!failedOn(error, 0)) throw error;
    const now = requireRound(await requireAttestation(attestationId), kind).round;
    if (!now.proposal) throw new InvalidCaseState(`attestation ${attestationId} changed before its ${kind} proposal was recorded`);
    return output(now.proposal);
  }
  logger.info("attestation decision proposed", { task: "proposeAttestationDecision", attestationId, round: kind, outcome: proposal.outcome, cappedByTest: decided.cappedByTest });
  return output(proposal);
};
