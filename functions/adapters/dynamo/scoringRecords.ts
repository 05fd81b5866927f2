import { createHash } from "node:crypto";
import type { Assignment, PanelSlot, ScoreSheet } from "../../domain/competition/records.ts";
import { getMany } from "./batchGet.ts";
import { countPartition, getItem, queryAll, queryPartition, updateWhileStatusIn, type QueryPage } from "./items.ts";
import { keys, partitions, sortPrefixes } from "./keys.ts";
import type { TransactItem } from "./transactions.ts";
import { put, update, type UpdateSpec } from "./updates.ts";

// Assignments (one expert, one application), their sealed score sheets, and panel slots (one member's
// scoring task in a case), as docs/data-model.md lays them out.

/**
 * The one id an (case, application, expert) assignment can have: a re-driven workflow step that opens the
 * same assignment again finds the existing item instead of creating a twin.
 */
export function assignmentId(caseId: string, applicationId: string, expertId: string): string {
  return createHash("sha256").update(`${caseId}|${applicationId}|${expertId}`).digest("base64url").slice(0, 22);
}

function expertIndex(assignment: Pick<Assignment, "expertId" | "dueAt" | "id">) {
  return { GSI2PK: partitions.expertAssignments(assignment.expertId), GSI2SK: `${assignment.dueAt}#${assignment.id}` };
}

/**
 * The open-assignments index entry, present exactly while the assignment is open: every write that moves an
 * assignment out of `open` goes through updateAssignment, which removes it in the same update.
 */
const OPEN_INDEX_ATTRIBUTE = "GSI3PK";

export function assignmentItem(assignment: Assignment): Record<string, unknown> {
  return {
    ...keys.assignment(assignment.id),
    type: "assignment",
    GSI1PK: partitions.caseAssignments(assignment.caseId),
    GSI1SK: `${assignment.applicationId}#${assignment.expertId}`,
    ...expertIndex(assignment),
    ...(assignment.status === "open" ? { [OPEN_INDEX_ATTRIBUTE]: partitions.expertOpenAssignments(assignment.expertId) } : {}),
    ...assignment,
  };
}

export const putNewAssignment = (assignment: Assignment): TransactItem => put(assignmentItem(assignment));

export function getAssignment(id: string, consistent = false): Promise<Assignment | undefined> {
  return getItem<Assignment>(keys.assignment(id), consistent);
}

export function getAssignments(ids: readonly string[]): Promise<(Assignment | undefined)[]> {
  return getMany<Assignment>(ids.map((id) => keys.assignment(id)));
}

/**
 * The guarded state change of an assignment (see updateWhileStatusIn). One that sets a status moves the
 * assignment out of `open` (nothing reopens one), so the same update takes it out of the open index.
 */
export function updateAssignment(
  id: string,
  from: readonly Assignment["status"][],
  fields: Record<string, unknown> & { status?: Exclude<Assignment["status"], "open"> },
): TransactItem {
  return updateWhileStatusIn(keys.assignment(id), from, fields, fields.status ? [OPEN_INDEX_ATTRIBUTE] : []);
}

/** A new due date moves the assignment in the expert's list too (the index sorts by due date); it stays open. */
export function rescheduleOpenAssignment(assignment: Pick<Assignment, "id" | "expertId">, dueAt: string): TransactItem {
  return updateAssignment(assignment.id, ["open"], { dueAt, ...expertIndex({ ...assignment, dueAt }) });
}

/** A case's assignments, optionally of one application (the index sorts by application, then expert). */
export function listCaseAssignments(caseId: string, applicationId?: string): Promise<Assignment[]> {
  return queryAll<Assignment>({
    index: "GSI1",
    partition: partitions.caseAssignments(caseId),
    ...(applicationId ? { sortPrefix: `${applicationId}#` } : {}),
  });
}

export const expertAssignmentsPartition = partitions.expertAssignments;

export function listExpertAssignments(expertId: string, limit: number, startKey?: Record<string, unknown>): Promise<QueryPage<Assignment>> {
  return queryPartition<Assignment>({ index: "GSI2", partition: partitions.expertAssignments(expertId), limit, startKey });
}

/**
 * Cases an expert holds right now (open assignments in any case): the load their cap is measured against.
 * Counted on the sparse open index, so the read grows with what they hold now, not with their history.
 */
export function countOpenAssignments(expertId: string): Promise<number> {
  return countPartition({ index: "GSI3", partition: partitions.expertOpenAssignments(expertId) });
}

/** The sheet is written once, in the transaction that submits its assignment, and never again. */
export const putSealedSheet = (sheet: ScoreSheet): TransactItem => put({ ...keys.scoreSheet(sheet.assignmentId), type: "scoreSheet", ...sheet });

export function getSheet(assignmentId: string): Promise<ScoreSheet | undefined> {
  return getItem<ScoreSheet>(keys.scoreSheet(assignmentId), true);
}

/** Sheets by assignment id, read by key and consistently: a sheet exists exactly when it was submitted. */
export async function getSheets(assignmentIds: readonly string[]): Promise<ScoreSheet[]> {
  const sheets = await getMany<ScoreSheet>(assignmentIds.map((id) => keys.scoreSheet(id)));
  return sheets.filter((sheet): sheet is ScoreSheet => sheet !== undefined);
}

export function slotItem(slot: PanelSlot): Record<string, unknown> {
  return { ...keys.slot(slot.caseId, slot.id), type: "slot", ...slot };
}

export const putNewSlot = (slot: PanelSlot): TransactItem => put(slotItem(slot));

export function getSlot(caseId: string, slotId: string): Promise<PanelSlot | undefined> {
  return getItem<PanelSlot>(keys.slot(caseId, slotId), true);
}

export function listSlots(caseId: string): Promise<PanelSlot[]> {
  return queryAll<PanelSlot>({ partition: keys.slot(caseId, "").PK, sortPrefix: sortPrefixes.slot, consistent: true });
}

export function updateSlot(caseId: string, slotId: string, spec: UpdateSpec): TransactItem {
  return update(keys.slot(caseId, slotId), spec);
}
