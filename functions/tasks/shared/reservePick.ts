import type { PanelCandidate, PanelMember } from "../../domain/assignment/eligibility.ts";
import { pickReserve } from "../../domain/assignment/pickReserve.ts";

/**
 * The reserve who takes over all of a late member's open applications: the workflow waits per member, so
 * one reserve replaces one member. It is the first reserve, in the seeded order pickReserve follows, who
 * pickReserve accepts for every one of the applications, with room under their cap for all of them.
 */
export function pickReserveForAll(input: {
  seed: string;
  vacancySchoolId: string;
  reserves: PanelMember[];
  candidates: PanelCandidate[];
  excludedUserIds: Iterable<string>;
}): string | undefined {
  const { seed, vacancySchoolId, reserves, candidates } = input;
  const [first] = candidates;
  if (first === undefined) return undefined;
  // pickReserve checks room for one more case; taking n cases needs room for n, i.e. room for one more
  // on top of a load n - 1 higher than now.
  const loads = Object.fromEntries(reserves.map((reserve) => [reserve.userId, (reserve.currentLoad ?? 0) + candidates.length - 1]));
  const excluded = new Set(input.excludedUserIds);
  for (;;) {
    const reserveId = pickReserve({ seed, vacancySchoolId, reserves, candidate: first, excludedUserIds: [...excluded], loads });
    if (reserveId === undefined) return undefined;
    const reserve = reserves.filter((member) => member.userId === reserveId);
    const fitsAll = candidates.every(
      (candidate) => pickReserve({ seed, vacancySchoolId, reserves: reserve, candidate, excludedUserIds: [], loads }) === reserveId,
    );
    if (fitsAll) return reserveId;
    excluded.add(reserveId);
  }
}
