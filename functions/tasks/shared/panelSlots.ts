import type { PanelSlot } from "../../domain/competition/records.ts";
import type { CaseKind, SlotRef } from "./taskSupport.ts";

// A draw gives each application its panel; the workflow waits per member. A slot is one member's share:
// every application of the case they sit on (an attestation case has one, the attestation itself). Slot ids
// are `<memberId>-<n>`: n = 1 for the draw, and counts up when a member takes over (as a reserve) in the
// same case again, so an id is never reused.

export function slotsOfDraw(caseKind: CaseKind, caseId: string, panels: Record<string, string[]>): SlotRef[] {
  const byMember = new Map<string, string[]>();
  for (const applicationId of Object.keys(panels).sort()) {
    for (const memberId of panels[applicationId] ?? []) byMember.set(memberId, [...(byMember.get(memberId) ?? []), applicationId]);
  }
  return [...byMember.keys()].sort().map((memberId) => ({ caseKind, caseId, slotId: `${memberId}-1`, memberId, applicationIds: byMember.get(memberId) ?? [] }));
}

/** The next unused slot id for `memberId` among a case's slots. */
export function nextSlotId(memberId: string, slots: readonly Pick<PanelSlot, "id" | "memberId">[]): string {
  const taken = new Set(slots.map((slot) => slot.id));
  let n = 1 + slots.filter((slot) => slot.memberId === memberId).length;
  while (taken.has(`${memberId}-${n}`)) n++;
  return `${memberId}-${n}`;
}

/** A slot created before case kinds existed belongs to a competition. */
export function caseKindOf(slot: Pick<PanelSlot, "caseKind">): CaseKind {
  return slot.caseKind ?? "competition";
}

export function slotRef(slot: Pick<PanelSlot, "caseKind" | "caseId" | "id" | "memberId" | "applicationIds">): SlotRef {
  return { caseKind: caseKindOf(slot), caseId: slot.caseId, slotId: slot.id, memberId: slot.memberId, applicationIds: slot.applicationIds };
}
