import { beforeAll, describe, expect, it } from "vitest";

// The presigned POST is the only gate a browser upload passes on AWS (the local S3 ignores policies), so
// the policy we sign is checked here, offline: signing needs credentials but no network.
describe("the presigned upload policy", () => {
  let presignUpload: typeof import("../../../functions/adapters/s3/documentLinks.ts").presignUpload;
  let ttl: number;

  beforeAll(async () => {
    process.env.BUCKET_NAME = "adal-documents-test";
    process.env.AWS_REGION = "eu-central-1";
    process.env.AWS_ACCESS_KEY_ID = "AKIDEXAMPLE";
    process.env.AWS_SECRET_ACCESS_KEY = "secret";
    ({ presignUpload, UPLOAD_URL_TTL_SECONDS: ttl } = await import("../../../functions/adapters/s3/documentLinks.ts"));
  });

  async function policyOf(key: string, contentType: string, size: number) {
    const before = Date.now();
    const upload = await presignUpload({ key, contentType, size });
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, "base64").toString("utf8")) as { expiration: string; conditions: unknown[] };
    return { upload, policy, before };
  }

  it("pins the exact key the server chose, the declared type and the exact size", async () => {
    const { upload, policy } = await policyOf("applications/app1/doc1", "application/pdf", 12345);
    expect(upload.fields.key).toBe("applications/app1/doc1");
    expect(upload.fields["Content-Type"]).toBe("application/pdf");
    expect(policy.conditions).toContainEqual(["eq", "$key", "applications/app1/doc1"]);
    expect(policy.conditions).toContainEqual(["eq", "$Content-Type", "application/pdf"]);
    expect(policy.conditions).toContainEqual(["content-length-range", 12345, 12345]);
    expect(policy.conditions).toContainEqual({ bucket: "adal-documents-test" });
    // No starts-with condition: a client may not choose any part of the key.
    expect(JSON.stringify(policy.conditions)).not.toContain("starts-with");
  });

  it("expires within minutes", async () => {
    const { policy, before } = await policyOf("applications/a/b", "image/png", 10);
    const expiresIn = (Date.parse(policy.expiration) - before) / 1000;
    expect(expiresIn).toBeGreaterThan(60);
    expect(expiresIn).toBeLessThanOrEqual(ttl + 1);
    expect(ttl).toBeLessThanOrEqual(15 * 60);
  });
});
