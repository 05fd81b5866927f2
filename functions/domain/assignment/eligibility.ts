// Hard constraints of expert assignment (DOMAIN.md §4). They are never traded against load or randomness:
// drawCompetitionPanel and pickReserve both ask this one function, so the two can never disagree.

export type CommissionRole = "chair" | "member" | "reserve";

export type PanelMember = {
  userId: string;
  role: CommissionRole;
  /** The member's own school, if they work at one. */
  schoolId?: string;
  /** Most cases the member may hold at once; absent means no cap. */
  loadCap?: number;
  /** Cases the member already holds elsewhere. */
  currentLoad?: number;
  /** Declared conflicts of interest: people (relatives, acquaintances) and schools. */
  conflicts: { userIds: string[]; schoolIds: string[] };
};

export type PanelCandidate = { applicationId: string; candidateId: string; schoolId?: string };

export type IneligibilityReason =
  | "is_candidate"
  | "same_school_as_candidate"
  | "works_at_vacancy_school"
  | "declared_conflict_with_candidate"
  | "declared_conflict_with_candidate_school"
  | "declared_conflict_with_vacancy_school";

/**
 * Why `member` may not score `candidate` in a competition at `vacancySchoolId`, or undefined when they
 * may. Load caps are not judged here: they depend on the other assignments of the same draw.
 *
 * Besides the candidate's school, the hiring school is excluded too: the product removes discretionary
 * contact between the hiring school and the applicant (DOMAIN.md §1), so staff of that school, and anyone
 * who declared a conflict with it, do not score its candidates.
 */
export function ineligibilityReason(
  member: PanelMember,
  candidate: PanelCandidate,
  vacancySchoolId: string,
): IneligibilityReason | undefined {
  if (member.userId === candidate.candidateId) return "is_candidate";
  if (member.conflicts.userIds.includes(candidate.candidateId)) return "declared_conflict_with_candidate";
  if (member.schoolId !== undefined) {
    if (member.schoolId === candidate.schoolId) return "same_school_as_candidate";
    if (member.schoolId === vacancySchoolId) return "works_at_vacancy_school";
  }
  if (candidate.schoolId !== undefined && member.conflicts.schoolIds.includes(candidate.schoolId)) {
    return "declared_conflict_with_candidate_school";
  }
  if (member.conflicts.schoolIds.includes(vacancySchoolId)) return "declared_conflict_with_vacancy_school";
  return undefined;
}

export function isEligible(member: PanelMember, candidate: PanelCandidate, vacancySchoolId: string): boolean {
  return ineligibilityReason(member, candidate, vacancySchoolId) === undefined;
}

/** Cases the member may still take on top of what they hold; Infinity when uncapped. */
export function remainingCapacity(member: PanelMember, currentLoad: number = member.currentLoad ?? 0): number {
  if (member.loadCap === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(0, member.loadCap - currentLoad);
}
