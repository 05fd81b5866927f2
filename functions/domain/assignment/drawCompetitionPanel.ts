import { DomainError } from "../domainError.ts";
import { canonicalJson, sha256Hex } from "./canonicalJson.ts";
import { isEligible, remainingCapacity, type PanelCandidate, type PanelMember } from "./eligibility.ts";
import { LexicographicMinCostFlow, type EdgeRef } from "./lexicographicMinCostFlow.ts";
import { reserveOrder } from "./reserveOrder.ts";
import { seededShuffle } from "./seededRandom.ts";

export type DrawCompetitionPanelInput = {
  /** Chosen after the inputs are fixed (e.g. from a public source), so nobody can aim the draw. */
  seed: string;
  panelSize: number;
  vacancySchoolId: string;
  members: PanelMember[];
  candidates: PanelCandidate[];
};

export type DrawCompetitionPanelResult =
  | { ok: true; inputsHash: string; seed: string; panels: Record<string, string[]>; reserves: string[] }
  | { ok: false; code: "no_eligible_panel"; inputsHash: string; applicationIds: string[] };

/** Bumped whenever the algorithm changes, so a recorded hash also says which algorithm to rerun. */
export const COMPETITION_DRAW_VERSION = 1;

function invalid(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError("invalid_draw_input", message, details);
}

const sortedUnique = (values: readonly string[]): string[] => [...new Set(values)].sort();
const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

type NormalizedInput = {
  panelSize: number;
  vacancySchoolId: string;
  members: PanelMember[];
  candidates: PanelCandidate[];
};

// The order in which members, candidates and conflicts are listed carries no meaning, so it is removed
// before hashing and before drawing: the same facts always give the same hash and the same panels.
function normalize(input: DrawCompetitionPanelInput): NormalizedInput {
  const { panelSize, vacancySchoolId, members, candidates } = input;
  if (!Number.isSafeInteger(panelSize) || panelSize < 1) throw invalid("panelSize must be a positive integer", { panelSize });
  const userIds = new Set<string>();
  for (const member of members) {
    if (userIds.has(member.userId)) throw invalid(`member ${member.userId} is listed twice`, { userId: member.userId });
    userIds.add(member.userId);
    for (const [field, value] of [["loadCap", member.loadCap], ["currentLoad", member.currentLoad]] as const) {
      if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
        throw invalid(`member ${member.userId} has an invalid ${field}`, { userId: member.userId, [field]: value });
      }
    }
  }
  const applicationIds = new Set<string>();
  for (const candidate of candidates) {
    if (applicationIds.has(candidate.applicationId)) {
      throw invalid(`application ${candidate.applicationId} is listed twice`, { applicationId: candidate.applicationId });
    }
    applicationIds.add(candidate.applicationId);
  }
  return {
    panelSize,
    vacancySchoolId,
    members: members
      .map((member) => {
        const normalized: PanelMember = {
          userId: member.userId,
          role: member.role,
          currentLoad: member.currentLoad ?? 0,
          conflicts: { userIds: sortedUnique(member.conflicts.userIds), schoolIds: sortedUnique(member.conflicts.schoolIds) },
        };
        if (member.schoolId !== undefined) normalized.schoolId = member.schoolId;
        if (member.loadCap !== undefined) normalized.loadCap = member.loadCap;
        return normalized;
      })
      .sort(byKey((member) => member.userId)),
    candidates: candidates
      .map((candidate) => {
        const normalized: PanelCandidate = { applicationId: candidate.applicationId, candidateId: candidate.candidateId };
        if (candidate.schoolId !== undefined) normalized.schoolId = candidate.schoolId;
        return normalized;
      })
      .sort(byKey((candidate) => candidate.applicationId)),
  };
}

/**
 * The commitment to a draw's inputs. The seed is deliberately left out: the inputs can be fixed and
 * their hash published before the seed exists, which proves the inputs were not tuned to a known seed.
 */
export function competitionDrawInputsHash(input: Omit<DrawCompetitionPanelInput, "seed">): string {
  return hashNormalized(normalize({ ...input, seed: "" }));
}

function hashNormalized(normalized: NormalizedInput): string {
  return sha256Hex(canonicalJson({ drawVersion: COMPETITION_DRAW_VERSION, ...normalized }));
}

