import { commitWithAudit, type AuditEntry } from "../adapters/dynamo/auditLog.ts";
import { idempotencyRecord, replayedResponse, type IdempotentRequest } from "../adapters/dynamo/idempotency.ts";
import { ConditionFailed, type TransactItem } from "../adapters/dynamo/transactions.ts";
import type { AppError } from "../platform/errors/appError.ts";

export interface Creation {
  caseId: string;
  audit: AuditEntry;
  items: TransactItem[];
  response: { status: number; body: unknown };
  /** Maps a failed condition of items[index] to the error the client should see. */
  onConflict: (index: number) => AppError;
}

/**
 * Creates something at most once per Idempotency-Key: a retry returns the first response; the record,
 * its audit event and the key are written in one transaction, so a crash can never leave one without
 * the others.
 */
export async function createIdempotently(request: IdempotentRequest, build: () => Promise<Creation>): Promise<{ status: number; body: unknown }> {
  const replay = await replayedResponse(request);
  if (replay) return replay;
  const creation = await build();
  const keyRecord = idempotencyRecord(request, creation.response, new Date());
  try {
    await commitWithAudit(creation.caseId, creation.audit, [...creation.items, ...keyRecord]);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    if (error.index < creation.items.length) throw creation.onConflict(error.index);
    const raced = await replayedResponse(request);
    if (raced) return raced;
    throw error;
  }
  return creation.response;
}
