import * as z from "zod/mini";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { getCommission, loadPanelMembers } from "../adapters/dynamo/commissionRecords.ts";
import { assignmentId, getAssignments, getSlot, listSlots, putNewSlot, updateAssignment, updateSlot } from "../adapters/dynamo/scoringRecords.ts";
import { ConditionFailed, type TransactItem } from "../adapters/dynamo/transactions.ts";
import { when } from "../adapters/dynamo/updates.ts";
import { updateVacancyWhere } from "../adapters/dynamo/vacancyRecords.ts";
import type { Assignment, PanelDraw, PanelReplacement, PanelSlot } from "../domain/competition/records.ts";
import { logger } from "../platform/logger.ts";
import { nextSlotId, slotRef } from "./shared/panelSlots.ts";
import { pickReserveForAll } from "./shared/reservePick.ts";
import { liveEndOf } from "./shared/slotChain.ts";
import { InvalidCaseState, NoReserveAvailable, parseTaskInput, requireVacancy, SlotRef, WORKFLOW_ACTOR } from "./shared/taskSupport.ts";

const Input = z.object({ slot: SlotRef });

const MAX_ATTEMPTS = 5;
/** One transaction holds the slot, its open assignments, the new slot, the vacancy and the audit event. */
const MAX_OPEN_ASSIGNMENTS = 95;

/** Whom the reserve may not be: anyone on these applications' panels, now or before, and anyone who was late. */
function excludedMembers(panel: PanelDraw, slots: readonly PanelSlot[], applicationIds: readonly string[]): Set<string> {
  const pending = new Set(applicationIds);
  return new Set([
    ...applicationIds.flatMap((applicationId) => panel.panels[applicationId] ?? []),
    ...slots.filter((slot) => slot.applicationIds.some((applicationId) => pending.has(applicationId))).map((slot) => slot.memberId),
    ...slots.filter((slot) => slot.status === "expired").map((slot) => slot.memberId),
  ]);
}

async function reservesOf(panel: PanelDraw) {
  const commission = panel.commissionId ? await getCommission(panel.commissionId) : undefined;
  if (!commission) throw new InvalidCaseState(`the commission ${panel.commissionId ?? "(unrecorded)"} of the draw is missing`);
  // Read fresh: a conflict declared since the draw, or load taken on since, counts now.
  return loadPanelMembers(commission.members.filter((member) => member.role === "reserve"));
}

/**
 * The member of `slot` missed the scoring deadline. Their slot and open assignments expire (a sheet that
 * arrives first wins: each expiry is conditional on the assignment still being open) and a reserve takes
 * over the applications still without their sheet, in a new slot. Returns that slot for the next wait.
 */
export const handler = async (input: unknown): Promise<SlotRef> => {
  const { slot: ref } = parseTaskInput("replaceWithReserve", Input, input);
  const vacancy = await requireVacancy(ref.vacancyId);
  const panel = vacancy.panel;
  if (!panel) throw new InvalidCaseState(`vacancy ${ref.vacancyId} has no panel`);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const start = await getSlot(ref.vacancyId, ref.slotId);
    if (!start) throw new InvalidCaseState(`slot ${ref.slotId} of vacancy ${ref.vacancyId} does not exist`);
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
    const candidates = pending.map((applicationId) => {
      const candidate = panel.candidates?.find((entry) => entry.applicationId === applicationId);
      if (!candidate) throw new InvalidCaseState(`application ${applicationId} is not among the draw's candidates`);
      return candidate;
    });
    const seed = `${panel.seed}:${live.id}`;
    const reserveId = pickReserveForAll({
      seed,
      vacancySchoolId: panel.vacancySchoolId ?? vacancy.schoolId,
      reserves: await reservesOf(panel),
      candidates,
      excludedUserIds: excludedMembers(panel, slots, pending),
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
      updateVacancyWhere(live.caseId, { append: { "panel.replacements": [replacement] }, condition: when.statusIn(["scoring"]) }),
    ];
    const newSlot: PanelSlot | undefined =
      reserveId === undefined || newSlotId === null
        ? undefined
        : { id: newSlotId, caseId: live.caseId, memberId: reserveId, applicationIds: pending, remaining: pending.length, status: "open", createdAt: at, replaces: live.id };
    if (newSlot) changes.push(putNewSlot(newSlot));

    try {
      await commitWithAudit(
        live.caseId,
        {
          actor: WORKFLOW_ACTOR,
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
      vacancyId: live.caseId,
      slotId: live.id,
      newSlotId,
      pendingCount: pending.length,
    });
    if (!newSlot) throw new NoReserveAvailable(`no reserve can take over slot ${live.id}`);
    return slotRef(newSlot);
  }
  throw new InvalidCaseState(`slot ${ref.slotId} could not be replaced`);
};
