import * as z from "zod/mini";
import { updateAttestation } from "../adapters/dynamo/attestationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import type { Attestation } from "../domain/attestation/records.ts";
import { logger } from "../platform/logger.ts";
import { ATTESTATION_ACTOR, requireAttestation, ROUND_KINDS, VOTE_WAIT_ATTRIBUTES } from "./shared/attestationCase.ts";
import { failedOn, InvalidCaseState, parseTaskInput, TaskId } from "./shared/taskSupport.ts";

const Input = z.object({
  attestationId: TaskId,
  round: z.enum(ROUND_KINDS),
  // As Step Functions' Catch hands it over; only the error name is kept (the cause may quote data).
  failure: z.optional(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
});

/** Every status a round can be drawn or scored in. */
const OPEN: readonly Attestation["status"][] = ["submitted", "scoring", "awaiting_commission", "appealed"];

/**
 * No panel could be drawn for the round (too few eligible members in the commission's pool, no commission,
 * or nobody scored at all): the case stops as no_eligible_panel, where an admin finds it. Recording it
 * again changes nothing.
 */
export const handler = async (input: unknown): Promise<{ status: "no_eligible_panel" }> => {
  const { attestationId, round, failure } = parseTaskInput("recordNoEligiblePanel", Input, input);
  const attestation = await requireAttestation(attestationId);
  if (attestation.status === "no_eligible_panel") return { status: "no_eligible_panel" };
  if (!OPEN.includes(attestation.status)) throw new InvalidCaseState(`attestation ${attestationId} is ${attestation.status}; it cannot become no_eligible_panel`);
  const at = new Date().toISOString();
  try {
    await commitWithAudit(attestationId, { actor: ATTESTATION_ACTOR, action: "attestation.no_eligible_panel", data: { round, error: failure?.Error ?? null } }, [
      updateAttestation(attestationId, OPEN, { status: "no_eligible_panel", reason: "no_eligible_panel", reasonCode: "no_eligible_panel", updatedAt: at }, VOTE_WAIT_ATTRIBUTES),
    ]);
  } catch (error) {
    if (!failedOn(error, 0)) throw error;
    if ((await requireAttestation(attestationId)).status !== "no_eligible_panel") throw error;
  }
  logger.warn("attestation has no eligible panel", { task: "recordNoEligiblePanel", attestationId, round });
  return { status: "no_eligible_panel" };
};
