import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDocument } from "../../functions/adapters/dynamo/applicationRecords.ts";
import { readObject } from "../../functions/adapters/s3/documentsBucket.ts";
import { verifyStoredDocument } from "../../functions/tasks/shared/documentVerification.ts";
import { AdalClient } from "../../infra/local/client/adalClient.ts";
import { startLocalStack, type LocalStack } from "../../infra/local/localStack.ts";

// Issue #4 §3 over HTTP: what the confirm step does with each hostile upload. The local S3 ignores the
// presigned POST's policy (TOOLCHAIN.md), which is what lets these files reach storage at all here; on AWS
// some would already be stopped by S3, and the confirm step must not rely on that.

const LIMIT = 4096;
const encode = (text: string) => new TextEncoder().encode(text);
const pdf = (body: string, size: number) => encode(`%PDF-1.7\n${body}\n%%EOF\n`.padEnd(size, " "));
const GOOD_PDF = pdf("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj", 300);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(284).fill(0)]);
/** A local file header whose uncompressed size field says 4 GiB: the shape of a decompression bomb. */
const ZIP_BOMB = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, ...new Array(274).fill(0)]);
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, ...new Array(286).fill(0)]);

let stack: LocalStack;
let client: AdalClient;
let token: string;
let applicationId: string;
const previousLimit = process.env.MAX_DOCUMENT_BYTES;

async function register(kind: string, fileName: string, contentType: string, size: number) {
  const registered = await client.request("POST", `/applications/${applicationId}/documents`, { token, body: { kind, fileName, contentType, size } });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  return registered.body as { documentId: string; upload: { url: string; fields: Record<string, string> } };
}

const confirm = (documentId: string) => client.request("POST", `/applications/${applicationId}/documents/${documentId}/confirm`, { token });

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, seed: true, quiet: true });
  // The handlers run in this process: a small limit lets a file over it stay small.
  process.env.MAX_DOCUMENT_BYTES = String(LIMIT);
  client = new AdalClient(stack.url);
  const hr = await client.login("hr.school1");
  const vacancy = await client.request("POST", "/vacancies", {
    token: hr.token,
    body: { title: "Physics teacher", subject: "physics", language: "ru", kind: "teacher", hoursPerWeek: 16, employment: "permanent", closesAt: new Date(Date.now() + 3600_000).toISOString() },
  });
  expect(vacancy.status, JSON.stringify(vacancy.body)).toBe(201);
  expect((await client.request("POST", `/vacancies/${vacancy.body.id}/publish`, { token: hr.token })).status).toBe(200);
  token = (await client.login("teacher2")).token;
  const application = await client.request("POST", `/vacancies/${vacancy.body.id}/applications`, { token, body: { claims: {} } });
  expect(application.status, JSON.stringify(application.body)).toBe(201);
  applicationId = application.body.id;
}, 60_000);

afterAll(async () => {
  if (previousLimit === undefined) delete process.env.MAX_DOCUMENT_BYTES;
  else process.env.MAX_DOCUMENT_BYTES = previousLimit;
  await stack?.close();
});

