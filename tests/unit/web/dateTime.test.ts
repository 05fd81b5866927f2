import { describe, expect, it } from "vitest";
import { localDateToIso, localInputToIso, suggestedClosesAt, toLocalDateValue, toLocalInputValue } from "../../../web/src/pages/hr/dateTime.ts";

// Run in a zone with an offset, so a conversion that ignored the zone would show.
process.env.TZ = "Asia/Almaty";

describe("datetime-local and ISO", () => {
  it("reads a typed local time in the browser's zone", () => {
    const iso = localInputToIso("2026-12-01T18:00");
    expect(iso).toBe(new Date(2026, 11, 1, 18, 0).toISOString());
    expect(toLocalInputValue(new Date(iso!))).toBe("2026-12-01T18:00");
  });

  it("refuses what is not a datetime-local value or not a real date", () => {
    for (const value of ["", "2026-12-01", "2026-02-31T10:00", "2026-12-01T24:30", "01.12.2026 18:00", "2026-12-01T18:00Z"]) {
      expect(localInputToIso(value)).toBeUndefined();
    }
  });

  it("accepts the seconds some browsers add", () => {
    expect(localInputToIso("2026-12-01T18:00:30")).toBe(new Date(2026, 11, 1, 18, 0, 30).toISOString());
  });

  it("gives the local calendar date, not the UTC one", () => {
    // 23:30 local on 1 December is still 1 December here, whatever the UTC date is.
    expect(toLocalDateValue(new Date(2026, 11, 1, 23, 30))).toBe("2026-12-01");
  });
});

describe("date inputs", () => {
  it("stand for the local day, also west of Greenwich where UTC midnight is the day before", () => {
    process.env.TZ = "America/Guatemala";
    try {
      const iso = localDateToIso("2026-12-01");
      expect(toLocalDateValue(new Date(iso!))).toBe("2026-12-01");
      expect(localDateToIso("2026-02-30")).toBeUndefined();
    } finally {
      process.env.TZ = "Asia/Almaty";
    }
  });
});

describe("the suggested deadline", () => {
  it("is seven calendar days later at the same minute", () => {
    expect(suggestedClosesAt(new Date(2026, 10, 28, 9, 41, 59))).toBe("2026-12-05T09:41");
  });
  it("takes another window when asked", () => {
    expect(suggestedClosesAt(new Date(2026, 11, 30, 12, 0), 3)).toBe("2027-01-02T12:00");
  });
  it("lies in the future and converts back to an instant the API accepts", () => {
    const now = new Date();
    const iso = localInputToIso(suggestedClosesAt(now));
    expect(Date.parse(iso!)).toBeGreaterThan(now.getTime());
  });
});
