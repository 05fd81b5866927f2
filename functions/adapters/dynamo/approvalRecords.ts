import { createHash } from "node:crypto";
import type { Approval } from "../../domain/competition/records.ts";
import { getItem, queryPartition, updateWhileStatusIn, type QueryPage } from "./items.ts";
import { keys, partitions } from "./keys.ts";
import type { TransactItem } from "./transactions.ts";
import { put } from "./updates.ts";

/** One approval per (vacancy, position in the ranking): a re-driven offer finds its approval again. */
export function approvalId(vacancyId: string, offerIndex: number): string {
  return createHash("sha256").update(`${vacancyId}|offer|${offerIndex}`).digest("base64url").slice(0, 22);
}

export const pendingApprovalsPartition = partitions.schoolApprovals;

// The school's index holds pending approvals only (sparse): deciding removes the index keys, so the HR
// officer's list is exactly what still waits for them, without a filter.
const PENDING_INDEX_ATTRIBUTES = ["GSI1PK", "GSI1SK"] as const;

export function putNewApproval(approval: Approval): TransactItem {
  return put({
    ...keys.approval(approval.id),
    type: "approval",
    GSI1PK: partitions.schoolApprovals(approval.schoolId),
    GSI1SK: `${approval.createdAt}#${approval.id}`,
    ...approval,
  });
}

export function getApproval(id: string, consistent = false): Promise<Approval | undefined> {
  return getItem<Approval>(keys.approval(id), consistent);
}

export function listPendingApprovals(schoolId: string, limit: number, startKey?: Record<string, unknown>): Promise<QueryPage<Approval>> {
  return queryPartition<Approval>({ index: "GSI1", partition: partitions.schoolApprovals(schoolId), limit, startKey });
}

/** A still-pending approval gets a new workflow task token (a re-driven execution waits with a new one). */
export function renewApprovalToken(id: string, taskToken: string): TransactItem {
  return updateWhileStatusIn(keys.approval(id), ["pending"], { taskToken });
}

/** Closes a pending approval (decided or expired) and takes it off the school's pending list. */
export function closeApproval(id: string, fields: Partial<Approval> & { status: Exclude<Approval["status"], "pending"> }): TransactItem {
  return updateWhileStatusIn(keys.approval(id), ["pending"], fields, PENDING_INDEX_ATTRIBUTES);
}
