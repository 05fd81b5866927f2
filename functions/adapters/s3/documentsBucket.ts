import { GetObjectCommand, HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
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
  firstBytes: Uint8Array;
  versionId: string | undefined;
}

/** Size, stored type and the first bytes of an uploaded object (enough to recognise its real type), or undefined when absent. */
export async function inspectObject(key: string): Promise<StoredObject | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucketName(), Key: key }));
    const size = head.ContentLength ?? 0;
    let firstBytes: Uint8Array = new Uint8Array();
    if (size > 0) {
      const part = await s3.send(new GetObjectCommand({ Bucket: bucketName(), Key: key, Range: "bytes=0-15" }));
      firstBytes = (await part.Body?.transformToByteArray()) ?? new Uint8Array();
    }
    return { size, contentType: head.ContentType, firstBytes, versionId: head.VersionId };
  } catch (error) {
    if ((error as { name?: string }).name === "NotFound" || (error as { name?: string }).name === "NoSuchKey") return undefined;
    throw error;
  }
}
