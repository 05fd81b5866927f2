import type { TransactItem } from "../../adapters/dynamo/transactions.ts";
import { when } from "../../adapters/dynamo/updates.ts";
import { updateVacancyWhere } from "../../adapters/dynamo/vacancyRecords.ts";
import { competitionCase, type PanelCase, type PanelMember } from "../../domain/assignment/eligibility.ts";
import type { PanelReplacement, PanelSlot } from "../../domain/competition/records.ts";
import { attestationReplacementContext } from "./attestationCase.ts";
import { commissionMembers, requireCommission } from "./commissionPools.ts";
import { InvalidCaseState, requireVacancy, type SlotRef } from "./taskSupport.ts";

// What replacing a late panel member needs to know about the case, whatever its kind: the slot tasks
// (openMemberAssignments, replaceWithReserve) are shared by both workflows, and only this differs.

export interface ReplacementContext {
  /** The seed of the draw the slot came from; the reserves are ordered by it together with the slot id. */
  drawSeed: string;
  /** The engine case of one of the case's applications, as the draw saw it (assignPanels' PanelCase). */
  panelCaseOf(applicationId: string): PanelCase;
  /** Who may take over, read fresh (conflicts and load as they are now), in groups tried one after the other. */
  reserveGroups(): Promise<PanelMember[][]>;
  /** Who may not take over these applications: anyone on their panels, now or before, and anyone late. */
  excludedMembers(slots: readonly PanelSlot[], pendingApplicationIds: readonly string[]): Set<string>;
  /** Records the replacement on the case, in the replacement's transaction; its condition holds only while the case is scored. */
  recordReplacement(replacement: PanelReplacement): TransactItem;
}

async function competitionReplacementContext(vacancyId: string): Promise<ReplacementContext> {
  const vacancy = await requireVacancy(vacancyId);
  const panel = vacancy.panel;
  if (!panel) throw new InvalidCaseState(`vacancy ${vacancyId} has no panel`);
  const vacancySchoolId = panel.vacancySchoolId ?? vacancy.schoolId;
  return {
    drawSeed: panel.seed,
    panelCaseOf: (applicationId) => {
      const candidate = panel.candidates?.find((entry) => entry.applicationId === applicationId);
      if (!candidate) throw new InvalidCaseState(`application ${applicationId} is not among the draw's candidates`);
      return competitionCase(candidate, vacancySchoolId);
    },
    // A competition commission names its reserves; nobody else takes over.
    reserveGroups: async () => [await commissionMembers(await requireCommission(panel.commissionId), ["reserve"])],
    excludedMembers: (slots, applicationIds) => {
      const pending = new Set(applicationIds);
      return new Set([
        ...applicationIds.flatMap((applicationId) => panel.panels[applicationId] ?? []),
        ...slots.filter((slot) => slot.applicationIds.some((applicationId) => pending.has(applicationId))).map((slot) => slot.memberId),
        ...slots.filter((slot) => slot.status === "expired").map((slot) => slot.memberId),
      ]);
    },
    recordReplacement: (replacement) =>
      updateVacancyWhere(vacancyId, { append: { "panel.replacements": [replacement] }, condition: when.statusIn(["scoring"]) }),
  };
}

/** The replacement context of the case `slot` belongs to. */
export function replacementContext(slot: SlotRef): Promise<ReplacementContext> {
  return slot.caseKind === "competition" ? competitionReplacementContext(slot.caseId) : attestationReplacementContext(slot);
}
