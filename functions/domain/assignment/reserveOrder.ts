import { seededOrder } from "./seededRandom.ts";

// The one definition of "the seeded order of the reserves", shared by the draw (which returns the unused
// reserves in this order) and by pickReserve (which replaces a late member later). A hash-based order is
// used so that any subset of the reserves keeps the same relative order.
export function reserveOrder(seed: string, userIds: readonly string[]): string[] {
  return seededOrder(seed, "reserve", userIds);
}
