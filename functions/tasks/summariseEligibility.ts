import * as z from "zod/mini";
import { listVacancyApplicationsFresh } from "../adapters/dynamo/applicationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { updateVacancy } from "../adapters/dynamo/vacancyRecords.ts";
import { enteredCompetition, hasReached, passedDocumentCheck } from "../domain/competition/lifecycle.ts";
import { logger } from "../platform/logger.ts";
import { failedOn, InvalidCaseState, parseTaskInput, requireVacancy, TaskId, WORKFLOW_ACTOR } from "./shared/taskSupport.ts";

const Input = z.object({ vacancyId: TaskId });

/** Every entered application has been checked: the vacancy moves to documents_checked with the count. */
export const handler = async (input: unknown): Promise<{ eligibleCount: number }> => {
  const { vacancyId } = parseTaskInput("summariseEligibility", Input, input);
  const vacancy = await requireVacancy(vacancyId);
  const entered = (await listVacancyApplicationsFresh(vacancyId)).filter((application) => enteredCompetition(application.status));
  const unchecked = entered.filter((application) => application.status === "submitted").length;
  // The document checks run before this step; an unchecked application would be silently left out.
  if (unchecked > 0) throw new InvalidCaseState(`vacancy ${vacancyId} still has ${unchecked} unchecked applications`);
  const eligibleCount = entered.filter((application) => passedDocumentCheck(application.status)).length;

  if (vacancy.status === "applications_closed") {
    try {
      await commitWithAudit(
        vacancyId,
        { actor: WORKFLOW_ACTOR, action: "documents.checked", data: { eligibleCount, ineligibleCount: entered.length - eligibleCount } },
        [updateVacancy(vacancyId, ["applications_closed"], { status: "documents_checked", documentsCheckedAt: new Date().toISOString(), eligibleCount })],
      );
    } catch (error) {
      if (!failedOn(error, 0)) throw error;
    }
  } else if (!hasReached(vacancy.status, "documents_checked")) {
    throw new InvalidCaseState(`vacancy ${vacancyId} is ${vacancy.status}; documents cannot be summarised`);
  }
  logger.info("eligibility summarised", { task: "summariseEligibility", vacancyId, eligibleCount, enteredCount: entered.length });
  return { eligibleCount };
};
