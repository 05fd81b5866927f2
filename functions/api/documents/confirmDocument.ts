import { commitWithAudit } from "../../adapters/dynamo/auditLog.ts";
import { ConditionFailed, type TransactItem } from "../../adapters/dynamo/transactions.ts";
import { when, type UpdateSpec } from "../../adapters/dynamo/updates.ts";
import { deleteObject } from "../../adapters/s3/documentsBucket.ts";
import { ineligibilityCodeOf } from "../../domain/competition/documentCheck.ts";
import type { CurrentUser } from "../../platform/auth/currentUser.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { errorCatalog, type ErrorCode } from "../../platform/errors/errorCatalog.ts";
import { verifyStoredDocument, type CheckableDocument } from "../../tasks/shared/documentVerification.ts";

// Confirming an upload is the same for a competition application and an attestation portfolio. The
// presigned POST's policy is the browser's and S3's business; this step checks what actually arrived
// (whole object: size, real type, PDF active content) with the same verification the workflows run, and
// records its SHA-256 and version so any later upload to the key is seen as a change. A refused file is
// recorded as rejected with its reason and deleted, so no hostile object stays behind a live document.

export interface DocumentConfirmation {
  user: CurrentUser;
  /** The case whose audit trail records the outcome. */
  caseId: string;
  owner: { field: "applicationId" | "attestationId"; id: string };
  /** The document as stored; undefined when the owner has no such document. */
  document: (CheckableDocument & { status: string; reason?: string }) | undefined;
  /** The document's update (first) plus a guard that refuses it when the owner stopped being a draft. */
  writes: (spec: UpdateSpec) => TransactItem[];
}

async function commit(confirmation: DocumentConfirmation, action: string, data: Record<string, unknown>, spec: UpdateSpec, at: string): Promise<void> {
  const { user, caseId, owner, document } = confirmation;
  try {
    await commitWithAudit(caseId, { actor: user.id, action, data: { [owner.field]: owner.id, documentId: document!.id, kind: document!.kind, ...data } }, confirmation.writes(spec), at);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    // The owner was submitted meanwhile (index 1), or the document refused by a racing confirmation (index 0).
    throw error.index === 0 ? new AppError("invalid_state", "The document was refused meanwhile") : new AppError("invalid_state", "The case is no longer a draft");
  }
}

export async function confirmDocument(confirmation: DocumentConfirmation): Promise<{ body: unknown }> {
  const { document } = confirmation;
  if (!document) throw new AppError("not_found");
  // A refused upload stays refused (its object is gone): the same answer on every retry.
  if (document.rejectedAt !== undefined) {
    const code = document.reason !== undefined && document.reason in errorCatalog ? (document.reason as ErrorCode) : "document_type_unsupported";
    throw new AppError(code, "This upload was refused; register the document again");
  }
  // While the case is a draft the owner may upload again and confirm again: what counts is the object now,
  // not an earlier confirmation of it.
  const { verifiedAt: _previous, ...current } = document;
  const { verdict, versionId, sha256 } = await verifyStoredDocument(current);
  const at = new Date().toISOString();
  if (verdict.ok) {
    await commit(
      confirmation,
      "document.verified",
      { sha256 },
      { set: { status: "verified", sha256, versionId, verifiedAt: at }, remove: ["reason"], condition: when.statusIn(["pending", "verified"]) },
      at,
    );
    return { body: { documentId: document.id, status: "verified", sha256, versionId: versionId ?? null, verifiedAt: at } };
  }
  const code = ineligibilityCodeOf(verdict.reason);
  // Nothing arrived yet: nothing to refuse or delete, the owner may still upload and confirm.
  if (verdict.reason === "not_uploaded") throw new AppError(code);
  await commit(
    confirmation,
    "document.rejected",
    { reason: code },
    { set: { status: "rejected", reason: code, rejectedAt: at, ...(verdict.detail ? { detail: verdict.detail } : {}) }, remove: ["sha256", "verifiedAt"], condition: when.statusIn(["pending", "verified"]) },
    at,
  );
  // Recorded first, deleted second: should the delete fail, the record already keeps the object out of the case.
  await deleteObject(document.key, versionId);
  throw new AppError(code, verdict.detail ? `Found ${verdict.detail}` : undefined);
}
