import { describe, expect, it } from "vitest";
import { DomainError } from "../../../../functions/domain/domainError.ts";
import { divideRounded, fromHundredths, isWholeHundredths, toHundredths } from "../../../../functions/domain/points/hundredths.ts";

describe("hundredths", () => {
  it("converts rubric values exactly, despite binary floating point", () => {
    expect(toHundredths(1.5)).toBe(150);
    expect(toHundredths(-2)).toBe(-200);
    expect(toHundredths(0.1 + 0.2)).toBe(30);
    expect(toHundredths(1.15)).toBe(115);
    expect(fromHundredths(333)).toBe(3.33);
  });

  it("refuses values finer than a hundredth or not finite", () => {
    expect(isWholeHundredths(0.125)).toBe(false);
    expect(isWholeHundredths(Number.NaN)).toBe(false);
    expect(() => toHundredths(0.125)).toThrow(DomainError);
    expect(() => toHundredths(Number.POSITIVE_INFINITY)).toThrow(DomainError);
  });

  it("rounds a quotient to the nearest integer, halves away from zero", () => {
    expect(divideRounded(1000, 3)).toBe(333);
    expect(divideRounded(1001, 3)).toBe(334);
    expect(divideRounded(1, 2)).toBe(1);
    expect(divideRounded(3, 2)).toBe(2);
    expect(divideRounded(-1, 2)).toBe(-1);
    expect(divideRounded(-1000, 3)).toBe(-333);
    expect(divideRounded(-1001, 3)).toBe(-334);
    expect(divideRounded(0, 7)).toBe(0);
    expect(() => divideRounded(1, 0)).toThrow(RangeError);
    expect(() => divideRounded(0.5, 2)).toThrow(RangeError);
  });
});
