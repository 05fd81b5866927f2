import type { AuditEvent } from "../api/types.ts";

// What the audit page can tell from the events alone: whether each one points at the one before it. The
// hashes themselves are recomputed by `npm run verify-audit` (the browser has no canonical-JSON hasher);
// a broken link or a gap in the sequence is already visible here, page after page.
// auditChain.ts's GENESIS_HASH, restated: that module hashes with node:crypto, which no browser bundle can load.
const GENESIS_HASH = "0".repeat(64);

/** "linked": follows the event before it; "gap": a sequence number is missing; "broken": points elsewhere. */
export type LinkState = "linked" | "gap" | "broken";

/** The link state of each event, in the order loaded (the API returns a case's events in sequence order). */
export function linkStates(items: readonly Pick<AuditEvent, "seq" | "hash" | "prevHash">[]): LinkState[] {
  return items.map((item, index) => {
    const previous = index === 0 ? undefined : items[index - 1];
    if (item.seq !== (previous?.seq ?? 0) + 1) return "gap";
    return item.prevHash === (previous?.hash ?? GENESIS_HASH) ? "linked" : "broken";
  });
}

/** A hash as people compare it by eye: its first and last characters. */
export function shortHash(hash: string): string {
  return hash.length <= 16 ? hash : `${hash.slice(0, 8)}…${hash.slice(-8)}`;
}
