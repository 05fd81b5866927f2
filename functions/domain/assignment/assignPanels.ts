import { createHash } from "node:crypto";
import { DomainError } from "../domainError.ts";
import { canonicalJson, sha256Hex } from "./canonicalJson.ts";
import { caseIneligibilityReason, type CaseIneligibilityReason, type PanelCase, type PanelMember } from "./eligibility.ts";
import { reserveOrder } from "./reserveOrder.ts";

// The one expert-assignment engine of both workflows (DOMAIN.md §4): every case gets a panel of
// `panelSize` members of its commission pool, or is reported as `no_eligible_panel`.
//
// What it solves. A min-cost flow source → case (panelSize units) → member (one unit per eligible pair) →
// sink (one unit per case the member may still take). Only the member → sink units cost anything: the
// u-th extra case of a member costs 2 * (currentLoad + u) - 1 (the growth of their squared load), plus W
// if the member is a reserve, with W larger than any such load cost. The cheapest flow therefore has
// (1) as few reserve seats as possible, then (2) the least sum of squared final loads, which spreads the
// load as evenly as the constraints allow. The hard constraints (eligibility.ts, load caps) are the graph
// itself, so no cost can buy them away.
//
// How. Successive shortest paths, one case at a time in a seeded order, one unit of flow at a time. As
// case → member edges cost nothing either way, a cheapest augmenting path is a chain of hand-overs (this
// case takes m1, one of m1's cases goes to m2, ...) ending at the cheapest next unit among the members such
// chains can reach; the only negative residual edges lead out of the sink, which a path never leaves, so
// no potentials are needed. A breadth-first search finds the chain, and stops as soon as it meets a member
// as cheap as a lower bound: the cheapest next unit among the members the case may take and the members
// some served case could hand a seat over to (a lazy heap per connected group of pools; a search can reach
// no one else). Otherwise it explores everything reachable, which also proves a case cannot be served.
// Each augmentation keeps the flow the cheapest one for the cases served so far, so the final flow is
// optimal for (1) then (2), and a case is refused only when no assignment at all could serve it together
// with the cases already served (its partial units are undone exactly). A simple cycle crosses the sink at
// most once, so its load part stays below W: folding the two priorities into one integer loses nothing.
//
// Scale. The graph is implicit: a case's edges are its base list (the pool's members with room, or those
// who teach the subject when the case asks for a subject match) minus a short per-case list of exclusions;
// a member's residual edges back are the cases it holds. Nothing is allocated per (case, member) pair. A
// search never leaves its pool, so the draw decomposes by pool with no extra work (the same result as
// solving each pool on its own). Usually the first scan of the case's base list meets the bound; when a
// search must go further, a second case of the same base list only looks at the few members the first
// one skipped. Measured (bench/assignmentScale.ts): 80,000 cases, 5,000 members, 17 regional pools, in a
// few seconds of one core.
//
// Among equally cheap choices the search follows seeded tie-breaks: cases are served in a seeded order,
// and a case prefers members in an order hashed from the seed, the case and the member (reserves: the
// seeded reserve order). Nobody who does not know the seed can tell or steer who lands on which panel;
// anyone who knows it can recompute the draw.

/** Bumped whenever the algorithm or the hashed input form changes, so a record says which algorithm to rerun. */
export const ASSIGNMENT_ENGINE_VERSION = 1;

export type AssignPanelsInput = {
  /** Chosen after the inputs are fixed (e.g. from a public source), so nobody can aim the draw. */
  seed: string;
  panelSize: number;
  cases: PanelCase[];
  members: PanelMember[];
};

export type AssignmentInputs = Omit<AssignPanelsInput, "seed">;

export type UnassignedCause = "too_few_eligible_members" | "load_caps_exhausted";

export type UnassignedCase = {
  caseId: string;
  code: "no_eligible_panel";
  /** too_few_eligible_members: fewer members may score the case (with room under their cap) than a panel
   *  needs. load_caps_exhausted: enough may, but not without pushing someone over their cap, given the
   *  cases this draw serves. */
  cause: UnassignedCause;
  reason: string;
};

