import * as z from "zod/mini";
import { updateAttestation } from "../adapters/dynamo/attestationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { appealDeadline } from "../domain/attestation/appealWindow.ts";
import { isAttestationCategory } from "../domain/attestation/categories.ts";
import { proposeDecision } from "../domain/attestation/proposeDecision.ts";
import { memberRefsOf, type Attestation, type ScoringRound } from "../domain/attestation/records.ts";
import { config } from "../platform/config.ts";
import { logger } from "../platform/logger.ts";
import { ATTESTATION_ACTOR, requireAttestation, requireRound, ROUND_KINDS, VOTE_WAIT_ATTRIBUTES } from "./shared/attestationCase.ts";
import { failedOn, InvalidCaseState, parseTaskInput, TaskId } from "./shared/taskSupport.ts";

const BASES = ["commission_vote", "rejected_twice", "appeal"] as const;
type Basis = (typeof BASES)[number];

const Input = z.object({
  attestationId: TaskId,
  round: z.enum(ROUND_KINDS),
  basis: z.enum(BASES),
  appealWorkingDays: z.number().check(z.int(), z.positive(), z.lte(366)),
});

type Decision = NonNullable<Attestation["decision"]>;
type Output = { outcome: Decision["outcome"]; grantedCategory: Decision["grantedCategory"]; final: boolean; appealDeadline?: string };

// The appeal window's Wait reads appealDeadline, so a commission's decision always carries it, even when a
// re-driven execution finds the window long closed (the Wait then passes at once).
const output = (attestation: Attestation, decision: Decision): Output => ({
  outcome: decision.outcome,
  grantedCategory: decision.grantedCategory,
  final: decision.final,
  ...(decision.basis !== "appeal" && attestation.appealDeadline !== undefined ? { appealDeadline: attestation.appealDeadline } : {}),
});

/**
 * What the decision says. On the commission's acceptance, and on an appeal, the round's proposal. When the
 * commission voted against the proposals of two panels no positive decision exists, so the teacher keeps
 * what a portfolio that does not meet the category leaves them (п.24: the current category, or the one
 * below once it has expired); the teacher may appeal that like any decision.
 */
function decide(attestation: Attestation, round: ScoringRound, basis: Basis, decidedAt: Date): Decision {
  const { aggregate, proposal } = round;
  if (!aggregate || !proposal) throw new InvalidCaseState(`the ${round.kind} round of attestation ${attestation.id} has no proposal`);
  let { outcome, grantedCategory } = proposal;
  if (basis === "rejected_twice") {
    const target = attestation.targetCategory;
    const current = attestation.currentCategory;
    if (!isAttestationCategory(target) || !isAttestationCategory(current)) throw new InvalidCaseState(`attestation ${attestation.id} names an unknown category`);
    const fallback = proposeDecision({
      targetCategory: target,
      currentCategory: current,
      ...(attestation.currentCategoryValidUntil !== undefined ? { currentCategoryValidUntil: attestation.currentCategoryValidUntil } : {}),
      now: decidedAt,
      portfolioMeets: false,
    });
    outcome = fallback.outcome;
    grantedCategory = fallback.grantedCategory;
  }
  const refs = memberRefsOf(round);
  return {
    outcome,
    grantedCategory,
    meanScore: aggregate.meanScore,
    threshold: aggregate.threshold,
    panel: aggregate.memberTotals.map(({ memberId, total }) => ({ memberRef: refs.get(memberId) ?? "M?", total })),
    decidedAt: decidedAt.toISOString(),
    final: basis === "appeal",
    basis,
  };
}

/** The end of the appeal window: N working days (appealWindow), or the demo override in seconds. */
function deadlineAfter(decidedAt: Date, workingDays: number): string {
  const seconds = config.attestationAppealWindowSeconds();
  return (seconds !== undefined ? new Date(decidedAt.getTime() + seconds * 1000) : appealDeadline(decidedAt, workingDays)).toISOString();
}

/**
 * Records the decision: after the commission's vote (or its second "no") as `decided`, open to appeal
 * until `appealDeadline`; after an appeal panel as `final`, with the decision it replaced kept beside it.
 * A decision is recorded once: a retry, or a re-driven execution that reaches this step again, gets the
 * recorded one.
 */
export const handler = async (input: unknown): Promise<Output> => {
  const { attestationId, round: kind, basis, appealWorkingDays } = parseTaskInput("recordAttestationDecision", Input, input);
  const attestation = await requireAttestation(attestationId);
  const final = basis === "appeal";
  if (final !== (kind === "appeal")) throw new InvalidCaseState(`a ${basis} decision is not taken on a ${kind} round`);
  const from: Attestation["status"] = final ? "appealed" : "awaiting_commission";
  if (attestation.status !== from) {
    // Recorded by an earlier run: the appeal's decision, or (before or after an appeal) the commission's.
    const recorded = final ? attestation.decision?.basis === "appeal" && attestation.decision : (attestation.appealedDecision ?? attestation.decision);
    if (recorded && (attestation.status === "decided" || attestation.status === "appealed" || attestation.status === "final")) return output(attestation, recorded);
    throw new InvalidCaseState(`attestation ${attestationId} is ${attestation.status}; no ${basis} decision can be recorded`);
  }

  const { round } = requireRound(attestation, kind);
  const now = new Date();
  const decision = decide(attestation, round, basis, now);
  const deadline = final ? undefined : deadlineAfter(now, appealWorkingDays);
  try {
    await commitWithAudit(
      attestationId,
      {
        actor: ATTESTATION_ACTOR,
        action: final ? "attestation.final" : "attestation.decided",
        data: {
          round: kind,
          basis,
          outcome: decision.outcome,
          grantedCategory: decision.grantedCategory,
          meanScore: decision.meanScore,
          threshold: decision.threshold,
          ...(deadline ? { appealDeadline: deadline } : {}),
        },
      },
      [
        updateAttestation(
          attestationId,
          [from],
          {
            status: final ? "final" : "decided",
            decision,
            updatedAt: decision.decidedAt,
            ...(deadline ? { appealDeadline: deadline } : {}),
            ...(final && attestation.decision ? { appealedDecision: attestation.decision } : {}),
          },
          VOTE_WAIT_ATTRIBUTES,
        ),
      ],
    );
  } catch (error) {
    if (!failedOn(error, 0)) throw error;
    const now = await requireAttestation(attestationId);
    if (!now.decision || now.status === from) throw error;
    return output(now, final ? now.decision : (now.appealedDecision ?? now.decision));
  }
  logger.info("attestation decided", { task: "recordAttestationDecision", attestationId, round: kind, basis, outcome: decision.outcome, final });
  return output({ ...attestation, ...(deadline ? { appealDeadline: deadline } : {}) }, decision);
};
