// The stack's buckets share one baseline: no public access, TLS 1.2+ only, SSE-S3, no ACLs, server access
// logs into the access-logs bucket, and kept when the stack is deleted. Each bucket adds only what is its own.
import { RemovalPolicy } from "aws-cdk-lib";
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type BucketProps, type IBucket } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";

export interface PrivateBucketProps extends BucketProps {
  accessLogs: IBucket;
  /** The folder of the access-logs bucket its logs go to. */
  logPrefix: string;
}

export function privateBucket(scope: Construct, id: string, { accessLogs, logPrefix, ...props }: PrivateBucketProps): Bucket {
  return new Bucket(scope, id, {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    encryption: BucketEncryption.S3_MANAGED,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: `${logPrefix}/`,
    removalPolicy: RemovalPolicy.RETAIN,
    ...props,
  });
}
