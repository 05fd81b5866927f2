import { createHash } from "node:crypto";
import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";

// Reads and deletes uploaded objects (the verification task, the confirmation route). Presigned links are
// built in documentLinks.ts, which needs no S3 client.
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
