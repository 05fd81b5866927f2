import * as z from "zod/mini";
import { updateAttestationWhere } from "../adapters/dynamo/attestationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { when } from "../adapters/dynamo/updates.ts";
import type { Attestation } from "../domain/attestation/records.ts";
import { logger } from "../platform/logger.ts";
import { ATTESTATION_ACTOR, requireAttestation } from "./shared/attestationCase.ts";
import { failedOn, InvalidCaseState, parseTaskInput, TaskId } from "./shared/taskSupport.ts";

const Input = z.object({ attestationId: TaskId });

type Output = { appealed: boolean };

/** Whether the teacher appealed in time (the appeal route refuses anything at or after the deadline). */
function recorded(attestation: Attestation): Output | undefined {
  if (attestation.appeal !== undefined) return { appealed: true };
  if (attestation.status === "final") return { appealed: false };
  return undefined;
}

/**
 * The appeal window has closed (the state machine waited until appealDeadline). Without an appeal the
 * decision becomes final; with one, the state machine goes on to the appeal panel. Asking again gives the
 * same answer.
 */
export const handler = async (input: unknown): Promise<Output> => {
  const { attestationId } = parseTaskInput("closeAppealWindow", Input, input);
  const attestation = await requireAttestation(attestationId);
  const known = recorded(attestation);
  if (known) return known;
  if (attestation.status !== "decided" || !attestation.decision) {
    throw new InvalidCaseState(`attestation ${attestationId} is ${attestation.status}; it has no appeal window to close`);
  }
  const closedAt = new Date().toISOString();
  try {
    await commitWithAudit(
      attestationId,
      { actor: ATTESTATION_ACTOR, action: "attestation.final", data: { basis: "appeal_window_closed", appealDeadline: attestation.appealDeadline ?? null } },
      [
        updateAttestationWhere(attestationId, {
          set: { status: "final", "decision.final": true, updatedAt: closedAt },
          // An appeal filed meanwhile wins: it was in time, or the appeal route would have refused it.
          condition: when.allOf(when.statusIn(["decided"]), when.attributeAbsent("appeal")),
        }),
      ],
    );
  } catch (error) {
    if (!failedOn(error, 0)) throw error;
    const now = recorded(await requireAttestation(attestationId));
    if (!now) throw new InvalidCaseState(`attestation ${attestationId} changed while its appeal window closed`);
    return now;
  }
  logger.info("appeal window closed without an appeal", { task: "closeAppealWindow", attestationId });
  return { appealed: false };
};
