import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, sha256Hex } from "../../../../functions/domain/assignment/canonicalJson.ts";
import {
  COMPETITION_DRAW_VERSION,
  competitionDrawInputsHash,
  drawCompetitionPanel,
  verifyCompetitionDraw,
  type DrawCompetitionPanelInput,
  type DrawCompetitionPanelResult,
} from "../../../../functions/domain/assignment/drawCompetitionPanel.ts";
import type { PanelCandidate, PanelMember } from "../../../../functions/domain/assignment/eligibility.ts";
import { reserveOrder } from "../../../../functions/domain/assignment/reserveOrder.ts";

// An oracle written independently of eligibility.ts, straight from the hard constraints in DOMAIN.md §4.
function mayScore(member: PanelMember, candidate: PanelCandidate, vacancySchoolId: string): boolean {
  if (member.userId === candidate.candidateId) return false;
  if (member.conflicts.userIds.includes(candidate.candidateId)) return false;
  if (member.schoolId !== undefined && (member.schoolId === candidate.schoolId || member.schoolId === vacancySchoolId)) return false;
  if (candidate.schoolId !== undefined && member.conflicts.schoolIds.includes(candidate.schoolId)) return false;
  return !member.conflicts.schoolIds.includes(vacancySchoolId);
}

const eligibleFor = (input: DrawCompetitionPanelInput, candidate: PanelCandidate) =>
  input.members.filter((member) => mayScore(member, candidate, input.vacancySchoolId));

function loadsOf(result: DrawCompetitionPanelResult): Map<string, number> {
  const loads = new Map<string, number>();
  if (result.ok) for (const panel of Object.values(result.panels)) for (const userId of panel) loads.set(userId, (loads.get(userId) ?? 0) + 1);
  return loads;
}

