import { missingRequiredDocuments } from "../../domain/documents/documentRules.ts";
import { AppError } from "../../platform/errors/appError.ts";
import type { Language } from "../../platform/errors/errorCatalog.ts";
import { fieldMessage } from "../../platform/errors/fieldMessages.ts";

// Submission of either kind of case counts only documents their owner confirmed (status "verified"): a
// registration whose upload was never confirmed, or was refused, does not stand for its kind. Each missing
// kind is named, and the client learns whether it is absent or only unconfirmed.

export function assertRequiredDocumentsConfirmed(
  documents: readonly { kind: string; status: string }[],
  required: readonly string[],
  language: Language,
): void {
  const missing = missingRequiredDocuments(
    documents.filter((document) => document.status === "verified").map((document) => document.kind),
    required,
  );
  if (missing.length === 0) return;
  const registered = new Set(documents.map((document) => document.kind));
  throw new AppError(
    "required_document_missing",
    `Missing or not confirmed: ${missing.join(", ")}`,
    missing.map((kind) => {
      const code = registered.has(kind) ? "document_not_confirmed" : "missing_document";
      return { path: `documents.${kind}`, code, message: fieldMessage(code, language, { kind }) };
    }),
  );
}
