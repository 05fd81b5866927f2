import { routes } from "../../routes.ts";
import { updateAttestationWhere } from "../../adapters/dynamo/attestationRecords.ts";
import { when } from "../../adapters/dynamo/updates.ts";
import { sha256Hex } from "../../domain/assignment/canonicalJson.ts";
import type { Attestation } from "../../domain/attestation/records.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { createIdempotently } from "../idempotentCreate.ts";
import { ownAttestation } from "./attestationAccess.ts";

/** Refuses an appeal the case cannot take at `now`, with the reason the teacher should see. */
function assertAppealable(attestation: Attestation, now: Date): void {
  if (attestation.appeal !== undefined || attestation.status === "appealed") throw new AppError("already_appealed");
  if (attestation.status === "final" || attestation.decision?.final === true) throw new AppError("appeal_window_closed", "The decision is final");
  if (attestation.status !== "decided" || !attestation.decision) throw new AppError("invalid_state", `The attestation is ${attestation.status}: there is no decision to appeal`);
  // The window closes at appealDeadline (functions/domain/attestation/appealWindow.ts): in time is strictly before it.
  if (attestation.appealDeadline === undefined || now.getTime() >= Date.parse(attestation.appealDeadline)) {
    throw new AppError("appeal_window_closed", attestation.appealDeadline && `The window closed at ${attestation.appealDeadline}`);
  }
}

/**
 * The teacher appeals a portfolio decision within the window. The appeal is recorded with the status
 * "appealed"; the workflow finds it when the window closes and has a fresh panel re-score the portfolio.
 */
export const handler = httpHandler(routes.appealAttestation, async ({ user, params, body, idempotencyKey }) => {
  const attestation = await ownAttestation(user, params.id, true);
  const now = new Date();
  const request = { userId: user.id, key: idempotencyKey, request: { route: "appealAttestation", attestationId: attestation.id, body } };
  const conflict = new AppError("invalid_state", "The attestation changed meanwhile");
  try {
    const result = await createIdempotently(request, async () => {
      assertAppealable(attestation, now);
      const appeal = { reason: body.reason, filedAt: now.toISOString() };
      return {
        caseId: attestation.id,
        // Free text about the teacher's own case: the trail keeps its hash, the case keeps the text.
        audit: { actor: user.id, action: "attestation.appealed", data: { reasonSha256: sha256Hex(body.reason) } },
        items: [
          updateAttestationWhere(attestation.id, {
            set: { status: "appealed", appeal, updatedAt: appeal.filedAt },
            condition: when.allOf(
              when.statusIn(["decided"]),
              when.attributeAbsent("appeal"),
              when.compare("appealDeadline", ">", appeal.filedAt),
            ),
          }),
        ],
        response: { status: 201, body: { id: attestation.id, status: "appealed", appeal } },
        onConflict: () => conflict,
      };
    });
    return { status: result.status, body: result.body };
  } catch (error) {
    // The case moved between the read and the write (a second appeal, the window closing): say which.
    if (error !== conflict) throw error;
    assertAppealable(await ownAttestation(user, params.id, true), now);
    throw error;
  }
});
