import { canonicalJson, sha256Hex } from "../assignment/canonicalJson.ts";

export interface AuditEventContent {
  caseId: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  data: Record<string, unknown>;
  prevHash: string;
}

export interface AuditEvent extends AuditEventContent {
  hash: string;
}

/** The first event of every case links to this, so a chain cannot be cut off at its head unnoticed. */
export const GENESIS_HASH = "0".repeat(64);

export function auditHash(content: AuditEventContent): string {
  const { caseId, seq, at, actor, action, data, prevHash } = content;
  // Key order must not change a hash, or a re-serialised but untouched event would look tampered with.
  return sha256Hex(canonicalJson({ caseId, seq, at, actor, action, data, prevHash }));
}

export function nextAuditEvent(
  previous: Pick<AuditEvent, "seq" | "hash"> | undefined,
  event: Omit<AuditEventContent, "seq" | "prevHash">,
): AuditEvent {
  const content = { ...event, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...content, hash: auditHash(content) };
}

export type ChainCheck = { ok: true; count: number } | { ok: false; seq: number; problem: "hash_mismatch" | "broken_link" | "gap" };

/** Recomputes a case's chain in order and names the first event that does not hold. */
export function verifyAuditChain(events: readonly AuditEvent[]): ChainCheck {
  let previous: AuditEvent | undefined;
  for (const event of events) {
    if (event.seq !== (previous?.seq ?? 0) + 1) return { ok: false, seq: event.seq, problem: "gap" };
    if (event.prevHash !== (previous?.hash ?? GENESIS_HASH)) return { ok: false, seq: event.seq, problem: "broken_link" };
    if (auditHash(event) !== event.hash) return { ok: false, seq: event.seq, problem: "hash_mismatch" };
    previous = event;
  }
  return { ok: true, count: events.length };
}
