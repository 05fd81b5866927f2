import * as z from "zod/mini";
import { getApplication, listDocuments, updateApplication, updateDocument } from "../adapters/dynamo/applicationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { decideEligibility, ineligibilityReason, ineligibilityTexts } from "../domain/competition/documentCheck.ts";
import { passedDocumentCheck } from "../domain/competition/lifecycle.ts";
import type { Application } from "../domain/competition/records.ts";
import { logger } from "../platform/logger.ts";
import { verifyDocuments } from "./shared/documentVerification.ts";
import { failedOn, InvalidCaseState, parseTaskInput, TaskId, WORKFLOW_ACTOR } from "./shared/taskSupport.ts";

const Input = z.object({ vacancyId: TaskId, applicationId: TaskId });

type Output = { applicationId: string; eligible: boolean };

function recorded(application: Application): Output {
  return { applicationId: application.id, eligible: passedDocumentCheck(application.status) };
}

export const handler = async (input: unknown): Promise<Output> => {
  const { vacancyId, applicationId } = parseTaskInput("checkApplicationDocuments", Input, input);
  const application = await getApplication(applicationId, true);
  if (!application || application.vacancyId !== vacancyId) throw new InvalidCaseState(`application ${applicationId} is not one of vacancy ${vacancyId}`);
  // Already decided (a retry or a re-driven execution): the recorded decision stands.
  if (application.status !== "submitted") return recorded(application);

  const checkedAt = new Date().toISOString();
  // Each document's own result, recomputed identically on a retry; the decision below is the one-time step.
  const verdicts = await verifyDocuments(await listDocuments(applicationId), (document, spec) => updateDocument(applicationId, document.id, spec), checkedAt);

  const decision = decideEligibility(verdicts);
  const fields = decision.eligible
    ? { status: "eligible" as const, checkedAt }
    : {
        status: "ineligible" as const,
        checkedAt,
        ...ineligibilityReason(decision, ineligibilityTexts),
      };
  try {
    await commitWithAudit(
      vacancyId,
      {
        actor: WORKFLOW_ACTOR,
        action: decision.eligible ? "application.eligible" : "application.ineligible",
        data: { applicationId, documentCount: verdicts.length, ...(decision.eligible ? {} : { reason: decision.code, documentKind: decision.kind }) },
      },
      [updateApplication(applicationId, ["submitted"], fields)],
    );
  } catch (error) {
    if (!failedOn(error, 0)) throw error;
    const now = await getApplication(applicationId, true);
    if (!now) throw error;
    return recorded(now);
  }
  logger.info("application checked", {
    task: "checkApplicationDocuments",
    vacancyId,
    applicationId,
    eligible: decision.eligible,
    reason: decision.eligible ? undefined : decision.code,
  });
  return { applicationId, eligible: decision.eligible };
};
