import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ASSIGNMENT_ENGINE_VERSION,
  assignmentInputsHash,
  assignmentInputsText,
  assignPanels,
  type AssignPanelsInput,
  type AssignPanelsResult,
} from "../../../../functions/domain/assignment/assignPanels.ts";
import { canonicalJson, sha256Hex } from "../../../../functions/domain/assignment/canonicalJson.ts";
import { drawCompetitionPanel } from "../../../../functions/domain/assignment/drawCompetitionPanel.ts";
import type { PanelCase, PanelMember } from "../../../../functions/domain/assignment/eligibility.ts";
import { LexicographicMinCostFlow } from "../../../../functions/domain/assignment/lexicographicMinCostFlow.ts";
import { reserveOrder } from "../../../../functions/domain/assignment/reserveOrder.ts";
import { assignmentRecord, verifyDraw } from "../../../../functions/domain/assignment/verifyDraw.ts";

// An oracle written independently of eligibility.ts, straight from the hard constraints (DOMAIN.md §4 and
// issue #3): never the candidate, never someone excluded from the case, no declared conflict with the
// candidate, not from the candidate's school or an excluded school (nor a declared conflict with them), in
// the case's pool, teaching the subject where the rubric asks for it.
function mayScore(member: PanelMember, panelCase: PanelCase): boolean {
  const schools = [...(panelCase.schoolId === undefined ? [] : [panelCase.schoolId]), ...(panelCase.excludedSchoolIds ?? [])];
  if (member.userId === panelCase.candidateId) return false;
  if ((panelCase.excludedUserIds ?? []).includes(member.userId)) return false;
  if (member.conflicts.userIds.includes(panelCase.candidateId)) return false;
  if (member.schoolId !== undefined && schools.includes(member.schoolId)) return false;
  if (member.conflicts.schoolIds.some((schoolId) => schools.includes(schoolId))) return false;
  if (panelCase.poolId !== undefined && !(member.poolIds ?? []).includes(panelCase.poolId)) return false;
  if (panelCase.requiresSubjectMatch && !(member.subjects ?? []).includes(panelCase.subject as string)) return false;
  return true;
}

const roomOf = (member: PanelMember): number => (member.loadCap === undefined ? Infinity : Math.max(0, member.loadCap - (member.currentLoad ?? 0)));
const eligibleWithRoom = (input: AssignPanelsInput, panelCase: PanelCase): PanelMember[] =>
  input.members.filter((member) => mayScore(member, panelCase) && roomOf(member) > 0);

function loadsOf(result: AssignPanelsResult): Map<string, number> {
  const loads = new Map<string, number>();
  for (const panel of Object.values(result.panels)) for (const userId of panel) loads.set(userId, (loads.get(userId) ?? 0) + 1);
  return loads;
}

// Exhaustive search: can all of `cases` get full panels together, within eligibility and caps?
function feasibleByBruteForce(input: AssignPanelsInput, cases: readonly PanelCase[]): boolean {
  const capacity = new Map(input.members.map((member) => [member.userId, roomOf(member)]));
  const choose = (pool: string[], size: number): string[][] =>
    size === 0 ? [[]] : pool.flatMap((id, index) => choose(pool.slice(index + 1), size - 1).map((rest) => [id, ...rest]));
  const assign = (index: number): boolean => {
    const panelCase = cases[index];
    if (panelCase === undefined) return true;
    const pool = input.members.filter((member) => mayScore(member, panelCase) && (capacity.get(member.userId) ?? 0) > 0).map((member) => member.userId);
    for (const panel of choose(pool, input.panelSize)) {
      for (const id of panel) capacity.set(id, (capacity.get(id) ?? 0) - 1);
      const done = assign(index + 1);
      for (const id of panel) capacity.set(id, (capacity.get(id) ?? 0) + 1);
      if (done) return true;
    }
    return false;
  };
  return assign(0);
}

