import { describe, expect, it } from "vitest";
import { nextAuditEvent } from "../../../functions/domain/audit/auditChain.ts";
import { linkStates, shortHash } from "../../../web/src/ui/auditLinks.ts";

const chain = () => {
  const first = nextAuditEvent(undefined, { caseId: "v1", at: "2026-11-25T10:00:00Z", actor: "hr", action: "vacancy.created", data: {} });
  const second = nextAuditEvent(first, { caseId: "v1", at: "2026-11-25T10:01:00Z", actor: "hr", action: "vacancy.published", data: {} });
  const third = nextAuditEvent(second, { caseId: "v1", at: "2026-11-25T10:02:00Z", actor: "workflow:x", action: "applications.closed", data: {} });
  return [first, second, third];
};

describe("audit links", () => {
  it("are all linked in a chain the server built", () => {
    expect(linkStates(chain())).toEqual(["linked", "linked", "linked"]);
  });
  it("show a missing event as a gap and a rewritten link as broken", () => {
    const [first, second, third] = chain();
    expect(linkStates([first!, third!])).toEqual(["linked", "gap"]);
    expect(linkStates([first!, { ...second!, prevHash: "f".repeat(64) }, third!])).toEqual(["linked", "broken", "linked"]);
    expect(linkStates([second!])).toEqual(["gap"]);
  });
  it("shorten long hashes only", () => {
    expect(shortHash("a".repeat(8) + "b".repeat(48) + "c".repeat(8))).toBe("aaaaaaaa…cccccccc");
    expect(shortHash("abc")).toBe("abc");
  });
});