describe("confirming a hostile upload", () => {
  const hostile: { name: string; declared: { contentType: string; size: number; fileName: string }; bytes: Uint8Array; code: string }[] = [
    { name: "an executable renamed .pdf", declared: { contentType: "application/pdf", size: EXE.byteLength, fileName: "diploma.pdf" }, bytes: EXE, code: "document_type_unsupported" },
    { name: "a zip bomb named .pdf", declared: { contentType: "application/pdf", size: ZIP_BOMB.byteLength, fileName: "diploma.pdf" }, bytes: ZIP_BOMB, code: "document_type_unsupported" },
    { name: "an empty file", declared: { contentType: "application/pdf", size: 1, fileName: "diploma.pdf" }, bytes: new Uint8Array(), code: "document_empty" },
    { name: "more bytes than declared", declared: { contentType: "application/pdf", size: 100, fileName: "diploma.pdf" }, bytes: pdf("", 200), code: "document_size_mismatch" },
    { name: "a file over the size limit", declared: { contentType: "application/pdf", size: 100, fileName: "diploma.pdf" }, bytes: pdf("", LIMIT + 500), code: "document_too_large" },
    {
      name: "a PDF with a JavaScript action",
      declared: { contentType: "application/pdf", size: 300, fileName: "diploma.pdf" },
      bytes: pdf("1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj 2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj", 300),
      code: "document_active_content",
    },
    { name: "a PNG declared as a PDF", declared: { contentType: "application/pdf", size: PNG.byteLength, fileName: "diploma.pdf" }, bytes: PNG, code: "document_type_mismatch" },
  ];

  for (const { name, declared, bytes, code } of hostile) {
    it(`refuses ${name} with ${code}, deletes it and keeps the record as rejected`, async () => {
      const registered = await register("diploma", declared.fileName, declared.contentType, declared.size);
      expect(await client.upload(registered.upload, bytes, declared.contentType, declared.fileName)).toBeLessThan(300);
      const refused = await confirm(registered.documentId);
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(refused.body.code).toBe(code);
      // Nothing half-registered: the object is gone, the record says why, and a retry gives the same answer.
      const record = await getDocument(applicationId, registered.documentId);
      expect(record).toMatchObject({ status: "rejected", reason: code });
      expect(record?.sha256).toBeUndefined();
      expect(await readObject(record!.key, LIMIT)).toBeUndefined();
      expect((await confirm(registered.documentId)).body.code).toBe(code);
    });
  }

  it("answers document_not_uploaded before the upload, without refusing the registration", async () => {
    const registered = await register("identity", "id.png", "image/png", PNG.byteLength);
    const early = await confirm(registered.documentId);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe("document_not_uploaded");
    expect(await getDocument(applicationId, registered.documentId)).toMatchObject({ status: "pending" });
  });

  it("shows the owner each refused document with its reason, and still refuses the submission", async () => {
    const view = await client.request("GET", `/applications/${applicationId}`, { token });
    expect(view.status).toBe(200);
    const diplomas = view.body.documents.filter((document: { kind: string }) => document.kind === "diploma");
    expect(diplomas).toHaveLength(hostile.length);
    expect(diplomas.every((document: { status: string }) => document.status === "rejected")).toBe(true);
    expect(diplomas.map((document: { reason: string }) => document.reason).sort()).toEqual(hostile.map((entry) => entry.code).sort());
    expect(JSON.stringify(view.body.documents)).not.toContain("applications/");

    const submitted = await client.request("POST", `/applications/${applicationId}/submit`, { token });
    expect(submitted.status).toBe(422);
    expect(submitted.body.code).toBe("required_document_missing");
    expect(submitted.body.errors).toEqual([
      expect.objectContaining({ path: "documents.identity", code: "document_not_confirmed" }),
      expect.objectContaining({ path: "documents.diploma", code: "document_not_confirmed" }),
    ]);
  });
});

describe("confirming a good upload", () => {
  it("records its SHA-256; the same key uploaded again afterwards fails the workflow's check as changed", async () => {
    const registered = await register("diploma", "diploma.pdf", "application/pdf", GOOD_PDF.byteLength);
    expect(await client.upload(registered.upload, GOOD_PDF, "application/pdf", "diploma.pdf")).toBeLessThan(300);
    const confirmed = await confirm(registered.documentId);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const sha256 = createHash("sha256").update(GOOD_PDF).digest("hex");
    expect(confirmed.body).toMatchObject({ documentId: registered.documentId, status: "verified", sha256 });
    const record = await getDocument(applicationId, registered.documentId);
    expect(record).toMatchObject({ status: "verified", sha256, verifiedAt: confirmed.body.verifiedAt });
    expect((await verifyStoredDocument(record!)).verdict).toEqual({ ok: true });

    // Another valid PDF of the same size over the same key, through the same (still valid) upload form.
    const other = pdf("1 0 obj << /Type /Catalog /Pages 3 0 R >> endobj", GOOD_PDF.byteLength);
    expect(await client.upload(registered.upload, other, "application/pdf", "diploma.pdf")).toBeLessThan(300);
    expect((await verifyStoredDocument(record!)).verdict).toEqual({ ok: false, reason: "changed" });
  });
});