export type AssignPanelsResult = {
  engineVersion: number;
  /** assignmentInputsHash of the inputs: the seed is not part of it. */
  inputsHash: string;
  seed: string;
  /** caseId → the panel's user ids (members by the case's seeded order, then reserves in reserve order). */
  panels: Record<string, string[]>;
  /** Reserves on no panel, in the draw's seeded reserve order (reserveOrder), for later replacements. */
  reserves: string[];
  /** Cases without a panel, by caseId; every other case has a full panel. */
  unassigned: UnassignedCase[];
};

function invalid(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError("invalid_draw_input", message, details);
}

/** A sorted copy without repeats (sorted by UTF-16 code units, JavaScript's default string order). */
function sortedUnique(values: readonly string[] | undefined): string[] {
  if (values === undefined || values.length === 0) return [];
  const sorted = [...values].sort();
  let length = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[length - 1]) sorted[length++] = sorted[i] as string;
  sorted.length = length;
  return sorted;
}
const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

type NormalizedInputs = { panelSize: number; cases: PanelCase[]; members: PanelMember[] };

// The order in which members, cases, conflicts, subjects and exclusions are listed carries no meaning, so it
// is removed before hashing and before drawing: the same facts always give the same hash and panels.
function normalize(inputs: AssignmentInputs): NormalizedInputs {
  const { panelSize, cases, members } = inputs;
  if (!Number.isSafeInteger(panelSize) || panelSize < 1) throw invalid("panelSize must be a positive integer", { panelSize });
  const userIds = new Set<string>();
  for (const member of members) {
    if (userIds.has(member.userId)) throw invalid(`member ${member.userId} is listed twice`, { userId: member.userId });
    userIds.add(member.userId);
    if (member.role !== "chair" && member.role !== "member" && member.role !== "reserve") {
      throw invalid(`member ${member.userId} has an unknown role`, { userId: member.userId, role: member.role });
    }
    for (const [field, value] of [["loadCap", member.loadCap], ["currentLoad", member.currentLoad]] as const) {
      if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
        throw invalid(`member ${member.userId} has an invalid ${field}`, { userId: member.userId, [field]: value });
      }
    }
  }
  const caseIds = new Set<string>();
  for (const panelCase of cases) {
    if (caseIds.has(panelCase.caseId)) throw invalid(`case ${panelCase.caseId} is listed twice`, { caseId: panelCase.caseId });
    caseIds.add(panelCase.caseId);
    if (panelCase.requiresSubjectMatch && panelCase.subject === undefined) {
      throw invalid(`case ${panelCase.caseId} asks for a subject match but names no subject`, { caseId: panelCase.caseId });
    }
  }
  // Keys are inserted in sorted order (and optional ones left undefined), so that JSON.stringify of the
  // normalized inputs is their canonicalJson text: hashing 80,000 cases stays a native, one-pass job.
  return {
    panelSize,
    cases: cases
      .map(
        (panelCase): PanelCase => ({
          candidateId: panelCase.candidateId,
          caseId: panelCase.caseId,
          districtId: panelCase.districtId,
          excludedSchoolIds: sortedUnique(panelCase.excludedSchoolIds),
          excludedUserIds: sortedUnique(panelCase.excludedUserIds),
          poolId: panelCase.poolId,
          requiresSubjectMatch: panelCase.requiresSubjectMatch === true,
          schoolId: panelCase.schoolId,
          subject: panelCase.subject,
        }),
      )
      .sort(byKey((panelCase) => panelCase.caseId)),
    members: members
      .map(
        (member): PanelMember => ({
          conflicts: { schoolIds: sortedUnique(member.conflicts.schoolIds), userIds: sortedUnique(member.conflicts.userIds) },
          currentLoad: member.currentLoad ?? 0,
          districtId: member.districtId,
          loadCap: member.loadCap,
          poolIds: sortedUnique(member.poolIds),
          role: member.role,
          schoolId: member.schoolId,
          subjects: sortedUnique(member.subjects),
          userId: member.userId,
        }),
      )
      .sort(byKey((member) => member.userId)),
  };
}

/** The canonical form that is hashed; its keys are in sorted order (see normalize). */
function hashedForm(normalized: NormalizedInputs): Record<string, unknown> {
  return { cases: normalized.cases, engineVersion: ASSIGNMENT_ENGINE_VERSION, members: normalized.members, panelSize: normalized.panelSize };
}

