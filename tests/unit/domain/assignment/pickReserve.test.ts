import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawCompetitionPanel } from "../../../../functions/domain/assignment/drawCompetitionPanel.ts";
import type { PanelMember } from "../../../../functions/domain/assignment/eligibility.ts";
import { pickReserve } from "../../../../functions/domain/assignment/pickReserve.ts";
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
