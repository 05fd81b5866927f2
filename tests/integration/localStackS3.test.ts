// The local S3 on its own: documents reach it the way a browser sends them, by a presigned POST.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalS3, type LocalS3 } from "../../infra/local/localS3.ts";

const bucket = "adal-documents";
/** The origin of the page that uploads, as the local stack allows its gateway's. */
const PAGE = "http://127.0.0.1:3001";
let dataDir: string;
let s3: LocalS3;
let client: S3Client;

function clientFor(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "adal-s3-test-"));
  s3 = await startLocalS3({ dataDir, bucketName: bucket, log: () => undefined });
  await s3.allowOrigins([PAGE]);
  client = clientFor(s3.endpoint);
});

afterAll(async () => {
  client?.destroy();
  await s3?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function upload(key: string, content: Buffer, contentType: string) {
  const { url, fields } = await createPresignedPost(client, {
    Bucket: bucket,
    Key: key,
    Conditions: [
      ["content-length-range", content.length, content.length],
      ["eq", "$Content-Type", contentType],
    ],
    Fields: { "Content-Type": contentType },
    Expires: 600,
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  // S3 reads the fields before the file: the file part goes last, as a browser form sends it.
  form.append("file", new Blob([content], { type: contentType }), "upload.pdf");
  return fetch(url, { method: "POST", body: form, headers: { origin: PAGE } });
}

describe("local S3", () => {
  it("accepts a browser-style presigned POST and serves the object back", async () => {
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from([0, 1, 2, 250, 251, 252])]);
    const response = await upload("applications/a1/documents/d1", pdf, "application/pdf");
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: "applications/a1/documents/d1" }));
    expect(object.ContentType).toBe("application/pdf");
    expect(Buffer.from(await object.Body!.transformToByteArray())).toEqual(pdf);
  });

  it("answers the CORS preflight of the app's exact origin and of no other", async () => {
    const preflight = (origin: string, path = bucket) =>
      fetch(`${s3.endpoint}/${path}`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    const page = await preflight(PAGE);
    expect(page.status).toBe(200);
    expect(page.headers.get("access-control-allow-methods")).toContain("POST");
    expect(page.headers.get("access-control-allow-headers")).toBe("content-type");
    expect((await preflight(PAGE, `${bucket}/applications/a1/documents/d1`)).status).toBe(200);
    for (const other of ["https://evil.example", "http://127.0.0.1:3002", "http://localhost:3001", "http://127.0.0.1"]) {
      expect((await preflight(other)).status).toBe(403);
    }
  });

  it("lets the page read a presigned GET across origins", async () => {
    await upload("applications/a1/documents/d2", Buffer.from("%PDF-1.7\n"), "application/pdf");
    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: "applications/a1/documents/d2" }), { expiresIn: 60 });
    const response = await fetch(url, { headers: { origin: PAGE } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect((await fetch(url, { headers: { origin: "https://evil.example" } })).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("replaces the allowed origins when the gateway moves", async () => {
    await s3.allowOrigins(["http://127.0.0.1:4000"]);
    const preflight = (origin: string) => fetch(`${s3.endpoint}/${bucket}`, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
    expect((await preflight("http://127.0.0.1:4000")).status).toBe(200);
    expect((await preflight(PAGE)).status).toBe(403);
    await s3.allowOrigins([PAGE]);
  });

  it("keeps objects in the data directory across a restart", async () => {
    await upload("kept/one", Buffer.from("still here"), "text/plain");
    await s3.close();
    client.destroy();
    s3 = await startLocalS3({ dataDir, bucketName: bucket, log: () => undefined });
    client = clientFor(s3.endpoint);
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: "kept/one" }));
    expect(await object.Body!.transformToString()).toBe("still here");
  });

  it("removes its temporary directory on close when it has no data directory", async () => {
    const ephemeral = await startLocalS3({ bucketName: bucket, log: () => undefined });
    expect(existsSync(join(ephemeral.directory, bucket))).toBe(true);
    await ephemeral.close();
    expect(existsSync(ephemeral.directory)).toBe(false);
  });
});
