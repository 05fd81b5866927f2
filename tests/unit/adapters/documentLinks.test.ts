// documentLinks.ts builds presigned links without the SDK's S3 client and presigners (they do not fit the
// Lambda size budget); these tests hold its output to the SDK's own for the same bucket, key, credentials
// and clock, so the in-house policy and signatures are exactly what the SDK would have produced.
import { createHmac } from "node:crypto";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  DOWNLOAD_URL_TTL_SECONDS,
  presignDownload,
  presignUpload,
  uploadConditions,
  UPLOAD_URL_TTL_SECONDS,
  type BucketTarget,
  type UploadPolicy,
} from "../../../functions/adapters/s3/documentLinks.ts";

const NOW = new Date("2026-03-14T09:26:53.589Z");
const KEYS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const SESSION = { ...KEYS, sessionToken: "IQoJb3JpZ2luX2VjEPr//////////wEaDGV1LWNlbnRyYWwtMSJHMEUCIQ==" };

interface Setup {
  name: string;
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials: typeof KEYS | typeof SESSION;
}

const setups: Setup[] = [
  { name: "AWS, virtual-hosted, role session", bucket: "adal-documents-1a2b3c", region: "eu-central-1", forcePathStyle: false, credentials: SESSION },
  { name: "AWS, virtual-hosted, long-term keys", bucket: "adal-documents-1a2b3c", region: "us-east-1", forcePathStyle: false, credentials: KEYS },
  { name: "AWS China partition", bucket: "adal-documents", region: "cn-north-1", forcePathStyle: false, credentials: SESSION },
  { name: "AWS, a dotted bucket name falls back to path style", bucket: "adal.documents", region: "eu-central-1", forcePathStyle: false, credentials: KEYS },
  { name: "local stack, path style", bucket: "adal-documents", region: "us-east-1", endpoint: "http://127.0.0.1:45123", forcePathStyle: true, credentials: KEYS },
  { name: "custom endpoint with a host name, virtual-hosted", bucket: "adal-documents", region: "eu-central-1", endpoint: "http://localhost:45123", forcePathStyle: false, credentials: SESSION },
  { name: "custom IP endpoint without forced path style", bucket: "adal-documents", region: "eu-central-1", endpoint: "http://127.0.0.1:45123", forcePathStyle: false, credentials: KEYS },
];

const target = (setup: Setup): BucketTarget => ({
  bucket: setup.bucket,
  region: setup.region,
  endpoint: setup.endpoint,
  forcePathStyle: setup.forcePathStyle,
  credentials: async () => setup.credentials,
});

// The client documentsBucket.ts used to presign with, configured for the same target.
const sdkClient = (setup: Setup) =>
  new S3Client({
    region: setup.region,
    ...(setup.endpoint ? { endpoint: setup.endpoint } : {}),
    forcePathStyle: setup.forcePathStyle,
    credentials: setup.credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });

const policy: UploadPolicy = { key: "applications/01JQ7ZP4/01JQ7ZQ9", contentType: "application/pdf", size: 1_234_567 };

const sdkPost = (setup: Setup, upload: UploadPolicy) =>
  createPresignedPost(sdkClient(setup), {
    Bucket: setup.bucket,
    Key: upload.key,
    Conditions: uploadConditions(upload) as unknown as Parameters<typeof createPresignedPost>[1]["Conditions"],
    Fields: { "Content-Type": upload.contentType },
    Expires: UPLOAD_URL_TTL_SECONDS,
  });

const decode = (encoded: string) => JSON.parse(Buffer.from(encoded, "base64").toString("utf8")) as { expiration: string; conditions: unknown[] };

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each(setups)("a presigned upload: $name", (setup) => {
  it("has the URL, fields, policy and signature the SDK's createPresignedPost gives", async () => {
    const [ours, sdk] = await Promise.all([presignUpload(policy, target(setup)), sdkPost(setup, policy)]);
    expect(decode(ours.fields.Policy!)).toEqual(decode(sdk.fields.Policy!));
    expect(ours).toEqual(sdk);
    // The exact-size, exact-type, exact-key conditions are in what is signed, for ten minutes from now.
    const { conditions, expiration } = decode(ours.fields.Policy!);
    expect(conditions.slice(0, 3)).toEqual([
      ["eq", "$key", policy.key],
      ["eq", "$Content-Type", "application/pdf"],
      ["content-length-range", 1_234_567, 1_234_567],
    ]);
    expect(expiration).toBe("2026-03-14T09:36:53Z");
    expect(ours.fields["X-Amz-Security-Token"]).toBe("sessionToken" in setup.credentials ? setup.credentials.sessionToken : undefined);
  });
});

