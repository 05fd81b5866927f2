import { getAttestation } from "../../adapters/dynamo/attestationRecords.ts";
import { queryAll } from "../../adapters/dynamo/items.ts";
import { partitions } from "../../adapters/dynamo/keys.ts";
import { memberRefsOf, type Attestation, type ScoringRound } from "../../domain/attestation/records.ts";
import type { Assignment } from "../../domain/competition/records.ts";
import type { CurrentUser } from "../../platform/auth/currentUser.ts";
import { AppError } from "../../platform/errors/appError.ts";

// Who may see an attestation, and how much of it. The teacher sees their whole case but never who scored
// or chaired it; the panel and the chair see the portfolio facts but not whose portfolio it is; admins see
// everything. Nobody ever sees the workflow's task token.

/** The caller's own attestation; anyone else's does not exist for them (404, never 403). */
export async function ownAttestation(user: CurrentUser, attestationId: string, consistent = false): Promise<Attestation> {
  const attestation = await getAttestation(attestationId, consistent);
  if (!attestation || attestation.candidateId !== user.id) throw new AppError("not_found");
  return attestation;
}

/** An expert with an assignment on the case that has not expired (a member replaced by a reserve loses it). */
export async function isAssignedExpert(user: CurrentUser, attestation: Attestation): Promise<boolean> {
  if (!user.roles.includes("expert")) return false;
  const assignments = await queryAll<Assignment>({
    index: "GSI1",
    partition: partitions.caseAssignments(attestation.id),
    filter: { FilterExpression: "expertId = :me", ExpressionAttributeValues: { ":me": user.id } },
  });
  return assignments.some((assignment) => assignment.status !== "expired");
}

export function isChair(user: CurrentUser, attestation: Attestation): boolean {
  return user.roles.includes("expert") && attestation.chairId !== undefined && attestation.chairId === user.id;
}

/**
 * A round with its members named only as "M1", "M2", … and no chair. Listed field by field: the draw records,
 * replacements and member ids stay on the case record.
 */
function anonymousRound(round: ScoringRound) {
  const refs = memberRefsOf(round);
  const { kind, seed, inputsHash, drawnAt, commissionId, members, extraMembers, extraMemberUnavailable, aggregate, proposal, vote } = round;
  return {
    kind,
    seed,
    inputsHash,
    drawnAt,
    commissionId,
    panelSize: members.length + (extraMembers?.length ?? 0),
    extraMemberUnavailable,
    ...(aggregate
      ? {
          aggregate: {
            memberTotals: aggregate.memberTotals.map(({ memberId, total }) => ({ memberRef: refs.get(memberId) ?? "M?", total })),
            meanScore: aggregate.meanScore,
            threshold: aggregate.threshold,
            meetsCategory: aggregate.meetsCategory,
            disagreement: aggregate.disagreement,
            spread: aggregate.spread,
            unmetCriteria: aggregate.unmetCriteria,
          },
        }
      : {}),
    proposal,
    ...(vote ? { vote: { present: vote.present, for: vote.for, against: vote.against, accepted: vote.accepted, votedAt: vote.votedAt } } : {}),
  };
}

export function adminView(attestation: Attestation) {
  const { voteTaskToken: _token, ...view } = attestation;
  return view;
}

export function ownerView(attestation: Attestation) {
  const { voteTaskToken: _token, executionArn: _arn, chairId: _chair, failure: _failure, failureHash: _hash, failedAt: _at, rounds, ...view } = attestation;
  return { ...view, ...(rounds ? { rounds: rounds.map(anonymousRound) } : {}) };
}

/** What a panel member or the chair works with: the portfolio's facts, without the person. */
export function panelView(attestation: Attestation, asChair: boolean) {
  const { id, status, role, subject, district, region, targetCategory, currentCategory, currentCategoryValidUntil, experienceYears } = attestation;
  const { test, exemption, early, lastAttestationAt, rubricId, rulesVersion, claims, submittedAt } = attestation;
  const facts = {
    id,
    status,
    role,
    subject,
    district,
    region,
    targetCategory,
    currentCategory,
    currentCategoryValidUntil,
    experienceYears,
    test,
    exemption,
    early,
    lastAttestationAt,
    rubricId,
    rulesVersion,
    claims,
    submittedAt,
  };
  if (!asChair) return facts;
  // The chair puts the panel's proposal to the commission's vote, so they see it, still without names.
  const round = attestation.rounds?.at(-1);
  if (!round) return { ...facts, commissionSize: attestation.commissionSize };
  const { kind, panelSize, aggregate, proposal, vote } = anonymousRound(round);
  return { ...facts, commissionSize: attestation.commissionSize, currentRound: { kind, panelSize, aggregate, proposal, vote } };
}
