// Hard constraints of expert assignment (DOMAIN.md §4). They are never traded against load or randomness:
// the assignment engine (assignPanels), the competition draw built on it and pickReserve all apply the rule
// stated once here, so none of them can disagree with another.

export type CommissionRole = "chair" | "member" | "reserve";

export type PanelMember = {
  userId: string;
  role: CommissionRole;
  /** The member's own school, if they work at one. */
  schoolId?: string;
  /** The member's district; recorded with the draw, no rule of its own (pools say who may score what). */
  districtId?: string;
  /** Subjects the member teaches, for cases whose rubric asks for a subject match. */
  subjects?: string[];
  /** The commission pools the member sits on; a case drawn from a named pool takes only its members. */
  poolIds?: string[];
  /** Most cases the member may hold at once; absent means no cap. */
  loadCap?: number;
  /** Cases the member already holds elsewhere. */
  currentLoad?: number;
  /** Declared conflicts of interest: people (relatives, acquaintances) and schools. */
  conflicts: { userIds: string[]; schoolIds: string[] };
};

/** One case to be scored by a panel: an application in a competition, a portfolio in an attestation. */
export type PanelCase = {
  caseId: string;
  /** The person being scored; they never sit on their own panel. */
  candidateId: string;
  /** The candidate's school: its staff, and anyone who declared a conflict with it, do not score the case. */
  schoolId?: string;
  districtId?: string;
  /** The case's subject; required when the rubric asks for a subject match. */
  subject?: string;
  /** The rubric asks for a member who teaches `subject`. */
  requiresSubjectMatch?: boolean;
  /** The commission pool the panel is drawn from; absent means any member listed in the draw. */
  poolId?: string;
  /** People who may not sit on this panel, e.g. everyone who scored the case before (an appeal panel). */
  excludedUserIds?: string[];
  /** Further schools whose staff (and whoever declared a conflict with them) may not sit, e.g. the hiring school. */
  excludedSchoolIds?: string[];
};

/** The competition's view of a case: an application, judged together with the hiring school. */
export type PanelCandidate = { applicationId: string; candidateId: string; schoolId?: string };

export type CaseIneligibilityReason =
  | "is_candidate"
  | "excluded_from_case"
  | "declared_conflict_with_candidate"
  | "same_school_as_candidate"
  | "works_at_excluded_school"
  | "declared_conflict_with_candidate_school"
  | "declared_conflict_with_excluded_school"
  | "not_in_pool"
  | "lacks_subject";

/**
 * Why `member` may not score `panelCase`, or undefined when they may. Load caps are not judged here: they
 * depend on the other assignments of the same draw.
 */
export function caseIneligibilityReason(member: PanelMember, panelCase: PanelCase): CaseIneligibilityReason | undefined {
  const { candidateId, schoolId } = panelCase;
  const excludedSchoolIds = panelCase.excludedSchoolIds ?? [];
  if (member.userId === candidateId) return "is_candidate";
  if (panelCase.excludedUserIds?.includes(member.userId)) return "excluded_from_case";
  if (member.conflicts.userIds.includes(candidateId)) return "declared_conflict_with_candidate";
  if (member.schoolId !== undefined) {
    if (member.schoolId === schoolId) return "same_school_as_candidate";
    if (excludedSchoolIds.includes(member.schoolId)) return "works_at_excluded_school";
  }
  if (schoolId !== undefined && member.conflicts.schoolIds.includes(schoolId)) return "declared_conflict_with_candidate_school";
  if (excludedSchoolIds.some((excluded) => member.conflicts.schoolIds.includes(excluded))) return "declared_conflict_with_excluded_school";
  if (panelCase.poolId !== undefined && !(member.poolIds ?? []).includes(panelCase.poolId)) return "not_in_pool";
  if (panelCase.requiresSubjectMatch && (panelCase.subject === undefined || !(member.subjects ?? []).includes(panelCase.subject))) {
    return "lacks_subject";
  }
  return undefined;
}

export function isEligibleForCase(member: PanelMember, panelCase: PanelCase): boolean {
  return caseIneligibilityReason(member, panelCase) === undefined;
}

/** A competition application as an engine case: the hiring school is excluded besides the candidate's own. */
export function competitionCase(candidate: PanelCandidate, vacancySchoolId: string): PanelCase {
  const panelCase: PanelCase = { caseId: candidate.applicationId, candidateId: candidate.candidateId, excludedSchoolIds: [vacancySchoolId] };
  if (candidate.schoolId !== undefined) panelCase.schoolId = candidate.schoolId;
  return panelCase;
}

export type IneligibilityReason =
  | "is_candidate"
  | "same_school_as_candidate"
  | "works_at_vacancy_school"
  | "declared_conflict_with_candidate"
  | "declared_conflict_with_candidate_school"
  | "declared_conflict_with_vacancy_school";

/**
 * Why `member` may not score `candidate` in a competition at `vacancySchoolId`, or undefined when they
 * may: caseIneligibilityReason for the competition's case (see competitionCase).
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
  const reason = caseIneligibilityReason(member, competitionCase(candidate, vacancySchoolId));
  switch (reason) {
    case undefined:
    case "is_candidate":
    case "declared_conflict_with_candidate":
    case "same_school_as_candidate":
    case "declared_conflict_with_candidate_school":
      return reason;
    case "works_at_excluded_school":
      return "works_at_vacancy_school";
    case "declared_conflict_with_excluded_school":
      return "declared_conflict_with_vacancy_school";
    default:
      // A competition case names no pool, subject or excluded people, so nothing else can come back.
      throw new Error(`unexpected ineligibility reason ${reason} for a competition case`);
  }
}

export function isEligible(member: PanelMember, candidate: PanelCandidate, vacancySchoolId: string): boolean {
  return ineligibilityReason(member, candidate, vacancySchoolId) === undefined;
}

/** Cases the member may still take on top of what they hold; Infinity when uncapped. */
export function remainingCapacity(member: PanelMember, currentLoad: number = member.currentLoad ?? 0): number {
  if (member.loadCap === undefined) return Number.POSITIVE_INFINITY;
  return Math.max(0, member.loadCap - currentLoad);
}