describe("the presigned upload's signature", () => {
  const [setup] = setups as [Setup];

  it("is the HMAC of the policy under the SigV4 signing key, so no field or condition can change without breaking it", async () => {
    const upload = await presignUpload(policy, target(setup));
    const signingKey = ["20260314", setup.region, "s3", "aws4_request"].reduce<Buffer>(
      (key, part) => createHmac("sha256", key).update(part).digest(),
      Buffer.from(`AWS4${setup.credentials.secretAccessKey}`),
    );
    const sign = (encoded: string) => createHmac("sha256", signingKey).update(encoded).digest("hex");
    expect(upload.fields["X-Amz-Signature"]).toBe(sign(upload.fields.Policy!));

    const tampered = decode(upload.fields.Policy!);
    tampered.conditions[2] = ["content-length-range", 0, 100 * 1024 * 1024];
    expect(sign(Buffer.from(JSON.stringify(tampered)).toString("base64"))).not.toBe(upload.fields["X-Amz-Signature"]);
  });

  it("changes with every condition: key, type, size, bucket, credentials and time", async () => {
    const signatureOf = async (upload: UploadPolicy, bucketTarget = target(setup)) => (await presignUpload(upload, bucketTarget)).fields["X-Amz-Signature"];
    const base = await signatureOf(policy);
    const variants = [
      await signatureOf({ ...policy, key: `${policy.key}x` }),
      await signatureOf({ ...policy, contentType: "image/png" }),
      await signatureOf({ ...policy, size: policy.size + 1 }),
      await signatureOf(policy, { ...target(setup), bucket: "adal-documents-other" }),
      await signatureOf(policy, { ...target(setup), credentials: async () => ({ ...SESSION, secretAccessKey: "another-secret" }) }),
    ];
    vi.setSystemTime(NOW.getTime() + 1000);
    variants.push(await signatureOf(policy));
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
  });
});

describe.each(setups)("a presigned download: $name", (setup) => {
  const cases = [
    { key: "applications/01JQ7ZP4/01JQ7ZQ9", fileName: "diploma.pdf" },
    // Cyrillic, Kazakh letters, spaces, parentheses and quotes in the name; characters S3 escapes in the key.
    { key: "attestations/01JQ/a b(1)!*'", fileName: "Диплом — Қазақ тілі (2) 'final'.pdf" },
  ];

  it.each(cases)("equals the SDK's getSignedUrl for GetObject of $key", async ({ key, fileName }) => {
    const ours = await presignDownload(key, fileName, target(setup));
    const sdk = await getSignedUrl(
      sdkClient(setup),
      new GetObjectCommand({ Bucket: setup.bucket, Key: key, ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(fileName)}` }),
      { expiresIn: DOWNLOAD_URL_TTL_SECONDS },
    );
    expect(ours).toBe(sdk);
    const url = new URL(ours);
    expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(url.searchParams.get("response-content-disposition")).toBe(`inline; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  });
});

describe("the presigned download's signature", () => {
  it("covers the key, the file name and the time", async () => {
    const bucketTarget = target(setups[0]!);
    const signatureOf = async (key: string, fileName: string) => new URL(await presignDownload(key, fileName, bucketTarget)).searchParams.get("X-Amz-Signature");
    const base = await signatureOf("applications/a/b", "a.pdf");
    const variants = [await signatureOf("applications/a/c", "a.pdf"), await signatureOf("applications/a/b", "b.pdf")];
    vi.setSystemTime(NOW.getTime() + 1000);
    variants.push(await signatureOf("applications/a/b", "a.pdf"));
    expect(new Set([base, ...variants]).size).toBe(4);
  });
});

describe("the credentials a link is signed with", () => {
  it("are asked of the provider for every link, so a refreshed role session is picked up", async () => {
    let current = SESSION;
    const bucketTarget = { ...target(setups[0]!), credentials: async () => current };
    const first = await presignUpload(policy, bucketTarget);
    current = { ...SESSION, accessKeyId: "ASIAROTATED", sessionToken: "rotated-token" };
    const second = await presignUpload(policy, bucketTarget);
    const download = new URL(await presignDownload(policy.key, "a.pdf", bucketTarget));
    expect(first.fields["X-Amz-Credential"]).toMatch(/^AKIDEXAMPLE\//);
    expect(second.fields["X-Amz-Credential"]).toMatch(/^ASIAROTATED\//);
    expect(second.fields["X-Amz-Security-Token"]).toBe("rotated-token");
    expect(download.searchParams.get("X-Amz-Credential")).toMatch(/^ASIAROTATED\//);
    expect(download.searchParams.get("X-Amz-Security-Token")).toBe("rotated-token");
  });
});
