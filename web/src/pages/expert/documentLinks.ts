// GET /assignments/{id} hands out presigned document links that expire within 5 minutes. The page renews
// them (by reading the assignment again) before opening a document with a link that may have run out,
// with a margin for a slow connection to fetch a large scan before the link dies.

export const LINK_LIFETIME_MS = 5 * 60 * 1000;
const MARGIN_MS = 45 * 1000;

/** Whether links issued at `issuedAt` (ms) may no longer work for a document opened at `now` (ms). */
export function linksStale(issuedAt: number, now: number): boolean {
  return now - issuedAt >= LINK_LIFETIME_MS - MARGIN_MS;
}
