import { detectFileType } from "./detectFileType.ts";
import { findActiveContent } from "./inspectContent.ts";

export const ALLOWED_CONTENT_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type AllowedContentType = (typeof ALLOWED_CONTENT_TYPES)[number];

/** Default upper bound of one document; callers may pass their own limit. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const COMPETITION_DOCUMENT_KINDS = ["identity", "diploma", "category", "test", "recommendation", "achievement"] as const;
export type CompetitionDocumentKind = (typeof COMPETITION_DOCUMENT_KINDS)[number];

/** An application without these is ineligible (DOMAIN.md §2 completeness check). */
export const REQUIRED_COMPETITION_DOCUMENT_KINDS: readonly CompetitionDocumentKind[] = ["identity", "diploma"];

export function isCompetitionDocumentKind(kind: string): kind is CompetitionDocumentKind {
  return (COMPETITION_DOCUMENT_KINDS as readonly string[]).includes(kind);
}

/** Content types are compared without parameters and case, as HTTP defines them ("Application/PDF; x=y"). */
export function normalizeContentType(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

export function isAllowedContentType(contentType: string): contentType is AllowedContentType {
  return (ALLOWED_CONTENT_TYPES as readonly string[]).includes(normalizeContentType(contentType));
}

// Attestation documents (Order No. 83, Annex 1 item 8): application; diploma; retraining papers; proof of
// employment; professional-development certificates; current category certificate; evidence of own
// achievements and of sharing experience; evidence of students' achievements; an essay; and the knowledge
// test certificate.
export const ATTESTATION_DOCUMENT_KINDS = [
  "application",
  "diploma",
  "retraining",
  "employment",
  "courses",
  "category",
  "achievements",
  "students",
  "essay",
  "test",
] as const;
export type AttestationDocumentKind = (typeof ATTESTATION_DOCUMENT_KINDS)[number];

/** Required for every attestation application; the test certificate is added unless an exemption is claimed. */
export const REQUIRED_ATTESTATION_DOCUMENT_KINDS: readonly AttestationDocumentKind[] = ["application", "diploma", "essay"];

export function isAttestationDocumentKind(kind: string): kind is AttestationDocumentKind {
  return (ATTESTATION_DOCUMENT_KINDS as readonly string[]).includes(kind);
}

/**
 * The kinds an attestation application must carry. An exemption from the knowledge test (п.55-57) removes
 * the test certificate only: whether the exemption holds is checkEligibility's judgement, not this list's.
 */
export function requiredAttestationDocuments(exemptionClaimed: boolean): AttestationDocumentKind[] {
  return exemptionClaimed ? [...REQUIRED_ATTESTATION_DOCUMENT_KINDS] : [...REQUIRED_ATTESTATION_DOCUMENT_KINDS, "test"];
}

/** Required kinds that are absent, in the order of `required` (by default the competition's). */
export function missingRequiredDocuments(kindsPresent: Iterable<string>): CompetitionDocumentKind[];
export function missingRequiredDocuments<K extends string>(kindsPresent: Iterable<string>, required: readonly K[]): K[];
export function missingRequiredDocuments(
  kindsPresent: Iterable<string>,
  required: readonly string[] = REQUIRED_COMPETITION_DOCUMENT_KINDS,
): string[] {
  const present = new Set(kindsPresent);
  return required.filter((kind) => !present.has(kind));
}

export type DocumentDeclaration = { kind: string; contentType: string; size: number };
export type DeclarationCheck =
  | { ok: true }
  | { ok: false; reason: "unknown_kind" | "unsupported_type" | "empty" | "too_large" };

/**
 * Checks a declared upload before an upload URL is signed for it. `kinds` is the case's list of document
 * kinds: the competition's by default, ATTESTATION_DOCUMENT_KINDS for an attestation.
 */
export function checkDocumentDeclaration(
  declaration: DocumentDeclaration,
  maxBytes: number = MAX_DOCUMENT_BYTES,
  kinds: readonly string[] = COMPETITION_DOCUMENT_KINDS,
): DeclarationCheck {
  if (!kinds.includes(declaration.kind)) return { ok: false, reason: "unknown_kind" };
  if (!isAllowedContentType(declaration.contentType)) return { ok: false, reason: "unsupported_type" };
  if (!Number.isSafeInteger(declaration.size) || declaration.size <= 0) return { ok: false, reason: "empty" };
  if (declaration.size > maxBytes) return { ok: false, reason: "too_large" };
  return { ok: true };
}

export type UploadedDocumentCheck = {
  declared: { contentType: string; size: number };
  /**
   * What storage holds; absent when nothing was uploaded. `content` is the whole object when it was read
   * (then a PDF is also scanned for active content), `sha256` its hash.
   */
  stored?: { size: number; firstBytes: Uint8Array; content?: Uint8Array; sha256?: string; versionId?: string };
  /** What the owner's confirmation recorded: the object must still be exactly that one. */
  confirmed?: { sha256?: string; versionId?: string };
  maxBytes?: number;
};

export type UploadFailureReason =
  | "not_uploaded"
  | "changed"
  | "size_mismatch"
  | "type_mismatch"
  | "empty"
  | "too_large"
  | "unsupported_type"
  | "active_content";

export type UploadVerdict = { ok: true } | { ok: false; reason: UploadFailureReason; detail?: string };

/**
 * Checks a stored object against its declaration. Neither the browser nor a local S3 emulator can be trusted
 * to have enforced the signed policy, so size and type are checked again on the bytes themselves.
 * `unsupported_type` means the declared type is not accepted or the content is none of the accepted formats
 * (e.g. an executable or an archive); `type_mismatch` means the content is an accepted format, but not the
 * declared one; `changed` means the object is no longer the one its owner confirmed (uploaded again to the
 * same key); `active_content` names what a PDF would run or carry.
 */
export function verifyUploadedDocument(check: UploadedDocumentCheck): UploadVerdict {
  const { declared, stored, confirmed, maxBytes = MAX_DOCUMENT_BYTES } = check;
  if (!isAllowedContentType(declared.contentType)) return { ok: false, reason: "unsupported_type" };
  if (stored === undefined) return { ok: false, reason: "not_uploaded" };
  if (confirmed && isChanged(confirmed, stored)) return { ok: false, reason: "changed" };
  if (stored.size === 0) return { ok: false, reason: "empty" };
  if (stored.size > maxBytes || declared.size > maxBytes) return { ok: false, reason: "too_large" };
  if (stored.size !== declared.size) return { ok: false, reason: "size_mismatch" };
  const detected = detectFileType(stored.firstBytes);
  if (detected === undefined) return { ok: false, reason: "unsupported_type" };
  if (detected !== normalizeContentType(declared.contentType)) return { ok: false, reason: "type_mismatch" };
  if (detected === "application/pdf" && stored.content) {
    const active = findActiveContent(stored.content);
    if (active.length > 0) return { ok: false, reason: "active_content", detail: active.join(", ") };
  }
  return { ok: true };
}

/**
 * A different hash is a different file. Where storage keeps versions (S3 versioning on AWS), a different
 * version is a new upload even with the same bytes: the confirmed document is immutable, not merely equal.
 * An unknown hash or version on either side proves nothing and is not held against the document.
 */
function isChanged(confirmed: { sha256?: string; versionId?: string }, stored: { sha256?: string; versionId?: string }): boolean {
  const differs = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a !== b;
  return differs(confirmed.sha256, stored.sha256) || differs(confirmed.versionId, stored.versionId);
}
