import { getSlot } from "../../adapters/dynamo/scoringRecords.ts";
import type { PanelSlot } from "../../domain/competition/records.ts";
import { InvalidCaseState } from "./taskSupport.ts";

const MAX_CHAIN = 100;

/**
 * A slot that was replaced lives on in its replacement (and that one in its own, and so on). A re-driven
 * execution that reaches an old slot acts on the end of the chain, where the sheets still come in.
 */
export async function liveEndOf(slot: PanelSlot): Promise<PanelSlot> {
  let current = slot;
  for (let step = 0; current.replacedBy; step++) {
    const next = await getSlot(current.caseId, current.replacedBy);
    if (!next || step >= MAX_CHAIN) throw new InvalidCaseState(`slot ${current.id} names a missing replacement`);
    current = next;
  }
  return current;
}