function hashNormalized(normalized: NormalizedInputs): string {
  return sha256Hex(JSON.stringify(hashedForm(normalized)));
}

/** The exact text assignmentInputsHash hashes: canonicalJson of the normalized inputs. */
export function assignmentInputsText(inputs: AssignmentInputs): string {
  return canonicalJson(hashedForm(normalize(inputs)));
}

/**
 * The commitment to a draw's inputs: SHA-256 of the canonical JSON (canonicalJson.ts) of
 * { engineVersion, panelSize, cases, members } in normalized form (lists sorted, defaults filled in). The
 * seed is deliberately left out: the inputs can be fixed and their hash published before the seed exists.
 */
export function assignmentInputsHash(inputs: AssignmentInputs): string {
  return hashNormalized(normalize(inputs));
}

/**
 * Assigns a panel of `panelSize` distinct members to every case it can (see the header of this file).
 *
 * Hard constraints, never broken: eligibility (caseIneligibilityReason: not the candidate, not excluded
 * from the case, no declared conflict with the candidate or their school, not from the candidate's school
 * or an excluded school, in the case's pool, teaching the subject where asked), and load caps: a member's
 * current load plus the cases of this draw never exceeds their cap.
 *
 * Decided per case, never a partial panel: a case is in `unassigned` when fewer members may score it than
 * a panel needs, or when the caps leave no room for it beside the cases served before it in the seeded
 * order. If all cases can be served together, all are. Otherwise every unassigned case is one that could
 * not be added to the served ones without breaking a cap; which cases wait is decided by the seed, not by
 * anyone's choice.
 */
export function assignPanels(input: AssignPanelsInput): AssignPanelsResult {
  if (typeof input.seed !== "string" || input.seed === "") throw invalid("a draw needs a seed");
  const normalized = normalize(input);
  const inputsHash = hashNormalized(normalized);
  const solved = solve(normalized, input.seed);
  return { engineVersion: ASSIGNMENT_ENGINE_VERSION, inputsHash, seed: input.seed, ...solved };
}

/** A stable, seeded 32-bit key of an id (the first four bytes of SHA-256 of seed, label and id). */
function seededKey(seed: string, label: string, id: string): number {
  return createHash("sha256").update(`${seed}\u0000${label}\u0000${id}`, "utf8").digest().readUInt32BE(0);
}

/** MurmurHash3's 32-bit finaliser: a cheap, well-mixing bijection for per-(case, member) tie-breaks. */
function mix32(value: number): number {
  let x = value | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The seeded preference of case `caseKey` for regular member `memberKey` (lower comes first). */
const preference = (caseKey: number, memberKey: number): number => mix32(caseKey ^ memberKey);

type Solved = Pick<AssignPanelsResult, "panels" | "reserves" | "unassigned">;

/** A growable binary min-heap of (cost, member) pairs; stale pairs are skipped by the reader. */
type CostHeap = { cost: Float64Array; member: Int32Array; size: number };

function heapPush(heap: CostHeap, cost: number, member: number): void {
  if (heap.size === heap.cost.length) {
    const costs = new Float64Array(heap.cost.length * 2);
    costs.set(heap.cost);
    heap.cost = costs;
    const members = new Int32Array(heap.member.length * 2);
    members.set(heap.member);
    heap.member = members;
  }
  let i = heap.size++;
  while (i > 0) {
    const up = (i - 1) >> 1;
    const upCost = heap.cost[up] as number;
    if (upCost < cost || (upCost === cost && (heap.member[up] as number) <= member)) break;
    heap.cost[i] = upCost;
    heap.member[i] = heap.member[up] as number;
    i = up;
  }
  heap.cost[i] = cost;
  heap.member[i] = member;
}

function heapPop(heap: CostHeap): void {
  const size = --heap.size;
  if (size === 0) return;
  const cost = heap.cost[size] as number;
  const member = heap.member[size] as number;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    const right = child + 1;
    if (
      right < size &&
      ((heap.cost[right] as number) < (heap.cost[child] as number) ||
        ((heap.cost[right] as number) === (heap.cost[child] as number) && (heap.member[right] as number) < (heap.member[child] as number)))
    ) {
      child = right;
    }
    const childCost = heap.cost[child] as number;
    if (cost < childCost || (cost === childCost && member <= (heap.member[child] as number))) break;
    heap.cost[i] = childCost;
    heap.member[i] = heap.member[child] as number;
    i = child;
  }
  heap.cost[i] = cost;
  heap.member[i] = member;
}

