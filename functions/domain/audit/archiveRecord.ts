// What the audit archive does with one table change: a new audit event is copied, as canonical JSON, to
// a write-once object whose key its case and sequence number fix; a changed or removed audit event is
// reported (the app never changes one, so that is tampering or an operator's mistake); anything else is
// not the archive's business. Pure: the stream handler (functions/streams/archiveAuditEvents.ts) does
// the parsing, unmarshalling and writing.
import { canonicalJson } from "../assignment/canonicalJson.ts";
import type { AuditEvent } from "./auditChain.ts";

export interface TableChange {
  eventName: "INSERT" | "MODIFY" | "REMOVE";
  /** The item's key attributes, unmarshalled. */
  keys: Record<string, unknown>;
  /** The item after the change, unmarshalled; absent for REMOVE. */
  newImage?: Record<string, unknown>;
}

export type ArchiveDecision =
  | { kind: "archive"; key: string; body: string }
  | { kind: "suspicious"; eventName: "MODIFY" | "REMOVE"; caseId: string; seq: number }
  | { kind: "ignore" };

/** A new audit event that cannot be archived faithfully; the stream consumer fails its record (→ DLQ). */
export class MalformedAuditItem extends Error {
  override readonly name = "MalformedAuditItem";
}

const CASE_PREFIX = "CASE#";
const AUDIT_PREFIX = "AUDIT#";
const SEQ_DIGITS = 10;
// Ids are base64url or UUIDs; anything that could add a path segment or escape the prefix is refused
// rather than encoded, because the key must be predictable from the case id alone.
const SAFE_CASE_ID = /^[A-Za-z0-9_:@-][A-Za-z0-9_.:@-]{0,199}$/;

export function auditArchiveKey(caseId: string, seq: number): string {
  return `audit/${caseId}/${String(seq).padStart(SEQ_DIGITS, "0")}.json`;
}

function auditKeyOf(keys: Record<string, unknown>): { caseId: string; seq: number } | undefined {
  const { PK, SK } = keys;
  if (typeof PK !== "string" || typeof SK !== "string") return undefined;
  if (!PK.startsWith(CASE_PREFIX) || !SK.startsWith(AUDIT_PREFIX)) return undefined;
  const caseId = PK.slice(CASE_PREFIX.length);
  const digits = SK.slice(AUDIT_PREFIX.length);
  if (!SAFE_CASE_ID.test(caseId) || !new RegExp(`^\\d{${SEQ_DIGITS}}$`).test(digits)) {
    throw new MalformedAuditItem(`audit key ${JSON.stringify(PK)} / ${JSON.stringify(SK)} is not CASE#<id> / AUDIT#<10 digits>`);
  }
  return { caseId, seq: Number(digits) };
}

function auditEventOf(image: Record<string, unknown>, caseId: string, seq: number): AuditEvent {
  const { seq: itemSeq, at, actor, action, data, hash, prevHash } = image;
  const valid =
    itemSeq === seq &&
    (image.caseId === undefined || image.caseId === caseId) &&
    typeof at === "string" &&
    typeof actor === "string" &&
    typeof action === "string" &&
    typeof data === "object" &&
    data !== null &&
    !Array.isArray(data) &&
    typeof hash === "string" &&
    typeof prevHash === "string";
  if (!valid) throw new MalformedAuditItem(`audit item of case ${caseId} seq ${seq} lacks or contradicts an event field`);
  return { caseId, seq, at, actor, action, data: data as Record<string, unknown>, hash, prevHash };
}

export function archiveDecision(change: TableChange): ArchiveDecision {
  const audit = auditKeyOf(change.keys);
  if (!audit) return { kind: "ignore" };
  if (change.eventName !== "INSERT") return { kind: "suspicious", eventName: change.eventName, caseId: audit.caseId, seq: audit.seq };
  if (!change.newImage) throw new MalformedAuditItem(`INSERT of case ${audit.caseId} seq ${audit.seq} carries no new image`);
  const event = auditEventOf(change.newImage, audit.caseId, audit.seq);
  // Canonical JSON: a retried write produces the very same bytes, and the archived chain can be checked
  // with verifyAuditChain exactly as the table's.
  return { kind: "archive", key: auditArchiveKey(audit.caseId, audit.seq), body: canonicalJson(event) };
}
