import type { TransactItem } from "../../adapters/dynamo/transactions.ts";
import { writeOne, type UpdateSpec } from "../../adapters/dynamo/updates.ts";
import { inspectObject } from "../../adapters/s3/documentsBucket.ts";
import type { DocumentVerdict } from "../../domain/competition/documentCheck.ts";
import { normalizeContentType, verifyUploadedDocument, type UploadVerdict } from "../../domain/documents/documentRules.ts";
import { config } from "../../platform/config.ts";

// The document check both workflows run on a case's registered documents (a competition application's,
// an attestation portfolio's): each stored object is verified and its own result recorded on it.

/** What a document record has to say for its object to be checked. */
export interface CheckableDocument {
  id: string;
  kind: string;
  key: string;
  contentType: string;
  size: number;
}

/**
 * Neither the browser nor a local S3 emulator can be trusted to have enforced the signed upload policy
 * (TOOLCHAIN.md), so the stored object itself is checked: present, of the declared size, stored with the
 * declared type, and its first bytes really that format.
 */
export async function verifyStoredDocument(document: CheckableDocument): Promise<{ verdict: UploadVerdict; versionId: string | undefined }> {
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

/**
 * Checks every document and records each one's result on it (verified or rejected with the reason, and the
 * object version seen). Recomputed identically on a retry; deciding the case from the verdicts is the
 * caller's one-time step.
 */
export async function verifyDocuments<D extends CheckableDocument>(
  documents: readonly D[],
  updateDocument: (document: D, spec: UpdateSpec) => TransactItem,
  checkedAt: string,
): Promise<DocumentVerdict[]> {
  const verdicts: DocumentVerdict[] = [];
  for (const document of documents) {
    const { verdict, versionId } = await verifyStoredDocument(document);
    verdicts.push({ documentId: document.id, kind: document.kind, verdict });
    await writeOne(
      updateDocument(document, {
        set: { status: verdict.ok ? "verified" : "rejected", checkedAt, versionId, ...(verdict.ok ? {} : { reason: verdict.reason }) },
        ...(verdict.ok ? { remove: ["reason"] } : {}),
      }),
    );
  }
  return verdicts;
}
