import { DomainError } from "../domainError.ts";
import { competitionCase, isEligibleForCase, remainingCapacity, type PanelCandidate, type PanelCase, type PanelMember } from "./eligibility.ts";
import { reserveOrder } from "./reserveOrder.ts";

export type PickReserveForCaseInput = {
  /** The seed of the original draw, so the replacement follows the order recorded with that draw. */
  seed: string;
  reserves: PanelMember[];
  /** The case as the draw saw it (assignPanels): its pool, subject and exclusions apply to the reserve too. */
  panelCase: PanelCase;
  /** Members already on this case's panel and members who missed the deadline. */
  excludedUserIds: readonly string[];
  /** Cases each member holds now (overrides the member's currentLoad); the replacement adds 1. */
  loads: Readonly<Record<string, number>>;
};

/**
 * The reserve who replaces a panel member who missed the scoring deadline: the first reserve, in the
 * draw's seeded reserve order (the order of assignPanels' `reserves`), who passes the same hard
 * constraints as the draw (caseIneligibilityReason and the load cap). Undefined when none can.
 */
export function pickReserveForCase(input: PickReserveForCaseInput): string | undefined {
  const { seed, reserves, panelCase, loads } = input;
  const byId = new Map<string, PanelMember>();
  for (const reserve of reserves) {
    if (byId.has(reserve.userId)) {
      throw new DomainError("invalid_draw_input", `reserve ${reserve.userId} is listed twice`, { userId: reserve.userId });
    }
    byId.set(reserve.userId, reserve);
  }
  const excluded = new Set(input.excludedUserIds);
  for (const userId of reserveOrder(seed, [...byId.keys()])) {
    const reserve = byId.get(userId);
    if (reserve === undefined || excluded.has(userId)) continue;
    if (!isEligibleForCase(reserve, panelCase)) continue;
    const load = Object.hasOwn(loads, userId) ? loads[userId] : undefined;
    if (remainingCapacity(reserve, load ?? reserve.currentLoad ?? 0) < 1) continue;
    return userId;
  }
  return undefined;
}

export type PickReserveInput = {
  /** The seed of the original draw, so the replacement follows the order recorded with that draw. */
  seed: string;
  vacancySchoolId: string;
  reserves: PanelMember[];
  candidate: PanelCandidate;
  /** Members already on this candidate's panel and members who missed the deadline. */
  excludedUserIds: readonly string[];
  /** Cases each member holds now (overrides the member's currentLoad); the replacement adds 1. */
  loads: Readonly<Record<string, number>>;
};

/** pickReserveForCase for a competition application (the hiring school excluded, as in the draw). */
export function pickReserve(input: PickReserveInput): string | undefined {
  const { seed, vacancySchoolId, reserves, candidate, excludedUserIds, loads } = input;
  return pickReserveForCase({ seed, reserves, panelCase: competitionCase(candidate, vacancySchoolId), excludedUserIds, loads });
}
