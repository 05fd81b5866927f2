import { checkDocumentDeclaration, MAX_DOCUMENT_BYTES } from "../../../functions/domain/documents/documentRules.ts";
import { detectFileType, FILE_SIGNATURE_BYTES, type DetectedFileType } from "../../../functions/domain/documents/detectFileType.ts";
import { findActiveContent } from "../../../functions/domain/documents/inspectContent.ts";

export { MAX_DOCUMENT_BYTES };

export type UploadPrecheck =
  | { ok: true; contentType: DetectedFileType }
  | { ok: false; reason: "unsupported_type" | "empty" | "too_large" | "unknown_kind" | "active_content"; detail?: string };

/**
 * The checks the API makes on an upload, made in the browser before a byte is sent: the same declaration
 * rule, the same signature detection, the same PDF scan. The type declared is the one the bytes show, so
 * a PNG saved as "diploma.pdf" goes through as the PNG it is instead of being refused as a mismatch.
 */
export function precheckUpload(
  file: { size: number; bytes: Uint8Array },
  kind: string,
  kinds: readonly string[],
  maxBytes: number = MAX_DOCUMENT_BYTES,
): UploadPrecheck {
  if (file.size === 0) return { ok: false, reason: "empty" };
  if (file.size > maxBytes) return { ok: false, reason: "too_large" };
  const detected = detectFileType(file.bytes.subarray(0, FILE_SIGNATURE_BYTES));
  if (!detected) return { ok: false, reason: "unsupported_type" };
  const declaration = checkDocumentDeclaration({ kind, contentType: detected, size: file.size }, maxBytes, kinds);
  if (!declaration.ok) return declaration;
  if (detected === "application/pdf") {
    const active = findActiveContent(file.bytes);
    if (active.length > 0) return { ok: false, reason: "active_content", detail: active.join(", ") };
  }
  return { ok: true, contentType: detected };
}