/**
 * Draws a scoring panel of `panelSize` members for every candidate of one competition.
 *
 * Hard constraints, never traded away: eligibility (see eligibility.ts) and each member's load cap, where
 * every (member, application) pair counts 1 on top of the member's current load. Within them the draw is
 * the cheapest assignment under these priorities, in order:
 *   1. as few reserve seats as possible (reserves only where chairs/members cannot fill a panel);
 *   2. load spread evenly: the least sum of squared final loads (current load + this draw);
 *   3. the seeded order: for each candidate, regular members in an order shuffled from seed+applicationId,
 *      reserves in the seeded reserve order.
 * Solving it as a min-cost flow (rather than greedily, candidate by candidate) means a panel is refused
 * only when no assignment at all satisfies the constraints, never because an early choice used up a
 * member a later candidate needed.
 *
 * If some candidate cannot get a full panel the draw fails as a whole (no partial panels) and names them.
 */
export function drawCompetitionPanel(input: DrawCompetitionPanelInput): DrawCompetitionPanelResult {
  if (input.seed === "") throw invalid("a draw needs a seed");
  const normalized = normalize(input);
  const inputsHash = hashNormalized(normalized);
  const { seed } = input;
  const { panelSize, vacancySchoolId, members, candidates } = normalized;

  const regularIds = members.filter((member) => member.role !== "reserve").map((member) => member.userId);
  const reserveIds = reserveOrder(
    seed,
    members.filter((member) => member.role === "reserve").map((member) => member.userId),
  );
  const reserveRank = new Map(reserveIds.map((userId, rank) => [userId, rank]));

  const source = 0;
  const sink = 1;
  const candidateNode = (index: number): number => 2 + index;
  const memberNode = (index: number): number => 2 + candidates.length + index;
  const flow = new LexicographicMinCostFlow(2 + candidates.length + members.length, 3);

  const candidateEdges = candidates.map((candidate, candidateIndex) => {
    const seedOrder = seededShuffle(`${seed}\u0000panel\u0000${candidate.applicationId}`, regularIds);
    const regularRank = new Map(seedOrder.map((userId, rank) => [userId, rank]));
    const seats = flow.addEdge(source, candidateNode(candidateIndex), panelSize, [0, 0, 0]);
    const memberEdges: { member: PanelMember; edge: EdgeRef; reserve: boolean; rank: number }[] = [];
    members.forEach((member, memberIndex) => {
      if (!isEligible(member, candidate, vacancySchoolId) || remainingCapacity(member) === 0) return;
      const reserve = member.role === "reserve";
      const rank = (reserve ? reserveRank.get(member.userId) : regularRank.get(member.userId)) ?? 0;
      const edge = flow.addEdge(candidateNode(candidateIndex), memberNode(memberIndex), 1, [reserve ? 1 : 0, 0, rank]);
      memberEdges.push({ member, edge, reserve, rank });
    });
    return { candidate, seats, memberEdges };
  });

  members.forEach((member, memberIndex) => {
    // One unit edge per additional case, each dearer than the last (marginal cost of a squared load),
    // which is what makes the cheapest flow spread the load evenly.
    const currentLoad = member.currentLoad ?? 0;
    const units = Math.min(remainingCapacity(member), candidates.length);
    for (let unit = 1; unit <= units; unit++) {
      flow.addEdge(memberNode(memberIndex), sink, 1, [0, 2 * (currentLoad + unit) - 1, 0]);
    }
  });

  flow.run(source, sink, panelSize * candidates.length);

  const unfilled = candidateEdges
    .filter(({ seats }) => flow.flowOn(seats) < panelSize)
    .map(({ candidate }) => candidate.applicationId);
  if (unfilled.length > 0) return { ok: false, code: "no_eligible_panel", inputsHash, applicationIds: unfilled };

  const usedReserves = new Set<string>();
  // Built with fromEntries so that any id, even "__proto__", becomes an ordinary own property.
  const panels: Record<string, string[]> = Object.fromEntries(
    candidateEdges.map(({ candidate, memberEdges }) => {
      const chosen = memberEdges
        .filter(({ edge }) => flow.flowOn(edge) > 0)
        .sort((a, b) => Number(a.reserve) - Number(b.reserve) || a.rank - b.rank);
      for (const { member, reserve } of chosen) if (reserve) usedReserves.add(member.userId);
      return [candidate.applicationId, chosen.map(({ member }) => member.userId)];
    }),
  );
  return { ok: true, inputsHash, seed, panels, reserves: reserveIds.filter((userId) => !usedReserves.has(userId)) };
}
