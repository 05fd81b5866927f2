import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createSeededRandom,
  seededOrder,
  seededShuffle,
  shuffle,
  xoshiro128StarStar,
} from "../../../../functions/domain/assignment/seededRandom.ts";

describe("xoshiro128StarStar", () => {
  it("reproduces the reference outputs for state [1, 2, 3, 4]", () => {
    const next = xoshiro128StarStar([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, next)).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it("reproduces the reference outputs for a random state", () => {
    const next = xoshiro128StarStar([0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0]);
    expect(Array.from({ length: 4 }, next)).toEqual([0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70]);
  });

  it("refuses the all-zero state", () => {
    expect(() => xoshiro128StarStar([0, 0, 0, 0])).toThrow(RangeError);
  });
});

describe("createSeededRandom", () => {
  it("is a pure function of the seed", () => {
    const draw = (seed: string) => {
      const random = createSeededRandom(seed);
      return Array.from({ length: 5 }, () => random.nextUint32());
    };
    expect(draw("vacancy-1")).toEqual(draw("vacancy-1"));
    expect(draw("vacancy-1")).not.toEqual(draw("vacancy-2"));
  });

  it("keeps nextInt and nextFloat in range", () => {
    const random = createSeededRandom("range");
    for (let index = 0; index < 1000; index++) {
      const value = random.nextInt(7);
      expect(Number.isInteger(value) && value >= 0 && value < 7).toBe(true);
      const float = random.nextFloat();
      expect(float >= 0 && float < 1).toBe(true);
    }
    expect(random.nextInt(1)).toBe(0);
    expect(() => random.nextInt(0)).toThrow(RangeError);
    expect(() => random.nextInt(2.5)).toThrow(RangeError);
  });
});

describe("shuffle", () => {
  it("returns a permutation and leaves the input alone (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const copy = [...items];
        const shuffled = seededShuffle(seed, items);
        expect(items).toEqual(copy);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
        expect(seededShuffle(seed, items)).toEqual(shuffled);
      }),
    );
  });

  it("makes every order of three items about equally likely", () => {
    const counts = new Map<string, number>();
    const random = createSeededRandom("uniformity");
    for (let index = 0; index < 3000; index++) {
      const key = shuffle(["a", "b", "c"], random).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 500)).toBeLessThan(100);
  });
});

describe("seededOrder", () => {
  it("orders any subset as the same subsequence of the full order (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 12 }), fc.string(), fc.func(fc.boolean()), (ids, seed, keep) => {
        const full = seededOrder(seed, "reserve", ids);
        const subset = ids.filter((id) => keep(id));
        expect(seededOrder(seed, "reserve", subset)).toEqual(full.filter((id) => subset.includes(id)));
        expect(seededOrder(seed, "reserve", [...ids].reverse())).toEqual(full);
      }),
    );
  });

  it("depends on the seed and the label", () => {
    const ids = Array.from({ length: 8 }, (_, index) => `user-${index}`);
    const base = seededOrder("s", "reserve", ids);
    expect(seededOrder("t", "reserve", ids)).not.toEqual(base);
    expect(seededOrder("s", "other", ids)).not.toEqual(base);
  });
});
