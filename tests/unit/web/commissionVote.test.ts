import { describe, expect, it } from "vitest";
import { isTie, parseCount, previewVote, voteBody, type VoteForm } from "../../../web/src/pages/chair/vote.ts";

const form = (present: string, votesFor: string, against: string, chairVote: VoteForm["chairVote"] = ""): VoteForm => ({ present, for: votesFor, against, chairVote });

describe("the chair's vote form", () => {
  it("reads whole counts only", () => {
    expect(parseCount(" 6 ")).toBe(6);
    for (const text of ["", "-1", "2.5", "six", "1000"]) expect(parseCount(text)).toBeUndefined();
  });

  it("sends the chair's vote only on a tie", () => {
    expect(voteBody(form("6", "5", "1", "for"))).toEqual({ present: 6, for: 5, against: 1 });
    expect(isTie(form("6", "3", "3"))).toBe(true);
    expect(isTie(form("6", "0", "0"))).toBe(false);
    expect(voteBody(form("6", "3", "3", "against"))).toEqual({ present: 6, for: 3, against: 3, chairVotedFor: false });
    expect(voteBody(form("6", "3", ""))).toBeUndefined();
  });

  it("previews the API's own verdict, refusals localised", () => {
    expect(previewVote(7, { present: 6, for: 5, against: 1 })).toEqual({ ok: true, accepted: true, decidedByChair: false });
    const noQuorum = previewVote(7, { present: 4, for: 4, against: 0 });
    expect(noQuorum.ok).toBe(false);
    if (!noQuorum.ok) {
      expect(noQuorum.code).toBe("no_quorum");
      expect(noQuorum.message.ru).toContain("5 из 7");
    }
    const tie = previewVote(7, { present: 6, for: 3, against: 3 });
    expect(tie.ok ? undefined : tie.code).toBe("tie_without_chair_vote");
  });
});
