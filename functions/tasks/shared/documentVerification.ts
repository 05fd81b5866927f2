import type { TransactItem } from "../../adapters/dynamo/transactions.ts";
import { writeOne, type UpdateSpec } from "../../adapters/dynamo/updates.ts";
import { readObject } from "../../adapters/s3/documentsBucket.ts";
import type { DocumentVerdict } from "../../domain/competition/documentCheck.ts";
import { FILE_SIGNATURE_BYTES } from "../../domain/documents/detectFileType.ts";
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
  status?: string;
  /** Recorded by the owner's confirmation (functions/api/documents/confirmDocument.ts). */
  sha256?: string;
  versionId?: string;
  verifiedAt?: string;
  /** Set when the confirmation refused the upload (its object was deleted then). */
  rejectedAt?: string;
}

export interface StoredDocumentCheck {
  verdict: UploadVerdict;
  versionId: string | undefined;
  sha256: string | undefined;
}

/**
 * Neither the browser nor a local S3 emulator can be trusted to have enforced the signed upload policy
 * (TOOLCHAIN.md), so the stored object itself is checked: present, of the declared size, stored with the
 * declared type, its bytes really that format and, for a PDF, free of active content. A confirmed document
 * must also still be the object that was confirmed (same SHA-256, same version where S3 keeps versions).
 */
export async function verifyStoredDocument(document: CheckableDocument): Promise<StoredDocumentCheck> {
  const stored = await readObject(document.key, config.maxDocumentBytes());
  const confirmed = document.verifiedAt !== undefined ? { sha256: document.sha256, versionId: document.versionId } : undefined;
  const verdict = verifyUploadedDocument({
    declared: { contentType: document.contentType, size: document.size },
    ...(stored
      ? {
          stored: {
            size: stored.size,
            firstBytes: stored.content?.subarray(0, FILE_SIGNATURE_BYTES) ?? new Uint8Array(),
            content: stored.content,
            sha256: stored.sha256,
            versionId: stored.versionId,
          },
        }
      : {}),
    ...(confirmed ? { confirmed } : {}),
    maxBytes: config.maxDocumentBytes(),
  });
  const seen = { versionId: stored?.versionId, sha256: stored?.sha256 };
  if (verdict.ok && stored && normalizeContentType(stored.contentType ?? "") !== normalizeContentType(document.contentType)) {
    return { verdict: { ok: false, reason: "type_mismatch" }, ...seen };
  }
  return { verdict, ...seen };
}

/** Refused at confirmation: kept as history for its owner, but no part of the case the workflow checks. */
export function refusedAtConfirmation(document: CheckableDocument): boolean {
  return document.rejectedAt !== undefined;
}

/**
 * Checks every document and records each one's result on it (verified or rejected with the reason, and the
 * object version seen). Recomputed identically on a retry; deciding the case from the verdicts is the
 * caller's one-time step. The version and hash the owner confirmed are never overwritten: they are what a
 * later check compares against.
 */
export async function verifyDocuments<D extends CheckableDocument>(
  documents: readonly D[],
  updateDocument: (document: D, spec: UpdateSpec) => TransactItem,
  checkedAt: string,
): Promise<DocumentVerdict[]> {
  const verdicts: DocumentVerdict[] = [];
  for (const document of documents.filter((candidate) => !refusedAtConfirmation(candidate))) {
    const { verdict, versionId } = await verifyStoredDocument(document);
    verdicts.push({ documentId: document.id, kind: document.kind, verdict });
    const seenVersion = document.verifiedAt === undefined ? { versionId } : {};
    await writeOne(
      updateDocument(document, {
        set: { status: verdict.ok ? "verified" : "rejected", checkedAt, ...seenVersion, ...(verdict.ok ? {} : { reason: verdict.reason }) },
        ...(verdict.ok ? { remove: ["reason"] } : {}),
      }),
    );
  }
  return verdicts;
}
