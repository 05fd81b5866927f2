import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawCompetitionPanel } from "../../../../functions/domain/assignment/drawCompetitionPanel.ts";
import type { PanelMember } from "../../../../functions/domain/assignment/eligibility.ts";
import { assignPanels } from "../../../../functions/domain/assignment/assignPanels.ts";
import { pickReserve, pickReserveForCase } from "../../../../functions/domain/assignment/pickReserve.ts";
import { reserveOrder } from "../../../../functions/domain/assignment/reserveOrder.ts";

const reserve = (userId: string, extra: Partial<PanelMember> = {}): PanelMember => ({
  userId,
  role: "reserve",
  conflicts: { userIds: [], schoolIds: [] },
  ...extra,
});
const reserves = ["r0", "r1", "r2", "r3", "r4", "r5"].map((id) => reserve(id));
const candidate = { applicationId: "app", candidateId: "teacher", schoolId: "school-a" };
const seed = "draw-seed";
const order = reserveOrder(seed, reserves.map((r) => r.userId));
const nth = (index: number): string => order[index] as string;

const pick = (overrides: Partial<Parameters<typeof pickReserve>[0]> = {}) =>
  pickReserve({ seed, vacancySchoolId: "hiring", reserves, candidate, excludedUserIds: [], loads: {}, ...overrides });

describe("pickReserve", () => {
  it("takes the first reserve in the draw's seeded order", () => {
    expect(pick()).toBe(nth(0));
    expect(pick({ reserves: [...reserves].reverse() })).toBe(nth(0));
  });

  it("skips reserves already on the panel or who missed the deadline", () => {
    expect(pick({ excludedUserIds: [nth(0)] })).toBe(nth(1));
    expect(pick({ excludedUserIds: [nth(0), nth(1), nth(2)] })).toBe(nth(3));
  });

  it("honours every hard constraint of the draw", () => {
    const blocked = (extra: Partial<PanelMember>, who = candidate) =>
      pickReserve({
        seed,
        vacancySchoolId: "hiring",
        reserves: reserves.map((r) => (r.userId === nth(0) ? reserve(r.userId, extra) : r)),
        candidate: who,
        excludedUserIds: [],
        loads: {},
      });
    expect(blocked({ schoolId: "school-a" })).toBe(nth(1));
    expect(blocked({ schoolId: "hiring" })).toBe(nth(1));
    expect(blocked({ conflicts: { userIds: ["teacher"], schoolIds: [] } })).toBe(nth(1));
    expect(blocked({ conflicts: { userIds: [], schoolIds: ["school-a"] } })).toBe(nth(1));
    expect(blocked({ conflicts: { userIds: [], schoolIds: ["hiring"] } })).toBe(nth(1));
    expect(blocked({}, { ...candidate, candidateId: nth(0) })).toBe(nth(1));
    expect(blocked({ loadCap: 2, currentLoad: 2 })).toBe(nth(1));
    expect(blocked({ loadCap: 2, currentLoad: 1 })).toBe(nth(0));
  });

  it("reads the current load from loads before the member's own record", () => {
    const capped = reserves.map((r) => ({ ...r, loadCap: 3, currentLoad: 0 }));
    expect(pick({ reserves: capped, loads: { [nth(0)]: 3 } })).toBe(nth(1));
    expect(pick({ reserves: capped.map((r) => ({ ...r, currentLoad: 3 })), loads: { [nth(0)]: 2 } })).toBe(nth(0));
  });

  it("returns undefined when no reserve can take the case", () => {
    expect(pick({ excludedUserIds: order })).toBeUndefined();
    expect(pick({ reserves: [] })).toBeUndefined();
  });

  it("refuses a reserve list with duplicates", () => {
    expect(() => pick({ reserves: [reserve("r0"), reserve("r0")] })).toThrow(expect.objectContaining({ code: "invalid_draw_input" }));
  });

  it("agrees with the reserve order the draw recorded, whatever subset it is given (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.subarray(reserves.map((r) => r.userId)), (drawSeed, excluded) => {
        const members = [
          ...Array.from({ length: 3 }, (_, index): PanelMember => ({ ...reserve(`m${index}`), role: "member" })),
          ...reserves,
        ];
        const draw = drawCompetitionPanel({ seed: drawSeed, panelSize: 3, vacancySchoolId: "hiring", members, candidates: [candidate] });
        if (!draw.ok) throw new Error("expected a draw");
        const freeReserves = reserves.filter((r) => draw.reserves.includes(r.userId));
        const picked = pickReserve({
          seed: drawSeed,
          vacancySchoolId: "hiring",
          reserves: freeReserves,
          candidate,
          excludedUserIds: excluded,
          loads: {},
        });
        expect(picked).toBe(draw.reserves.find((id) => !excluded.includes(id)));
      }),
    );
  });
});

describe("pickReserveForCase", () => {
  const panelCase = { caseId: "portfolio", candidateId: "teacher", subject: "math", requiresSubjectMatch: true, poolId: "district-1", excludedUserIds: [] as string[] };
  const fit = (userId: string, extra: Partial<PanelMember> = {}): PanelMember => reserve(userId, { subjects: ["math"], poolIds: ["district-1"], ...extra });
  const pool = ["r0", "r1", "r2", "r3"].map((id) => fit(id));
  const first = reserveOrder(seed, ["r0", "r1", "r2", "r3"]);

  it("applies the case's pool, subject and exclusions, like the draw", () => {
    const pickFor = (reserves: PanelMember[], overrides: Partial<typeof panelCase> = {}) =>
      pickReserveForCase({ seed, reserves, panelCase: { ...panelCase, ...overrides }, excludedUserIds: [], loads: {} });
    expect(pickFor(pool)).toBe(first[0]);
    const swap = (extra: Partial<PanelMember>) => pool.map((r) => (r.userId === first[0] ? fit(r.userId, extra) : r));
    expect(pickFor(swap({ poolIds: ["district-2"] }))).toBe(first[1]);
    expect(pickFor(swap({ subjects: ["physics"] }))).toBe(first[1]);
    expect(pickFor(swap({ subjects: ["physics"] }), { requiresSubjectMatch: false })).toBe(first[0]);
    expect(pickFor(pool, { excludedUserIds: [first[0] as string] })).toBe(first[1]);
  });

  it("agrees with the reserves an attestation draw left free (property)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.subarray(["r0", "r1", "r2", "r3"]), (drawSeed, excluded) => {
        const members = [...Array.from({ length: 3 }, (_, index) => fit(`m${index}`, { role: "member" })), ...pool];
        const draw = assignPanels({ seed: drawSeed, panelSize: 3, members, cases: [panelCase] });
        const picked = pickReserveForCase({
          seed: drawSeed,
          reserves: pool.filter((r) => draw.reserves.includes(r.userId)),
          panelCase,
          excludedUserIds: excluded,
          loads: {},
        });
        expect(picked).toBe(draw.reserves.find((id) => !excluded.includes(id)));
      }),
    );
  });
});