// Exhaustive search: is there any assignment of full panels that respects eligibility and caps?
function feasibleByBruteForce(input: DrawCompetitionPanelInput): boolean {
  const capacity = new Map(
    input.members.map((m) => [m.userId, m.loadCap === undefined ? Infinity : m.loadCap - (m.currentLoad ?? 0)]),
  );
  const choose = (pool: string[], size: number): string[][] =>
    size === 0 ? [[]] : pool.flatMap((id, index) => choose(pool.slice(index + 1), size - 1).map((rest) => [id, ...rest]));
  const assign = (index: number): boolean => {
    const candidate = input.candidates[index];
    if (candidate === undefined) return true;
    const pool = eligibleFor(input, candidate).map((m) => m.userId).filter((id) => (capacity.get(id) ?? 0) > 0);
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

const userPool = ["u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"];
const schoolPool = ["s0", "s1", "s2", "s3", "s4", "s5"];

const memberArbitrary = (options: { caps: boolean }) =>
  fc.record(
    {
      userId: fc.constantFrom(...userPool),
      role: fc.constantFrom("chair", "member", "member", "reserve") as fc.Arbitrary<PanelMember["role"]>,
      schoolId: fc.constantFrom(...schoolPool),
      loadCap: options.caps ? fc.integer({ min: 0, max: 4 }) : fc.constant(undefined),
      currentLoad: fc.integer({ min: 0, max: 1 }),
      conflicts: fc.record({
        userIds: fc.subarray(userPool, { maxLength: 2 }),
        schoolIds: fc.subarray(schoolPool, { maxLength: 1 }),
      }),
    },
    { requiredKeys: ["userId", "role", "conflicts"] },
  ) as fc.Arbitrary<PanelMember>;

const candidateArbitrary = fc.record(
  { applicationId: fc.constantFrom("a0", "a1", "a2", "a3", "a4", "a5"), candidateId: fc.constantFrom(...userPool, "t0", "t1", "t2", "t3", "t4", "t5"), schoolId: fc.constantFrom(...schoolPool) },
  { requiredKeys: ["applicationId", "candidateId"] },
) as fc.Arbitrary<PanelCandidate>;

const inputArbitrary = (options: { caps: boolean; maxMembers?: number; maxCandidates?: number }) =>
  fc.record({
    seed: fc.string({ minLength: 1, maxLength: 12 }),
    panelSize: fc.integer({ min: 1, max: 3 }),
    vacancySchoolId: fc.constantFrom("s0", "s-elsewhere"),
    members: fc.uniqueArray(memberArbitrary(options), { selector: (m) => m.userId, maxLength: options.maxMembers ?? 9 }),
    candidates: fc.uniqueArray(candidateArbitrary, {
      selector: (c) => c.applicationId,
      minLength: 1,
      maxLength: options.maxCandidates ?? 5,
    }),
  }) as fc.Arbitrary<DrawCompetitionPanelInput>;

function reversedInput(input: DrawCompetitionPanelInput): DrawCompetitionPanelInput {
  return {
    ...input,
    members: [...input.members].reverse().map((m) => ({
      ...m,
      conflicts: { userIds: [...m.conflicts.userIds].reverse(), schoolIds: [...m.conflicts.schoolIds].reverse() },
    })),
    candidates: [...input.candidates].reverse(),
  };
}

const person = (userId: string, role: PanelMember["role"] = "member", extra: Partial<PanelMember> = {}): PanelMember => ({
  userId,
  role,
  conflicts: { userIds: [], schoolIds: [] },
  ...extra,
});

describe("drawCompetitionPanel", () => {
  it("never breaks a hard constraint and fills every panel exactly (property)", () => {
    fc.assert(
      fc.property(inputArbitrary({ caps: true }), (input) => {
        const result = drawCompetitionPanel(input);
        if (!result.ok) return;
        const byId = new Map(input.members.map((m) => [m.userId, m]));
        expect(Object.keys(result.panels).sort()).toEqual(input.candidates.map((c) => c.applicationId).sort());
        for (const candidate of input.candidates) {
          const panel = result.panels[candidate.applicationId] ?? [];
          expect(panel).toHaveLength(input.panelSize);
          expect(new Set(panel).size).toBe(panel.length);
          for (const userId of panel) {
            const member = byId.get(userId);
            expect(member).toBeDefined();
            expect(mayScore(member as PanelMember, candidate, input.vacancySchoolId)).toBe(true);
          }
        }
        for (const [userId, load] of loadsOf(result)) {
          const member = byId.get(userId) as PanelMember;
          if (member.loadCap !== undefined) expect((member.currentLoad ?? 0) + load).toBeLessThanOrEqual(member.loadCap);
        }
        const used = new Set(Object.values(result.panels).flat());
        const unusedReserves = input.members.filter((m) => m.role === "reserve" && !used.has(m.userId)).map((m) => m.userId);
        expect(result.reserves).toEqual(reserveOrder(input.seed, unusedReserves));
      }),
    );
  });

  it("is deterministic and ignores the order in which inputs are listed (property)", () => {
    fc.assert(
      fc.property(inputArbitrary({ caps: true }), (input) => {
        const first = drawCompetitionPanel(input);
        expect(drawCompetitionPanel(structuredClone(input))).toEqual(first);
        expect(drawCompetitionPanel(reversedInput(input))).toEqual(first);
      }),
    );
  });

  it("spreads the load to within one case when everyone is eligible and uncapped (property)", () => {
    const balancedInput = fc
      .record({
        seed: fc.string({ minLength: 1 }),
        memberCount: fc.integer({ min: 1, max: 9 }),
        candidateCount: fc.integer({ min: 1, max: 8 }),
        panelSize: fc.integer({ min: 1, max: 9 }),
      })
      .filter(({ memberCount, panelSize }) => panelSize <= memberCount);
    fc.assert(
      fc.property(balancedInput, ({ seed, memberCount, candidateCount, panelSize }) => {
        const members = Array.from({ length: memberCount }, (_, index) => person(`m${index}`, index === 0 ? "chair" : "member"));
        const candidates = Array.from({ length: candidateCount }, (_, index) => ({ applicationId: `a${index}`, candidateId: `t${index}` }));
        const result = drawCompetitionPanel({ seed, panelSize, vacancySchoolId: "v", members, candidates });
        expect(result.ok).toBe(true);
        const loads = members.map((m) => loadsOf(result).get(m.userId) ?? 0);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        expect(loads.reduce((a, b) => a + b, 0)).toBe(panelSize * candidateCount);
      }),
    );
  });

  it("fails exactly for the candidates with fewer eligible members than the panel size, when uncapped (property)", () => {
    fc.assert(
      fc.property(inputArbitrary({ caps: false }), (input) => {
        const result = drawCompetitionPanel(input);
        const short = input.candidates
          .filter((c) => eligibleFor(input, c).length < input.panelSize)
          .map((c) => c.applicationId)
          .sort();
        if (short.length === 0) {
          expect(result.ok).toBe(true);
        } else {
          expect(result).toMatchObject({ ok: false, code: "no_eligible_panel", applicationIds: short });
          expect(result).not.toHaveProperty("panels");
        }
      }),
    );
  });

  it("seats reserves only where chairs and members cannot fill a panel, when uncapped (property)", () => {
    fc.assert(
      fc.property(inputArbitrary({ caps: false }), (input) => {
        const result = drawCompetitionPanel(input);
        if (!result.ok) return;
        const reserves = new Set(input.members.filter((m) => m.role === "reserve").map((m) => m.userId));
        for (const candidate of input.candidates) {
          const regulars = eligibleFor(input, candidate).filter((m) => m.role !== "reserve").length;
          const seated = (result.panels[candidate.applicationId] ?? []).filter((id) => reserves.has(id)).length;
          expect(seated).toBe(Math.max(0, input.panelSize - regulars));
        }
      }),
    );
  });

  it("refuses a panel only when no assignment at all exists, caps included (property)", () => {
    fc.assert(
      fc.property(inputArbitrary({ caps: true, maxMembers: 6, maxCandidates: 4 }), (input) => {
        expect(drawCompetitionPanel(input).ok).toBe(feasibleByBruteForce(input));
      }),
      { numRuns: 150 },
    );
  });

  it("does not let an early candidate take the only member a later one can have", () => {
    // A greedy draw that serves a0 first with u-a would leave a1 without a panel.
    const members = [person("u-a", "member", { loadCap: 1 }), person("u-b", "member", { loadCap: 1 })];
    const candidates = [
      { applicationId: "a0", candidateId: "t0" },
      { applicationId: "a1", candidateId: "t1" },
    ];
    members[1]?.conflicts.userIds.push("t1");
    for (const seed of ["s1", "s2", "s3", "s4", "s5"]) {
      const result = drawCompetitionPanel({ seed, panelSize: 1, vacancySchoolId: "v", members, candidates });
      expect(result).toMatchObject({ ok: true, panels: { a0: ["u-b"], a1: ["u-a"] } });
    }
  });

  it("counts the load a member already carries", () => {
    const members = [person("busy", "member", { currentLoad: 5 }), person("idle"), person("idle2")];
    const candidates = Array.from({ length: 4 }, (_, index) => ({ applicationId: `a${index}`, candidateId: `t${index}` }));
    const result = drawCompetitionPanel({ seed: "x", panelSize: 2, vacancySchoolId: "v", members, candidates });
    expect(result.ok).toBe(true);
    expect(loadsOf(result).get("busy") ?? 0).toBe(0);
    expect([loadsOf(result).get("idle"), loadsOf(result).get("idle2")]).toEqual([4, 4]);
  });

  it("keeps staff of the hiring school off its panels", () => {
    const members = [person("m1", "member", { schoolId: "hiring" }), person("m2"), person("m3")];
    const result = drawCompetitionPanel({
      seed: "x",
      panelSize: 2,
      vacancySchoolId: "hiring",
      members,
      candidates: [{ applicationId: "a", candidateId: "t", schoolId: "other" }],
    });
    expect(result.ok && [...(result.panels.a ?? [])].sort()).toEqual(["m2", "m3"]);
  });

  it("returns unused reserves in the seeded order and uses different panels for different seeds", () => {
    const members = [
      ...Array.from({ length: 8 }, (_, index) => person(`m${index}`)),
      ...Array.from({ length: 4 }, (_, index) => person(`r${index}`, "reserve")),
    ];
    const candidates = Array.from({ length: 3 }, (_, index) => ({ applicationId: `a${index}`, candidateId: `t${index}` }));
    const outcomes = new Set<string>();
    for (const seed of ["alpha", "beta", "gamma", "delta", "epsilon"]) {
      const result = drawCompetitionPanel({ seed, panelSize: 3, vacancySchoolId: "v", members, candidates });
      if (!result.ok) throw new Error("expected a draw");
      expect(result.seed).toBe(seed);
      expect(result.reserves).toEqual(reserveOrder(seed, ["r0", "r1", "r2", "r3"]));
      outcomes.add(JSON.stringify(result.panels));
    }
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it("fails as a whole when one candidate cannot get a full panel, naming only that candidate", () => {
    const members = [person("m1"), person("m2"), person("m3", "member", { schoolId: "s-a" })];
    const result = drawCompetitionPanel({
      seed: "x",
      panelSize: 3,
      vacancySchoolId: "v",
      members,
      candidates: [
        { applicationId: "fine", candidateId: "t1", schoolId: "s-b" },
        { applicationId: "colleague", candidateId: "t2", schoolId: "s-a" },
      ],
    });
    expect(result).toEqual({ ok: false, code: "no_eligible_panel", inputsHash: expect.any(String), applicationIds: ["colleague"] });
  });

  it("keeps any application id as a plain key of the result", () => {
    const result = drawCompetitionPanel({
      seed: "x",
      panelSize: 1,
      vacancySchoolId: "v",
      members: [person("m")],
      candidates: [{ applicationId: "__proto__", candidateId: "t" }],
    });
    expect(result.ok && Object.hasOwn(result.panels, "__proto__") && result.panels["__proto__"]).toEqual(["m"]);
  });

  it("handles a competition with no candidates", () => {
    const result = drawCompetitionPanel({ seed: "x", panelSize: 3, vacancySchoolId: "v", members: [person("r", "reserve")], candidates: [] });
    expect(result).toMatchObject({ ok: true, panels: {}, reserves: ["r"] });
  });

  it("refuses malformed input", () => {
    const base = { seed: "x", panelSize: 1, vacancySchoolId: "v", members: [person("m")], candidates: [] };
    const invalid = expect.objectContaining({ code: "invalid_draw_input" });
    expect(() => drawCompetitionPanel({ ...base, panelSize: 0 })).toThrow(invalid);
    expect(() => drawCompetitionPanel({ ...base, panelSize: 1.5 })).toThrow(invalid);
    expect(() => drawCompetitionPanel({ ...base, seed: "" })).toThrow(invalid);
    expect(() => drawCompetitionPanel({ ...base, members: [person("m"), person("m", "reserve")] })).toThrow(invalid);
    expect(() => drawCompetitionPanel({ ...base, members: [person("m", "member", { loadCap: -1 })] })).toThrow(invalid);
    const candidate = { applicationId: "a", candidateId: "t" };
    expect(() => drawCompetitionPanel({ ...base, candidates: [candidate, candidate] })).toThrow(invalid);
  });
});

describe("inputsHash", () => {
  const input: DrawCompetitionPanelInput = {
    seed: "public-seed",
    panelSize: 1,
    vacancySchoolId: "v",
    members: [
      person("m2", "reserve", { schoolId: "s1", conflicts: { userIds: ["t9", "t1"], schoolIds: [] } }),
      person("m1", "chair", { loadCap: 4 }),
    ],
    candidates: [{ applicationId: "a1", candidateId: "t1", schoolId: "s2" }],
  };

  it("is SHA-256 of a documented canonical JSON, so anyone can recompute it", () => {
    const expected =
      '{"candidates":[{"applicationId":"a1","candidateId":"t1","schoolId":"s2"}],"drawVersion":2,' +
      '"members":[{"conflicts":{"schoolIds":[],"userIds":[]},"currentLoad":0,"loadCap":4,"role":"chair","userId":"m1"},' +
      '{"conflicts":{"schoolIds":[],"userIds":["t1","t9"]},"currentLoad":0,"role":"reserve","schoolId":"s1","userId":"m2"}],' +
      '"panelSize":1,"vacancySchoolId":"v"}';
    const result = drawCompetitionPanel(input);
    expect(result.inputsHash).toBe(sha256Hex(expected));
    expect(canonicalJson(JSON.parse(expected))).toBe(expected);
  });

  it("leaves the seed out, so the inputs can be committed to before the seed is known", () => {
    const a = drawCompetitionPanel(input);
    const b = drawCompetitionPanel({ ...input, seed: "another" });
    expect(a.inputsHash).toBe(b.inputsHash);
    expect(competitionDrawInputsHash(input)).toBe(a.inputsHash);
  });

  it("changes with any fact that matters", () => {
    const base = drawCompetitionPanel(input).inputsHash;
    const withConflict = structuredClone(input);
    withConflict.members[1]?.conflicts.schoolIds.push("s2");
    expect(drawCompetitionPanel(withConflict).inputsHash).not.toBe(base);
    expect(drawCompetitionPanel({ ...input, panelSize: 2 }).inputsHash).not.toBe(base);
    expect(drawCompetitionPanel({ ...input, vacancySchoolId: "w" }).inputsHash).not.toBe(base);
  });
});

describe("verifyCompetitionDraw", () => {
  const members = [...Array.from({ length: 5 }, (_, index) => person(`m${index}`)), person("r0", "reserve"), person("r1", "reserve")];
  const candidates = [
    { applicationId: "a1", candidateId: "t1", schoolId: "s1" },
    { applicationId: "a2", candidateId: "t2" },
  ];
  const input: DrawCompetitionPanelInput = { seed: "public-seed", panelSize: 3, vacancySchoolId: "v", members, candidates };
  const result = drawCompetitionPanel(input);
  if (!result.ok) throw new Error("expected a draw");
  const record = { ...input, inputsHash: result.inputsHash, drawVersion: COMPETITION_DRAW_VERSION, panels: result.panels, reserves: result.reserves };

  it("accepts the record a draw leaves, whatever order its lists are in", () => {
    expect(verifyCompetitionDraw(record)).toEqual({ ok: true });
    expect(verifyCompetitionDraw({ ...record, members: [...members].reverse(), candidates: [...candidates].reverse() })).toEqual({ ok: true });
  });

  it("says what is wrong with a record that does not stand", () => {
    const panel = record.panels.a1 ?? [];
    const outsider = members.find((member) => member.role === "member" && !panel.includes(member.userId))?.userId as string;
    expect(verifyCompetitionDraw({ ...record, panels: { ...record.panels, a1: [outsider, ...panel.slice(1)] } })).toEqual({
      ok: false,
      reason: expect.stringContaining("case a1"),
    });
    expect(verifyCompetitionDraw({ ...record, vacancySchoolId: "w" })).toEqual({ ok: false, reason: expect.stringContaining("hash") });
    expect(verifyCompetitionDraw({ ...record, drawVersion: 1 })).toEqual({ ok: false, reason: expect.stringContaining("version") });
    expect(verifyCompetitionDraw({ ...record, reserves: [...record.reserves].reverse() })).toMatchObject({ ok: false });
  });
});
