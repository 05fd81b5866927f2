import { routes } from "../../routes.ts";
import { CHAIR_VOTE_INDEX_ATTRIBUTES, getAttestation, updateAttestationWhere } from "../../adapters/dynamo/attestationRecords.ts";
import { commitWithAudit } from "../../adapters/dynamo/auditLog.ts";
import { getCommission } from "../../adapters/dynamo/commissionRecords.ts";
import { ConditionFailed } from "../../adapters/dynamo/transactions.ts";
import { when } from "../../adapters/dynamo/updates.ts";
import { completeTask } from "../../adapters/stepfunctions/workflowClient.ts";
import { commissionVote, type CommissionVoteRefusalCode } from "../../domain/attestation/commissionVote.ts";
import type { Attestation, ScoringRound } from "../../domain/attestation/records.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { logger } from "../../platform/logger.ts";

type Vote = NonNullable<ScoringRound["vote"]>;

/** The quorum's base: the voting members (chair and members) of the commission that decides the case. */
async function commissionSizeOf(attestation: Attestation): Promise<number> {
  if (attestation.commissionSize !== undefined) return attestation.commissionSize;
  const commission = attestation.commissionId === undefined ? undefined : await getCommission(attestation.commissionId);
  if (!commission) throw new Error(`attestation ${attestation.id} awaits a vote without a commission`);
  return commission.members.filter((member) => member.role !== "reserve").length;
}

// The body field each refusal is about.
const refusalPath: Readonly<Record<CommissionVoteRefusalCode, string>> = {
  no_quorum: "body.present",
  invalid_vote: "body",
  tie_without_chair_vote: "body.chairVotedFor",
};

const sameCounts = (vote: Vote, body: { present: number; for: number; against: number }) =>
  vote.present === body.present && vote.for === body.for && vote.against === body.against;

/** Hands the waiting workflow the commission's answer; a token that no longer waits is only logged. */
async function deliver(attestation: Attestation, token: string, accepted: boolean): Promise<void> {
  const delivered = await completeTask(token, { accepted });
  if (!delivered) logger.warn("commission vote recorded after the workflow stopped waiting", { attestationId: attestation.id });
}

/**
 * The chair of the case's commission records the commission's vote on the panel's decision proposal. The
 * vote is checked (quorum of two thirds, counts that add up, the chair breaking a tie), recorded on the
 * current round with its audit event, and then handed to the workflow waiting for it.
 */
export const handler = httpHandler(routes.voteOnAttestation, async ({ user, params, body, language }) => {
  const attestation = await getAttestation(params.id, true);
  if (!attestation || attestation.chairId === undefined || attestation.chairId !== user.id) throw new AppError("not_found");
  const roundIndex = (attestation.rounds?.length ?? 0) - 1;
  const round = attestation.rounds?.[roundIndex];
  const token = attestation.voteTaskToken;
  const waitingOnRound = round !== undefined && (attestation.voteRound === undefined || attestation.voteRound === round.kind);
  if (attestation.status !== "awaiting_commission" || !round || !waitingOnRound || token === undefined) {
    throw new AppError("invalid_state", `The attestation is ${attestation.status}, not awaiting the commission's vote`);
  }
  if (round.vote) {
    // A retried request: the vote is on record, so the workflow is answered again, and nothing else changes.
    if (!sameCounts(round.vote, body)) throw new AppError("already_decided");
    await deliver(attestation, token, round.vote.accepted);
    return { body: { id: attestation.id, round: roundIndex + 1, ...round.vote } };
  }

  const result = commissionVote({ commissionSize: await commissionSizeOf(attestation), ...body });
  if (!result.ok) {
    const message = result.message[language];
    throw new AppError(result.code, message, [{ path: refusalPath[result.code], code: result.code, message }]);
  }
  const vote: Vote = {
    present: body.present,
    for: body.for,
    against: body.against,
    accepted: result.accepted,
    votedAt: new Date().toISOString(),
    chairId: user.id,
    decidedByChair: result.decidedByChair,
    ...(body.chairVotedFor !== undefined ? { chairVotedFor: body.chairVotedFor } : {}),
  };
  try {
    await commitWithAudit(
      attestation.id,
      {
        actor: user.id,
        action: "attestation.commission_voted",
        data: { round: roundIndex + 1, present: vote.present, for: vote.for, against: vote.against, accepted: vote.accepted, decidedByChair: vote.decidedByChair },
      },
      [
        updateAttestationWhere(attestation.id, {
          set: { [`rounds[${roundIndex}].vote`]: vote, updatedAt: vote.votedAt },
          // The vote is no longer the chair's to record: off their list (GET /me/votes) at once.
          remove: CHAIR_VOTE_INDEX_ATTRIBUTES,
          // Only this round's first vote, while the workflow still waits on the token it was read with.
          condition: when.allOf(
            when.statusIn(["awaiting_commission"]),
            when.compare("voteTaskToken", "=", token),
            { expression: `attribute_not_exists(#voteRounds[${roundIndex}].#roundVote)`, names: { "#voteRounds": "rounds", "#roundVote": "vote" } },
          ),
        }),
      ],
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw new AppError("already_decided");
    throw error;
  }
  await deliver(attestation, token, vote.accepted);
  return { body: { id: attestation.id, round: roundIndex + 1, ...vote } };
});
