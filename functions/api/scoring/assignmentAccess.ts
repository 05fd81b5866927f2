import { getAssignment } from "../../adapters/dynamo/scoringRecords.ts";
import { getVacancy } from "../../adapters/dynamo/vacancyRecords.ts";
import type { Assignment } from "../../domain/competition/records.ts";
import { getRubric } from "../../domain/rubrics/registry.ts";
import type { Rubric } from "../../domain/rubrics/rubric.ts";
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
  if (assignment.caseKind !== "competition") throw new Error(`no rubric source for ${assignment.caseKind} cases`);
  const vacancy = await getVacancy(assignment.caseId);
  const rubric = vacancy && getRubric(vacancy.rubricId);
  if (!rubric) throw new Error(`the rubric pinned by case ${assignment.caseId} is missing`);
  return rubric;
}
