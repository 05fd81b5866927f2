// GET /me/votes: the commission votes the signed-in chair has still to record.
export type OpenVote = {
  attestationId: string;
  status: string;
  targetCategory: string;
  proposal: { round?: "first" | "recheck" | "appeal"; outcome?: "meets" | "does_not_meet"; grantedCategory?: string; meanScore?: number; threshold?: number };
  commission: { id?: string; level?: "school" | "district" | "region" | "republic"; votingMembers?: number };
};