// The cheapest (reserve seats, then sum of squared final loads) of any flow serving exactly `cases`,
// from the generic lexicographic min-cost flow (Bellman-Ford paths): an optimality oracle for the engine.
function optimumByGenericFlow(input: AssignPanelsInput, cases: readonly PanelCase[]): { reserveSeats: number; squares: number } {
  const { members, panelSize } = input;
  const flow = new LexicographicMinCostFlow(2 + cases.length + members.length, 2);
  const reserveEdges = cases.flatMap((panelCase, c) => {
    flow.addEdge(0, 2 + c, panelSize, [0, 0]);
    return members.flatMap((member, m) => {
      if (!mayScore(member, panelCase)) return [];
      const edge = flow.addEdge(2 + c, 2 + cases.length + m, 1, [member.role === "reserve" ? 1 : 0, 0]);
      return member.role === "reserve" ? [edge] : [];
    });
  });
  const unitEdges = members.map((member, m) => {
    const units = Math.min(roomOf(member), cases.length);
    return Array.from({ length: units }, (_, unit) =>
      flow.addEdge(2 + cases.length + m, 1, 1, [0, 2 * ((member.currentLoad ?? 0) + unit + 1) - 1]),
    );
  });
  expect(flow.run(0, 1)).toBe(panelSize * cases.length);
  const squares = members.reduce((sum, member, m) => {
    const taken = (unitEdges[m] ?? []).reduce((count, edge) => count + flow.flowOn(edge), 0);
    return sum + ((member.currentLoad ?? 0) + taken) ** 2;
  }, 0);
  return { reserveSeats: reserveEdges.reduce((sum, edge) => sum + flow.flowOn(edge), 0), squares };
}

const userPool = ["u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7"];
const schoolPool = ["s0", "s1", "s2", "s3", "s4"];
const subjectPool = ["math", "physics", "biology"];
const poolIds = ["p0", "p1"];

const memberArbitrary = (options: { caps: boolean }) =>
  fc.record(
    {
      userId: fc.constantFrom(...userPool),
      role: fc.constantFrom("chair", "member", "member", "reserve") as fc.Arbitrary<PanelMember["role"]>,
      schoolId: fc.constantFrom(...schoolPool),
      districtId: fc.constantFrom("d0", "d1"),
      subjects: fc.subarray(subjectPool, { minLength: 1 }),
      poolIds: fc.constantFrom([], ["p0"], ["p1"], ["p0", "p1"], ["p0", "p1"]),
      loadCap: options.caps ? fc.integer({ min: 0, max: 3 }) : fc.constant(undefined),
      currentLoad: fc.integer({ min: 0, max: 1 }),
      conflicts: fc.record({
        userIds: fc.subarray([...userPool, "t0", "t1"], { maxLength: 1 }),
        schoolIds: fc.subarray(schoolPool, { maxLength: 1 }),
      }),
    },
    { requiredKeys: ["userId", "role", "conflicts"] },
  ) as fc.Arbitrary<PanelMember>;

const caseArbitrary = fc
  .record(
    {
      caseId: fc.constantFrom("c0", "c1", "c2", "c3", "c4", "c5"),
      candidateId: fc.constantFrom(...userPool, "t0", "t1", "t2"),
      schoolId: fc.constantFrom(...schoolPool),
      districtId: fc.constantFrom("d0", "d1"),
      subject: fc.constantFrom(...subjectPool),
      requiresSubjectMatch: fc.boolean(),
      poolId: fc.constantFrom(...poolIds),
      excludedUserIds: fc.subarray(userPool, { maxLength: 2 }),
      excludedSchoolIds: fc.subarray(schoolPool, { maxLength: 1 }),
    },
    { requiredKeys: ["caseId", "candidateId"] },
  )
  .map((panelCase) => (panelCase.requiresSubjectMatch && panelCase.subject === undefined ? { ...panelCase, subject: "math" } : panelCase)) as fc.Arbitrary<PanelCase>;

const inputArbitrary = (options: { caps: boolean; maxMembers?: number; maxCases?: number }) =>
  fc.record({
    seed: fc.string({ minLength: 1, maxLength: 12 }),
    panelSize: fc.integer({ min: 1, max: 3 }),
    members: fc.uniqueArray(memberArbitrary(options), { selector: (member) => member.userId, minLength: 3, maxLength: options.maxMembers ?? 8 }),
    cases: fc.uniqueArray(caseArbitrary, { selector: (panelCase) => panelCase.caseId, minLength: 1, maxLength: options.maxCases ?? 5 }),
  }) as fc.Arbitrary<AssignPanelsInput>;

