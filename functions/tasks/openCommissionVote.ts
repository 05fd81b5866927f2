import * as z from "zod/mini";
import { chairVoteIndex, updateAttestationWhere } from "../adapters/dynamo/attestationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { when, writeOne } from "../adapters/dynamo/updates.ts";
import { completeTask } from "../adapters/stepfunctions/workflowClient.ts";
import type { Attestation } from "../domain/attestation/records.ts";
import { logger } from "../platform/logger.ts";
import {
  ATTESTATION_ACTOR,
  requireAttestation,
  requireRound,
  ROUND_KINDS,
  roundAttributeAbsent,
  type RoundKind,
} from "./shared/attestationCase.ts";
import { failedOn, InvalidCaseState, parseTaskInput, TaskId } from "./shared/taskSupport.ts";

const Input = z.object({
  attestationId: TaskId,
  round: z.enum(["first", "recheck"] satisfies RoundKind[]),
  taskToken: z.string().check(z.minLength(1), z.maxLength(4096)),
});

type Output = { status: "waiting" | "voted" };

/** The vote of the round, once the chair recorded it; the waiting task then completes with it at once. */
function recordedVote(attestation: Attestation, kind: RoundKind): { accepted: boolean } | undefined {
  const vote = requireRound(attestation, kind).round.vote;
  return vote ? { accepted: vote.accepted } : undefined;
}

/**
 * Puts the round's proposal to the deciding commission: the waiting task's token is stored on the case with
 * the chair, and the chair's POST /attestations/{id}/commission-vote completes it with `{ accepted }`. A
 * re-driven execution brings a new token, which replaces the old one; a vote already recorded on the round
 * is passed on at once, so nobody is asked twice.
 */
export const handler = async (input: unknown): Promise<Output> => {
  const { attestationId, round: kind, taskToken } = parseTaskInput("openCommissionVote", Input, input);
  const attestation = await requireAttestation(attestationId);
  const voted = recordedVote(attestation, kind);
  if (voted) {
    await completeTask(taskToken, voted);
    return { status: "voted" };
  }
  const { round, index } = requireRound(attestation, kind);
  // The chair's vote handler answers the newest round's token; an older round can only have been voted on.
  if (attestation.status !== "awaiting_commission" || index !== (attestation.rounds?.length ?? 0) - 1 || !round.proposal) {
    throw new InvalidCaseState(`attestation ${attestationId} is ${attestation.status}; its ${kind} proposal is not awaiting a vote`);
  }
  const chairId = attestation.chairId;
  if (chairId === undefined) throw new InvalidCaseState(`attestation ${attestationId} has no chair to vote`);
  if (attestation.voteTaskToken === taskToken) return { status: "waiting" };

  const openedAt = new Date().toISOString();
  const change = updateAttestationWhere(attestationId, {
    set: { voteTaskToken: taskToken, voteRound: kind, ...chairVoteIndex(chairId, attestationId, round.proposal.proposedAt ?? openedAt) },
    condition: when.allOf(when.statusIn(["awaiting_commission"]), roundAttributeAbsent(index, "vote")),
  });
  let written: boolean;
  if (attestation.voteRound === kind) {
    // A re-driven wait: only the token changes (like a slot's); the vote was opened, and audited, before.
    written = await writeOne(change);
  } else {
    try {
      await commitWithAudit(attestationId, { actor: ATTESTATION_ACTOR, action: "vote.opened", data: { round: kind, chairId } }, [change]);
      written = true;
    } catch (error) {
      if (!failedOn(error, 0)) throw error;
      written = false;
    }
  }
  if (!written) {
    // The chair voted in between: pass the vote on.
    const vote = recordedVote(await requireAttestation(attestationId), kind);
    if (!vote) throw new InvalidCaseState(`attestation ${attestationId} stopped awaiting the commission`);
    await completeTask(taskToken, vote);
    return { status: "voted" };
  }
  logger.info("commission vote opened", { task: "openCommissionVote", attestationId, round: kind });
  return { status: "waiting" };
};
