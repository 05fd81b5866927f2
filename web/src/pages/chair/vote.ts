// The chair's vote form, checked with the very rule the API applies (quorum of two thirds, counts that add
// up, the chair breaking a tie), so the refusal the chair reads before sending is the one the API would give.
import { commissionVote, quorumFor, type CommissionVoteResult } from "../../../../functions/domain/attestation/commissionVote.ts";

export type VoteForm = { present: string; for: string; against: string; chairVote: "" | "for" | "against" };

export type VoteBody = { present: number; for: number; against: number; chairVotedFor?: boolean };

/** A count as typed: a whole number of people, or undefined. */
export function parseCount(text: string): number | undefined {
  return /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : undefined;
}

/** The counts are entered and equal: the chair's own vote is then asked for, and decides. */
export function isTie(form: VoteForm): boolean {
  const votesFor = parseCount(form.for);
  return votesFor !== undefined && votesFor > 0 && votesFor === parseCount(form.against);
}

/** The request body, or undefined while a count is missing; the chair's vote is sent only on a tie. */
export function voteBody(form: VoteForm): VoteBody | undefined {
  const present = parseCount(form.present);
  const votesFor = parseCount(form.for);
  const against = parseCount(form.against);
  if (present === undefined || votesFor === undefined || against === undefined) return undefined;
  const body: VoteBody = { present, for: votesFor, against };
  if (isTie(form) && form.chairVote !== "") body.chairVotedFor = form.chairVote === "for";
  return body;
}

/** What the commission's vote would come to for these counts: accepted or not, or the rule it breaks. */
export function previewVote(votingMembers: number, body: VoteBody): CommissionVoteResult {
  return commissionVote({ commissionSize: votingMembers, ...body });
}

export { quorumFor };