// Inputs where the caps, not eligibility, decide: one pool, no subject match, caps of 0 to 2 cases.
const tightInputArbitrary = fc
  .tuple(inputArbitrary({ caps: false, maxMembers: 6, maxCases: 4 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }))
  .map(([input, caps]): AssignPanelsInput => ({
    ...input,
    members: input.members.map((member, index) => ({ ...member, loadCap: (caps[index] ?? 0) + (member.currentLoad ?? 0) })),
    cases: input.cases.map(({ poolId: _pool, requiresSubjectMatch: _match, excludedUserIds: _excluded, ...panelCase }) => panelCase),
  }));

function reversedInput(input: AssignPanelsInput): AssignPanelsInput {
  const reversed = <T>(values: readonly T[] | undefined): T[] | undefined => (values === undefined ? undefined : [...values].reverse());
  return {
    ...input,
    members: [...input.members].reverse().map((member) => ({
      ...member,
      subjects: reversed(member.subjects),
      poolIds: reversed(member.poolIds),
      conflicts: { userIds: [...member.conflicts.userIds].reverse(), schoolIds: [...member.conflicts.schoolIds].reverse() },
    })),
    cases: [...input.cases].reverse().map((panelCase) => ({
      ...panelCase,
      excludedUserIds: reversed(panelCase.excludedUserIds),
      excludedSchoolIds: reversed(panelCase.excludedSchoolIds),
    })),
  };
}

const person = (userId: string, extra: Partial<PanelMember> = {}): PanelMember => ({
  userId,
  role: "member",
  conflicts: { userIds: [], schoolIds: [] },
  ...extra,
});

