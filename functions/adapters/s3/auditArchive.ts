// Writes audit events to the Object Lock archive bucket (infra/aws/auditArchive.ts). The function's role
// may only put objects under audit/: it can neither read, overwrite-protect-bypass nor delete.
import { PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";

const s3 = new S3Client({});

function archiveBucketName(): string {
  const name = process.env.AUDIT_ARCHIVE_BUCKET_NAME;
  if (!name) throw new Error("AUDIT_ARCHIVE_BUCKET_NAME is not set");
  return name;
}

/**
 * Puts one archived event unless its key exists already. A key that exists means an earlier delivery of
 * the same stream record was archived: only this writer puts under audit/, the key is fixed by the
 * immutable audit item and the body is its canonical JSON, so the stored object has the same content.
 * (Checking that would need s3:GetObject, which the writer deliberately lacks.)
 */
export async function putArchivedEvent(key: string, body: string): Promise<"written" | "already_archived"> {
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: archiveBucketName(),
        Key: key,
        Body: body,
        ContentType: "application/json",
        // Object Lock buckets refuse puts without an integrity checksum.
        ChecksumAlgorithm: "SHA256",
        IfNoneMatch: "*",
      }),
    );
    return "written";
  } catch (error) {
    if (error instanceof S3ServiceException && (error.name === "PreconditionFailed" || error.$metadata.httpStatusCode === 412)) {
      return "already_archived";
    }
    throw error;
  }
}
