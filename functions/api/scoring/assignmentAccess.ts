import { getApplication, listDocuments } from "../../adapters/dynamo/applicationRecords.ts";
import { getAttestation, listAttestationDocuments } from "../../adapters/dynamo/attestationRecords.ts";
import { getAssignment } from "../../adapters/dynamo/scoringRecords.ts";
import { getVacancy } from "../../adapters/dynamo/vacancyRecords.ts";
import type { Assignment } from "../../domain/competition/records.ts";
import { getRubric } from "../../domain/rubrics/registry.ts";
import type { Answers, Rubric } from "../../domain/rubrics/rubric.ts";
import type { CurrentUser } from "../../platform/auth/currentUser.ts";
import { AppError } from "../../platform/errors/appError.ts";

/** The caller's own assignment; anyone else's does not exist for them (404, never 403). */
export async function ownAssignment(user: CurrentUser, assignmentId: string): Promise<Assignment> {
  const assignment = await getAssignment(assignmentId, true);
  if (!assignment || assignment.expertId !== user.id) throw new AppError("not_found");
  return assignment;
}

/** The rubric version the case pinned when it was opened: sheets are checked against it, never a newer one. */
export async function pinnedRubric(assignment: Assignment): Promise<Rubric> {
  const rubricId =
    assignment.caseKind === "competition" ? (await getVacancy(assignment.caseId))?.rubricId : (await getAttestation(assignment.caseId))?.rubricId;
  const rubric = rubricId === undefined ? undefined : getRubric(rubricId);
  if (!rubric) throw new Error(`the rubric pinned by case ${assignment.caseId} is missing`);
  return rubric;
}

/** A document of the scored application or portfolio, as the scoring view needs it. */
export interface ScoredDocument {
  id: string;
  kind: string;
  fileName: string;
  key: string;
  status: "pending" | "verified" | "rejected";
}

/**
 * What the member scores, whatever the case: a competition application's claims and documents, or an
 * attestation's (its one "application" is the attestation itself) self-assessment and portfolio. No name
 * is part of either.
 */
export async function scoredMaterials(assignment: Assignment): Promise<{ claims: Answers; documents: ScoredDocument[] }> {
  if (assignment.caseKind === "competition") {
    const [application, documents] = await Promise.all([getApplication(assignment.applicationId), listDocuments(assignment.applicationId)]);
    if (!application) throw new Error(`application ${assignment.applicationId} of assignment ${assignment.id} is missing`);
    return { claims: application.claims, documents };
  }
  const [attestation, documents] = await Promise.all([getAttestation(assignment.caseId), listAttestationDocuments(assignment.caseId)]);
  if (!attestation || assignment.applicationId !== attestation.id) throw new Error(`attestation ${assignment.caseId} of assignment ${assignment.id} is missing`);
  return { claims: attestation.claims ?? {}, documents };
}
