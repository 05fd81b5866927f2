import * as z from "zod/mini";
import { getApplication, listDocuments, updateApplication, updateDocument } from "../adapters/dynamo/applicationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { writeOne } from "../adapters/dynamo/updates.ts";
import { inspectObject } from "../adapters/s3/documentsBucket.ts";
import { decideEligibility, ineligibilityTexts, type DocumentVerdict } from "../domain/competition/documentCheck.ts";
import { passedDocumentCheck } from "../domain/competition/lifecycle.ts";
import type { Application, DocumentRecord } from "../domain/competition/records.ts";
import { normalizeContentType, verifyUploadedDocument, type UploadVerdict } from "../domain/documents/documentRules.ts";
import { config } from "../platform/config.ts";
import { logger } from "../platform/logger.ts";
import { failedOn, InvalidCaseState, parseTaskInput, TaskId, WORKFLOW_ACTOR } from "./shared/taskSupport.ts";

const Input = z.object({ vacancyId: TaskId, applicationId: TaskId });

type Output = { applicationId: string; eligible: boolean };

/**
 * Neither the browser nor a local S3 emulator can be trusted to have enforced the signed upload policy
 * (TOOLCHAIN.md), so the stored object itself is checked: present, of the declared size, stored with the
 * declared type, and its first bytes really that format.
 */
async function checkDocument(document: DocumentRecord): Promise<{ verdict: UploadVerdict; versionId: string | undefined }> {
  const stored = await inspectObject(document.key);
  const verdict = verifyUploadedDocument({
    declared: { contentType: document.contentType, size: document.size },
    ...(stored ? { stored: { size: stored.size, firstBytes: stored.firstBytes } } : {}),
    maxBytes: config.maxDocumentBytes(),
  });
  if (verdict.ok && stored && normalizeContentType(stored.contentType ?? "") !== normalizeContentType(document.contentType)) {
    return { verdict: { ok: false, reason: "type_mismatch" }, versionId: stored.versionId };
  }
  return { verdict, versionId: stored?.versionId };
}

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
  const verdicts: DocumentVerdict[] = [];
  for (const document of await listDocuments(applicationId)) {
    const { verdict, versionId } = await checkDocument(document);
    verdicts.push({ documentId: document.id, kind: document.kind, verdict });
    // Each document's own result, recomputed identically on a retry; the decision below is the one-time step.
    await writeOne(
      updateDocument(applicationId, document.id, {
        set: { status: verdict.ok ? "verified" : "rejected", checkedAt, versionId, ...(verdict.ok ? {} : { reason: verdict.reason }) },
        ...(verdict.ok ? { remove: ["reason"] } : {}),
      }),
    );
  }

  const decision = decideEligibility(verdicts);
  const fields = decision.eligible
    ? { status: "eligible" as const, checkedAt }
    : {
        status: "ineligible" as const,
        checkedAt,
        reason: decision.code,
        reasonCode: decision.code,
        reasonText: ineligibilityTexts[decision.code],
        reasonDocumentKind: decision.kind,
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
