import { createHash } from "node:crypto";
import * as z from "zod/mini";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { keys, partitions } from "../adapters/dynamo/keys.ts";
import { put, when, writeOne } from "../adapters/dynamo/updates.ts";
import { getVacancy, updateVacancyWhere } from "../adapters/dynamo/vacancyRecords.ts";
import { logger } from "../platform/logger.ts";
import { failedOn, parseTaskInput, TaskId, WORKFLOW_ACTOR } from "./shared/taskSupport.ts";

const Input = z.object({
  vacancyId: TaskId,
  // As Step Functions' Catch hands it over: the error name and its cause (free text, possibly with data).
  failure: z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }),
});

/** Operators read the cause in the alert; a runaway cause must not blow the item size limit. */
const MAX_CAUSE_CHARS = 16_000;

/**
 * A step failed after its retries. The vacancy is marked (error name only: the vacancy is public), an
 * alert carries the details for operators, and the case's audit trail records the failure. The same
 * failure recorded twice (a retry of this step) writes nothing the second time.
 */
export const handler = async (input: unknown): Promise<{ recorded: boolean }> => {
  const { vacancyId, failure } = parseTaskInput("recordFailure", Input, input);
  const error = failure.Error ?? "Unknown";
  const cause = (failure.Cause ?? "").slice(0, MAX_CAUSE_CHARS);
  const failureHash = createHash("sha256").update(`${error}\n${cause}`).digest("hex");
  const at = new Date().toISOString();
  const alert = {
    ...keys.alert(at.slice(0, 10), vacancyId, at),
    type: "alert",
    GSI1PK: partitions.alerts,
    GSI1SK: `${at}#${vacancyId}`,
    caseKind: "competition",
    caseId: vacancyId,
    error,
    cause,
    failureHash,
    at,
  };
  // The cause may quote data from the failed step: logs get the error name only.
  logger.error("competition workflow failed", { task: "recordFailure", vacancyId, errorName: error });

  const vacancy = await getVacancy(vacancyId, true);
  if (!vacancy) {
    // Nothing to mark and no case to audit, but operators still need to know.
    await writeOne(put(alert));
    return { recorded: true };
  }
  try {
    await commitWithAudit(vacancyId, { actor: WORKFLOW_ACTOR, action: "workflow.failed", data: { error } }, [
      updateVacancyWhere(vacancyId, { set: { failure: error, failureHash, failedAt: at }, condition: when.absentOrNot("failureHash", failureHash) }),
      put(alert),
    ]);
  } catch (failed) {
    if (failedOn(failed, 0)) return { recorded: false }; // this very failure is recorded already
    throw failed;
  }
  return { recorded: true };
};
