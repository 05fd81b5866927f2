import * as z from "zod/mini";
import { listVacancyApplicationsFresh } from "../adapters/dynamo/applicationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { updateVacancy } from "../adapters/dynamo/vacancyRecords.ts";
import { enteredCompetition, hasReached } from "../domain/competition/lifecycle.ts";
import { logger } from "../platform/logger.ts";
import { failedOn, InvalidCaseState, parseTaskInput, requireVacancy, TaskId, WORKFLOW_ACTOR } from "./shared/taskSupport.ts";

const Input = z.object({ vacancyId: TaskId });

/**
 * The deadline has passed: published → applications_closed (nothing to do when already further), then the
 * applications that entered the competition. Drafts and withdrawn applications never enter.
 */
export const handler = async (input: unknown): Promise<{ applicationIds: string[] }> => {
  const { vacancyId } = parseTaskInput("closeApplications", Input, input);
  const vacancy = await requireVacancy(vacancyId);
  if (vacancy.status === "published") {
    try {
      await commitWithAudit(vacancyId, { actor: WORKFLOW_ACTOR, action: "applications.closed", data: { closesAt: vacancy.closesAt } }, [
        updateVacancy(vacancyId, ["published"], { status: "applications_closed", closedAt: new Date().toISOString() }),
      ]);
    } catch (error) {
      // Closed meanwhile by an earlier run of this step: the audit event exists already.
      if (!failedOn(error, 0)) throw error;
    }
  } else if (!hasReached(vacancy.status, "applications_closed")) {
    throw new InvalidCaseState(`vacancy ${vacancyId} is ${vacancy.status}; it cannot close`);
  }
  const applicationIds = (await listVacancyApplicationsFresh(vacancyId))
    .filter((application) => enteredCompetition(application.status))
    .map((application) => application.id);
  logger.info("applications closed", { task: "closeApplications", vacancyId, applicationCount: applicationIds.length });
  return { applicationIds };
};
