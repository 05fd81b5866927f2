import { routes } from "../../routes.ts";
import { getMany } from "../../adapters/dynamo/batchGet.ts";
import type { Commission } from "../../adapters/dynamo/commissionRecords.ts";
import { keys, partitions } from "../../adapters/dynamo/keys.ts";
import { queryPage } from "../../adapters/dynamo/pagination.ts";
import type { Attestation } from "../../domain/attestation/records.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";

/**
 * The commission votes the calling chair has still to record, oldest proposal first. The chair's index
 * entry exists only while the workflow waits for that vote (openCommissionVote writes it; the vote, the
 * next round, the decision or a failure removes it), so the list is one index query, and the page's
 * commissions one batch read for their level.
 */
export const handler = httpHandler(routes.listMyVotes, async ({ user, query }) => {
  const page = await queryPage<Attestation>({ index: "GSI1", partition: partitions.chairVotes(user.id) }, query);
  const commissionIds = page.items.flatMap((attestation) => (attestation.commissionId === undefined ? [] : [attestation.commissionId]));
  const commissions = await getMany<Commission>(commissionIds.map(keys.commission), false);
  const levelOf = new Map(commissions.flatMap((commission) => (commission ? [[commission.id, commission.level] as const] : [])));
  const items = page.items.map((attestation) => {
    const round = attestation.rounds?.at(-1);
    return {
      attestationId: attestation.id,
      status: attestation.status,
      targetCategory: attestation.targetCategory,
      proposal: {
        round: round?.kind,
        outcome: round?.proposal?.outcome,
        grantedCategory: round?.proposal?.grantedCategory,
        meanScore: round?.aggregate?.meanScore,
        threshold: round?.aggregate?.threshold,
        proposedAt: round?.proposal?.proposedAt,
      },
      commission: {
        id: attestation.commissionId,
        level: attestation.commissionId === undefined ? undefined : levelOf.get(attestation.commissionId),
        votingMembers: attestation.commissionSize,
      },
    };
  });
  return { body: { items, nextCursor: page.nextCursor } };
});
