// Whether a commission may be formed as proposed (DOMAIN.md §2, §3 п.19-23). Pure: the caller looks up
// the members' accounts and the school and passes what it found. Every broken rule is reported, each
// naming the field (and so the member) it is about, so an administrator can fix the whole list at once.

export type CommissionKind = "competition" | "attestation";
export type CommissionLevel = "school" | "district" | "region" | "republic";
export type CommissionMemberRole = "chair" | "member" | "reserve";

export interface CommissionProposal {
  kind: CommissionKind;
  level: CommissionLevel;
  schoolId?: string | undefined;
  district?: string | undefined;
  region?: string | undefined;
  members: readonly { userId: string; role: CommissionMemberRole }[];
}

/** What the store knows of a proposed member; undefined when there is no such user. */
export interface MemberFacts {
  roles: readonly string[];
  experienceYears?: number;
}

export interface CommissionRules {
  /** п.19-23: an attestation commission has at least this many voting members (chair and members). */
  attestationMinVotingMembers: number;
  /** п.19-23: every member of an attestation commission has at least this many years' experience. */
  attestationMinExperienceYears: number;
  /** A competition commission must be able to staff one panel of this size. */
  competitionMinVotingMembers: number;
}

export const DEFAULT_COMMISSION_RULES: Readonly<Omit<CommissionRules, "competitionMinVotingMembers">> = {
  attestationMinVotingMembers: 7,
  attestationMinExperienceYears: 7,
};

export interface CommissionIssue {
  path: string;
  code:
    | "required_for_level"
    | "not_for_level"
    | "unknown_school"
    | "one_chair"
    | "odd_voting_members"
    | "too_few_members"
    | "duplicate_member"
    | "unknown_user"
    | "not_an_expert"
    | "experience_below_minimum";
  params: Record<string, unknown>;
}

/** The one territory field each level uses; the others must be absent. */
const territoryField: Readonly<Record<CommissionLevel, "schoolId" | "district" | "region" | undefined>> = {
  school: "schoolId",
  district: "district",
  region: "region",
  republic: undefined,
};

function territoryIssues(proposal: CommissionProposal, schoolExists: boolean): CommissionIssue[] {
  const issues: CommissionIssue[] = [];
  const wanted = territoryField[proposal.level];
  for (const field of ["schoolId", "district", "region"] as const) {
    const given = proposal[field] !== undefined;
    if (field === wanted && !given) issues.push({ path: `body.${field}`, code: "required_for_level", params: { level: proposal.level } });
    if (field !== wanted && given) issues.push({ path: `body.${field}`, code: "not_for_level", params: { level: proposal.level } });
  }
  if (wanted === "schoolId" && proposal.schoolId !== undefined && !schoolExists) {
    issues.push({ path: "body.schoolId", code: "unknown_school", params: { id: proposal.schoolId } });
  }
  return issues;
}

function compositionIssues(proposal: CommissionProposal, rules: CommissionRules): CommissionIssue[] {
  const issues: CommissionIssue[] = [];
  const chairs = proposal.members.filter((member) => member.role === "chair").length;
  if (chairs !== 1) issues.push({ path: "body.members", code: "one_chair", params: { count: chairs } });
  const voting = proposal.members.filter((member) => member.role !== "reserve").length;
  // Odd, so that a full commission's vote cannot tie (the chair's vote only breaks ties of a partial one).
  if (voting % 2 === 0) issues.push({ path: "body.members", code: "odd_voting_members", params: { count: voting } });
  const minimum = proposal.kind === "attestation" ? rules.attestationMinVotingMembers : rules.competitionMinVotingMembers;
  if (voting < minimum) issues.push({ path: "body.members", code: "too_few_members", params: { count: voting, minimum } });
  return issues;
}

function memberIssues(proposal: CommissionProposal, facts: readonly (MemberFacts | undefined)[], rules: CommissionRules): CommissionIssue[] {
  const issues: CommissionIssue[] = [];
  const seen = new Set<string>();
  proposal.members.forEach(({ userId }, index) => {
    const path = `body.members.${index}.userId`;
    if (seen.has(userId)) {
      issues.push({ path, code: "duplicate_member", params: { id: userId } });
      return;
    }
    seen.add(userId);
    const member = facts[index];
    if (member === undefined) issues.push({ path, code: "unknown_user", params: { id: userId } });
    else if (!member.roles.includes("expert")) issues.push({ path, code: "not_an_expert", params: { id: userId } });
    else if (proposal.kind === "attestation" && (member.experienceYears ?? 0) < rules.attestationMinExperienceYears) {
      issues.push({
        path,
        code: "experience_below_minimum",
        params: { id: userId, experienceYears: member.experienceYears ?? 0, minimum: rules.attestationMinExperienceYears },
      });
    }
  });
  return issues;
}

/**
 * Every rule `proposal` breaks, in field order; empty when the commission may be formed. `facts[i]` is what
 * the store holds for `proposal.members[i]`; `schoolExists` answers for `proposal.schoolId`.
 */
export function checkCommission(
  proposal: CommissionProposal,
  facts: readonly (MemberFacts | undefined)[],
  schoolExists: boolean,
  rules: CommissionRules,
): CommissionIssue[] {
  return [...territoryIssues(proposal, schoolExists), ...compositionIssues(proposal, rules), ...memberIssues(proposal, facts, rules)];
}
