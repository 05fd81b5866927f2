import { describe, expect, it } from "vitest";
import { GENESIS_HASH, nextAuditEvent, verifyAuditChain, type AuditEvent } from "../../../../functions/domain/audit/auditChain.ts";

function chain(length: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (let i = 0; i < length; i++) {
    events.push(nextAuditEvent(events.at(-1), { caseId: "v1", at: `2026-01-01T00:00:0${i}Z`, actor: `user-${i}`, action: "step", data: { i, list: [1, 2] } }));
  }
  return events;
}

describe("the audit hash chain", () => {
  it("links each event to the previous one, starting from the genesis hash", () => {
    const events = chain(3);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3]);
    expect(verifyAuditChain(events)).toEqual({ ok: true, count: 3 });
  });

  it("names the first event whose content was edited", () => {
    const events = chain(4);
    events[2] = { ...events[2]!, data: { i: 99, list: [1, 2] } };
    expect(verifyAuditChain(events)).toEqual({ ok: false, seq: 3, problem: "hash_mismatch" });
  });

  it("detects an event rewritten with a fresh hash, at the next link", () => {
    const events = chain(4);
    const forged = nextAuditEvent(events[0], { caseId: "v1", at: events[1]!.at, actor: "someone-else", action: "step", data: {} });
    events[1] = forged;
    expect(verifyAuditChain(events)).toEqual({ ok: false, seq: 3, problem: "broken_link" });
  });

  it("detects a deleted event as a gap", () => {
    const events = chain(4);
    events.splice(1, 1);
    expect(verifyAuditChain(events)).toEqual({ ok: false, seq: 3, problem: "gap" });
  });

  it("does not depend on the key order of the event's data", () => {
    const a = nextAuditEvent(undefined, { caseId: "v", at: "t", actor: "a", action: "x", data: { b: 1, a: 2 } });
    const b = nextAuditEvent(undefined, { caseId: "v", at: "t", actor: "a", action: "x", data: { a: 2, b: 1 } });
    expect(a.hash).toBe(b.hash);
  });
});
