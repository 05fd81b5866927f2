import { describe, expect, it } from "vitest";
import { commissionVote, quorumFor } from "../../../../functions/domain/attestation/commissionVote.ts";

const code = (result: ReturnType<typeof commissionVote>) => (result.ok ? "ok" : result.code);

describe("commissionVote", () => {
  it("needs two thirds of the members present, rounded up", () => {
    expect([3, 6, 7, 8, 9].map(quorumFor)).toEqual([2, 4, 5, 6, 6]);
    // 7 members: 2/3 × 7 = 4.67, so 5 make a quorum and 4 do not.
    expect(code(commissionVote({ commissionSize: 7, present: 4, for: 4, against: 0 }))).toBe("no_quorum");
    expect(commissionVote({ commissionSize: 7, present: 5, for: 4, against: 1 })).toEqual({ ok: true, accepted: true, decidedByChair: false });
    // 9 members: exactly 6 is two thirds.
    expect(code(commissionVote({ commissionSize: 9, present: 6, for: 6, against: 0 }))).toBe("ok");
    expect(code(commissionVote({ commissionSize: 9, present: 5, for: 5, against: 0 }))).toBe("no_quorum");
  });

  it("explains a missing quorum in three languages", () => {
    const result = commissionVote({ commissionSize: 7, present: 3, for: 3, against: 0 });
    if (result.ok) throw new Error("expected a refusal");
    expect(result.details).toEqual({ quorum: 5, present: 3, commissionSize: 7 });
    expect(result.message.ru).toContain("5 из 7");
    expect(result.message.kk).toContain("7-ден 5");
    expect(result.message.en).toContain("5 of 7");
  });

  it("decides by the majority of those voting; abstentions do not count", () => {
    expect(commissionVote({ commissionSize: 7, present: 7, for: 2, against: 1 })).toEqual({ ok: true, accepted: true, decidedByChair: false });
    expect(commissionVote({ commissionSize: 7, present: 7, for: 3, against: 4 })).toEqual({ ok: true, accepted: false, decidedByChair: false });
  });

  it("lets the chair's vote break a tie", () => {
    expect(commissionVote({ commissionSize: 7, present: 6, for: 3, against: 3, chairVotedFor: true })).toEqual({
      ok: true,
      accepted: true,
      decidedByChair: true,
    });
    expect(commissionVote({ commissionSize: 7, present: 6, for: 3, against: 3, chairVotedFor: false })).toEqual({
      ok: true,
      accepted: false,
      decidedByChair: true,
    });
    expect(code(commissionVote({ commissionSize: 7, present: 6, for: 3, against: 3 }))).toBe("tie_without_chair_vote");
    // The chair's vote is ignored when there is no tie.
    expect(commissionVote({ commissionSize: 7, present: 7, for: 4, against: 3, chairVotedFor: false })).toMatchObject({ accepted: true });
  });

  it("refuses impossible counts", () => {
    expect(code(commissionVote({ commissionSize: 7, present: 5, for: 4, against: 2 }))).toBe("invalid_vote");
    expect(code(commissionVote({ commissionSize: 7, present: 8, for: 4, against: 2 }))).toBe("invalid_vote");
    expect(code(commissionVote({ commissionSize: 7, present: 6, for: 0, against: 0 }))).toBe("invalid_vote");
    expect(code(commissionVote({ commissionSize: 7, present: 6, for: 2.5, against: 1 }))).toBe("invalid_vote");
    expect(code(commissionVote({ commissionSize: 0, present: 0, for: 0, against: 0 }))).toBe("invalid_vote");
    expect(code(commissionVote({ commissionSize: 7, present: 6, for: -1, against: 1 }))).toBe("invalid_vote");
  });
});
