import { describe, expect, it } from "vitest";
import { archiveDecision, auditArchiveKey, MalformedAuditItem } from "../../../../functions/domain/audit/archiveRecord.ts";
import { nextAuditEvent, verifyAuditChain, type AuditEvent } from "../../../../functions/domain/audit/auditChain.ts";

const event = nextAuditEvent(undefined, { caseId: "v1_A-b", at: "2026-01-01T00:00:00Z", actor: "user-1", action: "vacancy.created", data: { b: 1, a: [2, 1] } });
const keysOf = (caseId: string, seq: number) => ({ PK: `CASE#${caseId}`, SK: `AUDIT#${String(seq).padStart(10, "0")}` });
// As commitWithAudit writes it: key, type and the event's own fields.
const itemOf = (e: AuditEvent) => ({ ...keysOf(e.caseId, e.seq), type: "audit", ...e });

describe("archiving an audit event", () => {
  it("copies an inserted audit event to audit/<caseId>/<10-digit seq>.json as canonical JSON of the event", () => {
    const decision = archiveDecision({ eventName: "INSERT", keys: keysOf(event.caseId, 1), newImage: itemOf(event) });
    expect(decision).toEqual({ kind: "archive", key: "audit/v1_A-b/0000000001.json", body: expect.any(String) });
    if (decision.kind !== "archive") throw new Error("unreachable");
    // Sorted keys, no PK/SK/type: the same bytes on every retry, and checkable as a chain.
    expect(decision.body.startsWith('{"action":"vacancy.created","actor":"user-1","at":')).toBe(true);
    const archived = JSON.parse(decision.body) as AuditEvent;
    expect(archived).toEqual(event);
    expect(verifyAuditChain([archived])).toEqual({ ok: true, count: 1 });
    expect(archiveDecision({ eventName: "INSERT", keys: keysOf(event.caseId, 1), newImage: { ...itemOf(event), createdAt: "x" } })).toEqual(decision);
  });

  it("pads the sequence number to 10 digits", () => {
    expect(auditArchiveKey("c", 1234)).toBe("audit/c/0000001234.json");
  });

  it("ignores items that are not audit events, whatever happened to them", () => {
    for (const eventName of ["INSERT", "MODIFY", "REMOVE"] as const) {
      expect(archiveDecision({ eventName, keys: { PK: "VACANCY#v1", SK: "VACANCY" }, newImage: { status: "published" } })).toEqual({ kind: "ignore" });
      expect(archiveDecision({ eventName, keys: { PK: "CASE#v1", SK: "META" } })).toEqual({ kind: "ignore" });
    }
  });

  it("reports a modified or removed audit event by case and seq only", () => {
    expect(archiveDecision({ eventName: "MODIFY", keys: keysOf("v1", 7), newImage: { ...itemOf(event), actor: "someone-else" } })).toEqual({
      kind: "suspicious",
      eventName: "MODIFY",
      caseId: "v1",
      seq: 7,
    });
    expect(archiveDecision({ eventName: "REMOVE", keys: keysOf("v1", 7) })).toEqual({ kind: "suspicious", eventName: "REMOVE", caseId: "v1", seq: 7 });
  });

  it("refuses an audit item it cannot archive faithfully instead of archiving something else", () => {
    const insert = (keys: Record<string, unknown>, newImage?: Record<string, unknown>) => () =>
      archiveDecision({ eventName: "INSERT", keys, ...(newImage ? { newImage } : {}) });
    expect(insert(keysOf(event.caseId, 1))).toThrow(MalformedAuditItem);
    expect(insert(keysOf(event.caseId, 2), itemOf(event))).toThrow(/seq 2/);
    expect(insert(keysOf("other", 1), itemOf(event))).toThrow(MalformedAuditItem);
    expect(insert(keysOf(event.caseId, 1), { ...itemOf(event), hash: undefined })).toThrow(MalformedAuditItem);
    expect(insert(keysOf(event.caseId, 1), { ...itemOf(event), data: [1] })).toThrow(MalformedAuditItem);
    expect(insert({ PK: "CASE#a/../b", SK: "AUDIT#0000000001" }, itemOf(event))).toThrow(MalformedAuditItem);
    expect(insert({ PK: "CASE#.hidden", SK: "AUDIT#0000000001" }, itemOf(event))).toThrow(MalformedAuditItem);
    expect(insert({ PK: "CASE#v1", SK: "AUDIT#1" }, itemOf(event))).toThrow(MalformedAuditItem);
  });
});
