// The in-house presigned links against the local S3, as the local stack configures them (path style, the
// endpoint and credentials of infra/local): a browser-style form POST stores the object under the signed
// key, and the presigned GET serves it back inline under the document's file name. (s3rver does not check
// SigV4 signatures; tests/unit/adapters/documentLinks.test.ts holds them to the SDK's own.)
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { presignDownload, presignUpload, type BucketTarget } from "../../functions/adapters/s3/documentLinks.ts";
import { LOCAL_CREDENTIALS } from "../../infra/local/awsLocal.ts";
import { startLocalS3, type LocalS3 } from "../../infra/local/localS3.ts";

const bucket = "adal-documents";
let dataDir: string;
let s3: LocalS3;
let target: BucketTarget;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "adal-links-test-"));
  s3 = await startLocalS3({ dataDir, bucketName: bucket, log: () => undefined });
  target = { bucket, region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: async () => LOCAL_CREDENTIALS };
});

afterAll(async () => {
  await s3?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function postForm(upload: { url: string; fields: Record<string, string> }, content: Buffer, contentType: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  // S3 reads the fields before the file: the file part goes last, as a browser form sends it.
  form.append("file", new Blob([content], { type: contentType }), "upload.bin");
  return fetch(upload.url, { method: "POST", body: form });
}

describe("presigned links on the local S3", () => {
  it("upload to the signed key and read it back inline under the file name", async () => {
    const key = "attestations/att1/doc1";
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from([0, 1, 2, 250, 251, 252])]);
    const upload = await presignUpload({ key, contentType: "application/pdf", size: pdf.length }, target);
    expect(upload.url).toBe(`${s3.endpoint}/${bucket}`);
    expect((await postForm(upload, pdf, "application/pdf")).status).toBe(204);

    const fileName = "Диплом (1).pdf";
    const response = await fetch(await presignDownload(key, fileName, target));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(pdf);
  });

  it("point a download at exactly its key", async () => {
    const upload = await presignUpload({ key: "applications/app1/doc1", contentType: "text/plain", size: 5 }, target);
    expect((await postForm(upload, Buffer.from("first"), "text/plain")).status).toBe(204);
    expect((await fetch(await presignDownload("applications/app1/doc2", "x.txt", target))).status).toBe(404);
    expect(await (await fetch(await presignDownload("applications/app1/doc1", "x.txt", target))).text()).toBe("first");
  });
});
