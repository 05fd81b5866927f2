// The write-once copy of the audit trail (docs/security.md, "Audit trail"). Every function that writes
// the table may also update or delete items in it, so the table's hash chains show tampering but cannot
// prevent it. The table's stream feeds each new audit event to one function that may only put objects
// into a bucket whose Object Lock, in compliance mode, forbids anyone (the root user included) to
// overwrite or delete a version before its retention ends. Records the function cannot archive go, after
// retries, to a dead-letter queue whose every message raises an alarm.
import { Duration, Stack, Validations } from "aws-cdk-lib";
import type { CfnElement } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import { FilterCriteria, FilterRule, StartingPosition } from "aws-cdk-lib/aws-lambda";
import { DynamoEventSource, SqsDlq } from "aws-cdk-lib/aws-lambda-event-sources";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { ObjectLockRetention, type Bucket, type IBucket } from "aws-cdk-lib/aws-s3";
import { Queue, QueueEncryption } from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { AppFunction } from "./appFunction.ts";
import { privateBucket } from "./privateBucket.ts";

/** Used when no `-c auditRetentionDays=<n>` is given: ten years. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 3650;

/** Every archived event lies under this prefix; the writer may put nothing elsewhere. */
export const AUDIT_ARCHIVE_PREFIX = "audit";

function retentionDaysFrom(scope: Construct): number {
  const raw: unknown = scope.node.tryGetContext("auditRetentionDays") ?? DEFAULT_AUDIT_RETENTION_DAYS;
  // Context given on the command line arrives as a string.
  const days = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
  // Compliance-mode retention cannot be shortened once set, so a typo must fail the synth, not deploy.
  if (typeof days !== "number" || !Number.isInteger(days) || days < 1 || days > 36500) {
    throw new Error(`Context auditRetentionDays must be a whole number of days from 1 to 36500, got ${JSON.stringify(raw)}`);
  }
  return days;
}

export interface AuditArchiveProps {
  /** The app table, with a stream that carries new images. */
  table: ITable;
  accessLogs: IBucket;
}

export class AuditArchive extends Construct {
  readonly bucket: Bucket;
  readonly deadLetterQueue: Queue;
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: AuditArchiveProps) {
    super(scope, id);
    const retentionDays = retentionDaysFrom(this);

    // Retained like every bucket here: locked versions could not be deleted anyway, and retaining the bucket
    // keeps a stack deletion from failing half-way on it.
    this.bucket = privateBucket(this, "Bucket", {
      accessLogs: props.accessLogs,
      logPrefix: "audit-archive",
      versioned: true,
      objectLockEnabled: true,
      objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(retentionDays)),
    });

    // Stream batches that still fail after the retries: Lambda sends their shard and sequence range here
    // (not the records), so an operator can re-read the events from the table before the stream's 24 h.
    this.deadLetterQueue = new Queue(this, "DeadLetters", {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: "AwsSolutions-SQS3",
      reason: "This queue is itself the dead-letter destination of the audit archive's stream consumer; a queue behind it would only move the same alarm one hop further.",
    });

    const objectArn = this.bucket.arnForObjects(`${AUDIT_ARCHIVE_PREFIX}/*`);
    const archiver = new AppFunction(this, "Archiver", {
      module: "streams/archiveAuditEvents",
      description: "Adal audit archive stream consumer",
      timeout: Duration.seconds(60),
      memorySize: 512,
      grants: [],
      // Put only: no read, no delete, no retention or legal-hold changes, no governance bypass.
      statements: [new PolicyStatement({ actions: ["s3:PutObject"], resources: [objectArn] })],
      environment: { AUDIT_ARCHIVE_BUCKET_NAME: this.bucket.bucketName },
    });
    this.fn = archiver.fn;

    this.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        bisectBatchOnError: true,
        retryAttempts: 5,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetterQueue),
        // Audit items only. Changes and removals are delivered too: the app never makes them, so the
        // function logs each as suspicious (by case and seq) instead of them passing unseen.
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.or("INSERT", "MODIFY", "REMOVE"),
            dynamodb: { Keys: { SK: { S: FilterRule.beginsWith("AUDIT#") } } },
          }),
        ],
      }),
    );

    const stack = Stack.of(this);
    const bucketId = stack.getLogicalId(this.bucket.node.defaultChild as CfnElement);
    Validations.of(archiver.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${AUDIT_ARCHIVE_PREFIX}/*]`,
      reason: "Archived events are keyed audit/<caseId>/<seq>.json by case ids minted at run time; the grant is s3:PutObject alone, under that prefix, on a bucket whose compliance-mode Object Lock makes every put write-once.",
    });
    Validations.of(archiver.role).acknowledge({
      id: "AwsSolutions-IAM5[Resource::*]",
      reason: "dynamodb:ListStreams, granted by the DynamoDB event source, supports no resource-level permission; it lists stream ARNs and reads no data. Reading records is granted on this table's stream ARN only.",
    });
  }
}
