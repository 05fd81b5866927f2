import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { nextAuditEvent, type AuditEvent } from "../../domain/audit/auditChain.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { documentClient, tableName } from "./client.ts";
import { queryAll } from "./items.ts";
import { ConditionFailed, writeTransaction, type TransactItem } from "./transactions.ts";

export interface AuditEntry {
  actor: string;
  action: string;
  data?: Record<string, unknown>;
}

const auditKey = (caseId: string, seq: number) => ({ PK: `CASE#${caseId}`, SK: `AUDIT#${String(seq).padStart(10, "0")}` });

async function latestEvent(caseId: string): Promise<AuditEvent | undefined> {
  const result = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
      ExpressionAttributeValues: { ":pk": `CASE#${caseId}`, ":prefix": "AUDIT#" },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  return result.Items?.[0] as AuditEvent | undefined;
}

/** How often a writer that lost the race for the chain's next sequence number tries again. */
const MAX_CHAIN_ATTEMPTS = 40;

/**
 * Commits `changes` together with the case's next audit event, so a state change and its record exist
 * together or not at all. Two writers racing for the same sequence number cannot both win (the event is
 * put with attribute_not_exists), so the loser re-reads the chain head and tries again.
 */
export async function commitWithAudit(caseId: string, entry: AuditEntry, changes: TransactItem[] = [], at = new Date().toISOString()): Promise<AuditEvent> {
  for (let attempt = 1; ; attempt++) {
    const event = nextAuditEvent(await latestEvent(caseId), { caseId, at, actor: entry.actor, action: entry.action, data: entry.data ?? {} });
    const auditItem: TransactItem = {
      Put: {
        TableName: tableName(),
        Item: { ...auditKey(caseId, event.seq), type: "audit", ...event },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    };
    try {
      await writeTransaction([...changes, auditItem]);
      return event;
    } catch (error) {
      const lostRace = error instanceof ConditionFailed && error.index === changes.length;
      if (!lostRace) throw error;
      // Still losing after this many tries means the case is too busy right now; nothing was written, so
      // the client is told to retry (503) rather than that its request was wrong.
      if (attempt >= MAX_CHAIN_ATTEMPTS) throw new AppError("service_busy", `The case ${caseId} is busy`);
      // Many writers on one busy case (the last minute before a deadline) would otherwise collide again at
      // once: full jitter over a growing window spreads them out.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 10 * 2 ** attempt)));
    }
  }
}

/** A case's whole audit chain, oldest first (for verification; the API pages through it instead). */
export function readAuditChain(caseId: string): Promise<AuditEvent[]> {
  return queryAll<AuditEvent>({ partition: `CASE#${caseId}`, sortPrefix: "AUDIT#", consistent: true });
}
