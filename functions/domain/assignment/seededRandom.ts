import { createHash } from "node:crypto";

// Reproducible randomness: the whole sequence follows from a string seed, so a recorded draw can be
// recomputed by anyone who has the seed and the inputs, and nobody can steer it without choosing the
// seed. The seed is expanded with SHA-256 and drives xoshiro128** (Blackman & Vigna), a small, well
// studied generator that is easy to re-implement in any language from its published reference code.

export interface SeededRandom {
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform float in [0, 1). */
  nextFloat(): number;
  /** Uniform integer in [0, bound), without modulo bias. */
  nextInt(bound: number): number;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** xoshiro128** over an explicit state; exported for checking against the reference outputs. */
export function xoshiro128StarStar(state: readonly [number, number, number, number]): () => number {
  let [s0, s1, s2, s3] = state.map((word) => word >>> 0) as [number, number, number, number];
  if ((s0 | s1 | s2 | s3) === 0) throw new RangeError("xoshiro128** state must not be all zero");
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    return result;
  };
}

export function createSeededRandom(seed: string): SeededRandom {
  const digest = createHash("sha256").update(seed, "utf8").digest();
  const words: [number, number, number, number] = [
    digest.readUInt32LE(0),
    digest.readUInt32LE(4),
    digest.readUInt32LE(8),
    digest.readUInt32LE(12),
  ];
  // An all-zero state would emit zeros forever; SHA-256 makes it practically impossible, but stay safe.
  if ((words[0] | words[1] | words[2] | words[3]) === 0) words[0] = 1;
  const next = xoshiro128StarStar(words);
  return {
    nextUint32: next,
    nextFloat: () => next() / 2 ** 32,
    nextInt(bound: number): number {
      if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32) {
        throw new RangeError("nextInt bound must be an integer in [1, 2^32]");
      }
      // Reject the top sliver of the 32-bit range that would make some results more likely than others.
      const limit = 2 ** 32 - (2 ** 32 % bound);
      for (;;) {
        const value = next();
        if (value < limit) return value % bound;
      }
    },
  };
}

/** Fisher-Yates shuffle into a new array; the input is left untouched. */
export function shuffle<T>(items: readonly T[], random: SeededRandom): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = random.nextInt(index + 1);
    const item = result[index] as T;
    result[index] = result[other] as T;
    result[other] = item;
  }
  return result;
}

export function seededShuffle<T>(seed: string, items: readonly T[]): T[] {
  return shuffle(items, createSeededRandom(seed));
}

/**
 * A seeded order of distinct ids in which every id's position comes from its own hash (SHA-256 of seed,
 * label and id). Unlike a shuffle, the order of any subset is the same subsequence of the full order, so
 * "the seeded order of the reserves" stays the same whether a caller holds the whole reserve list or only
 * the reserves still free.
 */
export function seededOrder(seed: string, label: string, ids: readonly string[]): string[] {
  const keyed = ids.map((id) => ({
    id,
    key: createHash("sha256").update(`${seed}\u0000${label}\u0000${id}`, "utf8").digest("hex"),
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return keyed.map(({ id }) => id);
}
