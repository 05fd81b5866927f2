import type { PanelCase, PanelMember } from "../../domain/assignment/eligibility.ts";
import { pickReserveForCase } from "../../domain/assignment/pickReserve.ts";

/**
 * The reserve who takes over all of a late member's open applications: the workflow waits per member, so
 * one reserve replaces one member. It is the first reserve, in the seeded order pickReserveForCase follows,
 * whom pickReserveForCase accepts for every one of the cases, with room under their cap for all of them.
 * `groups` are tried in turn: a later group only when nobody of the earlier ones can take over.
 */
export function pickReserveForAll(input: {
  seed: string;
  groups: readonly PanelMember[][];
  panelCases: readonly PanelCase[];
  excludedUserIds: Iterable<string>;
}): string | undefined {
  const { seed, panelCases } = input;
  const [first] = panelCases;
  if (first === undefined) return undefined;
  const excludedUserIds = [...input.excludedUserIds];
  for (const reserves of input.groups) {
    // pickReserveForCase checks room for one more case; taking n cases needs room for n, i.e. room for one
    // more on top of a load n - 1 higher than now.
    const loads = Object.fromEntries(reserves.map((reserve) => [reserve.userId, (reserve.currentLoad ?? 0) + panelCases.length - 1]));
    const excluded = new Set(excludedUserIds);
    for (;;) {
      const reserveId = pickReserveForCase({ seed, reserves, panelCase: first, excludedUserIds: [...excluded], loads });
      if (reserveId === undefined) break;
      const reserve = reserves.filter((member) => member.userId === reserveId);
      const fitsAll = panelCases.every(
        (panelCase) => pickReserveForCase({ seed, reserves: reserve, panelCase, excludedUserIds: [], loads }) === reserveId,
      );
      if (fitsAll) return reserveId;
      excluded.add(reserveId);
    }
  }
  return undefined;
}
