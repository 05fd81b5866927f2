import { routes } from "../../routes.ts";
import { listAttestationDocuments, updateAttestation, updateAttestationWhere } from "../../adapters/dynamo/attestationRecords.ts";
import { commitWithAudit } from "../../adapters/dynamo/auditLog.ts";
import { ConditionFailed } from "../../adapters/dynamo/transactions.ts";
import { when } from "../../adapters/dynamo/updates.ts";
import { startWorkflow } from "../../adapters/stepfunctions/workflowClient.ts";
import { checkEligibility } from "../../domain/attestation/checkEligibility.ts";
import type { Attestation } from "../../domain/attestation/records.ts";
import { requiredAttestationDocuments } from "../../domain/documents/documentRules.ts";
import { getAttestationRules } from "../../domain/rubrics/registry.ts";
import type { CurrentUser } from "../../platform/auth/currentUser.ts";
import { config } from "../../platform/config.ts";
import { AppError } from "../../platform/errors/appError.ts";
import type { Language } from "../../platform/errors/errorCatalog.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { assertRequiredDocumentsConfirmed } from "../documents/requiredDocuments.ts";
import { ownAttestation } from "./attestationAccess.ts";
import { eligibilityRequest, refusalError } from "./eligibility.ts";

/** The rules the case pinned, judged at `now`; then the portfolio's required documents. */
async function assertSubmittable(attestation: Attestation, now: Date, language: Language): Promise<{ testRequired: boolean }> {
  const rules = getAttestationRules(attestation.rulesVersion);
  if (!rules) throw new Error(`attestation rules ${attestation.rulesVersion} pinned by ${attestation.id} are missing`);
  const verdict = checkEligibility(eligibilityRequest(attestation), rules, now);
  if (!verdict.ok) {
    const [first, ...rest] = verdict.refusals;
    if (first) throw refusalError([first, ...rest], language);
    throw new Error("checkEligibility refused without a reason");
  }
  const documents = await listAttestationDocuments(attestation.id);
  assertRequiredDocumentsConfirmed(documents, requiredAttestationDocuments(attestation.exemption !== undefined), language);
  return { testRequired: verdict.testRequired };
}

/**
 * Starts the case's workflow (named after the case, so starting twice runs it once) and records its
 * execution. The status is already "submitted" when the workflow starts, so its first step can rely on it;
 * a submission that failed between the two is completed by submitting again.
 */
async function startCaseWorkflow(user: CurrentUser, attestation: Attestation): Promise<string> {
  const executionArn = await startWorkflow("attestation", attestation.id, {
    attestationId: attestation.id,
    scoringTimeoutSeconds: config.attestationScoringTimeoutSeconds(),
    voteTimeoutSeconds: config.attestationVoteTimeoutSeconds(),
    appealWorkingDays: config.attestationAppealWorkingDays(),
  });
  try {
    await commitWithAudit(attestation.id, { actor: user.id, action: "attestation.workflow_started", data: { executionArn } }, [
      updateAttestationWhere(attestation.id, { set: { executionArn }, condition: when.attributeAbsent("executionArn") }),
    ]);
  } catch (error) {
    // Recorded already by a submission racing this one: the same execution, nothing to add.
    if (!(error instanceof ConditionFailed && error.index === 0)) throw error;
  }
  return executionArn;
}

export const handler = httpHandler(routes.submitAttestation, async ({ user, params, language }) => {
  let attestation = await ownAttestation(user, params.id, true);
  if (attestation.status === "draft") {
    const now = new Date();
    const { testRequired } = await assertSubmittable(attestation, now, language);
    const submittedAt = now.toISOString();
    try {
      await commitWithAudit(
        attestation.id,
        { actor: user.id, action: "attestation.submitted", data: { rulesVersion: attestation.rulesVersion, testRequired, exemption: attestation.exemption?.reason } },
        [updateAttestation(attestation.id, ["draft"], { status: "submitted", submittedAt, updatedAt: submittedAt })],
      );
    } catch (error) {
      if (!(error instanceof ConditionFailed && error.index === 0)) throw error;
    }
    // Re-read either way: a submission racing this one may have won, and its record is the one to answer with.
    attestation = await ownAttestation(user, params.id, true);
  }
  if (attestation.status !== "submitted") {
    // Already past submission (the workflow took it over): answer as for any later state.
    if (attestation.submittedAt !== undefined) return { body: { id: attestation.id, status: attestation.status, submittedAt: attestation.submittedAt } };
    throw new AppError("invalid_state", `The attestation is ${attestation.status}`);
  }
  if (attestation.executionArn === undefined) await startCaseWorkflow(user, attestation);
  return { body: { id: attestation.id, status: "submitted", submittedAt: attestation.submittedAt } };
});
