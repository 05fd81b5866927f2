import { DomainError } from "../domainError.ts";
import type { TieBreak } from "../rubrics/rubric.ts";

export type RankingEntry = {
  applicationId: string;
  total: number;
  perCriterion: Record<string, number>;
  /** ISO 8601 timestamp of the application's submission. */
  submittedAt: string;
};

export type RankedCandidate = { applicationId: string; rank: number; total: number };

type Prepared = {
  entry: RankingEntry;
  totalHundredths: number;
  submittedAtMs: number;
  tieBreakHundredths: number[];
};

// Points are compared as whole hundredths so that two totals that are equal on paper (e.g. 0.1 + 0.2 and
// 0.3) are treated as a tie and go to the tie-breaks, instead of being separated by floating-point noise.
const hundredths = (points: number): number => Math.round(points * 100);

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders candidates best first: higher total, then each tie-break in turn (higher points on the named
 * criterion; earlier submission), then applicationId so the result is the same on every machine.
 * Ranks are 1..n with no shared ranks: the decision passes down the list one candidate at a time.
 */
export function rankCandidates(entries: readonly RankingEntry[], tieBreaks: readonly TieBreak[]): RankedCandidate[] {
  const seen = new Set<string>();
  const prepared: Prepared[] = entries.map((entry) => {
    if (seen.has(entry.applicationId)) {
      throw new DomainError("duplicate_application", `application ${entry.applicationId} appears twice`, {
        applicationId: entry.applicationId,
      });
    }
    seen.add(entry.applicationId);
    if (!Number.isFinite(entry.total)) {
      throw new DomainError("invalid_total", `application ${entry.applicationId} has no finite total`, {
        applicationId: entry.applicationId,
      });
    }
    const submittedAtMs = Date.parse(entry.submittedAt);
    if (Number.isNaN(submittedAtMs)) {
      throw new DomainError("invalid_submitted_at", `application ${entry.applicationId} has no valid submittedAt`, {
        applicationId: entry.applicationId,
        submittedAt: entry.submittedAt,
      });
    }
    const tieBreakHundredths = tieBreaks.map((tieBreak) => {
      if (!("criterionId" in tieBreak)) return 0;
      const points = entry.perCriterion[tieBreak.criterionId];
      // Treating a missing score as 0 would silently rank the candidate down; refuse instead.
      if (points === undefined || !Number.isFinite(points)) {
        throw new DomainError("missing_tie_break_score", `application ${entry.applicationId} has no score for ${tieBreak.criterionId}`, {
          applicationId: entry.applicationId,
          criterionId: tieBreak.criterionId,
        });
      }
      return hundredths(points);
    });
    return { entry, totalHundredths: hundredths(entry.total), submittedAtMs, tieBreakHundredths };
  });

  prepared.sort((a, b) => {
    if (a.totalHundredths !== b.totalHundredths) return b.totalHundredths - a.totalHundredths;
    for (let index = 0; index < tieBreaks.length; index++) {
      const tieBreak = tieBreaks[index];
      const difference =
        tieBreak !== undefined && "criterionId" in tieBreak
          ? (b.tieBreakHundredths[index] ?? 0) - (a.tieBreakHundredths[index] ?? 0)
          : a.submittedAtMs - b.submittedAtMs;
      if (difference !== 0) return difference;
    }
    return compareCodeUnits(a.entry.applicationId, b.entry.applicationId);
  });

  return prepared.map(({ entry }, index) => ({ applicationId: entry.applicationId, rank: index + 1, total: entry.total }));
}
