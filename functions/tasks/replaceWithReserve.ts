import * as z from "zod/mini";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { assignmentId, getAssignments, getSlot, listSlots, putNewSlot, updateAssignment, updateSlot } from "../adapters/dynamo/scoringRecords.ts";
import { ConditionFailed, type TransactItem } from "../adapters/dynamo/transactions.ts";
import { when } from "../adapters/dynamo/updates.ts";
import type { Assignment, PanelReplacement, PanelSlot } from "../domain/competition/records.ts";
import { logger } from "../platform/logger.ts";
import { nextSlotId, slotRef } from "./shared/panelSlots.ts";
import { pickReserveForAll } from "./shared/reservePick.ts";
import { replacementContext } from "./shared/scoringCases.ts";
import { liveEndOf } from "./shared/slotChain.ts";
import { InvalidCaseState, NoReserveAvailable, parseTaskInput, SlotRef, workflowActor } from "./shared/taskSupport.ts";

const Input = z.object({ slot: SlotRef });

const MAX_ATTEMPTS = 5;
/** One transaction holds the slot, its open assignments, the new slot, the case record and the audit event. */
const MAX_OPEN_ASSIGNMENTS = 95;

/**
 * The member of `slot` missed the scoring deadline. Their slot and open assignments expire (a sheet that
 * arrives first wins: each expiry is conditional on the assignment still being open) and a reserve takes
 * over the applications still without their sheet, in a new slot. Returns that slot for the next wait.
 */
export const handler = async (input: unknown): Promise<SlotRef> => {
  const { slot: ref } = parseTaskInput("replaceWithReserve", Input, input);
  const context = await replacementContext(ref);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const start = await getSlot(ref.caseId, ref.slotId);
    if (!start) throw new InvalidCaseState(`slot ${ref.slotId} of case ${ref.caseId} does not exist`);
    const live = await liveEndOf(start);
    if (live.status === "expired" && live.noReserve) throw new NoReserveAvailable(`no reserve could replace slot ${live.id}`);
    // Replaced by an earlier run of this step: the replacement is the result. (A replacement the timed-out
    // wait was attached to, in a re-driven execution, is itself late and is replaced below.)
    if (live.id !== start.id && live.awaitedAs !== ref.slotId) return slotRef(live);
    // Every sheet came in after all: the next wait on this slot ends at once.
    if (live.remaining === 0 || live.status !== "open") return slotRef(live);

    const assignments = await getAssignments(live.applicationIds.map((applicationId) => assignmentId(live.caseId, applicationId, live.memberId)));
    const open = assignments.filter((assignment): assignment is Assignment => assignment?.status === "open");
    const pending = live.applicationIds.filter((_, index) => assignments[index]?.status !== "submitted");
    if (pending.length === 0) return slotRef(live);
    if (open.length > MAX_OPEN_ASSIGNMENTS) throw new InvalidCaseState(`slot ${live.id} has more open assignments than one transaction can expire`);

    const slots = await listSlots(live.caseId);
    const seed = `${context.drawSeed}:${live.id}`;
    const reserveId = pickReserveForAll({
      seed,
      groups: await context.reserveGroups(),
      panelCases: pending.map((applicationId) => context.panelCaseOf(applicationId)),
      excludedUserIds: context.excludedMembers(slots, pending),
    });

    const at = new Date().toISOString();
    const newSlotId = reserveId === undefined ? null : nextSlotId(reserveId, slots);
    const replacement: PanelReplacement = { slotId: live.id, memberId: live.memberId, applicationIds: pending, reserveId: reserveId ?? null, newSlotId, seed, at };
    const changes: TransactItem[] = [
      updateSlot(live.caseId, live.id, {
        set: { status: "expired", expiredAt: at, ...(newSlotId ? { replacedBy: newSlotId } : { noReserve: true }) },
        condition: when.allOf(when.statusIn(["open"]), when.attributeAbsent("replacedBy")),
      }),
      ...open.map((assignment) => updateAssignment(assignment.id, ["open"], { status: "expired", expiredAt: at })),
      context.recordReplacement(replacement),
    ];
    const newSlot: PanelSlot | undefined =
      reserveId === undefined || newSlotId === null
        ? undefined
        : { id: newSlotId, caseKind: ref.caseKind, caseId: live.caseId, memberId: reserveId, applicationIds: pending, remaining: pending.length, status: "open", createdAt: at, replaces: live.id };
    if (newSlot) changes.push(putNewSlot(newSlot));

    try {
      await commitWithAudit(
        live.caseId,
        {
          actor: workflowActor(ref.caseKind),
          action: newSlot ? "member.replaced" : "member.expired",
          data: { slotId: live.id, memberId: live.memberId, applicationIds: pending, reserveId: reserveId ?? null, newSlotId, seed },
        },
        changes,
      );
    } catch (error) {
      // A sheet arrived, another run replaced the slot, or the new slot id was taken: look again.
      if (error instanceof ConditionFailed && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
    logger.info(newSlot ? "member replaced" : "member expired without reserve", {
      task: "replaceWithReserve",
      caseKind: ref.caseKind,
      caseId: live.caseId,
      slotId: live.id,
      newSlotId,
      pendingCount: pending.length,
    });
    if (!newSlot) throw new NoReserveAvailable(`no reserve can take over slot ${live.id}`);
    return slotRef(newSlot);
  }
  throw new InvalidCaseState(`slot ${ref.slotId} could not be replaced`);
};
