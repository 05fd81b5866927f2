import { describe, expect, it } from "vitest";
import { ATTESTATION_DOCUMENT_KINDS, COMPETITION_DOCUMENT_KINDS } from "../../../functions/domain/documents/documentRules.ts";
import { precheckUpload } from "../../../web/src/ui/uploadChecks.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const PDF = bytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("upload pre-check in the browser", () => {
  it("declares the type the bytes show, so a misnamed file is not refused as a mismatch", () => {
    expect(precheckUpload({ size: PNG.length, bytes: PNG }, "diploma", COMPETITION_DOCUMENT_KINDS)).toEqual({ ok: true, contentType: "image/png" });
    expect(precheckUpload({ size: PDF.length, bytes: PDF }, "essay", ATTESTATION_DOCUMENT_KINDS)).toEqual({ ok: true, contentType: "application/pdf" });
  });

  it("refuses what the API would refuse, before sending a byte", () => {
    expect(precheckUpload({ size: 0, bytes: new Uint8Array() }, "diploma", COMPETITION_DOCUMENT_KINDS)).toEqual({ ok: false, reason: "empty" });
    expect(precheckUpload({ size: 11 * 1024 * 1024, bytes: PDF }, "diploma", COMPETITION_DOCUMENT_KINDS)).toEqual({ ok: false, reason: "too_large" });
    expect(precheckUpload({ size: 2000, bytes: PDF }, "diploma", COMPETITION_DOCUMENT_KINDS, 1000)).toEqual({ ok: false, reason: "too_large" });
    expect(precheckUpload({ size: 12, bytes: bytes("MZ\x90\x00 an exe") }, "diploma", COMPETITION_DOCUMENT_KINDS)).toEqual({ ok: false, reason: "unsupported_type" });
    // An attestation kind is not a competition kind, and the other way round.
    expect(precheckUpload({ size: PDF.length, bytes: PDF }, "essay", COMPETITION_DOCUMENT_KINDS)).toEqual({ ok: false, reason: "unknown_kind" });
    expect(precheckUpload({ size: PDF.length, bytes: PDF }, "identity", ATTESTATION_DOCUMENT_KINDS)).toEqual({ ok: false, reason: "unknown_kind" });
  });

  it("finds scripts in a PDF the way the API's scan does", () => {
    const active = bytes("%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction 2 0 R>>endobj\n2 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj\n%%EOF\n");
    const verdict = precheckUpload({ size: active.length, bytes: active }, "diploma", COMPETITION_DOCUMENT_KINDS);
    expect(verdict).toMatchObject({ ok: false, reason: "active_content" });
    expect(verdict.ok ? "" : verdict.detail).toContain("/JavaScript");
  });
});
