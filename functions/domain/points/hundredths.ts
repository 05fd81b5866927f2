import { DomainError } from "../domainError.ts";

// Points are kept as integers counting hundredths of a point. Every rubric value (1.5, 0.5, -2 …) is a
// whole number of hundredths, so sums are exact; only a mean needs rounding, and that happens once, in
// integer arithmetic, with a rule written down here rather than inherited from floating point.

export function isWholeHundredths(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-7;
}

export function toHundredths(points: number): number {
  if (!isWholeHundredths(points)) {
    throw new DomainError("invalid_points", `points must be whole hundredths, got ${points}`, { points });
  }
  return Math.round(points * 100);
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/**
 * numerator / denominator rounded to the nearest integer, halves away from zero (so −x rounds like x),
 * computed without leaving the integers.
 */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError("divideRounded needs safe integers and a positive denominator");
  }
  const magnitude = Math.floor((2 * Math.abs(numerator) + denominator) / (2 * denominator));
  return numerator < 0 ? -magnitude : magnitude;
}
