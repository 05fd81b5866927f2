import { presignDownload } from "../../adapters/s3/documentLinks.ts";
import type { StoredDocument } from "../../domain/documents/storedDocument.ts";
import { ownerDocumentView } from "./documentView.ts";

/**
 * The owner's documents as they see them in their own case, each confirmed one with a short-lived link to
 * open it again (the same 5-minute inline link an expert of the panel gets). A pending upload may not hold
 * what was registered yet and a refused one was deleted, so neither gets a link.
 *
 * Unlike an expert's view (getAssignment), this read records no audit event: the audit trail answers who
 * saw a candidate's documents besides the candidate, and the owner reading back what they uploaded
 * themselves discloses nothing to anyone else.
 */
export async function ownerDocuments(documents: readonly StoredDocument[]) {
  const views = ownerDocumentView(documents);
  return Promise.all(
    documents.map(async (document, index) =>
      document.status === "verified" ? { ...views[index]!, url: await presignDownload(document.key, document.fileName) } : views[index]!,
    ),
  );
}
