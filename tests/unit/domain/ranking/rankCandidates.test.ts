import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../../functions/domain/domainError.ts";
import { rankCandidates, type RankingEntry } from "../../../../functions/domain/ranking/rankCandidates.ts";
import type { TieBreak } from "../../../../functions/domain/rubrics/rubric.ts";

const defaultTieBreaks: TieBreak[] = [{ criterionId: "category" }, { criterionId: "experience" }, { by: "submittedAt" }];

const entry = (applicationId: string, total: number, category: number, experience: number, submittedAt: string): RankingEntry => ({
  applicationId,
  total,
  perCriterion: { category, experience },
  submittedAt,
});

const order = (ranked: { applicationId: string }[]) => ranked.map((r) => r.applicationId);

describe("rankCandidates", () => {
  it("ranks by total, then category, then experience, then submission time", () => {
    const ranked = rankCandidates(
      [
        entry("late-same-everything", 20, 5, 2, "2025-03-02T10:00:00Z"),
        entry("low-total", 10, 10, 3, "2025-03-01T08:00:00Z"),
        entry("higher-category", 20, 7, 1, "2025-03-05T10:00:00Z"),
        entry("early-same-everything", 20, 5, 2, "2025-03-01T10:00:00Z"),
        entry("more-experience", 20, 5, 3, "2025-03-09T10:00:00Z"),
        entry("top", 25.5, 0, 0, "2025-03-09T10:00:00Z"),
      ],
      defaultTieBreaks,
    );
    expect(ranked).toEqual([
      { applicationId: "top", rank: 1, total: 25.5 },
      { applicationId: "higher-category", rank: 2, total: 20 },
      { applicationId: "more-experience", rank: 3, total: 20 },
      { applicationId: "early-same-everything", rank: 4, total: 20 },
      { applicationId: "late-same-everything", rank: 5, total: 20 },
      { applicationId: "low-total", rank: 6, total: 10 },
    ]);
  });

  it("applies the tie-breaks in the configured order", () => {
    const entries = [entry("a", 20, 5, 3, "2025-03-02T00:00:00Z"), entry("b", 20, 7, 1, "2025-03-01T00:00:00Z")];
    expect(order(rankCandidates(entries, defaultTieBreaks))).toEqual(["b", "a"]);
    expect(order(rankCandidates(entries, [{ criterionId: "experience" }, { criterionId: "category" }]))).toEqual(["a", "b"]);
    expect(order(rankCandidates(entries, [{ by: "submittedAt" }]))).toEqual(["b", "a"]);
  });

  it("compares instants, not strings, for submission time", () => {
    const entries = [entry("a", 1, 0, 0, "2025-03-01T10:00:00+05:00"), entry("b", 1, 0, 0, "2025-03-01T06:00:00Z")];
    // 10:00 in Astana (+05:00) is 05:00Z, earlier than 06:00Z.
    expect(order(rankCandidates(entries, [{ by: "submittedAt" }]))).toEqual(["a", "b"]);
  });

  it("treats totals that are equal to the hundredth as a tie", () => {
    const entries = [
      { applicationId: "a", total: 0.3, perCriterion: { category: 1 }, submittedAt: "2025-01-01T00:00:00Z" },
      { applicationId: "b", total: 0.1 + 0.2, perCriterion: { category: 2 }, submittedAt: "2025-01-01T00:00:00Z" },
    ];
    expect(order(rankCandidates(entries, [{ criterionId: "category" }]))).toEqual(["b", "a"]);
  });

  it("falls back to applicationId when everything else is equal, whatever the input order", () => {
    const entries = [entry("b", 1, 1, 1, "2025-01-01T00:00:00Z"), entry("a", 1, 1, 1, "2025-01-01T00:00:00Z")];
    expect(order(rankCandidates(entries, defaultTieBreaks))).toEqual(["a", "b"]);
    expect(order(rankCandidates([...entries].reverse(), defaultTieBreaks))).toEqual(["a", "b"]);
  });

  it("gives strict ranks 1..n and is independent of input order (property)", () => {
    const arbitraryEntry = fc.record({
      total: fc.integer({ min: 0, max: 6 }).map((n) => n / 2),
      category: fc.integer({ min: 0, max: 2 }),
      experience: fc.integer({ min: 0, max: 2 }),
      minute: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryEntry, { maxLength: 12 }), fc.integer(), (raw, shift) => {
        const entries = raw.map((r, index) =>
          entry(`app-${index}`, r.total, r.category, r.experience, `2025-01-01T00:0${r.minute}:00Z`),
        );
        const ranked = rankCandidates(entries, defaultTieBreaks);
        expect(ranked.map((r) => r.rank)).toEqual(entries.map((_, index) => index + 1));
        const rotated = entries.map((_, index) => entries[(index + Math.abs(shift)) % entries.length] as RankingEntry);
        expect(rankCandidates(rotated, defaultTieBreaks)).toEqual(ranked);
        for (let index = 1; index < ranked.length; index++) {
          expect((ranked[index - 1] as { total: number }).total).toBeGreaterThanOrEqual((ranked[index] as { total: number }).total);
        }
      }),
    );
  });

  it("refuses input it cannot rank honestly", () => {
    const ok = entry("a", 1, 1, 1, "2025-01-01T00:00:00Z");
    expect(() => rankCandidates([ok, ok], defaultTieBreaks)).toThrow(expect.objectContaining({ code: "duplicate_application" }));
    expect(() => rankCandidates([{ ...ok, submittedAt: "yesterday" }], defaultTieBreaks)).toThrow(
      expect.objectContaining({ code: "invalid_submitted_at" }),
    );
    expect(() => rankCandidates([{ ...ok, perCriterion: { category: 1 } }], defaultTieBreaks)).toThrow(
      expect.objectContaining({ code: "missing_tie_break_score" }),
    );
    expect(() => rankCandidates([{ ...ok, total: Number.NaN }], defaultTieBreaks)).toThrow(DomainError);
    expect(rankCandidates([], defaultTieBreaks)).toEqual([]);
  });
});
