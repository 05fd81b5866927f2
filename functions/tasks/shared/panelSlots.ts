import type { PanelSlot } from "../../domain/competition/records.ts";
import type { SlotRef } from "./taskSupport.ts";

// A draw gives each application its panel; the workflow waits per member. A slot is one member's share:
// every application they sit on. Slot ids are `<memberId>-<n>`: n = 1 for the draw, and counts up when a
// member takes over (as a reserve) in the same case again, so an id is never reused.

export function slotsOfDraw(vacancyId: string, panels: Record<string, string[]>): SlotRef[] {
  const byMember = new Map<string, string[]>();
  for (const applicationId of Object.keys(panels).sort()) {
    for (const memberId of panels[applicationId] ?? []) byMember.set(memberId, [...(byMember.get(memberId) ?? []), applicationId]);
  }
  return [...byMember.keys()].sort().map((memberId) => ({ vacancyId, slotId: `${memberId}-1`, memberId, applicationIds: byMember.get(memberId) ?? [] }));
}

/** The next unused slot id for `memberId` among a case's slots. */
export function nextSlotId(memberId: string, slots: readonly Pick<PanelSlot, "id" | "memberId">[]): string {
  const taken = new Set(slots.map((slot) => slot.id));
  let n = 1 + slots.filter((slot) => slot.memberId === memberId).length;
  while (taken.has(`${memberId}-${n}`)) n++;
  return `${memberId}-${n}`;
}

export function slotRef(slot: Pick<PanelSlot, "caseId" | "id" | "memberId" | "applicationIds">): SlotRef {
  return { vacancyId: slot.caseId, slotId: slot.id, memberId: slot.memberId, applicationIds: slot.applicationIds };
}
