import { createHash } from "node:crypto";
import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

// Locally the embedded stack serves S3 on a path-style endpoint; the checksum settings keep the local
// server from storing chunk framing (TOOLCHAIN.md) and are harmless on AWS.
const s3 = new S3Client({
  forcePathStyle: process.env.S3_FORCE_PATH_STYLE === "true",
  requestChecksumCalculation: "WHEN_REQUIRED",
  responseChecksumValidation: "WHEN_REQUIRED",
});

function bucketName(): string {
  const name = process.env.BUCKET_NAME;
  if (!name) throw new Error("BUCKET_NAME is not set");
  return name;
}

export const UPLOAD_URL_TTL_SECONDS = 10 * 60;
export const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;

export interface UploadPolicy {
  key: string;
  contentType: string;
  size: number;
}

/** The exact conditions a presigned POST is signed with: exact key, exact type, exact size. */
export function uploadConditions(policy: UploadPolicy) {
  return [
    ["eq", "$key", policy.key],
    ["eq", "$Content-Type", policy.contentType],
    ["content-length-range", policy.size, policy.size],
  ] as const;
}

export async function presignUpload(policy: UploadPolicy): Promise<{ url: string; fields: Record<string, string> }> {
  return createPresignedPost(s3, {
    Bucket: bucketName(),
    Key: policy.key,
    Conditions: uploadConditions(policy) as unknown as Parameters<typeof createPresignedPost>[1]["Conditions"],
    Fields: { "Content-Type": policy.contentType },
    Expires: UPLOAD_URL_TTL_SECONDS,
  });
}

export async function presignDownload(key: string, fileName: string): Promise<string> {
  return getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket: bucketName(),
      Key: key,
      ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    }),
    { expiresIn: DOWNLOAD_URL_TTL_SECONDS },
  );
}

export interface StoredObject {
  size: number;
  contentType: string | undefined;
  versionId: string | undefined;
  /** The whole object, and its SHA-256 (hex); both absent when it is larger than the caller's limit. */
  content: Uint8Array | undefined;
  sha256: string | undefined;
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return name === "NotFound" || name === "NoSuchKey";
}

/**
 * An uploaded object read in one GET, or undefined when absent. The body is streamed and hashed as it
 * arrives, and never more than `maxBytes` of it is held: an object over the limit (by its length, or by
 * what it turns out to send) comes back with its size only, its body left unread.
 */
export async function readObject(key: string, maxBytes: number): Promise<StoredObject | undefined> {
  let response;
  try {
    response = await s3.send(new GetObjectCommand({ Bucket: bucketName(), Key: key }));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  const head = { contentType: response.ContentType, versionId: response.VersionId };
  const declaredLength = response.ContentLength ?? 0;
  const body = response.Body as AsyncIterable<Uint8Array> & { destroy?: () => void } | undefined;
  if (declaredLength > maxBytes) {
    body?.destroy?.();
    return { ...head, size: declaredLength, content: undefined, sha256: undefined };
  }
  const hash = createHash("sha256");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      body?.destroy?.();
      return { ...head, size, content: undefined, sha256: undefined };
    }
    hash.update(chunk);
    chunks.push(chunk);
  }
  return { ...head, size, content: Buffer.concat(chunks), sha256: hash.digest("hex") };
}

/**
 * Removes a refused upload. With `versionId` that exact version is deleted (on a versioned bucket a plain
 * delete only hides the bytes behind a delete marker); without one, the current object.
 */
export async function deleteObject(key: string, versionId: string | undefined): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: bucketName(), Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
}
