// DynamoDB Stream consumer: copies every new audit event to the write-once archive bucket, where Object
// Lock in compliance mode keeps it for the retention period whatever happens to the table
// (docs/security.md, "Audit trail"). Records are handled one by one and only the failed ones are
// reported back, so Lambda retries those (and what follows them in the shard) rather than the batch.
import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import * as z from "zod/mini";
import { putArchivedEvent } from "../adapters/s3/auditArchive.ts";
import { archiveDecision } from "../domain/audit/archiveRecord.ts";
import { logger } from "../platform/logger.ts";

// Only the fields used are checked; AttributeValue maps are handed to unmarshall, which refuses bad ones.
const AttributeMap = z.record(z.string(), z.record(z.string(), z.unknown()));
const StreamRecord = z.object({
  eventName: z.enum(["INSERT", "MODIFY", "REMOVE"]),
  dynamodb: z.object({
    SequenceNumber: z.string().check(z.minLength(1)),
    Keys: AttributeMap,
    NewImage: z.optional(AttributeMap),
  }),
});
const StreamEvent = z.object({ Records: z.array(z.unknown()) });
const SequenceNumberOnly = z.object({ dynamodb: z.object({ SequenceNumber: z.string().check(z.minLength(1)) }) });

export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

const toItem = (map: Record<string, Record<string, unknown>>): Record<string, unknown> =>
  // unmarshall checks each value itself and throws on a shape it does not know.
  unmarshall(map as unknown as Record<string, AttributeValue>);

async function archive(raw: unknown): Promise<void> {
  const record = StreamRecord.parse(raw);
  const decision = archiveDecision({
    eventName: record.eventName,
    keys: toItem(record.dynamodb.Keys),
    ...(record.dynamodb.NewImage ? { newImage: toItem(record.dynamodb.NewImage) } : {}),
  });
  if (decision.kind === "suspicious") {
    // Only the key: the image may hold personal data, and the archive still has the original.
    logger.warn("audit event changed or removed in the table", { stream: "archiveAuditEvents", eventName: decision.eventName, caseId: decision.caseId, seq: decision.seq });
  } else if (decision.kind === "archive") {
    const outcome = await putArchivedEvent(decision.key, decision.body);
    logger.info("audit event archived", { stream: "archiveAuditEvents", key: decision.key, outcome });
  }
}

export const handler = async (event: unknown): Promise<BatchResponse> => {
  const { Records } = StreamEvent.parse(event);
  const batchItemFailures: BatchResponse["batchItemFailures"] = [];
  for (const raw of Records) {
    // A record without a sequence number cannot be named in the response: fail the whole batch, which
    // bisection then narrows down to that record.
    const { dynamodb } = SequenceNumberOnly.parse(raw);
    // After a failure, later records of the shard are not attempted: Lambda resumes from the lowest
    // failed sequence number anyway, and archiving in order keeps each case's chain prefix-complete.
    if (batchItemFailures.length > 0) {
      batchItemFailures.push({ itemIdentifier: dynamodb.SequenceNumber });
      continue;
    }
    try {
      await archive(raw);
    } catch (error) {
      logger.error("audit event not archived", {
        stream: "archiveAuditEvents",
        sequenceNumber: dynamodb.SequenceNumber,
        error: error instanceof Error ? error.name : "unknown",
      });
      batchItemFailures.push({ itemIdentifier: dynamodb.SequenceNumber });
    }
  }
  return { batchItemFailures };
};
