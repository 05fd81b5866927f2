import { describe, expect, it } from "vitest";
import {
  ALLOWED_CONTENT_TYPES,
  ATTESTATION_DOCUMENT_KINDS,
  isAttestationDocumentKind,
  REQUIRED_ATTESTATION_DOCUMENT_KINDS,
  requiredAttestationDocuments,
  checkDocumentDeclaration,
  COMPETITION_DOCUMENT_KINDS,
  MAX_DOCUMENT_BYTES,
  missingRequiredDocuments,
  REQUIRED_COMPETITION_DOCUMENT_KINDS,
  verifyUploadedDocument,
} from "../../../../functions/domain/documents/documentRules.ts";

const pdf = new TextEncoder().encode("%PDF-1.4\n");
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const exe = new TextEncoder().encode("MZ\x90\x00");

describe("document rules", () => {
  it("lists the agreed kinds, types and limit", () => {
    expect(COMPETITION_DOCUMENT_KINDS).toEqual(["identity", "diploma", "category", "test", "recommendation", "achievement"]);
    expect(REQUIRED_COMPETITION_DOCUMENT_KINDS).toEqual(["identity", "diploma"]);
    expect(ALLOWED_CONTENT_TYPES).toEqual(["application/pdf", "image/jpeg", "image/png"]);
    expect(MAX_DOCUMENT_BYTES).toBe(10 * 1024 * 1024);
  });

  it("names the required documents that are missing", () => {
    expect(missingRequiredDocuments([])).toEqual(["identity", "diploma"]);
    expect(missingRequiredDocuments(["diploma", "achievement", "achievement"])).toEqual(["identity"]);
    expect(missingRequiredDocuments(new Set(["identity", "diploma"]))).toEqual([]);
    expect(missingRequiredDocuments(["identity"], ["identity", "test"])).toEqual(["test"]);
  });

  it("checks a declaration before signing an upload", () => {
    expect(checkDocumentDeclaration({ kind: "diploma", contentType: "application/pdf", size: 1000 })).toEqual({ ok: true });
    expect(checkDocumentDeclaration({ kind: "selfie", contentType: "image/png", size: 1 })).toEqual({ ok: false, reason: "unknown_kind" });
    expect(checkDocumentDeclaration({ kind: "diploma", contentType: "application/x-msdownload", size: 1 })).toEqual({
      ok: false,
      reason: "unsupported_type",
    });
    expect(checkDocumentDeclaration({ kind: "diploma", contentType: "image/png", size: 0 })).toEqual({ ok: false, reason: "empty" });
    expect(checkDocumentDeclaration({ kind: "diploma", contentType: "image/png", size: MAX_DOCUMENT_BYTES + 1 })).toEqual({
      ok: false,
      reason: "too_large",
    });
    expect(checkDocumentDeclaration({ kind: "diploma", contentType: "image/png", size: 2000 }, 1000)).toEqual({ ok: false, reason: "too_large" });
  });
});

describe("attestation documents (Annex 1 item 8)", () => {
  it("lists the kinds and the required ones", () => {
    expect(ATTESTATION_DOCUMENT_KINDS).toEqual([
      "application", "diploma", "retraining", "employment", "courses", "category", "achievements", "students", "essay", "test",
    ]);
    expect(REQUIRED_ATTESTATION_DOCUMENT_KINDS).toEqual(["application", "diploma", "essay"]);
    expect(isAttestationDocumentKind("essay")).toBe(true);
    expect(isAttestationDocumentKind("identity")).toBe(false);
  });

  it("requires the test certificate unless an exemption is claimed", () => {
    expect(requiredAttestationDocuments(false)).toEqual(["application", "diploma", "essay", "test"]);
    expect(requiredAttestationDocuments(true)).toEqual(["application", "diploma", "essay"]);
    expect(missingRequiredDocuments(["application", "essay", "achievements"], requiredAttestationDocuments(false))).toEqual(["diploma", "test"]);
    expect(missingRequiredDocuments(["application", "essay", "diploma"], requiredAttestationDocuments(true))).toEqual([]);
    // The competition default is untouched.
    expect(missingRequiredDocuments(["application", "essay", "diploma"])).toEqual(["identity"]);
  });

  it("checks a declaration against the attestation kinds when told to", () => {
    expect(checkDocumentDeclaration({ kind: "essay", contentType: "application/pdf", size: 10 })).toEqual({ ok: false, reason: "unknown_kind" });
    expect(checkDocumentDeclaration({ kind: "essay", contentType: "application/pdf", size: 10 }, MAX_DOCUMENT_BYTES, ATTESTATION_DOCUMENT_KINDS)).toEqual({
      ok: true,
    });
    expect(
      checkDocumentDeclaration({ kind: "identity", contentType: "application/pdf", size: 10 }, MAX_DOCUMENT_BYTES, ATTESTATION_DOCUMENT_KINDS),
    ).toEqual({ ok: false, reason: "unknown_kind" });
  });
});

describe("verifyUploadedDocument", () => {
  it("accepts a stored file that is what was declared", () => {
    expect(verifyUploadedDocument({ declared: { contentType: "application/pdf", size: 5000 }, stored: { size: 5000, firstBytes: pdf } })).toEqual({
      ok: true,
    });
    expect(
      verifyUploadedDocument({ declared: { contentType: "Image/PNG; x=1", size: MAX_DOCUMENT_BYTES }, stored: { size: MAX_DOCUMENT_BYTES, firstBytes: png } }),
    ).toEqual({ ok: true });
  });

  it("gives each reason", () => {
    const reason = (check: Parameters<typeof verifyUploadedDocument>[0]) => {
      const verdict = verifyUploadedDocument(check);
      return verdict.ok ? "ok" : verdict.reason;
    };
    expect(reason({ declared: { contentType: "application/pdf", size: 10 } })).toBe("not_uploaded");
    expect(reason({ declared: { contentType: "application/pdf", size: 10 }, stored: { size: 0, firstBytes: new Uint8Array() } })).toBe("empty");
    expect(reason({ declared: { contentType: "application/pdf", size: 10 }, stored: { size: 11, firstBytes: pdf } })).toBe("size_mismatch");
    expect(reason({ declared: { contentType: "application/pdf", size: 10 }, stored: { size: 10, firstBytes: png } })).toBe("type_mismatch");
    expect(reason({ declared: { contentType: "application/pdf", size: 10 }, stored: { size: 10, firstBytes: exe } })).toBe("unsupported_type");
    expect(reason({ declared: { contentType: "application/x-msdownload", size: 10 }, stored: { size: 10, firstBytes: exe } })).toBe(
      "unsupported_type",
    );
    const big = MAX_DOCUMENT_BYTES + 1;
    expect(reason({ declared: { contentType: "application/pdf", size: big }, stored: { size: big, firstBytes: pdf } })).toBe("too_large");
    expect(reason({ declared: { contentType: "application/pdf", size: 10 }, stored: { size: big, firstBytes: pdf } })).toBe("too_large");
    expect(reason({ declared: { contentType: "application/pdf", size: 600 }, stored: { size: 600, firstBytes: pdf }, maxBytes: 500 })).toBe(
      "too_large",
    );
  });
});
