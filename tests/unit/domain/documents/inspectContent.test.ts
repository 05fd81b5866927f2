import { describe, expect, it } from "vitest";
import { verifyUploadedDocument } from "../../../../functions/domain/documents/documentRules.ts";
import { findActiveContent } from "../../../../functions/domain/documents/inspectContent.ts";

const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.7\n${body}\n%%EOF\n`);

describe("findActiveContent", () => {
  it("finds nothing in a plain PDF, nor in an /OpenAction that only opens a page", () => {
    expect(findActiveContent(pdf("1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >> endobj"))).toEqual([]);
  });

  it.each([
    ["a JavaScript action", "<< /S /JavaScript /JS (app.alert(1)) >>", ["/JavaScript", "/JS"]],
    ["a launch action", "<< /S /Launch /F (cmd.exe) >>", ["/Launch"]],
    ["an embedded file", "<< /Type /EmbeddedFile /Length 10 >>", ["/EmbeddedFile"]],
    ["a name with hex escapes", "<< /S /J#61vaScript >>", ["/JavaScript"]],
  ])("finds %s", (_, body, found) => {
    expect(findActiveContent(pdf(body))).toEqual(found);
  });

  it("reports an /OpenAction that runs a script", () => {
    expect(findActiveContent(pdf("<< /OpenAction 2 0 R >> 2 0 obj << /S /JavaScript /JS (x) >>"))).toEqual(["/OpenAction", "/JavaScript", "/JS"]);
  });

  it("does not mistake a longer name or plain text for a forbidden name", () => {
    expect(findActiveContent(pdf("<< /JSON 1 /Launcher 2 >> (JavaScript in a string)"))).toEqual([]);
  });
});

describe("verifyUploadedDocument on whole objects", () => {
  const declared = (size: number) => ({ contentType: "application/pdf", size });
  const stored = (content: Uint8Array, extra: { sha256?: string; versionId?: string } = {}) => ({ size: content.byteLength, firstBytes: content.subarray(0, 8), content, ...extra });

  it("refuses a PDF with active content and names it", () => {
    const content = pdf("<< /S /Launch >>");
    expect(verifyUploadedDocument({ declared: declared(content.byteLength), stored: stored(content) })).toEqual({ ok: false, reason: "active_content", detail: "/Launch" });
  });

  it("refuses executables, archives, empty files and a type other than declared", () => {
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(verifyUploadedDocument({ declared: declared(8), stored: stored(exe) })).toEqual({ ok: false, reason: "unsupported_type" });
    expect(verifyUploadedDocument({ declared: declared(8), stored: stored(zip) })).toEqual({ ok: false, reason: "unsupported_type" });
    expect(verifyUploadedDocument({ declared: declared(1), stored: stored(new Uint8Array()) })).toEqual({ ok: false, reason: "empty" });
    expect(verifyUploadedDocument({ declared: declared(8), stored: stored(png) })).toEqual({ ok: false, reason: "type_mismatch" });
  });

  it("refuses an object that is no longer the confirmed one, by hash or by version", () => {
    const content = pdf("<< /Type /Catalog >>");
    const check = { declared: declared(content.byteLength) };
    expect(verifyUploadedDocument({ ...check, stored: stored(content, { sha256: "b" }), confirmed: { sha256: "a" } })).toEqual({ ok: false, reason: "changed" });
    expect(verifyUploadedDocument({ ...check, stored: stored(content, { sha256: "a", versionId: "v2" }), confirmed: { sha256: "a", versionId: "v1" } })).toEqual({ ok: false, reason: "changed" });
    // A local S3 without versions proves nothing by version: the hash decides.
    expect(verifyUploadedDocument({ ...check, stored: stored(content, { sha256: "a" }), confirmed: { sha256: "a", versionId: "v1" } })).toEqual({ ok: true });
  });
});
