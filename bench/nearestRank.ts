/**
 * The q-quantile of `sorted` (ascending) by the nearest-rank method: the smallest sample with at least a
 * share q of the samples at or below it; undefined when there are none. Every p50/p90/p99 the benchmarks
 * report is this one, so that figures from different benchmarks mean the same thing.
 */
export function nearestRank(sorted: readonly number[], q: number): number | undefined {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
