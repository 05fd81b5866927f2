import { describe, expect, it } from "vitest";
import {
  appealDeadline,
  DEFAULT_APPEAL_WORKING_DAYS,
  isAppealOpen,
  KZ_FIXED_PUBLIC_HOLIDAYS,
  lastAppealDay,
} from "../../../../functions/domain/attestation/appealWindow.ts";
import { DomainError } from "../../../../functions/domain/domainError.ts";

// Times are UTC; Kazakhstan is UTC+5, so local midnight is 19:00 UTC the day before.

describe("appealDeadline", () => {
  it("counts 10 working days from the day after the decision, skipping weekends", () => {
    expect(DEFAULT_APPEAL_WORKING_DAYS).toBe(10);
    // Decided Wednesday 2025-06-11 (local). Working days: 12, 13, 16, 17, 18, 19, 20, 23, 24, 25 June.
    const decidedAt = new Date("2025-06-11T06:00:00Z");
    expect(lastAppealDay(decidedAt)).toBe("2025-06-25");
    expect(appealDeadline(decidedAt).toISOString()).toBe("2025-06-25T19:00:00.000Z"); // end of 25 June, Astana time
  });

  it("moves over a weekend", () => {
    // Decided Friday 2025-06-13: one working day later is Monday the 16th, not Saturday.
    expect(lastAppealDay(new Date("2025-06-13T06:00:00Z"), 1)).toBe("2025-06-16");
    expect(lastAppealDay(new Date("2025-06-14T06:00:00Z"), 1)).toBe("2025-06-16"); // decided on Saturday
  });

  it("skips fixed public holidays", () => {
    expect(KZ_FIXED_PUBLIC_HOLIDAYS).toEqual([
      "01-01", "01-02", "01-07", "03-08", "03-21", "03-22", "03-23", "05-01", "05-07", "05-09", "07-06", "08-30", "10-25", "12-16",
    ]);
    // Nauryz 2025: 21 March is a Friday (22-23 the weekend). Decided Thursday 20 March → Monday 24 March.
    expect(lastAppealDay(new Date("2025-03-20T06:00:00Z"), 1)).toBe("2025-03-24");
    // 1 and 7 May 2025 are Thursday and Wednesday, 9 May a Friday: decided 30 April, 5 working days =
    // 2, 5, 6, 8, 12 May.
    expect(lastAppealDay(new Date("2025-04-30T06:00:00Z"), 5)).toBe("2025-05-12");
    // Without holidays the same count ends earlier.
    expect(lastAppealDay(new Date("2025-04-30T06:00:00Z"), 5, { holidays: [] })).toBe("2025-05-07");
  });

  it("accepts one-off dates (e.g. Kurban ait, transfers) as data", () => {
    const decidedAt = new Date("2025-06-05T06:00:00Z"); // Thursday
    expect(lastAppealDay(decidedAt, 1)).toBe("2025-06-06");
    expect(lastAppealDay(decidedAt, 1, { holidays: [...KZ_FIXED_PUBLIC_HOLIDAYS, "2025-06-06"] })).toBe("2025-06-09");
    expect(lastAppealDay(decidedAt, 1, { holidays: ["2024-06-06"] })).toBe("2025-06-06"); // another year's date does not apply
  });

  it("counts the local day: 20:00 UTC on Friday is already Saturday in Astana", () => {
    expect(lastAppealDay(new Date("2025-06-12T20:00:00Z"), 1)).toBe("2025-06-16"); // local Friday 13 01:00 → Monday
    expect(lastAppealDay(new Date("2025-06-12T18:59:59Z"), 1)).toBe("2025-06-13"); // local Thursday 23:59 → Friday
    expect(lastAppealDay(new Date("2025-06-12T20:00:00Z"), 1, { utcOffsetMinutes: 0 })).toBe("2025-06-13");
  });

  it("is open from the decision until the deadline, exclusive", () => {
    const decidedAt = new Date("2025-06-13T06:00:00Z");
    const deadline = appealDeadline(decidedAt, 1);
    expect(deadline.toISOString()).toBe("2025-06-16T19:00:00.000Z");
    expect(isAppealOpen(decidedAt, new Date(deadline.getTime() - 1), 1)).toBe(true);
    expect(isAppealOpen(decidedAt, deadline, 1)).toBe(false);
    expect(isAppealOpen(decidedAt, new Date("2025-06-13T05:59:59Z"), 1)).toBe(false);
  });

  it("refuses a window that is not a positive number of days", () => {
    expect(() => appealDeadline(new Date("2025-06-13T06:00:00Z"), 0)).toThrow(DomainError);
    expect(() => appealDeadline(new Date("2025-06-13T06:00:00Z"), 2.5)).toThrow(DomainError);
  });
});