function solve(inputs: NormalizedInputs, seed: string): Solved {
  const { panelSize: k, cases, members } = inputs;
  const caseCount = cases.length;
  const memberCount = members.length;

  // ---- members -----------------------------------------------------------------------------------
  const memberIndex = new Map<string, number>();
  const isReserve = new Uint8Array(memberCount);
  const room = new Float64Array(memberCount); // cases the member may still take; Infinity when uncapped
  const current = new Float64Array(memberCount);
  const memberKey = new Uint32Array(memberCount);
  const reservePosition = new Float64Array(memberCount);
  const staffBySchool = new Map<string, number[]>();
  const conflictedWithUser = new Map<string, number[]>();
  const conflictedWithSchool = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, value: number): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [value]);
    else list.push(value);
  };
  let maxFinalLoad = 0;
  members.forEach((member, m) => {
    memberIndex.set(member.userId, m);
    isReserve[m] = member.role === "reserve" ? 1 : 0;
    current[m] = member.currentLoad ?? 0;
    room[m] = member.loadCap === undefined ? Number.POSITIVE_INFINITY : Math.max(0, member.loadCap - (member.currentLoad ?? 0));
    memberKey[m] = seededKey(seed, "member", member.userId);
    maxFinalLoad = Math.max(maxFinalLoad, (current[m] as number) + Math.min(room[m] as number, caseCount));
    if (member.schoolId !== undefined) push(staffBySchool, member.schoolId, m);
    for (const userId of member.conflicts.userIds) push(conflictedWithUser, userId, m);
    for (const schoolId of member.conflicts.schoolIds) push(conflictedWithSchool, schoolId, m);
  });
  const reserveIds = reserveOrder(
    seed,
    members.filter((member) => member.role === "reserve").map((member) => member.userId),
  );
  reserveIds.forEach((userId, position) => {
    reservePosition[memberIndex.get(userId) as number] = position;
  });

  // A reserve seat must outweigh any load cost: the marginal load cost stays below 2 * maxFinalLoad.
  const reserveWeight = 2 * maxFinalLoad + 2;
  if (reserveWeight > 2 ** 50) throw invalid("loads too large to draw exactly");
  const load = new Int32Array(memberCount); // cases held from this draw
  /** The cost of the member's next case: growth of the squared load, plus the reserve weight. */
  const nextCost = (m: number): number => (isReserve[m] ? reserveWeight : 0) + 2 * ((current[m] as number) + (load[m] as number)) + 1;
  const hasRoom = (m: number): boolean => (load[m] as number) < (room[m] as number);
  // Tie-break among equally cheap members, for the case being served (lower first).
  let sourceKey = 0;
  const memberTie = (m: number): number => (isReserve[m] ? (reservePosition[m] as number) : preference(sourceKey, memberKey[m] as number));

  // ---- the members each case may draw from ---------------------------------------------------------
  // A base list per (pool, subject) holds the members with room who are in the pool and, when the case asks
  // for it, teach the subject; each case then subtracts its own short list of exclusions.
  const poolLists = new Map<string, number[]>();
  const poolList = (poolId: string | undefined): number[] => {
    const key = poolId === undefined ? "" : `p\u0000${poolId}`;
    let list = poolLists.get(key);
    if (list === undefined) {
      list = [];
      members.forEach((member, m) => {
        if (poolId === undefined || (member.poolIds ?? []).includes(poolId)) list?.push(m);
      });
      poolLists.set(key, list);
    }
    return list;
  };
  type Base = { index: number; list: Int32Array; contains: Uint8Array };
  const bases = new Map<string, Base>();
  const baseOf = (panelCase: PanelCase): Base => {
    const subject = panelCase.requiresSubjectMatch ? (panelCase.subject as string) : undefined;
    const key = JSON.stringify([panelCase.poolId ?? null, subject ?? null]);
    let base = bases.get(key);
    if (base === undefined) {
      const list = poolList(panelCase.poolId).filter(
        (m) => (room[m] as number) > 0 && (subject === undefined || ((members[m] as PanelMember).subjects ?? []).includes(subject)),
      );
      const contains = new Uint8Array(memberCount);
      for (const m of list) contains[m] = 1;
      base = { index: bases.size, list: Int32Array.from(list), contains };
      bases.set(key, base);
    }
    return base;
  };

  const caseBase: Int32Array[] = new Array(caseCount);
  const caseBaseIndex = new Int32Array(caseCount);
  const exclusionStart = new Int32Array(caseCount + 1);
  let exclusions = new Int32Array(Math.max(16, caseCount * 4));
  let exclusionLength = 0;
  const eligibleCount = new Int32Array(caseCount);
  const caseKey = new Uint32Array(caseCount);
  const collectStamp = new Int32Array(memberCount).fill(-1);
  cases.forEach((panelCase, c) => {
    caseKey[c] = seededKey(seed, "case", panelCase.caseId);
    const base = baseOf(panelCase);
    caseBase[c] = base.list;
    caseBaseIndex[c] = base.index;
    exclusionStart[c] = exclusionLength;
    const add = (m: number | undefined): void => {
      if (m === undefined || collectStamp[m] === c || !base.contains[m]) return;
      collectStamp[m] = c;
      if (exclusionLength === exclusions.length) {
        const grown = new Int32Array(exclusions.length * 2);
        grown.set(exclusions);
        exclusions = grown;
      }
      exclusions[exclusionLength++] = m;
    };
    const addAll = (list: readonly number[] | undefined): void => {
      if (list !== undefined) for (const m of list) add(m);
    };
    // Exactly the rules of caseIneligibilityReason, looked up from the other side (pool and subject are
    // the base list): the candidate, excluded people, declared conflicts, and the staff of the schools.
    add(memberIndex.get(panelCase.candidateId));
    for (const userId of panelCase.excludedUserIds ?? []) add(memberIndex.get(userId));
    addAll(conflictedWithUser.get(panelCase.candidateId));
    for (const schoolId of [...(panelCase.schoolId === undefined ? [] : [panelCase.schoolId]), ...(panelCase.excludedSchoolIds ?? [])]) {
      addAll(staffBySchool.get(schoolId));
      addAll(conflictedWithSchool.get(schoolId));
    }
    exclusions.subarray(exclusionStart[c] as number, exclusionLength).sort();
    eligibleCount[c] = base.list.length - (exclusionLength - (exclusionStart[c] as number));
  });
  exclusionStart[caseCount] = exclusionLength;

  // ---- connected pools ----------------------------------------------------------------------------
  // Members who share a base list can trade cases; a search never leaves its connected group of pools,
  // so the lower bound of a search is taken over its group only.
  const root = Int32Array.from({ length: memberCount }, (_, m) => m);
  const find = (m: number): number => {
    let r = m;
    while (root[r] !== r) r = root[r] as number;
    while (root[m] !== r) {
      const next = root[m] as number;
      root[m] = r;
      m = next;
    }
    return r;
  };
  for (const { list } of bases.values()) {
    const first = list[0];
    if (first === undefined) continue;
    for (const m of list) root[find(m)] = find(first);
  }
  const groupHeaps = new Map<number, CostHeap>();
  const groupOf = new Int32Array(memberCount);
  for (let m = 0; m < memberCount; m++) groupOf[m] = find(m);
  const heapOf = (group: number): CostHeap => {
    let heap = groupHeaps.get(group);
    if (heap === undefined) {
      heap = { cost: new Float64Array(16), member: new Int32Array(16), size: 0 };
      groupHeaps.set(group, heap);
    }
    return heap;
  };

  // ---- flow state ---------------------------------------------------------------------------------
  const panel = new Int32Array(caseCount * k); // members on each case's panel, as member indices
  const panelFill = new Int32Array(caseCount);
  const held: Int32Array[] = Array.from({ length: memberCount }, () => new Int32Array(4)); // cases per member
  const served = new Uint8Array(caseCount);
  // For each member, how many served cases could hand a seat over to them (eligible, not on the panel):
  // a search can reach a member only through the case it serves or through such a case.
  const handOvers = new Int32Array(memberCount);
  const offer = (m: number): void => {
    if ((handOvers[m] as number) > 0 && hasRoom(m)) heapPush(heapOf(groupOf[m] as number), nextCost(m), m);
  };
  /** The cheapest next case of a member some served case could hand over to, in the group; Infinity if none. */
  const cheapestOffer = (group: number): number => {
    const heap = groupHeaps.get(group);
    if (heap === undefined) return Number.POSITIVE_INFINITY;
    while (heap.size > 0) {
      const m = heap.member[0] as number;
      const cost = heap.cost[0] as number;
      if ((handOvers[m] as number) > 0 && hasRoom(m) && nextCost(m) === cost) return cost;
      heapPop(heap);
    }
    return Number.POSITIVE_INFINITY;
  };

  const assign = (c: number, m: number): void => {
    panel[c * k + (panelFill[c] as number)] = m;
    panelFill[c] = (panelFill[c] as number) + 1;
    let list = held[m] as Int32Array;
    const size = load[m] as number;
    if (size === list.length) {
      const grown = new Int32Array(list.length * 2);
      grown.set(list);
      held[m] = list = grown;
    }
    list[size] = c;
    load[m] = size + 1;
    if (served[c]) handOvers[m] = (handOvers[m] as number) - 1;
  };
  const unassign = (c: number, m: number): void => {
    const base = c * k;
    const fill = (panelFill[c] as number) - 1;
    for (let slot = base; slot <= base + fill; slot++) {
      if (panel[slot] === m) {
        panel[slot] = panel[base + fill] as number;
        break;
      }
    }
    panelFill[c] = fill;
    const list = held[m] as Int32Array;
    const last = (load[m] as number) - 1;
    for (let slot = 0; slot <= last; slot++) {
      if (list[slot] === c) {
        list[slot] = list[last] as number;
        break;
      }
    }
    load[m] = last;
    if (served[c]) handOvers[m] = (handOvers[m] as number) + 1;
  };

  // ---- the search -----------------------------------------------------------------------------------
  // Nodes for the search's bookkeeping: cases 0..caseCount-1, members after them.
  const visited = new Int32Array(caseCount + memberCount).fill(-1);
  const parent = new Int32Array(caseCount + memberCount);
  const mark = new Int32Array(memberCount).fill(-1);
  const queue = new Int32Array(memberCount);
  let markId = 0;
  let round = 0;
  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  let bestTie = Number.POSITIVE_INFINITY;
  let queueEnd = 0;

  // The first case of each base list a search expands visits every member of the list except its own
  // exclusions and panel; a later case of the same list can only find new members among those few.
  const baseFirstRound = new Int32Array(bases.size).fill(-1);
  const baseFirstCase = new Int32Array(bases.size);
  const seated = new Int32Array(k);

  const visit = (m: number, from: number, stamp: number): void => {
    if (mark[m] === stamp) return;
    const node = caseCount + m;
    if (visited[node] === round) return;
    visited[node] = round;
    parent[node] = from;
    queue[queueEnd++] = m;
    if (!hasRoom(m)) return;
    const cost = nextCost(m);
    if (cost > bestCost) return;
    const tie = memberTie(m);
    if (cost < bestCost || tie < bestTie || (tie === bestTie && m < best)) {
      best = m;
      bestCost = cost;
      bestTie = tie;
    }
  };

  /** Visits the members case `c` could take a seat from (eligible, not yet on its panel). */
  const expandCase = (c: number): void => {
    const stamp = markId++;
    for (let i = exclusionStart[c] as number, end = exclusionStart[c + 1] as number; i < end; i++) mark[exclusions[i] as number] = stamp;
    for (let slot = c * k, end = slot + (panelFill[c] as number); slot < end; slot++) mark[panel[slot] as number] = stamp;
    const b = caseBaseIndex[c] as number;
    if (baseFirstRound[b] === round) {
      // The first case's exclusions (sorted at setup) and panel (sorted here), merged into ascending order
      // as a scan of the base list would meet them, so the search takes the same course either way.
      const first = baseFirstCase[b] as number;
      const fill = panelFill[first] as number;
      for (let i = 0; i < fill; i++) {
        const m = panel[first * k + i] as number;
        let at = i;
        while (at > 0 && (seated[at - 1] as number) > m) {
          seated[at] = seated[at - 1] as number;
          at--;
        }
        seated[at] = m;
      }
      let i = exclusionStart[first] as number;
      const end = exclusionStart[first + 1] as number;
      let j = 0;
      while (i < end || j < fill) {
        if (j === fill || (i < end && (exclusions[i] as number) < (seated[j] as number))) visit(exclusions[i++] as number, c, stamp);
        else visit(seated[j++] as number, c, stamp);
      }
      return;
    }
    baseFirstRound[b] = round;
    baseFirstCase[b] = c;
    const list = caseBase[c] as Int32Array;
    for (let i = 0; i < list.length; i++) visit(list[i] as number, c, stamp);
  };

  /**
   * The member at the end of a cheapest augmenting path from case `start` (parents record the path), or
   * -1 when no member can take one more seat for it.
   */
  const search = (start: number): number => {
    round++;
    best = -1;
    bestCost = Number.POSITIVE_INFINITY;
    bestTie = Number.POSITIVE_INFINITY;
    queueEnd = 0;
    visited[start] = round;
    expandCase(start);
    const list = caseBase[start] as Int32Array;
    const bound = list.length === 0 ? Number.POSITIVE_INFINITY : cheapestOffer(groupOf[list[0] as number] as number);
    if (bestCost <= bound) return best;
    for (let head = 0; head < queueEnd; head++) {
      const m = queue[head] as number;
      const cases = held[m] as Int32Array;
      for (let i = 0, end = load[m] as number; i < end; i++) {
        const c = cases[i] as number;
        if (visited[c] === round) continue;
        visited[c] = round;
        parent[c] = caseCount + m;
        expandCase(c);
        if (bestCost <= bound) return best;
      }
    }
    return best;
  };

  // Moves of the case being served, to undo them if it cannot get a full panel: triples of case,
  // member, +1 (assigned) / -1 (unassigned).
  let journal: number[] = [];
  const touched: number[] = [];

  /** One more seat for case `start` along a cheapest path; false when none exists. */
  const augment = (start: number): boolean => {
    const end = search(start);
    if (end < 0) return false;
    // Walk back: the end member takes the case that found it; that case's holder hands it over; ...
    const unassigns: number[] = [];
    const assigns: number[] = [];
    let m = end;
    for (;;) {
      const c = parent[caseCount + m] as number;
      assigns.push(c, m);
      if (c === start) break;
      m = (parent[c] as number) - caseCount;
      unassigns.push(c, m);
    }
    touched.length = 0;
    for (let i = 0; i < unassigns.length; i += 2) {
      unassign(unassigns[i] as number, unassigns[i + 1] as number);
      journal.push(unassigns[i] as number, unassigns[i + 1] as number, -1);
    }
    for (let i = 0; i < assigns.length; i += 2) {
      assign(assigns[i] as number, assigns[i + 1] as number);
      journal.push(assigns[i] as number, assigns[i + 1] as number, 1);
      touched.push(assigns[i + 1] as number);
    }
    for (const member of touched) offer(member);
    return true;
  };

  // ---- serve the cases in the seeded order ----------------------------------------------------------
  const order = Array.from({ length: caseCount }, (_, c) => c).sort(
    (a, b) => (caseKey[a] as number) - (caseKey[b] as number) || a - b,
  );
  const causes = new Map<number, UnassignedCause>();
  for (const c of order) {
    if ((eligibleCount[c] as number) < k) {
      causes.set(c, "too_few_eligible_members");
      continue;
    }
    sourceKey = caseKey[c] as number;
    journal = [];
    let complete = true;
    for (let unit = 0; unit < k && complete; unit++) complete = augment(c);
    if (complete) {
      // The case now offers its seats to every other member who may take it.
      served[c] = 1;
      const stamp = markId++;
      for (let i = exclusionStart[c] as number, end = exclusionStart[c + 1] as number; i < end; i++) mark[exclusions[i] as number] = stamp;
      for (let slot = c * k; slot < c * k + k; slot++) mark[panel[slot] as number] = stamp;
      for (const m of caseBase[c] as Int32Array) {
        if (mark[m] === stamp) continue;
        handOvers[m] = (handOvers[m] as number) + 1;
        if (handOvers[m] === 1) offer(m);
      }
      continue;
    }
    // Undo this case's moves exactly, which restores the optimal flow for the cases served so far.
    touched.length = 0;
    for (let i = journal.length - 3; i >= 0; i -= 3) {
      const jc = journal[i] as number;
      const jm = journal[i + 1] as number;
      if (journal[i + 2] === 1) unassign(jc, jm);
      else assign(jc, jm);
      touched.push(jm);
    }
    for (const member of touched) offer(member);
    causes.set(c, "load_caps_exhausted");
  }

  // ---- the result -----------------------------------------------------------------------------------
  const panels: [string, string[]][] = [];
  const unassigned: UnassignedCase[] = [];
  cases.forEach((panelCase, c) => {
    const cause = causes.get(c);
    if (cause !== undefined) {
      // Members in the case's base list and not on its exclusion list may score it; only the others are
      // asked why not (one rule check each), so that explaining stays cheap however many cases wait.
      const stamp = markId++;
      for (let i = exclusionStart[c] as number, end = exclusionStart[c + 1] as number; i < end; i++) mark[exclusions[i] as number] = stamp;
      const base = baseOf(panelCase).contains;
      const isEligible = (m: number): boolean => base[m] === 1 && mark[m] !== stamp;
      const reason = explain(panelCase, cause, k, eligibleCount[c] as number, poolList(panelCase.poolId), isEligible, members, room);
      unassigned.push({ caseId: panelCase.caseId, code: "no_eligible_panel", cause, reason });
      return;
    }
    const chosen = Array.from(panel.subarray(c * k, c * k + (panelFill[c] as number)));
    const key = caseKey[c] as number;
    const rankOf = (m: number): number =>
      isReserve[m] ? 2 ** 32 + (reservePosition[m] as number) : preference(key, memberKey[m] as number);
    chosen.sort((a, b) => rankOf(a) - rankOf(b) || a - b);
    panels.push([panelCase.caseId, chosen.map((m) => (members[m] as PanelMember).userId)]);
  });
  const usedReserves = new Set<string>();
  members.forEach((member, m) => {
    if (isReserve[m] && (load[m] as number) > 0) usedReserves.add(member.userId);
  });
  return {
    // Built with fromEntries so that any id, even "__proto__", becomes an ordinary own property.
    panels: Object.fromEntries(panels),
    reserves: reserveIds.filter((userId) => !usedReserves.has(userId)),
    unassigned,
  };
}

