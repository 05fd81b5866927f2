// An attestation case as the domain knows it (storage keys live in the adapters).
import type { ATTESTATION_STATUSES, CATEGORIES } from "../../api/schemas/attestation.ts";
import type { AssignmentRecord } from "../assignment/verifyDraw.ts";
import type { LocalizedReason, PanelReplacement } from "../competition/records.ts";
import type { Answers } from "../rubrics/rubric.ts";
import type { LanguageCertificateKind } from "./attestationRules.ts";
import type { ExemptionReason } from "./checkEligibility.ts";
import type { StoredDocument } from "../documents/storedDocument.ts";

export type AttestationStatus = (typeof ATTESTATION_STATUSES)[number];
export type Category = (typeof CATEGORIES)[number];

/** One panel's work on the case: first scoring, the fresh panel after a commission's "no", or the appeal. */
export interface ScoringRound {
  kind: "first" | "recheck" | "appeal";
  seed: string;
  inputsHash: string;
  drawnAt: string;
  /** The commission the panel was drawn from (for a moderator case the district's pool, DOMAIN.md §4). */
  commissionId: string;
  members: string[];
  /** The draw as assignPanels made it, inputs included: verifyDraw recomputes it from this alone. */
  draw?: AssignmentRecord;
  /** Added when the members' totals disagreed by more than the configured share of the threshold. */
  extraMembers?: string[];
  /** The draw of the extra member, recorded like the panel's. */
  extraDraw?: AssignmentRecord;
  /** The panel disagreed, but nobody more could be drawn: the round stands on the sheets it has. */
  extraMemberUnavailable?: boolean;
  /** Members who missed the scoring deadline and the reserves who took over, in order. */
  replacements?: PanelReplacement[];
  aggregate?: {
    /** In the order of the decision's memberRefs (M1, M2, …); the ids never leave the case record. */
    memberTotals: { memberId: string; total: number }[];
    meanScore: number;
    threshold: number;
    meetsCategory: boolean;
    disagreement: boolean;
    spread?: number;
    unmetCriteria?: string[];
    aggregatedAt?: string;
  };
  proposal?: {
    outcome: "meets" | "does_not_meet";
    grantedCategory: Category;
    /** The portfolio met the target, but the test result held the category lower (п.24). */
    cappedByTest?: boolean;
    currentExpired?: boolean;
    proposedAt?: string;
  };
  vote?: {
    present: number;
    for: number;
    against: number;
    accepted: boolean;
    votedAt: string;
    chairId: string;
    /** The votes were tied and the chair's own vote decided (п.23). */
    decidedByChair?: boolean;
    chairVotedFor?: boolean;
  };
}

/**
 * How panel members are named to anyone who may not learn who they are (the teacher, the chair): "M1",
 * "M2", … in the order of the round's members, then its extra members; a reserve who took over a late
 * member's seat takes that seat's name. The decision's `panel` uses the same names for the round it was
 * taken on.
 */
export function memberRefsOf(round: Pick<ScoringRound, "members" | "extraMembers" | "replacements">): Map<string, string> {
  const refs = new Map([...round.members, ...(round.extraMembers ?? [])].map((memberId, index) => [memberId, `M${index + 1}`]));
  // In the order they happened, so a reserve who was late in turn hands the same seat on.
  for (const { memberId, reserveId } of round.replacements ?? []) {
    const ref = refs.get(memberId);
    if (reserveId && ref !== undefined && !refs.has(reserveId)) refs.set(reserveId, ref);
  }
  return refs;
}

export interface Attestation {
  id: string;
  candidateId: string;
  schoolId?: string;
  district?: string;
  region?: string;
  role: "teacher" | "support_specialist";
  subject?: string;
  targetCategory: Category;
  currentCategory: Category;
  currentCategoryValidUntil?: string;
  experienceYears: number;
  test?: { score: number; takenAt: string };
  exemption?: {
    reason: ExemptionReason;
    certificate?: { kind: LanguageCertificateKind; level: string | number; validUntil?: string };
    confirmationsInARow?: number;
  };
  early?: boolean;
  lastAttestationAt?: string;
  /** The portfolio sheet and the test rules in force when the case was filed: a later rule change never rescores it. */
  rubricId: string;
  rulesVersion: string;
  status: AttestationStatus;
  /** The teacher's self-assessment against the portfolio sheet, optional; the panel scores the documents. */
  claims?: Answers;
  createdAt: string;
  submittedAt?: string;
  executionArn?: string;
  reason?: string;
  reasonCode?: string;
  /** Why the documents made the case ineligible, in the three languages, and which document kind it is about. */
  reasonText?: LocalizedReason;
  reasonDocumentKind?: string;
  checkedAt?: string;
  /** The deciding commission (the law's level for the target category) and its chair, who records the vote. */
  commissionId?: string;
  chairId?: string;
  /** Voting members (chair and members, not reserves) of the deciding commission: the quorum's base. */
  commissionSize?: number;
  /** The workflow's commission-vote task, waiting for the chair (set with chairId; never shown to anyone). */
  voteTaskToken?: string;
  /** The round whose proposal the waiting vote task is about. */
  voteRound?: ScoringRound["kind"];
  rounds?: ScoringRound[];
  decision?: {
    outcome: "meets" | "does_not_meet";
    grantedCategory: Category;
    meanScore: number;
    threshold: number;
    panel: { memberRef: string; total: number }[];
    decidedAt: string;
    final: boolean;
    /**
     * commission_vote: the commission accepted the proposal; rejected_twice: it voted against the proposals
     * of two panels, so no category is granted (does_not_meet, п.24's fallback); appeal: the appeal panel's
     * result, final without a vote.
     */
    basis?: "commission_vote" | "rejected_twice" | "appeal";
  };
  /** The decision an appeal replaced. */
  appealedDecision?: Attestation["decision"];
  appealDeadline?: string;
  appeal?: { reason: string; filedAt: string };
  updatedAt?: string;
  /** The error name of the last workflow failure (the details are in the alert record). */
  failure?: string;
  failureHash?: string;
  failedAt?: string;
}

/** A portfolio document of an attestation; the same fields as a competition document, owned by the case. */
export interface AttestationDocument extends StoredDocument {
  attestationId: string;
}
