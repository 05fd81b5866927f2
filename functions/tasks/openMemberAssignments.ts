import * as z from "zod/mini";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import {
  assignmentId,
  getSheets,
  getSlot,
  putNewAssignment,
  putNewSlot,
  rescheduleOpenAssignment,
  updateSlot,
} from "../adapters/dynamo/scoringRecords.ts";
import { when, writeOne } from "../adapters/dynamo/updates.ts";
import { completeTask } from "../adapters/stepfunctions/workflowClient.ts";
import type { PanelSlot } from "../domain/competition/records.ts";
import { logger } from "../platform/logger.ts";
import { liveEndOf } from "./shared/slotChain.ts";
import { caseKindOf } from "./shared/panelSlots.ts";
import { failedOn, InvalidCaseState, parseTaskInput, SlotRef, workflowActor } from "./shared/taskSupport.ts";

const Input = z.object({
  slot: SlotRef,
  timeoutSeconds: z.number().check(z.int(), z.positive()),
  taskToken: z.string().check(z.minLength(1), z.maxLength(4096)),
});

/** The output the waiting task completes with (the state machine discards it: ResultPath null). */
const doneOutput = (slotId: string) => ({ slotId, done: true });

/** The first time the workflow waits on the slot: created with its token, together with its audit event. */
async function createSlot(ref: SlotRef, taskToken: string, dueAt: string, now: string): Promise<PanelSlot | undefined> {
  const ids = ref.applicationIds.map((applicationId) => assignmentId(ref.caseId, applicationId, ref.memberId));
  const submitted = (await getSheets(ids)).length;
  const slot: PanelSlot = {
    id: ref.slotId,
    caseKind: ref.caseKind,
    caseId: ref.caseId,
    memberId: ref.memberId,
    applicationIds: ref.applicationIds,
    remaining: ref.applicationIds.length - submitted,
    status: "open",
    taskToken,
    awaitedAs: ref.slotId,
    dueAt,
    createdAt: now,
    openedAt: now,
  };
  try {
    await commitWithAudit(ref.caseId, { actor: workflowActor(ref.caseKind), action: "assignments.opened", data: openedData(slot) }, [putNewSlot(slot)]);
    return slot;
  } catch (error) {
    if (failedOn(error, 0)) return undefined; // created meanwhile by another run: use that one
    throw error;
  }
}

function openedData(slot: PanelSlot) {
  return { slotId: slot.id, memberId: slot.memberId, applicationIds: slot.applicationIds, dueAt: slot.dueAt };
}

/**
 * Hands the slot the waiting task's token. A slot a reserve took over was created without one and is
 * opened here (with its audit event); a slot that already had a token gets the new one of a re-driven
 * execution, and its due date moves with it. Returns whether the due date moved.
 */
async function attachToken(slot: PanelSlot, awaitedAs: string, taskToken: string, dueAt: string, now: string): Promise<boolean> {
  if (!slot.openedAt) {
    try {
      await commitWithAudit(slot.caseId, { actor: workflowActor(caseKindOf(slot)), action: "assignments.opened", data: openedData({ ...slot, dueAt }) }, [
        updateSlot(slot.caseId, slot.id, {
          set: { taskToken, awaitedAs, dueAt, openedAt: now },
          condition: when.allOf(when.statusIn(["open"]), when.attributeAbsent("openedAt")),
        }),
      ]);
      return false;
    } catch (error) {
      if (!failedOn(error, 0)) throw error;
      // Opened meanwhile: fall through and renew its token like any re-driven wait.
    }
  }
  if (slot.taskToken === taskToken) return false;
  const renewed = await writeOne(updateSlot(slot.caseId, slot.id, { set: { taskToken, awaitedAs, dueAt }, condition: when.statusIn(["open"]) }));
  return renewed;
}

export const handler = async (input: unknown): Promise<{ slotId: string; liveSlotId: string; remaining: number }> => {
  const { slot: ref, timeoutSeconds, taskToken } = parseTaskInput("openMemberAssignments", Input, input);
  const now = new Date();
  const dueAt = new Date(now.getTime() + timeoutSeconds * 1000).toISOString();

  const existing = (await getSlot(ref.caseId, ref.slotId)) ?? (await createSlot(ref, taskToken, dueAt, now.toISOString())) ?? (await getSlot(ref.caseId, ref.slotId));
  if (!existing) throw new InvalidCaseState(`slot ${ref.slotId} of case ${ref.caseId} could not be created`);
  if (caseKindOf(existing) !== ref.caseKind) throw new InvalidCaseState(`slot ${ref.slotId} of case ${ref.caseId} is not of a ${ref.caseKind} case`);
  const live = await liveEndOf(existing);
  if (live.status !== "open" || live.remaining === 0) {
    // Nothing left to wait for (every sheet is in, or no reserve could take over): finish the wait now.
    await completeTask(taskToken, doneOutput(ref.slotId));
    return { slotId: ref.slotId, liveSlotId: live.id, remaining: live.remaining };
  }

  const rescheduled = await attachToken(live, ref.slotId, taskToken, dueAt, now.toISOString());
  const assignmentDueAt = rescheduled || !live.openedAt ? dueAt : (live.dueAt ?? dueAt);
  for (const applicationId of live.applicationIds) {
    const assignment = {
      id: assignmentId(live.caseId, applicationId, live.memberId),
      caseKind: caseKindOf(live),
      caseId: live.caseId,
      applicationId,
      expertId: live.memberId,
      slotId: live.id,
      status: "open" as const,
      dueAt: assignmentDueAt,
      createdAt: now.toISOString(),
    };
    // Put only if absent: a second run never recreates (or reopens) an assignment.
    const created = await writeOne(putNewAssignment(assignment));
    if (!created && rescheduled) await writeOne(rescheduleOpenAssignment(assignment, dueAt));
  }

  // Every sheet may have come in between (or before a re-drive): then no one will complete the token later.
  const after = await getSlot(live.caseId, live.id);
  if (after && after.remaining === 0) await completeTask(taskToken, doneOutput(ref.slotId));
  logger.info("member assignments open", {
    task: "openMemberAssignments",
    caseKind: ref.caseKind,
    caseId: live.caseId,
    slotId: ref.slotId,
    liveSlotId: live.id,
    remaining: after?.remaining ?? live.remaining,
    rescheduled,
  });
  return { slotId: ref.slotId, liveSlotId: live.id, remaining: after?.remaining ?? live.remaining };
};