/** A sentence for people: how many members may score the case, and why the others may not. */
function explain(
  panelCase: PanelCase,
  cause: UnassignedCause,
  panelSize: number,
  eligible: number,
  poolMembers: readonly number[],
  isEligible: (m: number) => boolean,
  members: readonly PanelMember[],
  room: Float64Array,
): string {
  const pool = panelCase.poolId === undefined ? "the draw" : `pool ${panelCase.poolId}`;
  if (cause === "load_caps_exhausted") {
    return `case ${panelCase.caseId}: ${eligible} member(s) of ${pool} may score it, but their load caps are taken up by the other cases of this draw`;
  }
  const reasons = new Map<CaseIneligibilityReason | "at_load_cap", number>();
  for (const m of poolMembers) {
    if (isEligible(m)) continue;
    const reason = caseIneligibilityReason(members[m] as PanelMember, panelCase) ?? ((room[m] as number) > 0 ? undefined : "at_load_cap");
    if (reason !== undefined) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const why = [...reasons].sort(([a], [b]) => (a < b ? -1 : 1)).map(([reason, count]) => `${reason}: ${count}`).join(", ");
  return `case ${panelCase.caseId}: ${eligible} member(s) of ${pool} may score it, a panel needs ${panelSize}` + (why ? ` (not eligible: ${why})` : "");
}
