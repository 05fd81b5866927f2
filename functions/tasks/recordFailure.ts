import { createHash } from "node:crypto";
import * as z from "zod/mini";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { keys, partitions } from "../adapters/dynamo/keys.ts";
import { getAttestation, updateAttestationWhere } from "../adapters/dynamo/attestationRecords.ts";
import type { TransactItem } from "../adapters/dynamo/transactions.ts";
import { put, when, writeOne, type UpdateSpec } from "../adapters/dynamo/updates.ts";
import { getVacancy, updateVacancyWhere } from "../adapters/dynamo/vacancyRecords.ts";
import { logger } from "../platform/logger.ts";
import { VOTE_WAIT_ATTRIBUTES } from "./shared/attestationCase.ts";
import { CASE_KINDS, failedOn, parseTaskInput, TaskId, workflowActor, type CaseKind } from "./shared/taskSupport.ts";

// As Step Functions' Catch hands it over: the error name and its cause (free text, possibly with data).
const Failure = z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) });

const Input = z.union([
  // The competition workflow names its case by the vacancy.
  z.object({ vacancyId: TaskId, failure: Failure }),
  z.object({ caseKind: z.enum(CASE_KINDS), caseId: TaskId, failure: Failure }),
]);

/** Operators read the cause in the alert; a runaway cause must not blow the item size limit. */
const MAX_CAUSE_CHARS = 16_000;

/**
 * The case record that carries the failure mark, per kind: read it, mark it once per distinct failure, and
 * drop what only a running workflow could act on (a failed attestation waits for no commission vote, so
 * the vote task's token and the chair's list entry go).
 */
const caseRecords = {
  competition: { get: (id: string) => getVacancy(id, true), mark: updateVacancyWhere, stale: [] },
  attestation: { get: (id: string) => getAttestation(id, true), mark: updateAttestationWhere, stale: VOTE_WAIT_ATTRIBUTES },
} satisfies Record<CaseKind, { get: (id: string) => Promise<unknown>; mark: (id: string, spec: UpdateSpec) => TransactItem; stale: readonly string[] }>;

/**
 * A step failed after its retries. The case record is marked (error name only: a vacancy is public, and
 * neither record is the place for details), an alert carries the details for operators, and the case's
 * audit trail records the failure. The same failure recorded twice (a retry of this step) writes nothing
 * the second time.
 */
export const handler = async (input: unknown): Promise<{ recorded: boolean }> => {
  const parsed = parseTaskInput("recordFailure", Input, input);
  const { caseKind, caseId } = "vacancyId" in parsed ? { caseKind: "competition" as const, caseId: parsed.vacancyId } : parsed;
  const { failure } = parsed;
  const error = failure.Error ?? "Unknown";
  const cause = (failure.Cause ?? "").slice(0, MAX_CAUSE_CHARS);
  const failureHash = createHash("sha256").update(`${error}\n${cause}`).digest("hex");
  const at = new Date().toISOString();
  const alert = {
    ...keys.alert(at.slice(0, 10), caseId, at),
    type: "alert",
    GSI1PK: partitions.alerts,
    GSI1SK: `${at}#${caseId}`,
    caseKind,
    caseId,
    error,
    cause,
    failureHash,
    at,
  };
  // The cause may quote data from the failed step: logs get the error name only.
  logger.error(`${caseKind} workflow failed`, { task: "recordFailure", caseKind, caseId, errorName: error });

  const record = caseRecords[caseKind];
  if (!(await record.get(caseId))) {
    // Nothing to mark and no case to audit, but operators still need to know.
    await writeOne(put(alert));
    return { recorded: true };
  }
  try {
    await commitWithAudit(caseId, { actor: workflowActor(caseKind), action: "workflow.failed", data: { error } }, [
      record.mark(caseId, {
        set: { failure: error, failureHash, failedAt: at },
        remove: record.stale,
        condition: when.absentOrNot("failureHash", failureHash),
      }),
      put(alert),
    ]);
  } catch (failed) {
    if (failedOn(failed, 0)) return { recorded: false }; // this very failure is recorded already
    throw failed;
  }
  return { recorded: true };
};