describe("assignPanels", () => {
  it("never breaks a hard constraint, and every case has a full panel or is reported (property)", () => {
    fc.assert(
      fc.property(inputArbitrary({ caps: true }), (input) => {
        const result = assignPanels(input);
        const byId = new Map(input.members.map((member) => [member.userId, member]));
        const unassigned = result.unassigned.map((entry) => entry.caseId);
        expect([...Object.keys(result.panels), ...unassigned].sort()).toEqual(input.cases.map((panelCase) => panelCase.caseId).sort());
        expect(unassigned).toEqual([...unassigned].sort());
        for (const entry of result.unassigned) {
          expect(entry).toMatchObject({ code: "no_eligible_panel", reason: expect.stringContaining(entry.caseId) });
          expect(Object.hasOwn(result.panels, entry.caseId)).toBe(false);
        }
        for (const panelCase of input.cases) {
          if (!Object.hasOwn(result.panels, panelCase.caseId)) continue;
          const panel = result.panels[panelCase.caseId] ?? [];
          expect(panel).toHaveLength(input.panelSize);
          expect(new Set(panel).size).toBe(panel.length);
          for (const userId of panel) {
            const member = byId.get(userId);
            expect(member).toBeDefined();
            expect(mayScore(member as PanelMember, panelCase)).toBe(true);
          }
        }
        for (const [userId, taken] of loadsOf(result)) {
          const member = byId.get(userId) as PanelMember;
          if (member.loadCap !== undefined) expect((member.currentLoad ?? 0) + taken).toBeLessThanOrEqual(member.loadCap);
        }
        const used = new Set(Object.values(result.panels).flat());
        const unusedReserves = input.members.filter((member) => member.role === "reserve" && !used.has(member.userId)).map((member) => member.userId);
        expect(result.reserves).toEqual(reserveOrder(input.seed, unusedReserves));
        expect(result).toMatchObject({ engineVersion: ASSIGNMENT_ENGINE_VERSION, seed: input.seed, inputsHash: assignmentInputsHash(input) });
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic and ignores the order in which anything is listed (property)", () => {
    fc.assert(
      fc.property(inputArbitrary({ caps: true }), (input) => {
        const first = assignPanels(input);
        expect(assignPanels(structuredClone(input))).toEqual(first);
        expect(assignPanels(reversedInput(input))).toEqual(first);
      }),
    );
  });

  it("reports a case unassigned exactly when its eligibility or the caps make it impossible (property, exhaustive check)", () => {
    fc.assert(
      fc.property(inputArbitrary({ caps: true, maxMembers: 6, maxCases: 4 }), (input) => {
        const result = assignPanels(input);
        const byCase = new Map(input.cases.map((panelCase) => [panelCase.caseId, panelCase]));
        const served = input.cases.filter((panelCase) => Object.hasOwn(result.panels, panelCase.caseId));
        // Everything is served whenever everything can be served together.
        expect(result.unassigned.length === 0).toBe(feasibleByBruteForce(input, input.cases));
        for (const entry of result.unassigned) {
          const panelCase = byCase.get(entry.caseId) as PanelCase;
          const short = eligibleWithRoom(input, panelCase).length < input.panelSize;
          expect(entry.cause).toBe(short ? "too_few_eligible_members" : "load_caps_exhausted");
          // No unassigned case could join the served ones without breaking a cap.
          expect(feasibleByBruteForce(input, [...served, panelCase])).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reports a case unassigned exactly when the caps make it impossible (property, exhaustive check, tight caps)", () => {
    fc.assert(
      fc.property(tightInputArbitrary, (input) => {
        const result = assignPanels(input);
        const served = input.cases.filter((panelCase) => Object.hasOwn(result.panels, panelCase.caseId));
        expect(result.unassigned.length === 0).toBe(feasibleByBruteForce(input, input.cases));
        for (const entry of result.unassigned) {
          const panelCase = input.cases.find((candidate) => candidate.caseId === entry.caseId) as PanelCase;
          expect(feasibleByBruteForce(input, [...served, panelCase])).toBe(false);
        }
        const taken = loadsOf(result);
        const squares = input.members.reduce((sum, member) => sum + ((member.currentLoad ?? 0) + (taken.get(member.userId) ?? 0)) ** 2, 0);
        expect(squares).toBe(optimumByGenericFlow(input, served).squares);
      }),
      { numRuns: 200 },
    );
  });

  it("finds the cheapest assignment: fewest reserve seats, then the least sum of squared loads (property, generic flow oracle)", () => {
    fc.assert(
      fc.property(inputArbitrary({ caps: true, maxMembers: 8, maxCases: 6 }), (input) => {
        const result = assignPanels(input);
        const served = input.cases.filter((panelCase) => Object.hasOwn(result.panels, panelCase.caseId));
        const taken = loadsOf(result);
        const reserveSeats = input.members.filter((member) => member.role === "reserve").reduce((sum, member) => sum + (taken.get(member.userId) ?? 0), 0);
        const squares = input.members.reduce((sum, member) => sum + ((member.currentLoad ?? 0) + (taken.get(member.userId) ?? 0)) ** 2, 0);
        expect({ reserveSeats, squares }).toEqual(optimumByGenericFlow(input, served));
      }),
      { numRuns: 300 },
    );
  });

  it("spreads the load to within one case when nothing else constrains it, pool by pool (property)", () => {
    const balancedInput = fc.record({
      seed: fc.string({ minLength: 1 }),
      pools: fc.array(fc.record({ memberCount: fc.integer({ min: 3, max: 9 }), caseCount: fc.integer({ min: 0, max: 12 }) }), { minLength: 1, maxLength: 3 }),
      panelSize: fc.integer({ min: 1, max: 3 }),
      reserves: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(
      fc.property(balancedInput, ({ seed, pools, panelSize, reserves }) => {
        const members = pools.flatMap(({ memberCount }, p) =>
          Array.from({ length: memberCount + reserves }, (_, index) =>
            person(`p${p}-m${index}`, { role: index < memberCount ? "member" : "reserve", poolIds: [`p${p}`], schoolId: `p${p}-s${index}` }),
          ),
        );
        const cases = pools.flatMap(({ caseCount }, p) =>
          Array.from({ length: caseCount }, (_, index) => ({ caseId: `p${p}-c${index}`, candidateId: `p${p}-t${index}`, poolId: `p${p}` })),
        );
        const result = assignPanels({ seed, panelSize, members, cases });
        expect(result.unassigned).toEqual([]);
        const taken = loadsOf(result);
        pools.forEach(({ memberCount, caseCount }, p) => {
          const loads = Array.from({ length: memberCount }, (_, index) => taken.get(`p${p}-m${index}`) ?? 0);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
          expect(loads.reduce((a, b) => a + b, 0)).toBe(panelSize * caseCount);
        });
        expect(result.reserves).toHaveLength(pools.length * reserves);
      }),
    );
  });

  it("keeps everyone who scored a case before off its appeal panel", () => {
    const members = Array.from({ length: 7 }, (_, index) => person(`m${index}`, { schoolId: `s${index}` }));
    const first = assignPanels({ seed: "first", panelSize: 3, members, cases: [{ caseId: "portfolio", candidateId: "t" }] });
    const firstPanel = first.panels.portfolio ?? [];
    expect(firstPanel).toHaveLength(3);
    for (const seed of ["a", "b", "c", "d"]) {
      const appeal = assignPanels({ seed, panelSize: 3, members, cases: [{ caseId: "appeal", candidateId: "t", excludedUserIds: firstPanel }] });
      const panel = appeal.panels.appeal ?? [];
      expect(panel).toHaveLength(3);
      expect(panel.filter((userId) => firstPanel.includes(userId))).toEqual([]);
    }
    // With four members, an appeal against a panel of three has one member left: no panel, and it says so.
    const small = members.slice(0, 4);
    const firstOfFour = assignPanels({ seed: "first", panelSize: 3, members: small, cases: [{ caseId: "portfolio", candidateId: "t" }] }).panels.portfolio ?? [];
    const appeal = assignPanels({ seed: "x", panelSize: 3, members: small, cases: [{ caseId: "appeal", candidateId: "t", excludedUserIds: firstOfFour }] });
    expect(appeal).toMatchObject({ panels: {}, unassigned: [{ caseId: "appeal", cause: "too_few_eligible_members", reason: expect.stringContaining("excluded_from_case: 3") }] });
  });

  it("matches subjects where the rubric asks and names the cases it cannot serve, serving the rest", () => {
    const members = [
      person("math1", { subjects: ["math"], poolIds: ["district-1"] }),
      person("math2", { subjects: ["math", "physics"], poolIds: ["district-1"] }),
      person("bio1", { subjects: ["biology"], poolIds: ["district-1"] }),
      person("bio2", { subjects: ["biology"], poolIds: ["district-1"] }),
      person("far", { subjects: ["physics"], poolIds: ["district-2"] }),
    ];
    const result = assignPanels({
      seed: "x",
      panelSize: 2,
      members,
      cases: [
        { caseId: "math-case", candidateId: "t1", subject: "math", requiresSubjectMatch: true, poolId: "district-1" },
        { caseId: "physics-case", candidateId: "t2", subject: "physics", requiresSubjectMatch: true, poolId: "district-1" },
        { caseId: "any-case", candidateId: "t3", subject: "physics", poolId: "district-1" },
      ],
    });
    expect([...(result.panels["math-case"] ?? [])].sort()).toEqual(["math1", "math2"]);
    expect(result.panels["any-case"]).toHaveLength(2);
    expect(result.panels["any-case"]).not.toContain("far");
    expect(result.unassigned).toEqual([
      {
        caseId: "physics-case",
        code: "no_eligible_panel",
        cause: "too_few_eligible_members",
        reason: "case physics-case: 1 member(s) of pool district-1 may score it, a panel needs 2 (not eligible: lacks_subject: 3)",
      },
    ]);
  });

  it("serves the cases the caps allow and names the others", () => {
    // Two members with room for one case each, panels of 2, three cases: one case is served.
    const members = [person("a", { loadCap: 1 }), person("b", { loadCap: 2, currentLoad: 1 })];
    const cases = ["c0", "c1", "c2"].map((caseId, index) => ({ caseId, candidateId: `t${index}` }));
    const result = assignPanels({ seed: "x", panelSize: 2, members, cases });
    expect(Object.values(result.panels).map((panel) => [...panel].sort())).toEqual([["a", "b"]]);
    expect(result.unassigned).toHaveLength(2);
    for (const entry of result.unassigned) {
      expect(entry).toMatchObject({ code: "no_eligible_panel", cause: "load_caps_exhausted" });
      expect(entry.reason).toContain("load caps");
    }
  });

  it("hands a seat over rather than leave a later case without a panel", () => {
    // c1 can only have u-a; whichever case comes first, both are served.
    const members = [person("u-a", { loadCap: 1 }), person("u-b", { loadCap: 1, conflicts: { userIds: ["t1"], schoolIds: [] } })];
    const cases = [
      { caseId: "c0", candidateId: "t0" },
      { caseId: "c1", candidateId: "t1" },
    ];
    for (const seed of ["s1", "s2", "s3", "s4", "s5", "s6"]) {
      expect(assignPanels({ seed, panelSize: 1, members, cases })).toMatchObject({ panels: { c0: ["u-b"], c1: ["u-a"] }, unassigned: [] });
    }
  });

  it("draws different panels for different seeds", () => {
    const members = Array.from({ length: 12 }, (_, index) => person(`m${index}`));
    const cases = Array.from({ length: 4 }, (_, index) => ({ caseId: `c${index}`, candidateId: `t${index}` }));
    const outcomes = new Set(["alpha", "beta", "gamma", "delta", "epsilon"].map((seed) => JSON.stringify(assignPanels({ seed, panelSize: 3, members, cases }).panels)));
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it("is the engine behind the competition draw", () => {
    fc.assert(
      fc.property(inputArbitrary({ caps: true }), fc.constantFrom("s0", "s-elsewhere"), (input, vacancySchoolId) => {
        const members = input.members.map(({ subjects: _subjects, poolIds: _pools, districtId: _district, ...member }) => member);
        const candidates = input.cases.map(({ caseId, candidateId, schoolId }) => ({ applicationId: caseId, candidateId, ...(schoolId ? { schoolId } : {}) }));
        const competition = drawCompetitionPanel({ seed: input.seed, panelSize: input.panelSize, vacancySchoolId, members, candidates });
        const engine = assignPanels({
          seed: input.seed,
          panelSize: input.panelSize,
          members,
          cases: candidates.map(({ applicationId, candidateId, schoolId }) => ({ caseId: applicationId, candidateId, schoolId, excludedSchoolIds: [vacancySchoolId] })),
        });
        if (engine.unassigned.length === 0) expect(competition).toMatchObject({ ok: true, panels: engine.panels, reserves: engine.reserves });
        else expect(competition).toMatchObject({ ok: false, applicationIds: engine.unassigned.map((entry) => entry.caseId) });
      }),
    );
  });

  it("handles a draw with no cases or no members", () => {
    expect(assignPanels({ seed: "x", panelSize: 3, members: [person("r", { role: "reserve" })], cases: [] })).toMatchObject({ panels: {}, reserves: ["r"], unassigned: [] });
    const result = assignPanels({ seed: "x", panelSize: 1, members: [], cases: [{ caseId: "__proto__", candidateId: "t" }] });
    expect(result.unassigned.map((entry) => entry.caseId)).toEqual(["__proto__"]);
    const one = assignPanels({ seed: "x", panelSize: 1, members: [person("m")], cases: [{ caseId: "__proto__", candidateId: "t" }] });
    expect(Object.hasOwn(one.panels, "__proto__") && one.panels["__proto__"]).toEqual(["m"]);
  });

  it("refuses malformed input", () => {
    const base: AssignPanelsInput = { seed: "x", panelSize: 1, members: [person("m")], cases: [] };
    const invalid = expect.objectContaining({ code: "invalid_draw_input" });
    expect(() => assignPanels({ ...base, seed: "" })).toThrow(invalid);
    expect(() => assignPanels({ ...base, panelSize: 0 })).toThrow(invalid);
    expect(() => assignPanels({ ...base, panelSize: 2.5 })).toThrow(invalid);
    expect(() => assignPanels({ ...base, members: [person("m"), person("m")] })).toThrow(invalid);
    expect(() => assignPanels({ ...base, members: [person("m", { currentLoad: -1 })] })).toThrow(invalid);
    expect(() => assignPanels({ ...base, members: [person("m", { role: "boss" as PanelMember["role"] })] })).toThrow(invalid);
    const panelCase = { caseId: "c", candidateId: "t" };
    expect(() => assignPanels({ ...base, cases: [panelCase, panelCase] })).toThrow(invalid);
    expect(() => assignPanels({ ...base, cases: [{ ...panelCase, requiresSubjectMatch: true }] })).toThrow(invalid);
  });
});

describe("assignmentInputsHash", () => {
  it("is SHA-256 of the canonical JSON of the normalized inputs, without the seed (property)", () => {
    fc.assert(
      fc.property(inputArbitrary({ caps: true }), (input) => {
        const text = assignmentInputsText(input);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(assignmentInputsHash(input)).toBe(sha256Hex(text));
        expect(assignmentInputsHash(reversedInput(input))).toBe(sha256Hex(text));
        expect(assignPanels({ ...input, seed: `${input.seed}!` }).inputsHash).toBe(sha256Hex(text));
      }),
    );
  });

  it("has a documented form", () => {
    const text = assignmentInputsText({
      panelSize: 3,
      members: [person("m1", { subjects: ["math"], poolIds: ["p"], loadCap: 5, conflicts: { userIds: ["t2", "t1"], schoolIds: [] } })],
      cases: [{ caseId: "c1", candidateId: "t1", subject: "math", requiresSubjectMatch: true, poolId: "p", excludedUserIds: ["m9"] }],
    });
    expect(text).toBe(
      '{"cases":[{"candidateId":"t1","caseId":"c1","excludedSchoolIds":[],"excludedUserIds":["m9"],"poolId":"p","requiresSubjectMatch":true,"subject":"math"}],' +
        '"engineVersion":1,"members":[{"conflicts":{"schoolIds":[],"userIds":["t1","t2"]},"currentLoad":0,"loadCap":5,"poolIds":["p"],"role":"member","subjects":["math"],"userId":"m1"}],' +
        '"panelSize":3}',
    );
  });

  it("changes with any fact that matters", () => {
    const input: AssignPanelsInput = {
      seed: "s",
      panelSize: 1,
      members: [person("m1"), person("m2", { subjects: ["math"] })],
      cases: [{ caseId: "c", candidateId: "t", subject: "math" }],
    };
    const base = assignmentInputsHash(input);
    const variants: AssignPanelsInput[] = [
      { ...input, panelSize: 2 },
      { ...input, cases: [{ caseId: "c", candidateId: "t", subject: "math", requiresSubjectMatch: true }] },
      { ...input, cases: [{ caseId: "c", candidateId: "t", subject: "math", excludedUserIds: ["m1"] }] },
      { ...input, members: [person("m1", { loadCap: 3 }), person("m2", { subjects: ["math"] })] },
      { ...input, members: [person("m1", { conflicts: { userIds: ["t"], schoolIds: [] } }), person("m2", { subjects: ["math"] })] },
    ];
    for (const variant of variants) expect(assignmentInputsHash(variant)).not.toBe(base);
  });
});

describe("verifyDraw", () => {
  it("accepts every genuine record (property)", () => {
    fc.assert(
      fc.property(inputArbitrary({ caps: true }), (input) => {
        const record = assignmentRecord(input, assignPanels(input));
        expect(verifyDraw(record)).toEqual({ ok: true });
        // A record whose lists were stored in another order (e.g. read back from a database) still stands.
        const { cases, members } = reversedInput(record);
        expect(verifyDraw(structuredClone({ ...record, cases, members }))).toEqual({ ok: true });
      }),
      { numRuns: 100 },
    );
  });

  const members = Array.from({ length: 6 }, (_, index) => person(`m${index}`, { role: index === 5 ? "reserve" : "member" }));
  const input: AssignPanelsInput = {
    seed: "public-seed",
    panelSize: 2,
    members,
    cases: [
      { caseId: "c1", candidateId: "t1" },
      { caseId: "c2", candidateId: "t2" },
    ],
  };
  const record = assignmentRecord(input, assignPanels(input));

  it("names a changed panel", () => {
    const panel = record.panels.c1 ?? [];
    const outsider = members.find((member) => member.role !== "reserve" && !panel.includes(member.userId))?.userId as string;
    const tampered = { ...record, panels: { ...record.panels, c1: [panel[0] as string, outsider] } };
    expect(verifyDraw(tampered)).toEqual({ ok: false, reason: expect.stringContaining("case c1") });
    expect(verifyDraw({ ...record, panels: { c1: panel } })).toEqual({ ok: false, reason: expect.stringContaining("case c2") });
  });

  it("refuses inputs that do not hash to the recorded hash, another seed, or another engine version", () => {
    expect(verifyDraw({ ...record, members: members.slice(1) })).toEqual({ ok: false, reason: expect.stringContaining("hash") });
    const otherSeed = ["s1", "s2", "s3", "s4", "s5"].map((seed) => verifyDraw({ ...record, seed }));
    expect(otherSeed.some((outcome) => !outcome.ok)).toBe(true);
    expect(verifyDraw({ ...record, engineVersion: 99 })).toEqual({ ok: false, reason: expect.stringContaining("version") });
    expect(verifyDraw({ ...record, reserves: [] })).toEqual({ ok: false, reason: expect.stringContaining("reserves") });
    expect(verifyDraw({ ...record, unassigned: [{ caseId: "c1", code: "no_eligible_panel", cause: "too_few_eligible_members", reason: "" }] })).toMatchObject({ ok: false });
  });

  it("reports a malformed record instead of throwing", () => {
    const broken = { ...record, panelSize: 0 };
    expect(verifyDraw(broken)).toEqual({ ok: false, reason: expect.stringContaining("not a valid draw") });
  });
});
