import * as z from "zod/mini";
import { getApplication } from "../adapters/dynamo/applicationRecords.ts";
import { approvalId, getApproval, putNewApproval, renewApprovalToken } from "../adapters/dynamo/approvalRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { writeOne } from "../adapters/dynamo/updates.ts";
import { updateVacancy } from "../adapters/dynamo/vacancyRecords.ts";
import { completeTask } from "../adapters/stepfunctions/workflowClient.ts";
import { isDecided } from "../domain/competition/lifecycle.ts";
import type { Approval, Vacancy } from "../domain/competition/records.ts";
import { logger } from "../platform/logger.ts";
import { failedOn, InvalidCaseState, parseTaskInput, requireVacancy, TaskId, WORKFLOW_ACTOR } from "./shared/taskSupport.ts";

const Input = z.object({
  vacancyId: TaskId,
  offerIndex: z.number().check(z.int(), z.gte(0)),
  taskToken: z.string().check(z.minLength(1), z.maxLength(4096)),
});

/** What the waiting task completes with; the state machine branches on `decision` and appoints `applicationId`. */
type Decision = { decision: "approve" | "decline"; applicationId: string };

/**
 * The decision a re-driven execution must follow without asking anyone again: the one recorded on the
 * approval, or, once the competition is decided, the path to that same decision (the appointed candidate
 * is approved, anyone else is passed over, and with no appointment every offer is passed over).
 */
function recordedDecision(vacancy: Vacancy, approval: Approval | undefined, applicationId: string): Decision | undefined {
  if (approval?.status === "approved" || approval?.status === "declined") {
    return { decision: approval.decision ?? (approval.status === "approved" ? "approve" : "decline"), applicationId };
  }
  if (isDecided(vacancy.status) || approval?.status === "expired") {
    return { decision: vacancy.appointedApplicationId === applicationId ? "approve" : "decline", applicationId };
  }
  return undefined;
}

/**
 * An offer still pending from an earlier run of the execution: the HR officer's answer must now reach
 * this run's token. If it was decided in the meantime, that decision is passed on at once.
 */
async function keepWaiting(vacancy: Vacancy, approval: Approval, taskToken: string): Promise<Approval["status"]> {
  if (approval.taskToken === taskToken || (await writeOne(renewApprovalToken(approval.id, taskToken)))) return "pending";
  const decided = await getApproval(approval.id, true);
  const decision = decided && recordedDecision(vacancy, decided, approval.applicationId);
  if (!decided || !decision) throw new InvalidCaseState(`approval ${approval.id} is neither pending nor decided`);
  await completeTask(taskToken, decision);
  return decided.status;
}

/**
 * Offers the post to the candidate at `offerIndex` of the ranking and waits for the school's HR officer
 * (the state machine holds the token until POST /approvals/{id} answers it).
 */
export const handler = async (input: unknown): Promise<{ approvalId: string; status: string }> => {
  const { vacancyId, offerIndex, taskToken } = parseTaskInput("openApproval", Input, input);
  const vacancy = await requireVacancy(vacancyId);
  const applicationId = vacancy.ranking?.[offerIndex];
  if (applicationId === undefined) throw new InvalidCaseState(`vacancy ${vacancyId} has no ranked candidate at ${offerIndex}`);
  const id = approvalId(vacancyId, offerIndex);
  const existing = await getApproval(id, true);

  const recorded = recordedDecision(vacancy, existing, applicationId);
  if (recorded) {
    await completeTask(taskToken, recorded);
    logger.info("offer already decided", { task: "openApproval", vacancyId, approvalId: id, decision: recorded.decision });
    return { approvalId: id, status: existing?.status ?? vacancy.status };
  }

  if (existing) return { approvalId: id, status: await keepWaiting(vacancy, existing, taskToken) };

  const application = await getApplication(applicationId, true);
  if (!application || application.rank === undefined) throw new InvalidCaseState(`ranked application ${applicationId} has no rank`);
  const approval: Approval = {
    id,
    vacancyId,
    schoolId: vacancy.schoolId,
    applicationId,
    rank: application.rank,
    total: application.total ?? 0,
    offerIndex,
    taskToken,
    status: "pending",
    createdAt: new Date().toISOString(),
  };
  try {
    await commitWithAudit(
      vacancyId,
      { actor: WORKFLOW_ACTOR, action: "offer.opened", data: { approvalId: id, applicationId, rank: approval.rank, total: approval.total, offerIndex } },
      [putNewApproval(approval), updateVacancy(vacancyId, ["ranked", "offer_pending"], { status: "offer_pending" })],
    );
  } catch (error) {
    if (failedOn(error, 0)) {
      const opened = await getApproval(id, true);
      if (!opened) throw error;
      return { approvalId: id, status: await keepWaiting(vacancy, opened, taskToken) };
    }
    if (failedOn(error, 1)) throw new InvalidCaseState(`vacancy ${vacancyId} can no longer make an offer`);
    throw error;
  }
  logger.info("offer opened", { task: "openApproval", vacancyId, approvalId: id, offerIndex });
  return { approvalId: id, status: "pending" };
};
